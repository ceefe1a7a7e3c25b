"""Headless Chromium for the tests that open a page: with no network (inside `unshare -n`, a
network namespace with no interfaces up, where the machine allows it), returning what the page's
scripts left in the DOM."""

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def dump_dom(page: Path, profile: Path, *flags: str) -> subprocess.CompletedProcess:
    """Open `page` (a file), let its scripts and media run for up to 15 s of virtual time, and
    return the finished process (stdout: the DOM)."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
               "--autoplay-policy=no-user-gesture-required", "--virtual-time-budget=15000", *flags,
               "--dump-dom", page.as_uri()]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-n"] + command
    return subprocess.run(command, capture_output=True, text=True, timeout=180)
