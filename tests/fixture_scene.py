"""Two-second scenes for testing the pipeline's mechanics (formats, cache, failure, joining,
the deck) without paying for the real scenes. They use the real base class and components."""

from manim import FadeIn, Indicate

from pipeline.catalog import SceneInfo
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame


class FixtureScene(ExplainerScene):
    scene_name = "fixture"
    chapter = "A fixture"
    summary = "Two short steps"
    steps = ("show", "point")

    def show(self):
        self.table = self.grid(self.first.simple.weights, "simple.weights", row_labels=list(self.first.tokens))
        fit_to_frame(self.table)
        self.narrate("A table appears.", FadeIn(self.table), run_time=0.5, wait=0.0)

    def point(self):
        self.narrate("One row is pointed at.", Indicate(self.table.row(0)), run_time=0.5)


class OtherFixtureScene(FixtureScene):
    scene_name = "other"
    chapter = "Another fixture"

    def point(self):  # its own, so a test can break FixtureScene.point alone
        self.narrate("Another row is pointed at.", Indicate(self.table.row(1)), run_time=0.5)


def info(name: str = "fixture", number: int = 1) -> SceneInfo:
    cls = {"fixture": FixtureScene, "other": OtherFixtureScene}[name]
    return SceneInfo(name, cls.__name__, cls.chapter, cls.summary, (), number, module=__name__, steps=cls.steps)


FIXTURES = (info("fixture", 1), info("other", 2))
