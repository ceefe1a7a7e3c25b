#!/usr/bin/env python3
"""attention-explainer: print the numbers, list the scenes, render clips or the whole explainer.

Thin on purpose: the math lives in attention_math, the pictures in scenes/. manim is imported
only by the commands that render, so `numbers`, `list` and `--help` answer at once.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from attention_math import ExampleError, document, load_example, text_report
from scenes.files import atomic_write
from scenes.pipeline import FORMATS, QUALITY  # the choices live with the pipeline (no manim import there)
from scenes.registry import SCENES

ROOT = Path(__file__).resolve().parent


def user_errors(command):
    """Bad input: one line on stderr, exit status 2, no traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ExampleError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper


EXAMPLE_OPTIONS = [  # every command shares these: which example, and how to read it
    click.option("--embeddings", "embeddings", type=click.Path(dir_okay=True, path_type=Path), default=None,
                 help="Your example: .yaml/.json, or a .csv embedding table (header token,<dim>,…). Default: built-in."),
    click.option("--sentence", "sentences", multiple=True,
                 help="A sentence, tokens separated by spaces (repeatable); replaces the file's sentences."),
    click.option("--focus", default=None, help="The word to follow (default: the file's focus, or the first word shared by all sentences)."),
    click.option("--heads", type=int, default=None, help="Number of attention heads (default 2 when they divide d; must divide d when generated)."),
    click.option("--seed", type=int, default=None, help="Generate every learned weight from this seed, ignoring weights in the file."),
]


VIDEO_OPTIONS = [
    click.option("--quality", type=click.Choice(list(QUALITY)), default="low", show_default=True,
                 help="manim's presets: 480p15, 720p30, 1080p60, 2160p60."),
    click.option("--theme", type=click.Choice(["dark", "light"]), default="dark", show_default=True,
                 help="light: white background, for projectors and print."),
    click.option("--fps", type=click.IntRange(1, 120), default=None, help="Frame rate (default: the quality's)."),
    click.option("--resolution", default=None, metavar="WxH",
                 help="Pixel size, e.g. 1080x1920 for vertical video (default: the quality's)."),
    click.option("--jobs", type=click.IntRange(0, 64), default=0, show_default="one per core", help="Worker processes."),
    click.option("--quiet", is_flag=True, help="No progress display and no summary (errors still go to stderr)."),
    click.option("--media-dir", type=click.Path(file_okay=False, path_type=Path), default=ROOT / "media",
                 show_default="media/"),
]
FORMAT_OPTIONS = [
    click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="mp4",
                 show_default=True, help="png: each scene's final frame as a still."),
    click.option("--transparent", is_flag=True, help="Transparent background (webm, mov, png) for overlays on slides."),
]


def _apply(options, command):
    for option in reversed(options):
        command = option(command)
    return command


def render_options(command):
    return _apply(VIDEO_OPTIONS + FORMAT_OPTIONS, command)


def deck_options(command):
    """The slide deck is always mp4 clips on the theme's background."""
    return _apply(VIDEO_OPTIONS, command)


def example_options(command):
    return _apply(EXAMPLE_OPTIONS, command)


def _load(embeddings, sentences, focus, heads, seed):
    return load_example(embeddings, sentences=list(sentences) or None, focus=focus, heads=heads, seed=seed)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Render explainer videos of transformer self-attention, step by step."""


@cli.command()
@example_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xlsx"]), default="text", show_default=True,
              help="text: readable tables; json: the documented document for other tools; "
                   "xlsx: a live spreadsheet (needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@user_errors
def numbers(embeddings, sentences, focus, heads, seed, fmt, output):
    """Print every step's numbers: embeddings, scores, scaled, weights, output, projections, heads."""
    if fmt == "xlsx" and output is None:
        raise ExampleError("--format xlsx", "-o", "a workbook cannot go to the terminal", "add -o numbers.xlsx")
    example = _load(embeddings, sentences, focus, heads, seed)
    if fmt == "xlsx":
        from attention_math.workbook import write_workbook
        from scenes.files import atomic_path

        try:
            with atomic_path(output) as tmp:
                write_workbook(example, tmp)
        except OSError as exc:
            raise ExampleError(str(output), "-o", f"cannot be written ({exc.strerror})", "choose a writable path") from None
        click.echo(f"wrote {output}", err=True)
        return
    if fmt == "json":
        text = json.dumps(document(example), indent=1) + "\n"
    else:
        text = text_report(example)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            atomic_write(output, text)
        except OSError as exc:
            raise ExampleError(str(output), "-o", f"cannot be written ({exc.strerror})", "choose a writable path") from None
        click.echo(f"wrote {output}", err=True)


@cli.command("list")
def list_scenes():
    """List the scenes, in the explainer's order."""
    width = max(len(s.name) for s in SCENES)
    for number, s in enumerate(SCENES, 1):
        click.echo(f"{number:2d}. {s.name.ljust(width)}  {s.summary}")


def _settings(quality, theme, fmt, transparent, fps, resolution):
    """Check the render options together; bad combinations are user errors (exit 2)."""
    from scenes.pipeline import RenderSettings

    size = None
    if resolution is not None:
        parts = resolution.lower().split("x")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or min(map(int, parts)) < 16:
            raise ExampleError("--resolution", "value", f"'{resolution}' is not WIDTHxHEIGHT", "write e.g. --resolution 1080x1920")
        size = tuple(int(p) for p in parts)
        if any(v % 2 for v in size):
            raise ExampleError("--resolution", "value", f"{resolution} has an odd side; video encoders need even sizes",
                               f"use {size[0] // 2 * 2}x{size[1] // 2 * 2}")
    if transparent and fmt not in ("webm", "mov", "png"):
        raise ExampleError("--transparent", "--format", f"{fmt} cannot store transparency", "use --format webm, mov or png")
    return RenderSettings(quality=quality, theme=theme, fmt=fmt, transparent=transparent, fps=fps, resolution=size)


def _render(names, embeddings, sentences, focus, heads, seed, quality, theme, fmt, transparent, fps, resolution,
            jobs, quiet, media_dir, join):
    from scenes.limits import check_drawable

    settings = _settings(quality, theme, fmt, transparent, fps, resolution)
    example = _load(embeddings, sentences, focus, heads, seed)
    for name in names:  # every limit is checked before anything renders
        check_drawable(example, name)
    from scenes.pipeline import ExampleSource, run, summary_table  # imports manim

    source = ExampleSource(None if embeddings is None else str(embeddings), tuple(sentences), focus, heads, seed)
    try:
        summary = run(names, source, settings, media_dir, jobs=jobs, join=join, quiet=quiet)
    except KeyboardInterrupt:
        click.echo("interrupted: no partial file was left at any output path", err=True)
        sys.exit(130)
    if not quiet:
        click.echo(summary_table(summary, Path.cwd()), nl=False)
    for clip in summary.failed:
        click.echo(f"error: scene {clip.scene} failed: {clip.error}", err=True)
    if summary.failed:
        if join and len(names) > 1:
            click.echo("error: the explainer was not joined because a scene failed; the other clips are in place", err=True)
        sys.exit(1)
    return summary


@cli.command()
@click.argument("name", type=click.Choice([s.name for s in SCENES]))
@example_options
@render_options
@user_errors
def scene(name, embeddings, sentences, focus, heads, seed, quality, theme, fmt, transparent, fps, resolution, jobs,
          quiet, media_dir):
    """Render one scene to media/<theme>/<quality>/<NAME>.<format> (with .srt/.vtt subtitles)."""
    _render([name], embeddings, sentences, focus, heads, seed, quality, theme, fmt, transparent, fps, resolution,
            1, quiet, media_dir, join=False)


@cli.command("all")
@example_options
@render_options
@user_errors
def render_all(embeddings, sentences, focus, heads, seed, quality, theme, fmt, transparent, fps, resolution, jobs,
               quiet, media_dir):
    """Render every scene in parallel and join them into attention_explainer.<format> with chapters."""
    _render([s.name for s in SCENES], embeddings, sentences, focus, heads, seed, quality, theme, fmt, transparent,
            fps, resolution, jobs, quiet, media_dir, join=True)


@cli.command()
@example_options
@deck_options
@user_errors
def slides(embeddings, sentences, focus, heads, seed, quality, theme, fps, resolution, jobs, quiet, media_dir):
    """Build an offline slide deck: one slide per step, each waiting for the presenter's click.

    Writes media/<theme>/slides-<quality>/index.html with its videos and reveal.js beside it."""
    from scenes.limits import check_drawable

    settings = _settings(quality, theme, "mp4", False, fps, resolution)
    example = _load(embeddings, sentences, focus, heads, seed)
    for info in SCENES:
        check_drawable(example, info.name)
    from scenes.pipeline import ExampleSource, summary_table
    from scenes.slides import MissingAssets, build_deck

    source = ExampleSource(None if embeddings is None else str(embeddings), tuple(sentences), focus, heads, seed)
    try:
        deck, summary = build_deck(source, settings, media_dir, jobs=jobs, quiet=quiet)
    except MissingAssets as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted: the previous deck, if any, is untouched", err=True)
        sys.exit(130)
    for clip in summary.failed:
        click.echo(f"error: scene {clip.scene} failed: {clip.error}", err=True)
    if deck is None:
        sys.exit(1)
    if not quiet:
        click.echo(summary_table(summary, Path.cwd()), nl=False)
    click.echo(f"slides: {deck}")


if __name__ == "__main__":
    cli()
