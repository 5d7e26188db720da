"""Progress of a run: the read stage appends one byte per finished file to a file of its own in a local folder
made for the run; a thread of the launcher sums their sizes and prints one line on stderr.

Nothing goes through the pipeline or module globals: a worker on another machine finds no such folder and
records nothing, so a remote run simply shows no progress.
"""
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid

LIVE, LINES, OFF = "live", "lines", "off"
INTERVALS = {LIVE: 0.5, LINES: 5.0}


class Ticker:
    """The worker's side: `tick()` once per finished file; does nothing without the run's folder."""

    def __init__(self, folder):
        self.fd = None
        if folder and os.path.isdir(folder):
            try:
                self.fd = os.open(os.path.join(folder, f"{os.getpid()}-{uuid.uuid4().hex}"),
                                  os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            except OSError:
                pass

    def tick(self):
        if self.fd is not None:
            try:
                os.write(self.fd, b".")
            except OSError:
                self.close()

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def finished(folder):
    """Files finished so far: the bytes the workers appended."""
    try:
        return sum(entry.stat().st_size for entry in os.scandir(folder))
    except OSError:
        return 0


def clock(seconds):
    """Seconds as m:ss or h:mm:ss."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def line(done, total, elapsed, rate=None):
    """The progress line: files done of the total, the rate and what is left at that rate."""
    if not total:
        return f"parley: running, {clock(elapsed)} elapsed"
    parts = [f"parley: {done:,}/{total:,} files ({100 * done // total}%)"]
    if rate:
        parts.append(f"{rate:.1f} files/s")
    parts.append(f"{clock(elapsed)} elapsed")
    if done >= total:
        parts.append("writing")
    elif rate:
        parts.append(f"about {clock((total - done) / rate)} left")
    return ", ".join(parts)


def mode(quiet, verbose, stream):
    """OFF with --quiet; a line every few seconds with --verbose (Beam's log interleaves) or without a terminal;
    else one live line."""
    if quiet:
        return OFF
    return LIVE if not verbose and stream.isatty() else LINES


class Rate:
    """Files per second since the first file was seen finished, so the start-up (reading the furniture) does
    not count."""

    def __init__(self):
        self.first = None

    def __call__(self, now, done):
        if not done:
            return None
        if self.first is None:
            self.first = (now, done)
        seconds, files = now - self.first[0], done - self.first[1]
        return files / seconds if files and seconds > 0 else None


class Progress:
    """A context that makes the run's folder (`.folder`), shows the line while the run lasts and cleans up."""

    def __init__(self, total, how, stream=sys.stderr):
        self.total, self.how, self.stream = total, how, stream
        self.folder = tempfile.mkdtemp(prefix="parley-progress-") if how != OFF else None
        self.stop, self.thread, self.rate = threading.Event(), None, Rate()
        self.started = time.monotonic()

    def show(self):
        now, done = time.monotonic(), finished(self.folder)
        text = line(done, self.total, now - self.started, self.rate(now, done))
        self.stream.write(f"\r{text}\x1b[K" if self.how == LIVE else text + "\n")
        self.stream.flush()

    def _loop(self):
        while not self.stop.wait(INTERVALS[self.how]):
            self.show()

    def __enter__(self):
        if self.folder:
            self.thread = threading.Thread(target=self._loop, name="parley-progress", daemon=True)
            self.thread.start()
        return self

    def __exit__(self, *_):
        if self.thread:
            self.stop.set()
            self.thread.join()
            if self.how == LIVE:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
