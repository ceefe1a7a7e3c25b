"""Step 9 — multi-head attention: heads in their own subspaces, concatenated, then × W_O."""

from __future__ import annotations

from manim import DOWN, RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, TransformFromCopy, VGroup, Write

from attention_math.formatting import format_number
from attention_math.story import strongest_neighbour
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, product_layout
from scenes.geometry import AttentionPattern, SUBTITLE_TOP


class MultiHeadScene(ExplainerScene):
    scene_name = "multihead"
    chapter = "Multi-head attention"
    summary = "Heads with their own projections, concatenated, then × W_O"
    needs = ('heads',)
    steps = ("heads_side_by_side", "head_patterns", "concatenate", "project_out")

    def head_colors(self):
        th = self.theme
        return [th.query, th.key, th.value, th.output]

    def heads_side_by_side(self):
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        i = self.focus_row(s)
        self.heading = self.chapter_title(f"{len(m.heads)} heads")
        blocks, self.patterns = [], []
        for h, head in enumerate(m.heads):
            g = self.grid(head.weights, f"multi_head.heads[{h}].weights", row_labels=tokens, col_labels=tokens, value_scale=1.0,
                          row_label_colors=self.token_colors(tokens), col_label_colors=self.token_colors(tokens))
            colour = self.head_colors()[h % 4]
            name = label(f"head {h + 1}", th, size=26, color=colour, weight="BOLD")
            dims = label(f"W_Q, W_K: {ex.d} × {head.d_k}   W_V: {ex.d} × {head.d_v}", th, size=18, color=th.muted)
            top = strongest_neighbour(tokens, head.weights[i], ex.focus)
            verdict = label(f"{ex.focus} → {tokens[top]} {format_number(head.weights[i, top])}", th, size=20, color=colour)
            block = VGroup(name, dims, g, verdict).arrange(DOWN, buff=0.2)
            blocks.append(block)
            self.patterns.append((g, verdict))
        row = VGroup(*blocks)
        if len(blocks) <= 2:
            row.arrange(RIGHT, buff=0.6, aligned_edge=UP)
        else:  # three or four heads: a 2 × 2 grid keeps the numbers readable
            row.arrange_in_grid(rows=2, cols=2, buff=(0.6, 0.3))
        fit_to_frame(row, top=3.1, bottom=-3.6)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate(f"Several heads run side by side, each with its own W_Q, W_K, W_V into a smaller {m.heads[0].d_k}-dimensional subspace.",
                     LaggedStart(*(FadeIn(VGroup(b[0], b[1], b[2])) for b in blocks), lag_ratio=0.3), run_time=2.0)
        boxes = VGroup(*(g.row_box(i, th.focus) for g, _ in self.patterns))
        self.narrate(f"Each head has its own attention pattern: for {ex.focus}, they look at different words.",
                     Create(boxes), *(FadeIn(v) for _, v in self.patterns), run_time=1.5, wait=2.0)
        self.play(FadeOut(VGroup(row, boxes)), run_time=0.6)

    def head_patterns(self):
        """Each head's row for the focus word as lines over the sentence, one colour per head, side
        by side: two heads attending to different words is seen at a glance."""
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        i = self.focus_row(s)
        self.patterns_drawn = []
        blocks = VGroup()
        for h, head in enumerate(m.heads):
            colour = self.head_colors()[h % 4]
            pattern = AttentionPattern(tokens, i, th, orientation="column", colors=self.token_colors(tokens), size=22,
                                       reach=1.6)
            pattern.add(pattern.numbers_for(head.weights[i], size=18))
            name = label(f"head {h + 1}", th, size=26, color=colour, weight="BOLD").next_to(pattern, UP, buff=0.3)
            blocks.add(VGroup(name, pattern))
            self.patterns_drawn.append(pattern)
        if len(blocks) <= 2:
            blocks.arrange(RIGHT, buff=1.2, aligned_edge=UP)
        else:
            blocks.arrange_in_grid(rows=2, cols=2, buff=(1.0, 0.4))
        fit_to_frame(blocks, top=3.0, bottom=SUBTITLE_TOP + 0.1, grow=2.2)
        lines = [p.lines_for(head.weights[i], self.head_colors()[h % 4])
                 for h, (p, head) in enumerate(zip(self.patterns_drawn, m.heads))]
        tops = [tokens[strongest_neighbour(tokens, head.weights[i], ex.focus)] for head in m.heads]
        said = ", ".join(f"head {h + 1} to {w}" for h, w in enumerate(tops))
        differ = len(set(tops)) > 1
        self.narrate(f"The same rows as lines, one colour per head: for {ex.focus}, {said}"
                     + (": different heads, different words." if differ else "."),
                     LaggedStart(FadeIn(blocks), *(AttentionPattern.draw(ls) for ls in lines), lag_ratio=0.4),
                     run_time=2.5, wait=1.5)
        self.play(FadeOut(blocks), *(FadeOut(ls) for ls in lines), run_time=0.6)

    def concatenate(self):
        s, th = self.first, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        outs = []
        for h, head in enumerate(m.heads):
            colour = self.head_colors()[h % 4]
            g = self.grid(head.output, f"multi_head.heads[{h}].output", row_labels=tokens if h == 0 else None,
                          col_labels=[f"h{h + 1}.{k + 1}" for k in range(head.d_v)], value_scale=self.vector_scale,
                          label_color=colour, row_label_colors=self.token_colors(tokens))
            outs.append(VGroup(label(f"head {h + 1} output", th, size=20, color=colour).next_to(g, UP, buff=0.2), g))
        spread = VGroup(*outs).arrange(RIGHT, buff=0.6, aligned_edge=DOWN)
        fit_to_frame(spread, top=2.8, bottom=-2.0)
        cols = [f"h{h + 1}.{k + 1}" for h, head in enumerate(m.heads) for k in range(head.d_v)]
        col_colours = {}
        for h, head in enumerate(m.heads):
            for k in range(head.d_v):
                col_colours[len(col_colours)] = self.head_colors()[h % 4]
        self.concat = self.grid(m.concat, "multi_head.concat", row_labels=tokens, col_labels=cols, value_scale=self.vector_scale,
                                col_label_colors=col_colours, row_label_colors=self.token_colors(tokens))
        head = label(f"Concat: {len(tokens)} × {m.concat.shape[1]}", th, size=24).next_to(self.concat, UP, buff=0.25)
        joined = VGroup(head, self.concat)
        fit_to_frame(joined, top=2.8, bottom=-2.4)
        self.narrate("Each head outputs a small table of its own.", LaggedStart(*(FadeIn(o) for o in outs), lag_ratio=0.3),
                     run_time=1.5)
        self.narrate(f"Put them side by side along the features: {' + '.join(str(h.d_v) for h in m.heads)} = "
                     f"{m.concat.shape[1]} columns per word.",
                     # each head's columns move into their place: cell to cell, the same structure
                     *(TransformFromCopy(o[1].column(k), self.concat.column(start + k))
                       for o, hd, start in zip(outs, m.heads, self._starts(m)) for k in range(hd.d_v)),
                     FadeOut(VGroup(*outs)), FadeIn(head), FadeIn(self.concat.row_labels), FadeIn(self.concat.col_labels),
                     run_time=1.8, wait=1.0)
        self.joined = joined

    @staticmethod
    def _starts(m):
        starts, total = [], 0
        for head in m.heads:
            starts.append(total)
            total += head.d_v
        return starts

    def project_out(self):
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        n, width, d_out = len(tokens), m.concat.shape[1], m.output.shape[1]
        out_cols = list(ex.dims) if d_out == ex.d else [f"o{k + 1}" for k in range(d_out)]
        concat = self.grid(m.concat, "multi_head.concat", row_labels=tokens, value_scale=self.vector_scale,
                           row_label_colors=self.token_colors(tokens))
        w_o = self.grid(m.w_o, "multi_head.w_o", row_labels=[f"h{h + 1}.{k + 1}" for h, hd in enumerate(m.heads) for k in range(hd.d_v)],
                        col_labels=out_cols, value_scale=self.vector_scale, col_label_colors=self.dim_colors() if d_out == ex.d else None)
        out = self.grid(m.output, "multi_head.output", value_scale=self.vector_scale, cell_w=w_o.cell_w, cell_h=concat.cell_h)
        layout = product_layout(concat, w_o, out)
        names = VGroup(label(f"Concat  {n} × {width}", th, size=22).next_to(concat.rects, DOWN, buff=0.15),
                       label(f"W_O  {width} × {d_out}", th, size=22).next_to(w_o.rects, RIGHT, buff=0.2),
                       label(f"Output  {n} × {d_out}", th, size=22, color=th.output).next_to(out.rects, DOWN, buff=0.15))
        fit_to_frame(VGroup(layout, names), top=3.0, bottom=-2.7)
        self.play(FadeOut(self.joined), FadeIn(concat), FadeIn(names[0]), run_time=0.8)
        self.narrate("Finally an output projection W_O mixes the heads' features into one representation per word.",
                     FadeIn(w_o), FadeIn(names[1]), run_time=1.2)
        self.play(TransformFromCopy(concat.rects, out.rects), FadeIn(names[2]), run_time=1.0)
        self.play(LaggedStart(*(FadeIn(out.number(r, c)) for r in range(n) for c in range(d_out)), lag_ratio=0.03), run_time=1.5)
        line = note("Where information flows: each head's attention. What flows, and in which space: the projections.", th)
        self.narrate("The attention patterns decide where information flows; the projections decide what flows, and where it lands.",
                     FadeIn(line), run_time=1.0, wait=2.0)
