"""The spoken narration: how captions are said, pacing by the speech, the sound in every format
(level, placement, sync in the joined video), the speech cache, the lecturer's recordings and
bad input. Real renders of the two-second fixture scenes at 128×72, 5 fps; the voice speaks
their three short sentences once per process (the speech cache serves the rest)."""

import math
import wave

import av
import numpy as np
import pytest
import srt
from click.testing import CliRunner

import render
from attention_math import load_example
from attention_math.errors import ExampleError
from pipeline import voice as voice_module
from pipeline.audio import RATE, TARGET_LUFS, TRUE_PEAK_DBTP, loudness, read_audio
from pipeline.narration import read_cues, script_cues, script_text, voice_report
from pipeline.runner import run
from pipeline.settings import ExampleSource, RenderSettings, Request
from pipeline.video import read_chapters
from scenes.base import PAUSE
from scenes.speech import reading_time, spoken
from tests import fixture_scene
from tests.fixture_scene import FIXTURES

FPS = 5
FRAME = 1 / FPS
TINY = dict(resolution=(128, 72), fps=FPS)
pytestmark = pytest.mark.xdist_group("voice")  # one process: the voice model loads once


def render_fixtures(media, scenes=FIXTURES, join=True, **settings):
    request = Request(tuple(scenes), ExampleSource(), RenderSettings(**{**TINY, "voice": "joe", **settings}), media,
                      jobs=1, quiet=True)
    summary = run(request, join=join)
    assert not summary.failed, [c.error for c in summary.failed]
    return summary


def dbfs(samples) -> float:
    return 20 * math.log10(max(float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))), 1e-12))


def seconds(samples, start, end):
    return samples[round(start * RATE):round(end * RATE)]


def audio_streams(path):
    with av.open(str(path)) as container:
        return [(s.codec_context.name, float(s.duration * s.time_base) if s.duration else None)
                for s in container.streams.audio]


def true_peak_fft(samples) -> float:
    """True peak by 4x FFT resampling: a different method from pipeline.audio's polyphase filter."""
    from scipy.signal import resample

    return 20 * math.log10(float(np.abs(resample(samples.astype(np.float64), 4 * len(samples))).max()))


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return tmp_path_factory.mktemp("voice-media")


@pytest.fixture(scope="module")
def narrated(media):
    """Both fixture scenes with the default voice, as mp4, joined."""
    return render_fixtures(media)


# -- what the voice says ------------------------------------------------------------------------------

@pytest.mark.parametrize("caption,said", [
    ("Input × Inputᵀ", "input times input transpose"),
    ("√d_k", "the square root of d k"),
    ("W_Q", "W Q"),
    ("Σ", "the sum"),
    ("5 × 4", "five by four"),
    ("2.42", "two point four two"),
    ("0.10", "zero point one"),
    ("2.00", "two"),
    ("−0.35", "minus zero point three five"),
    ("-3", "minus three"),
    ("self-attention", "self-attention"),
    ("a 2-dimensional subspace", "a two-dimensional subspace"),
    ("0.43 × mouse", "zero point four three times mouse"),
    ("1.30 × 1.80 = 2.34", "one point three times one point eight equals two point three four"),
    ("4 × 4 times 4 × 2 gives 4 × 2", "four by four times four by two gives four by two"),
    ("mouse·cat = 2.42", "mouse dot cat equals two point four two"),
    ("d_k = 2; 2 + 2 = 4 columns", "d k equals two; two plus two equals four columns"),
    ("score −∞", "score minus infinity"),
    ("sums to 1.", "sums to one."),
    ("“猫” has the same row", "“猫” has the same row"),
    ("w1·w2 = 0.50", "w1 dot w2 equals zero point five"),  # tokens with digits are said as written
    ("12 and 1300", "twelve and one thousand three hundred"),
])
def test_captions_are_said_in_words(caption, said):
    assert spoken(caption, keep=["猫", "w1", "w2", "mouse", "cat"]) == said


# -- sound in every format --------------------------------------------------------------------------------

def test_narrated_mp4_clips_have_aac_as_long_as_the_picture(narrated):
    for clip in narrated.clips:
        (codec, length), = audio_streams(clip.path)
        assert codec == "aac"
        assert abs(length - clip.duration) < FRAME
        assert abs(len(read_audio(clip.path)) / RATE - clip.duration) < FRAME


@pytest.mark.parametrize("fmt,codec", [("webm", "opus"), ("mov", "aac"), ("gif", None)])
def test_each_format_has_its_sound(media, fmt, codec):
    clip = render_fixtures(media, FIXTURES[:1], join=False, fmt=fmt).clips[0]
    streams = audio_streams(clip.path)
    assert [name for name, _ in streams] == ([codec] if codec else [])
    if codec:
        assert abs(len(read_audio(clip.path)) / RATE - clip.duration) < FRAME


def test_loudness_is_minus_16_lufs_with_true_peak_under_minus_1(narrated):
    for path in [c.path for c in narrated.clips] + [narrated.joined]:
        sound = read_audio(path)
        assert TARGET_LUFS == -16.0 and TRUE_PEAK_DBTP == -1.0
        assert loudness(sound) == pytest.approx(TARGET_LUFS, abs=1.0)
        assert true_peak_fft(sound) <= TRUE_PEAK_DBTP


def test_speech_inside_each_cue_and_silence_between(narrated):
    for clip in narrated.clips:
        sound, cues = read_audio(clip.path), read_cues(clip.cache_path)
        assert len(cues) == 2 and all(c.source == "joe" for c in cues)
        quiet_from = 0.0
        for cue in cues:
            if cue.start - quiet_from > 0.1:  # the gap before it (the first cue starts the clip)
                assert dbfs(seconds(sound, quiet_from + 0.05, cue.start - 0.05)) < -70
            assert dbfs(seconds(sound, cue.start, cue.start + cue.duration)) > -30
            quiet_from = cue.start + cue.duration
        assert dbfs(seconds(sound, quiet_from + 0.05, clip.duration)) < -70  # after the last cue


def test_each_stretch_lasts_its_speech_and_a_pause_and_subtitles_follow_the_speech(narrated):
    for clip in narrated.clips:
        cues = read_cues(clip.cache_path)
        for cue, after in zip(cues, cues[1:]):
            # no overlap; the next cue waits for the pause, and not a frame (plus rounding) longer
            assert cue.duration + PAUSE - 1e-6 <= after.start - cue.start < cue.duration + PAUSE + FRAME + 0.02
        subtitles = list(srt.parse(clip.path.with_suffix(".srt").read_text(encoding="utf-8")))
        assert [s.content for s in subtitles] == [c.caption for c in cues]
        for sub, cue in zip(subtitles, cues):
            assert sub.start.total_seconds() == pytest.approx(cue.start, abs=0.001)
            assert sub.end.total_seconds() == pytest.approx(cue.start + cue.duration, abs=0.001)


def onset(samples, start: float, end: float) -> float:
    """Seconds from `start` to the first sample louder than -40 dBFS before `end`."""
    piece = seconds(samples, start, end)
    return int(np.argmax(np.abs(piece) > 0.01)) / RATE


def test_joined_explainer_keeps_sound_and_picture_in_step(narrated):
    joined = narrated.joined
    (codec, length), = audio_streams(joined)
    chapters = read_chapters(joined)
    assert codec == "aac" and abs(length - chapters[-1].end) < FRAME
    sound = read_audio(joined)
    for chapter, clip in zip(chapters, narrated.clips):
        assert chapter.end - chapter.start == pytest.approx(clip.duration, abs=0.001)
        own = read_audio(clip.path)
        # each chapter's speech starts where it starts in its clip, and ends before the chapter does
        assert abs(onset(sound, chapter.start, chapter.end) - onset(own, 0, clip.duration)) < FRAME
        last = read_cues(clip.cache_path)[-1]
        assert dbfs(seconds(sound, chapter.start + last.start + last.duration + 0.05, chapter.end)) < -70


def test_joined_explainer_has_a_soft_subtitle_track_with_the_captions(narrated):
    with av.open(str(narrated.joined)) as container:
        stream = container.streams.subtitles[0]
        assert stream.codec_context.name == "mov_text"
        texts = [sub.dialogue.decode() for packet in container.demux(stream) for sub in packet.decode()]
    captions = [c.caption for clip in narrated.clips for c in read_cues(clip.cache_path)]
    assert texts == captions


# -- cost ------------------------------------------------------------------------------------------------

def test_a_cached_rerun_synthesises_nothing(narrated, media):
    speech = sorted((media / ".cache" / "speech").iterdir())
    before = voice_module.PiperVoice.synthesised
    again = render_fixtures(media)
    assert [c.cached for c in again.clips] == [True, True]
    assert voice_module.PiperVoice.synthesised == before
    assert sorted((media / ".cache" / "speech").iterdir()) == speech
    assert len(speech) == 3  # three distinct sentences in the two fixture scenes


def test_speech_is_cached_by_its_text_so_a_changed_caption_synthesises_once(narrated, media):
    voice = voice_module.PiperVoice(media / ".cache" / "speech")
    before = voice_module.PiperVoice.synthesised
    assert voice.speak("fixture.show.1", "A table appears.").source == "joe"  # in the cache since the render
    changed = voice.speak("fixture.point.1", "A different row is pointed at.")
    again = voice.speak("fixture.point.1", "A different row is pointed at.")
    assert voice_module.PiperVoice.synthesised == before + 1
    assert again == changed and changed.duration == pytest.approx(len(read_audio(changed.path)) / RATE)
    # the speed is part of what is cached: another speed is another recording
    assert voice_module.PiperVoice(media / ".cache" / "speech", speed=1.0).speech_path("A table appears.") != \
        voice.speech_path("A table appears.")


def test_scenes_built_without_a_voice_are_silent_and_paced_for_reading():
    from manim import tempconfig

    from tests.scene_helpers import TINY as BUILD

    before = voice_module.PiperVoice.synthesised
    with tempconfig(BUILD):
        scene = fixture_scene.FixtureScene(skip_animations=True)
        scene.render()
    assert isinstance(scene.voice, voice_module.SilentVoice) and voice_module.PiperVoice.synthesised == before
    first, second = scene.cues
    assert first.audio is None and first.duration == first.budget == reading_time("A table appears.")
    assert second.start == pytest.approx(first.start + first.budget)


def test_the_script_lists_every_cue_with_the_time_the_picture_gives_it():
    cues = script_cues(FIXTURES, load_example())
    lines = [line.split("\t") for line in script_text(cues).splitlines() if not line.startswith("#")]
    assert [line[0] for line in lines] == ["fixture.show.1", "fixture.point.1", "other.show.1", "other.point.1"]
    assert lines[0][1:] == [f"{reading_time('A table appears.'):.1f}", "A table appears."]
    # paced without a voice, a cue's time is the gap to the next cue of its scene
    assert cues[1].start - cues[0].start == pytest.approx(cues[0].budget)


# -- the lecturer's recordings --------------------------------------------------------------------------------

def write_wav(path, seconds_long: float, rate: int, frequency: float = 440.0, channels: int = 1):
    t = np.arange(int(seconds_long * rate)) / rate
    tone = (0.3 * np.sin(2 * np.pi * frequency * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.repeat(tone, channels).tobytes())
    return path


def dominant_frequency(samples) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / RATE)[int(np.argmax(spectrum))])


@pytest.fixture(scope="module")
def recordings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recordings")
    write_wav(folder / "fixture.show.1.wav", 1.0, 44_100, 440.0, channels=2)  # CD rate, stereo
    write_wav(folder / "other.point.1.wav", 0.8, 16_000, 300.0)
    write_wav(folder / "fixture.point.1.wav", 6.0, 48_000, 500.0)  # far longer than its cue's 2.5 s
    write_wav(folder / "fixture.missing.9.wav", 0.5, 22_050)  # no cue has this id
    return folder


def test_recordings_replace_the_voice_where_present(narrated, media, recordings):
    summary = render_fixtures(media, voice_dir=str(recordings), join=False)
    fixture, other = (read_cues(c.cache_path) for c in summary.clips)
    assert [c.source for c in fixture + other] == ["recording", "recording", "joe", "recording"]
    first = fixture[0]
    assert first.duration == pytest.approx(1.0, abs=0.01)
    sound = read_audio(summary.clips[0].path)
    assert dominant_frequency(seconds(sound, first.start + 0.1, first.start + 0.9)) == pytest.approx(440, abs=3)
    # the long recording is spoken whole: its hold stretched past the picture's 2.5 s
    long = fixture[1]
    assert long.duration == pytest.approx(6.0, abs=0.01) and summary.clips[0].duration >= long.start + 6.0 + PAUSE
    lines = voice_report(summary, summary_settings(recordings))
    assert any(line.startswith("warning: ") and "fixture.point.1.wav: 6.0 s" in line and "stretched" in line
               for line in lines)
    assert any("fixture.missing.9.wav: no cue has this id" in line for line in lines)
    assert lines[-2:] == [f"voice: 1 cue(s) have no recording in {recordings} and use the voice:", "  other.show.1"]


def summary_settings(recordings):
    return RenderSettings(**TINY, voice="joe", voice_dir=str(recordings))


def test_a_changed_recording_renders_its_scene_again(narrated, media, recordings, tmp_path):
    import shutil

    from pipeline.cache import clip_key

    copy = tmp_path / "recordings"
    shutil.copytree(recordings, copy)
    settings = summary_settings(copy)
    before = {s: voice_module.voice_fingerprint(settings, s) for s in ("fixture", "other")}
    write_wav(copy / "other.point.1.wav", 0.8, 16_000, 310.0)
    after = {s: voice_module.voice_fingerprint(settings, s) for s in ("fixture", "other")}
    assert before["fixture"] == after["fixture"] and before["other"] != after["other"]
    assert clip_key("other", "e", "c", settings, before["other"]) != clip_key("other", "e", "c", settings, after["other"])


# -- bad input ----------------------------------------------------------------------------------------------

def flac_named_wav(path):
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, RATE // 10), np.int16), format="s16", layout="mono")
        frame.sample_rate = RATE
        for packet in list(stream.encode(frame)) + list(stream.encode(None)):
            out.mux(packet)
    return path


@pytest.mark.parametrize("make,words", [
    (lambda d: d / "absent", ["absent", "--voice-dir", "no such folder"]),
    (lambda d: (d / "a.wav").write_text("not sound") and d, ["a.wav", "cannot be read as a WAV file"]),
    (lambda d: flac_named_wav(d / "b.wav") and d, ["b.wav", "is not a WAV file", "FLAC"]),
    (lambda d: (d / "c.wav").symlink_to(d / "gone.wav") or d, ["c.wav", "cannot be read"]),
    (lambda d: write_wav(d / "d.wav", 0.0, 22_050) and d, ["d.wav", "has no sound"]),
])
def test_bad_recordings_stop_the_run_with_one_line(tmp_path, make, words):
    folder = tmp_path / "recordings"
    folder.mkdir()
    given = make(folder)
    media = tmp_path / "media"
    result = CliRunner().invoke(render.cli, ["scene", "scaling", "--voice-dir", str(given), "--media-dir", str(media)])
    assert result.exit_code == 2, result.output
    line = result.output.strip()
    assert line.startswith("error: ") and "\n" not in line and "fix: " in line
    for word in words:
        assert word in line
    assert not media.exists()


def test_an_unknown_voice_is_refused_with_one_line(tmp_path):
    result = CliRunner().invoke(render.cli, ["all", "--voice", "bob", "--media-dir", str(tmp_path)])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "--voice" in result.output
    with pytest.raises(ExampleError, match="'bob' is not a voice; fix: use one of joe, none"):
        RenderSettings(voice="bob")
    assert list(tmp_path.iterdir()) == []


# -- the slide deck -----------------------------------------------------------------------------------------

def test_deck_slides_are_silent_unless_asked_to_speak(narrated, media):
    from pipeline.slides import REVEAL_DIR, build_deck

    if not (REVEAL_DIR / "reveal.js").exists():
        pytest.fail("reveal.js assets missing: run scripts/setup.sh")
    request = Request(FIXTURES, settings=RenderSettings(**TINY, voice="joe"), media_dir=media, jobs=1, quiet=True)
    page, _ = build_deck(request)
    assert all(audio_streams(p) == [] for p in page.parent.glob("clips/*.mp4")) and " muted " in page.read_text()
    page, _ = build_deck(request, narrated=True)
    slides = sorted(page.parent.glob("clips/*.mp4"))
    assert len(slides) == 4 and " muted " not in page.read_text()
    for clip in narrated.clips:  # a scene's slides speak its sound, cut where its steps begin
        parts = [audio_streams(p) for p in slides if f"-{clip.scene}-" in p.name]
        assert [codec for (codec, _), in parts] == ["aac", "aac"]
        assert abs(sum(length for (_, length), in parts) - clip.duration) < FRAME
        step_two = read_audio([p for p in slides if f"-{clip.scene}-02" in p.name][0])
        assert dbfs(step_two[:RATE]) > -30  # its cue starts with the step
    with pytest.raises(ExampleError, match="--deck-voice"):
        build_deck(Request(FIXTURES, settings=RenderSettings(**TINY, voice="none"), media_dir=media), narrated=True)
