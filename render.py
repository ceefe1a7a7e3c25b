#!/usr/bin/env python3
"""attention-explainer: print the numbers, list the scenes, render clips or the whole explainer.

Thin on purpose: the math lives in attention_math, the pictures in scenes/. manim is imported
only by the commands that render, so `numbers`, `list` and `--help` answer at once.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from pathlib import Path

import click

from attention_math import ExampleError, document, load_example, text_report
from scenes.registry import BY_NAME, SCENES

ROOT = Path(__file__).resolve().parent
QUALITIES = ("low", "medium", "high", "4k")


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


def example_options(command):
    """The options every command shares: which example, and how to read it."""
    options = [
        click.option("--embeddings", "embeddings", type=click.Path(dir_okay=True, path_type=Path), default=None,
                     help="Your example: .yaml/.json, or a .csv embedding table (header token,<dim>,…). Default: built-in."),
        click.option("--sentence", "sentences", multiple=True,
                     help="A sentence, tokens separated by spaces (repeatable); replaces the file's sentences."),
        click.option("--focus", default=None, help="The word to follow (default: the file's focus, or the first word shared by all sentences)."),
        click.option("--heads", type=int, default=None, help="Number of attention heads (default 2; must divide d when generated)."),
        click.option("--seed", type=int, default=None, help="Generate every learned weight from this seed, ignoring weights in the file."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _load(embeddings, sentences, focus, heads, seed):
    return load_example(embeddings, sentences=list(sentences) or None, focus=focus, heads=heads, seed=seed)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename: no half-written file at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """Render explainer videos of transformer self-attention, step by step."""


@cli.command()
@example_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: readable tables; json: the documented document for other tools.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@user_errors
def numbers(embeddings, sentences, focus, heads, seed, fmt, output):
    """Print every step's numbers: embeddings, scores, scaled, weights, output, projections, heads."""
    example = _load(embeddings, sentences, focus, heads, seed)
    if fmt == "json":
        text = json.dumps(document(example), indent=1) + "\n"
    else:
        text = text_report(example)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)


@cli.command("list")
def list_scenes():
    """List the scenes, in the explainer's order."""
    width = max(len(s.name) for s in SCENES)
    for number, s in enumerate(SCENES, 1):
        click.echo(f"{number:2d}. {s.name.ljust(width)}  {s.summary}")


def render_options(command):
    options = [
        click.option("--quality", type=click.Choice(QUALITIES), default="low", show_default=True),
        click.option("--theme", type=click.Choice(["dark", "light"]), default="dark", show_default=True),
        click.option("--media-dir", type=click.Path(file_okay=False, path_type=Path), default=ROOT / "media",
                     show_default="media/"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("name", type=click.Choice([s.name for s in SCENES]))
@example_options
@render_options
@user_errors
def scene(name, embeddings, sentences, focus, heads, seed, quality, theme, media_dir):
    """Render one scene to media/<quality>/<theme>/<NAME>.mp4."""
    from scenes.limits import check_drawable

    example = _load(embeddings, sentences, focus, heads, seed)
    check_drawable(example, name)
    from scenes.rendering import render_scene  # imports manim

    path = render_scene(BY_NAME[name], example, quality=quality, theme=theme, media_dir=media_dir)
    click.echo(f"{name}: {path}")


@cli.command("all")
@example_options
@render_options
@user_errors
def render_all(embeddings, sentences, focus, heads, seed, quality, theme, media_dir):
    """Render every scene, in order (checks every scene's limits before rendering any)."""
    from scenes.limits import check_drawable

    example = _load(embeddings, sentences, focus, heads, seed)
    for info in SCENES:
        check_drawable(example, info.name)
    from scenes.rendering import render_scene

    for info in SCENES:
        path = render_scene(info, example, quality=quality, theme=theme, media_dir=media_dir)
        click.echo(f"{info.name}: {path}")


if __name__ == "__main__":
    cli()
