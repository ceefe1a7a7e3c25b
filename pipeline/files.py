"""Writing outputs safely: every file appears whole at its final path or not at all.
(No manim or av import: render.py's `numbers` uses this too.)

The rename that makes a write atomic would replace whatever sits at the path, so the path is
looked at first: a regular file (or nothing) is replaced; a symlink is followed, so the link
stays and its target is replaced; a character device or FIFO (`-o /dev/stdout`, a pipe) is
written in place, as a shell redirection would; anything else (a directory, a block device, a
socket) is refused. Run as root, `-o /dev/null` therefore leaves /dev/null a device.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

FICLONE = 0x40049409  # linux/fs.h: share the blocks of another file, copy-on-write (Btrfs, XFS)
WORK_PREFIX = ".work-"      # render work folders, in the cache folder
WORK_LOCK = ".owner.lock"   # inside each: locked by the process that renders there, for its lifetime
UNLOCKED_GRACE = 3600       # seconds: a work folder without its lock file is stale after this long


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _readable(path) -> None:
    """mkstemp makes 0600 files; outputs get the usual permissions (0644 under umask 022)."""
    os.chmod(path, 0o666 & ~_umask())


_REFUSED_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _is_stream(path: Path) -> bool:
    """True for a character device or FIFO (written in place); False for a regular file or
    nothing yet; OSError for what must never be written over."""
    try:
        mode = os.stat(path).st_mode  # follows symlinks: what the link points at counts
    except FileNotFoundError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    for test, kind in _REFUSED_KINDS:
        if test(mode):
            raise OSError(errno.EISDIR if test is stat.S_ISDIR else errno.EINVAL, f"it is {kind}", str(path))
    return False


def _replaceable(path: Path) -> Path:
    """The path a renamed file replaces: through symlinks, so a link is never replaced by a file."""
    return Path(os.path.realpath(path))


def _open_stream(path: Path):
    """Open a device or FIFO for writing without ever blocking on a FIFO nobody reads."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "it is a FIFO that no program is reading", str(path)) from None
        raise
    os.set_blocking(fd, True)
    return os.fdopen(fd, "wb")


def _stream_copy(source: Path, path: Path) -> None:
    with open(source, "rb") as src, _open_stream(path) as out:
        shutil.copyfileobj(src, out, 1 << 20)


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` (a new file) so the two never share bytes that can change: a
    reflink (blocks shared copy-on-write) where the file system offers one, else a byte copy."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        try:
            fcntl.ioctl(dst.fileno(), FICLONE, src.fileno())
            return
        except OSError:  # ext4, tmpfs, another file system: no reflinks
            pass
        shutil.copyfileobj(src, dst, 1 << 20)


@contextmanager
def _temporary_beside(path: Path, prefix: str, suffix: str):
    """A fresh temporary name in `path`'s folder (so the rename stays on one file system),
    renamed onto `path` on success and removed on any error or Ctrl-C."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp)
    try:
        yield tmp
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temporary name in the same folder, then rename over `path` (atomic on POSIX);
    a device or FIFO is written in place."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    if _is_stream(Path(path)):
        with _open_stream(Path(path)) as out:
            out.write(data)
        return
    target = _replaceable(path)
    with _temporary_beside(target, f".{target.name}.", ".part") as tmp:
        tmp.write_bytes(data)


def publish(source: Path, destination: Path) -> None:
    """Put a copy of a finished file at `destination` atomically (a copy: a published clip never
    shares bytes with the cache entry a later run may drop). Readers never see a half-written file."""
    if _is_stream(Path(destination)):
        _stream_copy(source, Path(destination))
        return
    target = _replaceable(destination)
    with _temporary_beside(target, f".{target.name}.", ".part") as tmp:
        copy_file(source, tmp)


@contextmanager
def atomic_path(path: Path):
    """Yield a temporary path for a writer that wants a file name; on success it is moved to
    `path` (or copied into it, for a device or FIFO), on any error (or Ctrl-C) it is removed."""
    path = Path(path)
    if _is_stream(path):
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder) / f"output{path.suffix}"
            yield tmp
            _stream_copy(tmp, path)
        return
    target = _replaceable(path)
    with _temporary_beside(target, f".{target.stem}.", target.suffix) as tmp:
        yield tmp


# ---------------------------------------------------------------------------------------------
# Work folders of renders: a killed render must not leave one behind forever


_held_locks: dict = {}  # work folder -> the open lock file that marks it as in use


def claim_work_folder(parent: Path, prefix: str) -> Path:
    """A new work folder `parent/<prefix>XXXX`, marked as in use by this process until
    release_work_folder (or this process's death: the lock goes with it)."""
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    lock = open(work / WORK_LOCK, "wb")
    fcntl.flock(lock, fcntl.LOCK_EX)
    _held_locks[work] = lock
    return work


def release_work_folder(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    lock = _held_locks.pop(work, None)
    if lock is not None:
        lock.close()


def remove_stale_work_folders(parent: Path) -> list:
    """Remove the work folders under `parent` that no live process holds (left by a killed
    render); returns them. A folder without its lock file (made by an older version, or caught
    between creation and locking) counts as stale only once it is an hour old."""
    removed = []
    for work in sorted(Path(parent).glob(f"{WORK_PREFIX}*")) if Path(parent).is_dir() else []:
        if work.is_symlink() or not work.is_dir() or work in _held_locks:
            continue
        try:
            if _is_abandoned(work):
                shutil.rmtree(work, ignore_errors=True)
                removed.append(work)
        except FileNotFoundError:  # another run cleaned it up first
            continue
    return removed


def _is_abandoned(work: Path) -> bool:
    try:
        lock = open(work / WORK_LOCK, "rb")
    except FileNotFoundError:
        return time.time() - work.stat().st_mtime > UNLOCKED_GRACE
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live render holds it
    return True
