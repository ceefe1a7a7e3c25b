"""Damaged cache entries and interrupted renders: a scribbled or truncated clip in media/.cache is
noticed, dropped and rendered again (never published), a published clip shares no bytes with
the cache, and work folders of killed renders are cleaned up at the next start. Renders the
two-second fixture scene at 128×72, 5 frames a second."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import av
import pytest

from pipeline import cache_entries
from pipeline.files import WORK_LOCK, WORK_PREFIX, remove_stale_work_folders
from pipeline.runner import run
from pipeline.settings import ExampleSource, RenderSettings, Request
from tests.conftest import ROOT
from tests.fixture_scene import FIXTURES

TINY = RenderSettings(resolution=(128, 72), fps=5)


def render_fixture(media):
    return run(Request(FIXTURES[:1], ExampleSource(), TINY, media, jobs=1, quiet=True), join=False)


def decoded_frames(path) -> int:
    """How many frames decode; any damage raises (av.error.InvalidDataError and kin)."""
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """One render: its media folder, and the number of frames its clip has."""
    media = tmp_path_factory.mktemp("media")
    summary = render_fixture(media)
    assert not summary.failed, summary.failed
    return media, decoded_frames(summary.clips[0].path)


def truncate(path):
    with open(path, "r+b") as handle:
        handle.truncate(os.path.getsize(path) // 3)


def scribble(path):
    size = os.path.getsize(path)
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(min(4096, size // 4)))  # the size stays: only the checksum can tell


@pytest.mark.parametrize("damage", [truncate, scribble], ids=["truncated", "scribbled"])
def test_a_damaged_cache_entry_is_rendered_again_never_published(tmp_path, pristine, damage, capfd):
    source, frames = pristine
    media = tmp_path / "media"
    shutil.copytree(source, media)
    clip = next((media / ".cache").glob("fixture-*.mp4"))
    published = media / "dark" / "128x72-5fps" / "fixture.mp4"
    damage(clip)
    assert decoded_frames(published) == frames  # a copy: damage to the cache never reaches it
    stale = media / ".cache" / f"{WORK_PREFIX}fixture-killed"  # as a killed render leaves it
    stale.mkdir()
    (stale / WORK_LOCK).touch()
    capfd.readouterr()

    summary = render_fixture(media)

    assert not summary.failed and summary.clips[0].cached is False
    warning = capfd.readouterr().err.strip()
    assert warning.count("\n") == 0 and warning.startswith(f"warning: cache entry {clip.name} is damaged"), warning
    assert "rendering the scene again" in warning
    assert decoded_frames(published) == frames  # every frame of the published clip decodes
    assert cache_entries.usable(clip) and decoded_frames(clip) == frames
    assert os.stat(published).st_ino != os.stat(clip).st_ino
    assert not stale.exists()


def test_an_intact_entry_is_used_and_an_unrecorded_one_is_not(tmp_path, pristine):
    source, _ = pristine
    media = tmp_path / "media"
    shutil.copytree(source, media)
    clip = next((media / ".cache").glob("fixture-*.mp4"))
    assert cache_entries.usable(clip)
    clip.with_name(clip.name + ".check.json").unlink()  # e.g. made by an older version
    assert not cache_entries.usable(clip) and not clip.exists()


HOLD_A_WORK_FOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from pipeline.files import claim_work_folder
    work = claim_work_folder(Path(sys.argv[1]), ".work-scene-")
    print(work, flush=True)
    if sys.argv[2] == "die":
        import os
        os._exit(9)  # as a killed render: no clean-up runs
    sys.stdin.read()  # alive, holding the folder, until told to stop
""")


def test_work_folders_of_dead_renders_are_removed_live_ones_kept(tmp_path):
    def holder(mode):
        return subprocess.Popen([sys.executable, "-c", HOLD_A_WORK_FOLDER, str(tmp_path), mode], cwd=ROOT,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    dead = holder("die")
    dead_folder = dead.stdout.readline().strip()
    assert dead.wait(timeout=30) == 9
    live = holder("live")
    live_folder = live.stdout.readline().strip()
    fresh_unlocked = tmp_path / f"{WORK_PREFIX}being-created"  # made an instant ago, lock not yet taken
    fresh_unlocked.mkdir()
    old_unlocked = tmp_path / f"{WORK_PREFIX}old-version"
    old_unlocked.mkdir()
    os.utime(old_unlocked, (0, 0))  # 1970: far older than the grace period
    try:
        removed = remove_stale_work_folders(tmp_path)
        assert sorted(map(str, removed)) == sorted([dead_folder, str(old_unlocked)])
        assert os.path.isdir(live_folder) and fresh_unlocked.is_dir()
    finally:
        live.communicate("", timeout=30)
    assert [str(p) for p in remove_stale_work_folders(tmp_path)] == [live_folder]
