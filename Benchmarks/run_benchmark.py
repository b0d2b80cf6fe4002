#!/usr/bin/env python3
"""Benchmark of `fieldwork run` in a real pseudo-terminal.

Prints, for a generated 200-question instrument:
  - start-up to the first question on screen (median of runs);
  - one key (moving the highlight) including the redraw, and how many screen lines it rewrote;
  - an answer to the next screen with the responses on disk and in memory (/dev/shm); the
    difference is the cost of saving it (journal append and fsync), shown beside this machine's
    own write-plus-fsync of a small file, measured here too.

Usage: python3 Benchmarks/run_benchmark.py [--runs N] [--binary PATH]
"""
import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
from check_benchmark import generate, release_binary  # noqa: E402

FRAME_END = (b"\x1b[?25l", b"\x1b[?25h")


def read_until(fd, needle, timeout=10.0):
    """Reads from the pty until `needle` appears; returns everything read."""
    data = b""
    deadline = time.perf_counter() + timeout
    while needle not in data:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"never saw {needle!r}; got {data[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            data += os.read(fd, 65536)
    return data


def read_frame(fd):
    """Reads one whole frame (ends with the cursor shown or hidden)."""
    data = b""
    while not any(data.endswith(end) for end in FRAME_END):
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise TimeoutError("no frame")
        data += os.read(fd, 65536)
    return data


def spawn(binary, instrument, responses):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary, "run", instrument, "--responses", responses, "--seed", "1"])
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def stop(pid, fd):
    os.write(fd, b"\x03y")
    try:
        read_until(fd, b"fieldwork resume", 5)
    except (TimeoutError, OSError):
        pass
    os.waitpid(pid, 0)
    os.close(fd)


LINE = b'{"answer":{"answer":{"value":{"choice":{"_0":3}}},"at":1.5,"question":"q1"}}\n'


def fsync_baselines(folder, runs):
    """This machine's own cost of one small durable write: appending a line to an open file and
    fsyncing it (what the journal does per answer), and creating a small file and fsyncing it."""
    appends, creates = [], []
    f = os.open(os.path.join(folder, "append-baseline"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    for i in range(runs * 4):
        start = time.perf_counter()
        os.write(f, LINE)
        os.fsync(f)
        appends.append(time.perf_counter() - start)
        path = os.path.join(folder, f"create-{i}")
        start = time.perf_counter()
        g = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(g, LINE)
        os.fsync(g)
        os.close(g)
        creates.append(time.perf_counter() - start)
    os.close(f)
    return statistics.median(appends), statistics.median(creates)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = release_binary(args.binary)
    work = tempfile.mkdtemp(prefix="fieldwork-run-bench-")
    instrument = os.path.join(work, "bench-200.yaml")
    with open(instrument, "w") as f:
        f.write(generate(200))
    responses = os.path.join(work, "responses")

    startups = []
    for _ in range(args.runs):
        start = time.perf_counter()
        pid, fd = spawn(binary, instrument, responses)
        read_until(fd, b"How much do you agree with statement 1?")
        startups.append(time.perf_counter() - start)
        stop(pid, fd)

    def answer_times(folder):
        """Seconds from typing an answer to the next screen, per answer."""
        pid, fd = spawn(binary, instrument, folder)
        read_until(fd, b"How much do you agree with statement 1?")
        times = []
        for _ in range(args.runs):
            # Question 3k+1 is a choice: pick 3 and Enter; the two after it are skipped to reach the next choice.
            start = time.perf_counter()
            os.write(fd, b"3\r")
            read_until(fd, b"How many times did you take part")
            times.append(time.perf_counter() - start)
            os.write(fd, b"\r")
            read_until(fd, b"Anything else about topic")
            os.write(fd, b"\r")
            read_until(fd, b"How much do you agree with statement")
        stop(pid, fd)
        return statistics.median(times)

    pid, fd = spawn(binary, instrument, responses)
    read_until(fd, b"How much do you agree with statement 1?")
    keys, rewritten = [], []
    for i in range(args.runs * 4):
        start = time.perf_counter()
        os.write(fd, b"\x1b[B" if i % 2 == 0 else b"\x1b[A")
        frame = read_frame(fd)
        keys.append(time.perf_counter() - start)
        rewritten.append(frame.count(b"\x1b[K"))
    stop(pid, fd)
    on_disk = answer_times(responses)
    # The same answers with the responses in memory, where fsync costs nothing: the difference is the saving.
    memory = tempfile.mkdtemp(prefix="fieldwork-run-bench-", dir="/dev/shm") if os.path.isdir("/dev/shm") else None
    in_memory = answer_times(os.path.join(memory, "responses")) if memory else 0.0
    save = max(0.0, on_disk - in_memory)
    append, create = fsync_baselines(work, args.runs)

    print(f"start-up to the first question (200 questions): {statistics.median(startups) * 1000:7.1f} ms   (target < 50 ms)")
    print(f"one key, including the redraw:                  {statistics.median(keys) * 1000:7.2f} ms   (target < 2 ms); "
          f"lines rewritten per key: median {statistics.median(rewritten):.0f}")
    print(f"answer to next screen, responses on disk:       {on_disk * 1000:7.2f} ms")
    print(f"answer to next screen, responses in memory:     {in_memory * 1000:7.2f} ms")
    print(f"saving one answer (the difference):             {save * 1000:7.2f} ms")
    print(f"this machine: append a line + fsync:            {append * 1000:7.2f} ms   "
          f"(saving / this = {save / append:.2f}; target within 2)")
    print(f"this machine: create a small file + fsync:      {create * 1000:7.2f} ms")


if __name__ == "__main__":
    main()
