"""The explainer's scenes in order, read from the scene modules without importing them.

scenes/__init__.py lists the order; each scenes/<name>.py declares its ExplainerScene subclass
with plain literals (scene_name, chapter, summary, needs, steps). This module reads those literals with
`ast`, so `render.py list`, option checking and cache keys never import manim. The tests check
that what is read here equals the imported classes' attributes.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENES_DIR = ROOT / "scenes"
DECLARED = ("scene_name", "chapter", "summary", "needs", "steps")


@dataclass(frozen=True)
class SceneInfo:
    name: str          # what `render.py scene NAME` takes; also the module scenes/<name>.py
    class_name: str    # the ExplainerScene subclass in it
    chapter: str       # the chapter title (video chapters, slide titles, the on-screen heading)
    summary: str       # one line for `render.py list`
    needs: tuple = ()  # learned weights it draws ("projection", "heads"): part of its cache key
    number: int = 0    # its position in the explainer, from 1
    module: str = ""   # where the class lives: scenes.<name> (a test may render its own fixture)
    steps: tuple = ()  # its step methods, in order: a worker can render a range of them

    def __post_init__(self):
        if not self.module:
            object.__setattr__(self, "module", f"scenes.{self.name}")

    @property
    def title(self) -> str:
        return f"{self.number}. {self.chapter}"


class CatalogError(RuntimeError):
    """A scene module does not declare what the catalog needs (a developer's error)."""


def _order() -> tuple:
    tree = ast.parse((SCENES_DIR / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "ORDER" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise CatalogError("scenes/__init__.py has no ORDER tuple")


def _declared(name: str, number: int) -> SceneInfo:
    path = SCENES_DIR / f"{name}.py"
    if not path.exists():
        raise CatalogError(f"scenes/__init__.py lists '{name}' but {path.relative_to(ROOT)} does not exist")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        values = {}
        for statement in node.body:
            if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                for target in targets:
                    if getattr(target, "id", None) in DECLARED and statement.value is not None:
                        values[target.id] = ast.literal_eval(statement.value)
        if values.get("scene_name") == name:
            missing = [k for k in ("chapter", "summary") if not values.get(k)]
            if missing:
                raise CatalogError(f"{path.relative_to(ROOT)}: {node.name} does not declare {', '.join(missing)}")
            return SceneInfo(name, node.name, values["chapter"], values["summary"], tuple(values.get("needs", ())), number,
                             steps=tuple(values.get("steps", ())))
    raise CatalogError(f"{path.relative_to(ROOT)} has no class with scene_name = \"{name}\"")


@lru_cache(maxsize=1)
def scenes() -> tuple:
    """Every SceneInfo, in the explainer's order."""
    return tuple(_declared(name, number) for number, name in enumerate(_order(), 1))


def scene_names() -> list:
    return [info.name for info in scenes()]


def by_name(name: str) -> SceneInfo:
    for info in scenes():
        if info.name == name:
            return info
    raise KeyError(name)


def scene_class(info: SceneInfo):
    """The Scene subclass (imports its module, and so manim)."""
    return getattr(importlib.import_module(info.module), info.class_name)
