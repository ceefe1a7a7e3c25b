"""Manim scenes of the explainer, one module per step, plus shared components."""
