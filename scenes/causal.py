"""Step 10 (beyond the article) — the causal mask of a decoder: no word may look ahead."""

from __future__ import annotations

from manim import RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, Rectangle, Transform, TransformFromCopy, VGroup, Write

from attention_math.core import causal_mask, row_sums
from attention_math.formatting import format_number
from scenes.base import ExplainerScene
from scenes.components import arrow_between, fit_to_frame, label, note, vector_row
from scenes.geometry import AttentionPattern, Veil, WeightDiscs, sentence_pattern, strip_above


class CausalScene(ExplainerScene):
    scene_name = "causal"
    chapter = "Beyond the article: the causal mask"
    summary = "A decoder's words see only the past"
    steps = ("show_scaled", "mask_future", "softmax_rows", "first_token", "discs_and_lines")

    def _block(self, values, name, heading, value_scale):
        s = self.first
        tokens = list(s.tokens)
        g = self.grid(values, name, row_labels=tokens, col_labels=tokens, value_scale=value_scale,
                      row_label_colors=self.token_colors(tokens), col_label_colors=self.token_colors(tokens))
        return g, VGroup(label(heading, self.theme, size=24).next_to(g, UP, buff=0.3), g)

    def show_scaled(self):
        s, th = self.first, self.theme
        self.heading = self.chapter_title()
        self.scaled, scaled_block = self._block(s.causal.scaled, "causal.scaled", "Scaled scores", self.score_scale)
        self.masked, masked_block = self._block(s.causal.masked, "causal.masked", "Masked: future = −∞", self.score_scale)
        self.weights, weights_block = self._block(s.causal.weights, "causal.weights", "Attention weights", 1.0)
        self.sums = VGroup(*(label(f"Σ {format_number(v)}", th, size=22, color=th.muted).next_to(self.weights.row(k), RIGHT, buff=0.12)
                             for k, v in enumerate(row_sums(s.causal.weights))))
        weights_block.add(self.sums)
        # two slots: left and right; the masked matrix moves from the right slot to the left one
        pair = VGroup(scaled_block, masked_block).arrange(RIGHT, buff=1.6, aligned_edge=UP)
        fit_to_frame(pair, top=2.8, bottom=-2.6)
        self.blocks = (scaled_block, masked_block, weights_block)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("A decoder predicts the next word, so while reading a word it must not see the words after it.",
                     FadeIn(scaled_block), run_time=1.2, wait=0.5)

    def mask_future(self):
        s, th = self.first, self.theme
        mask = causal_mask(len(s.tokens))
        g = self.masked
        shade = VGroup(*(Rectangle(width=g.cell(i, j).width, height=g.cell(i, j).height, stroke_width=0,
                                   fill_color=th.negative, fill_opacity=0.35).move_to(g.cell(i, j))
                         for i in range(mask.shape[0]) for j in range(mask.shape[1]) if mask[i, j]))
        arrow = arrow_between(self.blocks[0], self.blocks[1], th)
        self.narrate("Above the diagonal are the future words. Their scores are set to minus infinity before the softmax.",
                     TransformFromCopy(self.blocks[0], self.blocks[1]), Create(arrow), run_time=1.5)
        self.play(FadeIn(shade), run_time=0.8)
        self.blocks[1].add(shade)
        self.wait(1.0)
        self.arrow = arrow

    def softmax_rows(self):
        th = self.theme
        scaled_block, masked_block, weights_block = self.blocks
        # second layout: masked on the left, weights (with their row sums) on the right
        target = masked_block.copy()
        pair = VGroup(target, weights_block).arrange(RIGHT, buff=2.2, aligned_edge=UP)
        weights_block.scale(target[1].rects.width / weights_block[1].rects.width)  # the same cell size
        pair.arrange(RIGHT, buff=2.2, aligned_edge=UP)
        fit_to_frame(pair, top=2.8, bottom=-2.6)
        self.play(FadeOut(scaled_block), FadeOut(self.arrow), Transform(masked_block, target), run_time=1.0)
        arrow = arrow_between(masked_block, weights_block, th)
        op = label("softmax\nof each row", th, size=20, color=th.muted).next_to(arrow, UP, buff=0.1)
        self.narrate("e to the minus infinity is 0: masked words get weight exactly 0, and each row still sums to 1.",
                     TransformFromCopy(masked_block[1], weights_block[1]), FadeIn(weights_block[0]), Create(arrow), FadeIn(op),
                     run_time=1.5)
        self.play(LaggedStart(*(FadeIn(t) for t in self.sums), lag_ratio=0.1), run_time=1.0)

    def first_token(self):
        s, th = self.first, self.theme
        box = self.weights.row_box(0, th.focus)
        last = len(s.tokens) - 1
        box_last = self.weights.row_box(last, th.output)
        line = note(f"“{s.tokens[0]}” attends only to itself; “{s.tokens[last]}” sees the whole sentence.", th)
        self.narrate(f"The first word, {s.tokens[0]}, can only attend to itself: weight {format_number(s.causal.weights[0, 0])}.",
                     Create(box), run_time=1.0, wait=1.0)
        self.narrate(f"The last word, {s.tokens[last]}, sees everything before it.", Create(box_last), FadeIn(line),
                     run_time=1.0, wait=2.0)

    def discs_and_lines(self):
        """The masked weights as discs whose area is the weight (the future is empty), then the
        focus word's lines over the sentence: none go to a later word."""
        s, ex, th = self.first, self.example, self.theme
        g = self.weights
        self.discs = WeightDiscs(g, s.causal.weights, th.positive)
        self.narrate("Drawn as discs whose area is the weight: above the diagonal, nothing at all.",
                     FadeOut(g.numbers), *(r.animate.set_fill(opacity=0) for r in g.rects),
                     LaggedStart(*(FadeIn(d, scale=0.3) for d in self.discs), lag_ratio=0.03), run_time=1.5, wait=0.5)
        i = self.focus_row(s)
        tokens = list(s.tokens)
        row = s.causal.weights[i]
        strip = vector_row(row, th, name="causal.weights[focus]", value_scale=1.0, col_labels=tokens)
        self.shown.append(strip)
        strip_above(strip)
        future = [j for j in range(len(tokens)) if j > i]
        self.pattern = sentence_pattern(tokens, i, row, th, color=th.focus, colors=self.token_colors(tokens), muted=future)
        veil = Veil(self)
        after = (f"none to {', '.join(tokens[j] for j in future[:2])}{' …' if len(future) > 2 else ''}, still in its future"
                 if future else "it is the last word, so it sees them all")
        self.play(veil.lower(), FadeIn(strip), run_time=0.8)
        veil.hidden()
        self.narrate(f"{ex.focus}'s lines reach only the words up to itself; {after}.",
                     LaggedStart(FadeIn(self.pattern), AttentionPattern.draw(self.pattern.lines[""]), lag_ratio=0.35),
                     run_time=2.5, wait=1.0)
