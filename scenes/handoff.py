"""The picture between two scenes: the explainer plays as one piece.

Scenes are rendered as separate clips and joined. Each clip but the last ends on a boundary
picture: the one matrix the next step takes as its input, with its name over it, centred and as
large as the frame allows, nothing else (not even the heading). The next clip opens on the very
same picture (built the same way, so the same pixels) and moves that matrix to where its own
layout needs it. A lecturer who drops one clip into a slide still gets a first frame that says
what the step starts from.

`boundary(after, scene)` builds the picture `after` (a scene's name) hands over, from the scene's
traces through `scene.grid` (so tests read the numbers back). `settle(old, new)` moves one
version of a table onto another version of the SAME table (same values, laid out elsewhere):
every part lands on its counterpart, what only one of them has fades.
"""

from __future__ import annotations

from typing import Optional

from manim import UP, Transform, VGroup

from scenes.components import CELL_H, NUMBER_SIZE, MatrixGrid, label
from scenes.motion import Vanish, during
from scenes.staging import BOTTOM, TOP, fit_region

HALF_WIDTH = 6.9  # the boundary may span x = -6.9 .. 6.9


def _per_word(values, name: str):
    """A words × dims matrix (the input X, the output): `values` of the first sentence's trace."""
    def build(scene):
        return dict(values=values(scene.first), name=name, **scene.word_rows())
    return build


_input = _per_word(lambda s: s.input, "input")  # X: what scores, projections and dimensions start from


def _square(values, name: str, value_scale):
    """A words × words matrix (scores, scaled scores, weights): `values` of the sentence's trace,
    on the scene's `value_scale`."""
    def build(scene):
        tokens = list(scene.first.tokens)
        return dict(values=values(scene.first), name=name, row_labels=tokens, col_labels=tokens,
                    value_scale=value_scale(scene), row_label_colors=scene.token_colors(tokens),
                    col_label_colors=scene.token_colors(tokens))
    return build


# scene -> (the name written over the matrix it hands over, how the matrix is built); each is what
# the next scene in ORDER opens with
HANDED_OVER = {
    "embeddings": ("Input", _input),
    "scores": ("Scores", _square(lambda s: s.simple.scores, "simple.scores", lambda sc: sc.score_scale)),
    "scaling": ("Scaled scores", _square(lambda s: s.simple.scaled, "simple.scaled", lambda sc: sc.score_scale)),
    "softmax": ("Attention weights", _square(lambda s: s.simple.weights, "simple.weights", lambda sc: 1.0)),
    "output": ("Output", _per_word(lambda s: s.simple.output, "simple.output")),
    "contexts": ("X", _input),
    "projections": ("X", _input),
    "dimensions": ("X", _input),
    "multihead": ("Scaled scores", _square(lambda s: s.causal.scaled, "causal.scaled", lambda sc: sc.score_scale)),
}


class Boundary(VGroup):
    """The picture between two scenes: `name` over `table`."""

    def __init__(self, name, table: MatrixGrid):
        super().__init__(name, table)
        self.name, self.table = name, table


def boundary(after: str, scene) -> Boundary:
    """The picture scene `after` ends on and the next scene opens on: its handed-over matrix
    and that matrix's name, in one shared layout (centred, filling the frame between the
    heading's line and the subtitles' band)."""
    title, build = HANDED_OVER[after]
    kwargs = build(scene)
    # cells a little taller than usual (numbers as usual): a wide table still fills the frame's height
    table = scene.grid(kwargs.pop("values"), kwargs.pop("name"), cell_h=CELL_H * 1.2, number_size=NUMBER_SIZE, **kwargs)
    name = label(title, scene.theme, size=26).next_to(table, UP, buff=0.25)
    fit_region(VGroup(name, table), -HALF_WIDTH, HALF_WIDTH, TOP, BOTTOM, grow=3.0)
    return Boundary(name, table)


def _words(labels) -> list:
    return [getattr(lab, "text", None) for lab in labels]


def counterparts(old, new) -> list:
    """[(old part, new part)] of two versions of one table (or of one label): parts drawn alike
    are paired; a part only one of them has is paired with None."""
    if isinstance(old, MatrixGrid) and isinstance(new, MatrixGrid):
        pairs = [(old.rects, new.rects)]
        for a, b in ((old.numbers, new.numbers), (old.row_labels, new.row_labels), (old.col_labels, new.col_labels)):
            if len(a) and _words(a) == _words(b):
                pairs.append((a, b))
            else:
                pairs += ([(a, None)] if len(a) else []) + ([(None, b)] if len(b) else [])
        return pairs
    if old is not None and new is not None and getattr(old, "text", None) == getattr(new, "text", None):
        return [(old, new)]
    return [(part, None) for part in (old,) if part is not None] + [(None, part) for part in (new,) if part is not None]


def settle(pairs, move: tuple = (0.25, 1.0)) -> tuple:
    """(animations, [what fades in]): each old part moves onto its new counterpart during `move`
    (the same glyphs, so a move and a resize, never a morph); an old part without one fades out
    first (by 0.4), a new part without one fades in where it belongs once the moves are over. What fades in is in the scene on its own until the caller puts the new table in
    its place."""
    animations, appearing = [], []
    for old, new in pairs:
        if old is not None and new is not None:
            animations.append(during(Transform(old, new.copy()), *move))
        elif old is not None:
            animations.append(during(old.animate.set_opacity(0), 0.0, move[0] + 0.15))
        else:
            # once the moving parts have arrived (fading in sooner, it would print under a table
            # still on its way across it); the table itself is on screen all along
            animations.append(Vanish(new, back=(move[1] - 0.15, move[1])))
            appearing.append(new)
    return animations, appearing


def side(name, table) -> str:
    """Where a table's name is written: above, below, left or right of its cells (or over them)."""
    x, y = name.get_center()[:2]
    cells = table.rects
    return ("above" if y > cells.get_top()[1] else "below" if y < cells.get_bottom()[1]
            else "left" if x < cells.get_left()[0] else "right" if x > cells.get_right()[0] else "over")


def loose_labels(old_table: MatrixGrid, new_table: MatrixGrid, texts) -> list:
    """[(text, new label)]: words a scene wrote beside `old_table` itself rather than as the
    table's own labels (scores colours its rows as queries and its columns as keys), paired with
    `new_table`'s labels of the same words: row k's word left of the cells and level with row k,
    column j's above the cells and over column j. A table with labels of its own has none."""
    pairs = []
    cells = old_table.rects
    for labels, own, beside in ((new_table.row_labels, old_table.row_labels, "row"),
                                (new_table.col_labels, old_table.col_labels, "column")):
        if len(own):
            continue
        for k, new in enumerate(labels):
            cell = old_table.cell(k, 0) if beside == "row" else old_table.cell(0, k)
            for text in texts:
                if getattr(text, "text", None) != new.text:
                    continue
                x, y = text.get_center()[:2]
                if beside == "row" and x < cells.get_left()[0] and abs(y - cell.get_y()) < cell.height / 2 \
                        or beside == "column" and y > cells.get_top()[1] and abs(x - cell.get_x()) < cell.width / 2:
                    pairs.append((text, new))
                    break
    return pairs


def with_loose(pairs, loose) -> list:
    """`pairs` and the `loose` labels' pairs: a new label a loose word moves onto leaves the group
    of labels that would fade in (a group all of whose labels are moved onto is dropped)."""
    moved = {id(new) for _, new in loose}
    kept = []
    for old, new in pairs:
        if old is None and new is not None and any(id(lab) in moved for lab in new):
            rest = [lab for lab in new if id(lab) not in moved]
            if not rest:
                continue
            new = VGroup(*rest)
        kept.append((old, new))
    return kept + list(loose)


def moving(old_table: Optional[MatrixGrid], new_table: MatrixGrid, old_name=None, new_name=None) -> list:
    """The (old part, new part) pairs of a table and its name moving onto another version of both.
    A name that changes sides of its table fades out and in again (travelling, it would cross
    the table's numbers)."""
    names = counterparts(old_name, new_name)
    if old_table is not None and old_name is not None and new_name is not None \
            and side(old_name, old_table) != side(new_name, new_table):
        names = [(old_name, None), (None, new_name)]
    return counterparts(old_table, new_table) + names

