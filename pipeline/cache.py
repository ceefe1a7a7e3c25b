"""Cache keys that change exactly when a clip's pixels can change.

A clip is keyed by:
- the code that draws it: its scene module and every module of `scenes/` and `attention_math/`
  it imports, directly or through others (found by reading import statements, not by importing),
  plus the manim version. Not the pipeline, the slide deck or the reports: they never change a
  pixel. Two modules are read as data instead of code: attention_math.loader and .errors only
  turn a file into an Example, and the Example itself is part of the key;
- the example data the scene draws (learned weights only where the scene `needs` them);
- the render settings (theme, quality, resolution, fps, format, transparency, voice);
- for a spoken narration, the voice's fingerprint (pipeline.voice.voice_fingerprint: the voice
  engine, the code that makes the sound, and the bytes of the scene's recordings).
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from attention_math.example import Example

ROOT = Path(__file__).resolve().parents[1]
DRAWING_PACKAGES = ("scenes", "attention_math")
# Imported by scenes, but what they produce is hashed as data (the Example), not as code.
HASHED_AS_DATA = {"attention_math.loader", "attention_math.errors"}


def _module_path(module: str):
    """scenes.softmax -> ROOT/scenes/softmax.py; a package -> its __init__.py; else None."""
    base = ROOT.joinpath(*module.split("."))
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _imports(module: str, path: Path) -> frozenset:
    """The drawing modules `module` imports (absolute or relative, at any depth of the file).
    Each file is parsed once per version of it: the ten scenes share most of their imports, and
    parsing them again for every scene was most of a cached re-run's time."""
    version = path.stat()
    return _parsed_imports(module, path, version.st_mtime_ns, version.st_size)


@lru_cache(maxsize=None)
def _parsed_imports(module: str, path: Path, mtime_ns: int, size: int) -> frozenset:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{node.module}" if node.module else parent
            else:
                base = node.module or ""
            found.add(base)
            # `from pkg import name`: name may be a submodule
            found.update(f"{base}.{alias.name}" for alias in node.names if _module_path(f"{base}.{alias.name}"))
    return frozenset(m for m in found if m.split(".")[0] in DRAWING_PACKAGES and _module_path(m) and m not in HASHED_AS_DATA)


@lru_cache(maxsize=None)
def drawing_files(module: str) -> tuple:
    """Every source file whose code runs when `module` draws: itself and its drawing imports,
    transitively. Importing `pkg.sub` counts pkg/sub.py, not pkg/__init__.py's own imports."""
    seen, todo = {}, [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_path(name)
        seen[name] = path
        todo.extend(_imports(name, path) - set(seen))
    return tuple(sorted(str(p.relative_to(ROOT)) for p in seen.values()))


@lru_cache(maxsize=None)
def code_fingerprint(module: str) -> str:
    """Hash of the drawing code of one scene module, plus the manim version."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"manim {version('manim')}".encode())
    for relative in drawing_files(module):
        digest.update(relative.encode() + b"\0" + (ROOT / relative).read_bytes() + b"\0")
    return digest.hexdigest()


def example_fingerprint(example: Example, needs: Sequence[str] = ("projection", "heads")) -> str:
    """Hash of what a scene draws from the example; learned weights only if the scene needs
    them, so a new seed re-renders the projection and multi-head scenes and nothing else."""
    def matrix(a):
        return None if a is None else [[float(v) for v in row] for row in a]

    data = {
        "name": example.name, "dims": list(example.dims), "focus": example.focus,
        "embeddings": {t: [float(v) for v in vec] for t, vec in example.embeddings.items()},
        "sentences": [list(s) for s in example.sentences],
    }
    if example.plane:  # only when the file names it, so fingerprints of files without it stay as they were
        data["plane"] = list(example.plane)
    if "projection" in needs:
        p = example.projection
        data["projection"] = [matrix(p.w_q), matrix(p.w_k), matrix(p.w_v)]
    if "heads" in needs:
        data["heads"] = [[matrix(h.w_q), matrix(h.w_k), matrix(h.w_v)] for h in example.heads]
        data["w_o"] = matrix(example.w_o)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


# Raised when the pipeline changes how a clip's file is written (not its pixels), so clips cached
# before are made again. 2: MP4 and MOV with their index first (pipeline.video.make_faststart).
# 3: H.264 settings and held frames (pipeline.encoding).
CLIP_FILE_VERSION = 3


def clip_key(scene: str, example_fp: str, code_fp: str, settings, voice_fp: str = "") -> str:
    """The cache key of one clip: scene, example data, drawing code, pixel settings, file version,
    encoder settings and voice."""
    from pipeline.h264 import H264_OPTIONS

    data = {"scene": scene, "example": example_fp, "code": code_fp, "settings": asdict(settings),
            "file": CLIP_FILE_VERSION, "voice": voice_fp, "encoder": H264_OPTIONS}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=list).encode()).hexdigest()[:32]
