"""The PowerPoint deck: one 16:9 slide per step of every scene, its clip embedded in the file.

The steps are the HTML deck's (pipeline.slides): the sections of the same cached mp4 clips, so
after `render.py all` or `slides` with the same settings this renders nothing. On each slide:
- the step's clip, filling the slide, starting by itself when the slide is shown (python-pptx
  inserts movies that play on click; the slide's timing tree is rewritten the way PowerPoint
  writes "Start: Automatically"), with its last frame as the poster, so a printed or
  PDF-exported deck shows the picture the step builds (a step's first frame is often still
  empty: the step draws its picture);
- the chapter title as the slide's title, behind the clip: outline view, the slide list and
  screen readers name the slide, the audience sees only the clip;
- the step's narration in the speaker notes (the captions of the cues the scene recorded in that
  step, <clip>.cues.json), so the presenter view shows what to say.
Written by python-pptx alone: no Office, no network.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

import av
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Emu, Pt

from pipeline.files import atomic_path
from pipeline.narration import read_cues
from pipeline.runner import EXPLAINER, RunSummary, run
from pipeline.settings import RenderSettings, Request
from pipeline.slides import sections_of
from pipeline.video import clip_duration
from scenes.theme import Theme, theme_named

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 13.33 × 7.5 inches: PowerPoint's own 16:9
TITLE_HEIGHT = Emu(457200)  # half an inch
TITLE_LAYOUT = "Title Only"  # of python-pptx's default template

# "Start: Automatically": in the slide's main sequence, a media call whose group begins when the
# sequence begins (onBegin of time node 2) rather than on a click; then PowerPoint's video node.
AUTOPLAY_TIMING = """<p:timing {namespaces}><p:tnLst><p:par>
 <p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>
  <p:seq concurrent="1" nextAc="seek">
   <p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>
    <p:par><p:cTn id="3" fill="hold">
     <p:stCondLst><p:cond delay="indefinite"/><p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond></p:stCondLst>
     <p:childTnLst><p:par><p:cTn id="4" fill="hold">
      <p:stCondLst><p:cond delay="0"/></p:stCondLst>
      <p:childTnLst><p:par>
       <p:cTn id="5" presetID="1" presetClass="mediacall" presetSubtype="0" fill="hold" nodeType="afterEffect">
        <p:stCondLst><p:cond delay="0"/></p:stCondLst>
        <p:childTnLst><p:cmd type="call" cmd="playFrom(0.0)"><p:cBhvr>
         <p:cTn id="6" dur="{milliseconds}" fill="hold"/>
         <p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl>
        </p:cBhvr></p:cmd></p:childTnLst>
       </p:cTn>
      </p:par></p:childTnLst>
     </p:cTn></p:par></p:childTnLst>
    </p:cTn></p:par>
   </p:childTnLst></p:cTn>
   <p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>
   <p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>
  </p:seq>
  <p:video><p:cMediaNode vol="80000">
   <p:cTn id="7" fill="hold" display="0"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst></p:cTn>
   <p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl>
  </p:cMediaNode></p:video>
 </p:childTnLst></p:cTn>
</p:par></p:tnLst></p:timing>"""


@dataclass(frozen=True)
class Step:
    """One slide: a step of a scene."""

    title: str        # its chapter, "4. Row-wise softmax"
    name: str         # the step method, "one_row"
    video: Path       # the step's section of the clip
    narration: tuple  # its captions, in order


def pptx_path(media_dir: Path, settings: RenderSettings) -> Path:
    """media/<theme>/attention_explainer-<folder>.pptx"""
    return Path(media_dir) / settings.theme / f"{EXPLAINER}-{settings.folder}.pptx"


def build_pptx(request: Request) -> tuple:
    """Render the request's scenes (the same cached mp4 clips as `render.py all`) and write the
    deck. Returns (deck path, RunSummary); the path is None when a scene failed."""
    settings = request.settings.for_deck()
    summary = run(replace(request, settings=settings), join=False)
    if summary.failed:
        return None, summary
    path = pptx_path(request.media_dir, settings)
    with atomic_path(path) as tmp:
        write_pptx(steps_of(summary), theme_named(settings.theme), tmp)
    return path, summary


def steps_of(summary: RunSummary) -> list:
    """Every step of every rendered clip, in the explainer's order, with its narration."""
    steps = []
    for clip in summary.clips:
        cues = read_cues(clip.cache_path)
        steps += [Step(clip.title, section["name"], section["path"],
                       tuple(cue.caption for cue in cues if _step_of(cue) == section["name"]))
                  for section in sections_of(clip.cache_path)]
    return steps


def _step_of(cue) -> str:
    """The step a cue was said in: its id is "<scene>.<step>.<n>"."""
    return cue.id.rsplit(".", 2)[1]


def write_pptx(steps, theme: Theme, path: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    layout = next(layout for layout in deck.slide_layouts if layout.name == TITLE_LAYOUT)
    for step in steps:
        _add_slide(deck.slides.add_slide(layout), step, theme)
    deck.save(str(path))


def _add_slide(slide, step: Step, theme: Theme) -> None:
    background = slide.background.fill
    background.solid()
    background.fore_color.rgb = RGBColor.from_string(theme.background.lstrip("#"))
    _title(slide.shapes.title, step.title, theme)
    poster, (width, height) = last_frame(step.video)
    left, top, movie_width, movie_height = _fit(width, height)
    movie = slide.shapes.add_movie(str(step.video), left, top, movie_width, movie_height,
                                   poster_frame_image=io.BytesIO(poster), mime_type="video/mp4")
    movie.name = f"{step.title}: {step.name}"
    _play_when_shown(slide, movie.shape_id, clip_duration(step.video))
    slide.notes_slide.notes_text_frame.text = "\n".join(step.narration)


def _title(shape, text: str, theme: Theme) -> None:
    """A small title along the top edge; the clip, added after it, is drawn over it."""
    shape.left, shape.top, shape.width, shape.height = 0, 0, SLIDE_WIDTH, TITLE_HEIGHT
    shape.text_frame.text = text
    font = shape.text_frame.paragraphs[0].runs[0].font
    font.size = Pt(14)
    font.color.rgb = RGBColor.from_string(theme.muted.lstrip("#"))


def _fit(width: int, height: int) -> tuple:
    """(left, top, width, height) of a width×height picture as large as the slide allows, centred."""
    scale = min(SLIDE_WIDTH / width, SLIDE_HEIGHT / height)
    fitted_width, fitted_height = round(width * scale), round(height * scale)
    return (SLIDE_WIDTH - fitted_width) // 2, (SLIDE_HEIGHT - fitted_height) // 2, fitted_width, fitted_height


def last_frame(video: Path) -> tuple:
    """(PNG bytes, (width, height)) of a clip's last frame: the movie's poster."""
    with av.open(str(video)) as container:
        frame = None
        for frame in container.decode(video=0):  # a step's clip is seconds long: decode it through
            pass
        image = frame.to_image()
    png = io.BytesIO()
    image.save(png, format="PNG")
    return png.getvalue(), image.size


def _play_when_shown(slide, shape_id: int, seconds: float) -> None:
    """Replace the play-on-click timing python-pptx wrote with one that starts the movie itself."""
    timing = parse_xml(AUTOPLAY_TIMING.format(namespaces=nsdecls("p"), shape_id=shape_id,
                                              milliseconds=max(1, round(seconds * 1000))))
    old = slide.element.find(timing.tag)
    old.getparent().replace(old, timing)
