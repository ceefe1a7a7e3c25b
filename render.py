#!/usr/bin/env python3
"""attention-explainer: print the numbers, list the scenes, render clips, the explainer or the deck.

Click commands only: options become one pipeline.settings.Request, and the pipeline does the
work. manim is imported only by the commands that render, so `numbers`, `list` and `--help`
answer at once.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from attention_math.errors import ExampleError
from pipeline import catalog
from pipeline.files import atomic_path, atomic_write
from pipeline.settings import FORMATS, QUALITY, ExampleSource, RenderSettings, Request, parse_resolution
from scenes.theme import THEMES

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


def _apply(options, command):
    for option in reversed(options):
        command = option(command)
    return command


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
    click.option("--theme", type=click.Choice(list(THEMES)), default="dark", show_default=True,
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


def example_options(command):
    return _apply(EXAMPLE_OPTIONS, command)


def video_options(command):
    return _apply(VIDEO_OPTIONS, command)


def format_options(command):
    return _apply(FORMAT_OPTIONS, command)


def _source(options: dict) -> ExampleSource:
    path = options.pop("embeddings")
    return ExampleSource(None if path is None else str(path), tuple(options.pop("sentences")), options.pop("focus"),
                         options.pop("heads"), options.pop("seed"))


def _request(scenes, options: dict) -> Request:
    """The command's options as one Request (settings checked, example not loaded yet)."""
    source = _source(options)
    settings = RenderSettings(quality=options.pop("quality"), theme=options.pop("theme"),
                              fmt=options.pop("fmt", "mp4"), transparent=options.pop("transparent", False),
                              fps=options.pop("fps"), resolution=parse_resolution(options.pop("resolution")))
    return Request(tuple(catalog.by_name(name) for name in scenes), source, settings, options.pop("media_dir"), options.pop("jobs"), options.pop("quiet"))


def _report_failures(summary) -> None:
    for clip in summary.failed:
        where = f" (full traceback: {clip.log})" if clip.log else ""
        click.echo(f"error: scene {clip.scene} failed: {clip.error}{where}", err=True)


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
def numbers(fmt, output, **options):
    """Print every step's numbers: embeddings, scores, scaled, weights, output, projections, heads."""
    from attention_math.report import document, text_report

    if fmt == "xlsx" and output is None:
        raise ExampleError("--format xlsx", "-o", "a workbook cannot go to the terminal", "add -o numbers.xlsx")
    example = _source(options).load()
    try:
        if fmt == "xlsx":
            from attention_math.workbook import write_workbook

            with atomic_path(output) as tmp:
                write_workbook(example, tmp)
        else:
            text = json.dumps(document(example), indent=1) + "\n" if fmt == "json" else text_report(example)
            if output is None:
                click.echo(text, nl=False)
                return
            atomic_write(output, text)
    except OSError as exc:
        raise ExampleError(str(output), "-o", f"cannot be written ({exc.strerror})", "choose a writable path") from None
    click.echo(f"wrote {output}", err=True)


@cli.command("list")
def list_scenes():
    """List the scenes, in the explainer's order."""
    infos = catalog.scenes()
    width = max(len(info.name) for info in infos)
    for info in infos:
        click.echo(f"{info.number:2d}. {info.name.ljust(width)}  {info.chapter}: {info.summary}")


def _render(request: Request, join: bool):
    request.checked_example()  # every limit is checked before anything renders
    from pipeline.runner import run, summary_table  # imports the scenes' needs lazily

    try:
        summary = run(request, join=join)
    except KeyboardInterrupt:
        click.echo("interrupted: no partial file was left at any output path", err=True)
        sys.exit(130)
    if not request.quiet:
        click.echo(summary_table(summary, Path.cwd()), nl=False)
    _report_failures(summary)
    if summary.failed:
        if join and len(request.scenes) > 1:
            click.echo("error: the explainer was not joined because a scene failed; the other clips are in place", err=True)
        sys.exit(1)
    return summary


@cli.command()
@click.argument("name", type=click.Choice(catalog.scene_names()))
@example_options
@video_options
@format_options
@user_errors
def scene(name, **options):
    """Render one scene to media/<theme>/<quality>/<NAME>.<format> (with .srt/.vtt subtitles)."""
    options["jobs"] = 1
    _render(_request([name], options), join=False)


@cli.command("all")
@example_options
@video_options
@format_options
@user_errors
def render_all(**options):
    """Render every scene in parallel and join them into attention_explainer.<format> with chapters."""
    _render(_request(catalog.scene_names(), options), join=True)


@cli.command()
@example_options
@video_options
@user_errors
def slides(**options):
    """Build an offline slide deck: one slide per step, each waiting for the presenter's click.

    Writes media/<theme>/slides-<quality>/index.html with its videos and reveal.js beside it.
    Uses the same clips as `all` (with the same settings, nothing renders twice)."""
    request = _request(catalog.scene_names(), options)
    request.checked_example()
    from pipeline.runner import summary_table
    from pipeline.slides import MissingAssets, build_deck

    try:
        deck, summary = build_deck(request)
    except MissingAssets as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted: the previous deck, if any, is untouched", err=True)
        sys.exit(130)
    _report_failures(summary)
    if deck is None:
        sys.exit(1)
    if not request.quiet:
        click.echo(summary_table(summary, Path.cwd()), nl=False)
    click.echo(f"slides: {deck}")


if __name__ == "__main__":
    cli()
