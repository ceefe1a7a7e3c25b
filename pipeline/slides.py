"""An offline slide deck: one slide per step of every scene, each waiting for the presenter's click.

Every mp4 clip keeps manim's sections (one section per step method, see
ExplainerScene.construct), so the deck uses the same cached renders as `render.py all`; every
section becomes a reveal.js slide whose video plays when the
slide appears and then holds its last frame. reveal.js comes from the npm registry at set-up
(scripts/setup.sh keeps it in .venv/share/reveal.js) and is copied into the deck, so the deck
folder works with no network: open index.html, or copy the folder to the lecture-hall laptop.

Why not manim-slides: its 5.7.0 release sets config.write_to_movie, which manim 0.22 removed,
and its offline HTML export fetches reveal.js from a CDN at conversion time. Sections are
manim's own mechanism for exactly this split, so the deck needs no second animation library.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from attention_math.errors import ExampleError
from scenes import HAND_OVER_SECTION
from pipeline.files import copy_file
from pipeline.runner import ROOT, RunSummary, run
from pipeline.audio import mux_narration, section_tracks, stream_end
from pipeline.settings import SECTION_FORMAT, RenderSettings, Request
from pipeline.web_page import HTML_HEAD
from scenes.theme import theme_named

REVEAL_DIR = ROOT / ".venv" / "share" / "reveal.js"  # filled by scripts/setup.sh (npm pack reveal.js)
REVEAL_FILES = ("reveal.js", "reveal.css", "reset.css", "theme")

PAGE = HTML_HEAD + """<link rel="stylesheet" href="reveal/reveal.css">
<link rel="stylesheet" href="reveal/theme/{reveal_theme}.css">
<style>
  .reveal .slides section {{ padding: 0; }}
  .reveal video {{ width: 100%; height: 100%; max-height: 100%; object-fit: contain; display: block; }}
</style>
</head>
<body>
<div class="reveal"><div class="slides">
{slides}
</div></div>
<script src="reveal/reveal.js"></script>
<script>
  // Videos play when their slide appears and hold their last frame; the presenter clicks on.
  Reveal.initialize({{ width: {width}, height: {height}, margin: 0, hash: true, controls: true,
                       progress: true, transition: 'none', autoPlayMedia: true }});
  // A count of videos that loaded or failed, for a quick health check (and the tests).
  (function () {{
    var videos = document.querySelectorAll('video'), ok = 0, bad = 0;
    function mark() {{ document.documentElement.setAttribute('data-videos', ok + '/' + bad + '/' + videos.length); }}
    videos.forEach(function (v) {{
      v.addEventListener('loadedmetadata', function () {{ ok++; mark(); }});
      v.addEventListener('error', function () {{ bad++; mark(); }}, true);
      v.load();
    }});
    mark();
  }})();
</script>
</body>
</html>
"""

SLIDE = ('<section data-scene="{scene}" data-step="{step}" data-background-color="{background}">'
         '<video data-autoplay{muted} playsinline preload="metadata" src="{src}"></video></section>')


class MissingAssets(RuntimeError):
    pass


def build_deck(request: Request, narrated: bool = False) -> tuple:
    """Render the request's scenes (the same cached mp4 clips as `render.py all`, whose sections
    are the steps) and write media/<theme>/slides-<folder>/index.html. Returns (deck path, RunSummary).
    The deck folder is replaced whole, never half-written. The slides are silent (a lecturer
    talks over them) unless `narrated`: then each slide's video carries its part of the voice."""
    if not (REVEAL_DIR / "reveal.js").exists():
        raise MissingAssets(f"reveal.js is not in {REVEAL_DIR}: run `bash scripts/setup.sh` (it fetches it with npm)")
    settings = request.settings.for_deck()
    if narrated and not settings.narrated:
        raise ExampleError("--deck-voice", "--voice", "a deck with --voice none has no voice to carry",
                           "drop --voice none, or drop --deck-voice")
    # through a symlink, so a linked deck folder stays a link; never swap out what is not a folder
    deck = Path(os.path.realpath(Path(request.media_dir) / settings.theme / f"slides-{settings.folder}"))
    if deck.exists() and not deck.is_dir():
        raise ExampleError(str(deck), "deck folder", "is not a folder", "move it away, or pass another --media-dir")
    summary = run(replace(request, settings=settings), join=False)
    if summary.failed:
        return None, summary
    deck.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".slides-", dir=deck.parent))
    try:
        _write_deck(work, summary, settings, narrated)
        _swap_in(work, deck)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return deck / "index.html", summary


def _write_deck(folder: Path, summary: RunSummary, settings: RenderSettings, narrated: bool) -> None:
    theme = theme_named(settings.theme)
    (folder / "clips").mkdir()
    (folder / "reveal").mkdir()
    for name in REVEAL_FILES:
        source = REVEAL_DIR / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / "reveal" / name)
    slides = []
    for number, clip in enumerate(summary.clips, 1):
        sections = sections_of(clip.cache_path)
        # manim's section videos are silent; a narrated deck gives each its stretch of the clip's sound
        tracks = section_tracks(clip.cache_path, [stream_end(s["path"]) for s in sections]) if narrated else None
        for index, section in enumerate(sections, 1):
            target = folder / "clips" / f"{number:02d}-{clip.scene}-{index:02d}.mp4"
            if tracks is not None:
                mux_narration(section["path"], tracks[index - 1], target, SECTION_FORMAT)
            else:
                copy_file(section["path"], target)  # never a hard link: the deck must not share bytes with the cache
            slides.append(SLIDE.format(scene=html.escape(clip.scene), step=html.escape(section["name"]),
                                       background=theme.background, src=f"clips/{target.name}",
                                       muted="" if narrated else " muted"))
    width, height = settings.resolution or (1280, 720)
    page = PAGE.format(title="Self-attention, step by step", reveal_theme=theme.reveal_theme,
                       slides="\n".join(slides), width=width, height=height)
    (folder / "index.html").write_text(page, encoding="utf-8")
    os.chmod(folder, 0o755)


def sections_of(cache_path: Path) -> list:
    """The step videos of a rendered clip, in order: [{"name", "path"}] (not the hand-over to the
    next scene: a deck's slides are the steps, and its next slide starts from that picture anyway)."""
    folder = cache_path.with_suffix(".sections")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [{"name": entry["name"], "path": folder / entry["video"]} for entry in index
            if entry["name"] != HAND_OVER_SECTION]


def _swap_in(new: Path, deck: Path) -> None:
    """Replace the deck folder: rename the old one aside, the new one in, then delete the old."""
    old = None
    if deck.exists():
        old = Path(tempfile.mkdtemp(prefix=".slides-old-", dir=deck.parent))
        os.replace(deck, old / "deck")
    os.replace(new, deck)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
