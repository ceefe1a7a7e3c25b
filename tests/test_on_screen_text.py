"""What is written on screen besides the numbers: short callouts clear of the subtitles' band, the
key to a colour scale where it is first used, narration about colours that the data bears out,
and final frames that use the frame's height. The scene checks read the builds the scene tests
make anyway (grouped per scene)."""

import numpy as np
import pytest
from manim import DOWN, RIGHT, Square, Text, VGroup, VMobject

from attention_math.formatting import format_number
from attention_math.story import shows_negative
from scenes.components import BAND_GAP, ColourLegend, note
from scenes.geometry import SUBTITLE_TOP
from scenes.theme import DARK, LIGHT
from tests.scene_helpers import built_scene

FRAME_HEIGHT, FRAME_WIDTH = 8.0, 8.0 * 16 / 9


def test_shows_negative_reads_the_numbers_as_drawn():
    assert shows_negative([[0.0, 1.8], [-0.3, 0.2]])
    assert not shows_negative([0.0, 1.3, 0.004])
    assert not shows_negative([-0.004, 0.5])  # drawn 0.00: nothing red to speak of
    assert shows_negative([-0.006, 0.5])      # drawn −0.01


def test_a_callout_sits_above_the_subtitles_band_or_beside_what_it_names():
    line = note("mouse 0.43", DARK)
    assert line.get_bottom()[1] == pytest.approx(SUBTITLE_TOP + BAND_GAP)
    assert abs(line.get_center()[0]) < 1e-6
    box = Square(1.0).move_to([5.0, -3.2, 0.0])  # low and near the right edge
    beside = note("a long callout next to the box", DARK, beside=box, direction=RIGHT)
    assert beside.get_bottom()[1] >= SUBTITLE_TOP + BAND_GAP - 1e-9  # lifted out of the band
    assert beside.get_right()[0] <= FRAME_WIDTH / 2 - 0.5 + 1e-9   # pulled back into the frame
    under = note("under", DARK, beside=Square(1.0).move_to([-2.0, 1.0, 0.0]), direction=DOWN)
    assert under.get_top()[1] == pytest.approx(0.5 - 0.2) and under.get_x() == pytest.approx(-2.0)
    sentence = "x" * 400
    assert note(sentence, DARK).width <= FRAME_WIDTH - 1 + 1e-9


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_the_colour_key_fills_its_cells_as_the_matrices_do(theme):
    key = ColourLegend(theme, 1.8, negative=True)
    assert key.values[0] == -1.8 and key.values[-1] == 1.8 and 0.0 in key.values
    for cell, value in zip(key.cells, key.values):
        colour, opacity = theme.value_fill(value, 1.8)
        assert cell.get_fill_opacity() == pytest.approx(opacity)
        if opacity:
            assert cell.get_fill_color().to_hex().lower() == colour.lower()
    assert [t.text for t in key.ticks] == ["−1.80", "1.80", "0.00"]
    positive_only = ColourLegend(theme, 1.0, negative=False)
    assert positive_only.values[0] == 0.0 and [t.text for t in positive_only.ticks] == ["0.00", "1.00"]
    assert all(theme.value_fill(v, 1.0)[0] == theme.positive for v in positive_only.values)


def texts(mob) -> list:
    return [m for m in mob.get_family() if isinstance(m, Text)]


def seen(scene) -> list:
    """What the last frame shows: the mobjects above the last opaque veil, if one was lowered."""
    tops = list(scene.mobjects)
    veils = [k for k, top in enumerate(tops) if getattr(top, "is_veil", False) and top.get_fill_opacity() >= 0.99]
    return tops[veils[-1] + 1:] if veils else tops


def drawn_extent(scene) -> tuple:
    """(lowest, highest) y of everything visible in the last frame but the heading."""
    heading = set(map(id, scene.heading.get_family()))
    points = [m.points for top in seen(scene) for m in top.family_members_with_points()
              if id(m) not in heading and isinstance(m, VMobject)
              and max(m.get_fill_opacity(), m.get_stroke_opacity()) > 0.05]
    every = np.concatenate(points)
    return every[:, 1].min(), every[:, 1].max()


@pytest.mark.parametrize("scene_name", [pytest.param(n, marks=pytest.mark.xdist_group(n)) for n in ("embeddings", "softmax")])
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_final_frame_fills_the_height_and_keeps_text_out_of_the_subtitles_band(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    low, high = drawn_extent(scene)
    assert (high - low) / FRAME_HEIGHT >= 0.70, (low, high)
    band = [t.text for top in seen(scene) for t in texts(top) if t.get_bottom()[1] < SUBTITLE_TOP - 1e-6]
    assert band == []


@pytest.mark.xdist_group("causal")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_causal_tables_fill_the_height_above_the_subtitles_band(example_key):
    """The masked scores and the weights, side by side, are the causal scene's main picture: with
    their headings they fill most of the frame's height, and no callout crowds them from below."""
    scene = built_scene("causal", example_key)
    tables = VGroup(scene.masked, scene.weights, scene.sum_note, *scene.heads.values())
    assert tables.height / FRAME_HEIGHT >= 0.70, tables.height
    assert tables.get_bottom()[1] >= SUBTITLE_TOP


SENTENCE_WORDS = 8  # a label, an equation or a short callout is shorter than this; a sentence is not


def quoted(text: str) -> bool:
    """The whole text is a quotation (an example sentence shown as data)."""
    return text.startswith("“") and text.endswith("”")


@pytest.mark.parametrize("scene_name", [pytest.param(n, marks=pytest.mark.xdist_group(n))
                                        for n in ("scores", "output", "causal", "contexts")])
def test_what_stays_on_screen_is_labels_not_the_narrations_sentences(scene_name):
    """One narration channel: the subtitles carry the sentences; what is written on screen is
    labels, equations and short callouts. No text on screen when a step ends is a sentence (a
    quoted example sentence is data, not narration)."""
    scene = built_scene(scene_name, "builtin")
    assert scene.captions
    sentences = [(step, t.text) for step, labels in scene.step_labels for t in labels.texts
                 if len(t.text.split()) > SENTENCE_WORDS and not quoted(t.text)]
    assert sentences == []


@pytest.mark.xdist_group("embeddings")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_embeddings_names_red_only_when_a_value_is_negative(example_key):
    scene = built_scene("embeddings", example_key)
    negative = shows_negative(scene.table.values)
    assert negative == (example_key == "second")  # the built-in table has no negative value
    colour_talk = [c for c in scene.captions if "blue" in c.lower()]
    assert len(colour_talk) == 1 and ("red" in colour_talk[0]) == negative
    # the key under the table runs from −scale when there is red to show, else from 0
    ticks, scale = [t.text for t in scene.legend.ticks], format_number(scene.vector_scale)
    assert ticks[:2] == ([f"−{scale}", scale] if negative else ["0.00", scale])


@pytest.mark.xdist_group("softmax")
def test_reading_a_row_never_dims_what_is_read():
    scene = built_scene("softmax", "builtin")
    i = scene.focus_row(scene.first)
    w = scene.weights
    read = [w.row(i), w.row_labels[i], w.col_labels, scene.sum_labels[i], scene.weights_name, scene.legend]
    dimmed = set(scene._dimmed)
    assert dimmed, "the rest was dimmed"
    assert not [m for part in read for m in part.get_family() if id(m) in dimmed]


def test_math_names_are_drawn_with_subscripts():
    """W_Q and d_k are drawn as W with a small lowered Q, d with a small lowered k (not an
    underscore); a word of the user's with an underscore in it is left as written."""
    from scenes.components import make_text

    text = make_text("Q = X·W_Q", 40, "#000000")
    assert text.original_text == "Q = X·W_Q" and text.text == "Q=X·WQ"
    w, q = text.submobjects[-2], text.submobjects[-1]
    plain_q = make_text("WQ", 40, "#000000").submobjects[-1]
    assert q.height == pytest.approx(0.68 * plain_q.height, rel=0.02)  # smaller by the subscript scale
    assert q.get_bottom()[1] < w.get_bottom()[1] - 0.2 * w.height  # lowered below W's baseline
    assert abs(text.font_size - 40) < 0.5  # its size is still what was asked for
    kept = make_text("new_york", 40, "#000000")
    assert kept.text == "new_york" and len(kept.submobjects) == len("new_york")


def test_words_stand_on_their_letters_line_not_their_descenders():
    """text_baseline: the line a word's letters stand on, whatever hangs below it; words and
    groups aligned by it share one line (bottom-aligned, "keyboard"'s y lifted it off "cat"'s)."""
    from scenes.components import baseline_label, label, text_baseline

    cat, keyboard = label("cat", DARK, size=40), label("keyboard", DARK, size=40)
    keyboard.align_to(cat, DOWN)  # bottoms level: the y hangs lower, so keyboard's letters stand higher
    assert text_baseline(keyboard) > text_baseline(cat) + 0.1 * keyboard.height
    keyboard.shift(DOWN * (text_baseline(keyboard) - text_baseline(cat)))
    k, c = keyboard.submobjects[0], cat.submobjects[0]  # the k and the c: letters without a descender
    assert k.get_bottom()[1] == pytest.approx(c.get_bottom()[1], abs=0.02 * cat.height)
    # a group of texts: the line most of its glyphs stand on
    assert text_baseline(VGroup(cat, keyboard)) == pytest.approx(text_baseline(cat), abs=0.02 * cat.height)
    # a baseline_label's strut (it spans the descender's depth) is not a glyph
    gram, word = baseline_label("gram", DARK, size=40, color="#000000"), label("gram", DARK, size=40)
    word.move_to(gram.submobjects[0], aligned_edge=DOWN).shift(RIGHT * 2)
    assert text_baseline(gram) == pytest.approx(text_baseline(word), abs=0.02 * word.height)


def test_a_segment_crosses_a_box_exactly_not_by_samples():
    from scenes.geometry import segment_crosses

    box = (0.0, 0.0, 1.0, 1.0)
    assert segment_crosses(box, [-1.0, 0.5], [2.0, 0.5])            # straight through
    assert segment_crosses(box, [-0.5, 0.5], [0.5, 1.5])            # through the corner (0, 1) only
    assert not segment_crosses(box, [-0.5, 0.6], [0.4, 1.5])        # just past the corner
    assert not segment_crosses(box, [-1.0, 2.0], [2.0, 2.0])        # parallel, above
    assert not segment_crosses(box, [-2.0, 0.5], [-0.1, 0.5])       # stops short of it
    assert segment_crosses(box, [0.5, 0.5], [0.5, 0.5])             # a point inside
    # a small box between the points a 17-sample test looked at (t = 0.25, 0.3125) on a long line
    assert segment_crosses((0.3, 0.3, 0.31, 0.31), [0.0, 0.0], [1.0, 1.0])
    assert not segment_crosses((0.3, 0.3, 0.31, 0.31), [0.0, 0.0], [1.0, 1.0], samples=17)  # the placer's reading
    assert segment_crosses(box, [-1.0, 0.5], [2.0, 0.5], samples=17)
