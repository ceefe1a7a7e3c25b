"""Web-ready video: every MP4 and MOV the pipeline writes has its index (moov) before its media
data (mdat), and the joined explainer comes with WebVTT chapters and a page that plays it with
both tracks, checked in headless Chromium with no network. Fixture scenes at 128×72, 5 fps."""

import re
import struct

import pytest

from pipeline.runner import run
from pipeline.settings import RenderSettings, Request
from pipeline.slides import REVEAL_DIR, build_deck
from pipeline.video import read_chapters
from tests.fixture_scene import FIXTURES
from tests.headless import CHROMIUM, dump_dom

TINY = RenderSettings(resolution=(128, 72), fps=5)


def top_level_boxes(path) -> list:
    """The types of an MP4/MOV file's top-level boxes, in file order (ISO/IEC 14496-12: a 32-bit
    big-endian size, then a 4-letter type; size 1 means a 64-bit size follows, 0 means to the end)."""
    kinds = []
    with open(path, "rb") as handle:
        while header := handle.read(8):
            size, kind = struct.unpack(">I4s", header)
            kinds.append(kind.decode("latin-1"))
            if size == 0:
                break
            if size == 1:
                size = struct.unpack(">Q", handle.read(8))[0] - 8
            handle.seek(size - 8, 1)
    return kinds


def index_first(path) -> bool:
    kinds = top_level_boxes(path)
    return "moov" in kinds and "mdat" in kinds and kinds.index("moov") < kinds.index("mdat")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    request = Request(FIXTURES, settings=TINY, media_dir=media, jobs=1, quiet=True)
    summary = run(request)
    assert not summary.failed, [c.error for c in summary.failed]
    return request, summary


def test_box_reader_sees_a_file_written_without_faststart(tmp_path):
    """The check can fail: PyAV's default MP4 puts the index last."""
    import av

    path = tmp_path / "plain.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=5)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        frame = av.VideoFrame(64, 64, "yuv420p")
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    assert top_level_boxes(path)[0] == "ftyp" and not index_first(path)


def test_clips_sections_and_explainer_have_their_index_first(rendered):
    _, summary = rendered
    for clip in summary.clips:
        sections = sorted(clip.cache_path.with_suffix(".sections").glob("*.mp4"))
        assert len(sections) == 2  # one per step of the fixture scene
        for path in [clip.path, clip.cache_path, *sections]:
            assert index_first(path), (path, top_level_boxes(path))
    assert index_first(summary.joined), top_level_boxes(summary.joined)
    assert summary.joined.with_suffix(".chapters.vtt") in summary.extras


def test_the_decks_clips_have_their_index_first(rendered):
    if not (REVEAL_DIR / "reveal.js").exists():
        pytest.fail("reveal.js assets missing: run scripts/setup.sh")
    request, _ = rendered
    page, summary = build_deck(request)  # the clips are cached: nothing renders again
    clips = sorted((page.parent / "clips").glob("*.mp4"))
    assert len(clips) == 4 and all(index_first(p) for p in clips), [top_level_boxes(p) for p in clips]


def test_a_mov_clip_has_its_index_first(tmp_path):
    summary = run(Request(FIXTURES[:1], settings=RenderSettings(resolution=(128, 72), fps=5, fmt="mov"),
                          media_dir=tmp_path, jobs=1, quiet=True), join=False)
    assert summary.clips[0].path.suffix == ".mov" and index_first(summary.clips[0].path)


def test_webvtt_chapters_match_the_videos_chapters(rendered):
    _, summary = rendered
    text = summary.joined.with_suffix(".chapters.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    cues = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})\n(.+)", text)

    def seconds(h, m, s, ms):
        return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000

    chapters = read_chapters(summary.joined)
    assert [cue[8] for cue in cues] == [c.title for c in chapters] == ["1. A fixture", "2. Another fixture"]
    for cue, chapter in zip(cues, chapters):
        assert seconds(*cue[:4]) == pytest.approx(chapter.start, abs=0.001)
        assert seconds(*cue[4:8]) == pytest.approx(chapter.end, abs=0.001)


def test_page_references_only_files_beside_it(rendered):
    _, summary = rendered
    page = summary.joined.with_suffix(".html")
    references = re.findall(r'(?:src|href)="([^"]+)"', page.read_text(encoding="utf-8"))
    assert sorted(references) == sorted(["attention_explainer.mp4", "attention_explainer.vtt",
                                         "attention_explainer.chapters.vtt"])
    assert all((page.parent / ref).is_file() for ref in references)
    assert 'kind="chapters"' in page.read_text() and 'kind="subtitles"' in page.read_text()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is installed by scripts/setup.sh --test")
def test_page_plays_the_video_with_both_tracks_offline(rendered, tmp_path):
    _, summary = rendered
    page = summary.joined.with_suffix(".html")
    # A page opened from disk is its own origin, and Chromium refuses it the tracks beside it;
    # served (a course page), it may load them. The flag gives the file page that same access.
    result = dump_dom(page, tmp_path / "profile", "--allow-file-access-from-files")
    state = re.search(r'data-media="([^"]*)"', result.stdout)
    assert state, result.stderr[-2000:]
    subtitles = summary.joined.with_suffix(".vtt").read_text(encoding="utf-8").count("-->")
    assert state.group(1) == f"video:loaded subtitles:{subtitles}-cues chapters:2-cues"
    assert re.findall(r"<li><button>([^<]+)</button></li>", result.stdout) == ["1. A fixture", "2. Another fixture"]
