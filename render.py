#!/usr/bin/env python3
"""attention-explainer: print the numbers, list the scenes, render clips, the explainer or the deck.

Click commands only: options become one pipeline.settings.Request, and pipeline.api (the same
functions a notebook calls) does the work. manim is imported only by the commands that render, so
`numbers`, `list` and `--help` answer at once.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from attention_math.errors import ExampleError, one_line
from attention_math.safe_text import escaped
from pipeline import api, catalog
from pipeline.settings import FORMATS, QUALITY, ExampleSource, Request
from pipeline.voice import VOICES, default_voice
from scenes.theme import THEMES


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


def _usage_line(error: click.UsageError) -> str:
    """click's usage error as `COMMAND: OPTION: PROBLEM; fix: FIX` (escaped, one line)."""
    command = error.ctx.command_path if error.ctx else "render.py"
    param = getattr(error, "param", None)
    field = "usage"
    if param is not None:
        field = param.opts[0] if isinstance(param, click.Option) else param.name.upper()
    fix = f"see `{command} --help`"
    if isinstance(error, click.MissingParameter):
        problem = "missing"
        if isinstance(param.type, click.Choice):
            fix = f"give one of: {', '.join(map(str, param.type.choices))}"
    elif isinstance(error, click.NoSuchOption):
        field, problem = error.option_name, "no such option"
        if error.possibilities:
            problem += f" (did you mean {', '.join(sorted(error.possibilities))}?)"
    else:
        problem = " ".join((error.message if isinstance(error, click.BadParameter) else error.format_message()).split())
    return one_line(command, field, problem.rstrip("."), fix)


class OneLineUsageError(click.UsageError):
    def show(self, file=None):
        click.echo(f"error: {self.message}", err=True)


@contextmanager
def _one_line_usage_errors():
    try:
        yield
    except (OneLineUsageError, click.exceptions.NoArgsIsHelpError):  # bare `render.py` shows the help
        raise
    except click.UsageError as error:
        raise OneLineUsageError(_usage_line(error), error.ctx) from None


class OneLineErrors(click.Group):
    """click's own usage errors (unknown option, bad value, missing argument) as one line with
    the fix and exit status 2, like every other error, instead of click's usage block."""

    def make_context(self, *args, **kwargs):
        with _one_line_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _one_line_usage_errors():
            return super().invoke(ctx)


def _print(text: str) -> None:
    """Text to standard output; one that cannot take it (a full disk) is one line, exit 2."""
    try:
        click.echo(text, nl=False)
    except OSError as exc:
        try:  # what is still buffered must not fail again (with a traceback) when Python exits
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # a test's captured stdout has no descriptor
            pass
        if exc.errno == errno.EPIPE:  # `numbers | head`: the reader has all it wants; click exits quietly
            raise
        raise ExampleError("standard output", "-", f"cannot be written ({exc.strerror})",
                           "free some space, or write to a file with -o FILE") from None


def _apply(options, command):
    for option in reversed(options):
        command = option(command)
    return command


EXAMPLE_OPTIONS = [  # every command shares these: which example, and how to read it
    click.option("--embeddings", "embeddings", type=click.Path(dir_okay=True, path_type=Path), default=None,
                 help="Your example: .yaml/.json, a .csv embedding table (header token,<dim>,…), or an .xlsx workbook "
                      "(the one `numbers --format xlsx` writes, or a table on its first sheet). Default: built-in."),
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
    click.option("--media-dir", type=click.Path(file_okay=False, path_type=Path), default=api.MEDIA_DIR,
                 show_default="media/, or $ATTENTION_MEDIA_DIR"),
]
VOICE_OPTIONS = [  # the commands whose clips are narrated
    click.option("--voice", type=click.Choice(list(VOICES)), default=default_voice, show_default="joe, or $ATTENTION_VOICE",
                 help="joe: Piper's en_US-joe-medium, offline; none: silent clips paced for reading."),
    click.option("--voice-dir", default=None, metavar="DIR",
                 help="Your recordings, DIR/<cue id>.wav (ids from `render.py script`), used where present."),
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


def voice_options(command):
    return _apply(VOICE_OPTIONS, command)


def _source(options: dict) -> ExampleSource:
    return api.example_file(options.pop("embeddings"), sentences=options.pop("sentences"), focus=options.pop("focus"),
                            heads=options.pop("heads"), seed=options.pop("seed"))


def _request(scenes, options: dict) -> Request:
    """The command's options as one Request (settings checked, example not loaded yet): the
    remaining options are api.request's keywords."""
    return api.request(scenes, _source(options), **options)


def _report_failures(summary) -> None:
    for clip in summary.failed:
        where = f" (full traceback: {clip.log})" if clip.log else ""
        click.echo(f"error: scene {clip.scene} failed: {escaped(clip.error)}{where}", err=True)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
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
    if fmt == "xlsx" and output is None:
        raise ExampleError("--format xlsx", "-o", "a workbook cannot go to the terminal", "add -o numbers.xlsx")
    example = _source(options)
    if output is None:
        _print(api.numbers_text(example, fmt))
        return
    try:
        api.write_numbers(output, example, fmt)
    except OSError as exc:
        raise ExampleError(str(output), "-o", f"cannot be written ({exc.strerror})", "choose a writable path") from None
    click.echo(f"wrote {escaped(str(output))}", err=True)


@cli.command("list")
@user_errors
def list_scenes():
    """List the scenes, in the explainer's order."""
    infos = catalog.scenes()
    width = max(len(info.name) for info in infos)
    _print("".join(f"{info.number:2d}. {info.name.ljust(width)}  {info.chapter}: {info.summary}\n" for info in infos))


def _show(summary, request: Request) -> None:
    """The table of outputs (unless --quiet), then each failed scene on stderr."""
    from pipeline.narration import voice_report
    from pipeline.runner import summary_table

    if not request.quiet:
        click.echo(summary_table(summary, Path.cwd()), nl=False)
    _report_failures(summary)
    for line in voice_report(summary, request.settings):  # recordings: fallbacks, long ones, unused ones
        click.echo(escaped(line), err=True)


def _render(request: Request, join: bool):
    try:
        summary = api.render(request, join=join)
    except KeyboardInterrupt:
        click.echo("interrupted: no partial file was left at any output path", err=True)
        sys.exit(130)
    except api.RenderFailed as failed:
        _show(failed.summary, request)
        if join and len(request.scenes) > 1:
            click.echo("error: the explainer was not joined because a scene failed; the other clips are in place", err=True)
        sys.exit(1)
    _show(summary, request)
    return summary


@cli.command()
@click.argument("name", type=click.Choice(catalog.scene_names()))
@example_options
@video_options
@format_options
@voice_options
@user_errors
def scene(name, **options):
    """Render one scene to media/<theme>/<quality>/<NAME>.<format> (with .srt/.vtt subtitles)."""
    options["jobs"] = 1
    _render(_request([name], options), join=False)


@cli.command("all")
@example_options
@video_options
@format_options
@voice_options
@user_errors
def render_all(**options):
    """Render every scene in parallel and join them into attention_explainer.<format> with chapters."""
    _render(_request(catalog.scene_names(), options), join=True)


@cli.command()
@example_options
@video_options
@voice_options
@click.option("--deck-voice", is_flag=True,
              help="Slides that speak their narration (default: silent slides, for a lecturer who talks).")
@user_errors
def slides(deck_voice, **options):
    """Build an offline slide deck: one slide per step, each waiting for the presenter's click.

    Writes media/<theme>/slides-<quality>/index.html with its videos and reveal.js beside it.
    Uses the same clips as `all` (with the same settings, nothing renders twice)."""
    _deck(functools.partial(api.slides, narrated=deck_voice), _request(catalog.scene_names(), options), "slides")


@cli.command()
@example_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@user_errors
def script(output, **options):
    """Write the narration as a script to record: one line per cue with its id, the seconds the
    picture gives it, and the text as it will be spoken.

    Record a cue as <id>.wav in one folder and render with --voice-dir FOLDER: your recordings
    replace the voice where present. Nothing is rendered (each scene is built, about a minute in all)."""
    text = api.narration_script(_source(options))
    if output is None:
        _print(text)
        return
    from pipeline.files import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        raise ExampleError(str(output), "-o", f"cannot be written ({exc.strerror})", "choose a writable path") from None
    click.echo(f"wrote {escaped(str(output))}", err=True)


@cli.command()
@example_options
@video_options
@voice_options
@user_errors
def pptx(**options):
    """Build a PowerPoint deck: one 16:9 slide per step, its clip embedded and starting when the
    slide is shown, the step's narration in the speaker notes.

    Writes media/<theme>/attention_explainer-<quality>.pptx, with no Office and no network needed.
    Uses the same clips as `all` (with the same settings, nothing renders twice)."""
    _deck(api.powerpoint, _request(catalog.scene_names(), options), "pptx")


def _deck(build, request: Request, label: str) -> None:
    """Build a deck with api.slides or api.powerpoint, reporting as every command does."""
    from pipeline.slides import MissingAssets

    try:
        deck = build(request)
    except MissingAssets as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted: the previous deck, if any, is untouched", err=True)
        sys.exit(130)
    except api.RenderFailed as failed:
        _report_failures(failed.summary)
        sys.exit(1)
    _show(deck.summary, request)
    click.echo(f"{label}: {deck.path}")


if __name__ == "__main__":
    cli()
