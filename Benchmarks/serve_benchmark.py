#!/usr/bin/env python3
"""Benchmark of `fieldwork serve` over loopback with the real OpenSSH client.

Prints, as medians over several connections:
  - connect to first question: from starting `ssh` (TCP connect, key exchange, authentication,
    PTY and shell, the welcome screen and one Enter) until the first question is on the client's
    screen;
  - key round trip: from writing one key (an arrow) until the redrawn screen shows the pointer
    moved, on a session already under way.
With --concurrent N it also holds N sessions open at once (each waiting at a question) and
measures the key round trip of one more session beside them.

Usage: python3 Benchmarks/serve_benchmark.py [--runs 10] [--concurrent 0] [--binary PATH]
Builds the release binary first (swift build -c release) unless --binary is given.
"""
import argparse
import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INSTRUMENT = os.path.join(ROOT, "instruments", "crisis-cafe-feedback.yaml")
FIRST = b"first visit to the caf"


def ssh_args(port):
    return ["ssh", "-F", "/dev/null", "-tt", "-p", str(port), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "IdentityAgent=none",
            "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null", "survey@127.0.0.1"]


class Client:
    """An ssh client on a pseudo-terminal of its own, read as a screen would be."""

    def __init__(self, port):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvp("ssh", ssh_args(port))
        self.seen = b""

    def wait_for(self, needle, timeout=30.0, since=0):
        end = time.monotonic() + timeout
        while needle not in self.seen[since:]:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"never saw {needle!r}; last: {self.seen[-300:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError("the connection closed")

    def send(self, data):
        os.write(self.fd, data)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def one_session(port, keys):
    """(seconds to the first question, [seconds of each key round trip])."""
    started = time.monotonic()
    c = Client(port)
    try:
        c.wait_for(b"Four short questions")
        c.send(b"\r")
        c.wait_for(FIRST)
        first = time.monotonic() - started
        trips = []
        for i in range(keys):
            mark = len(c.seen)
            # Down onto the first choice, then between the two: every key moves the pointer.
            key = b"\x1b[B" if i == 0 or i % 2 == 1 else b"\x1b[A"
            t = time.monotonic()
            c.send(key)
            # The screen is redrawn with the pointer on the next choice.
            c.wait_for("❯".encode(), since=mark)
            trips.append(time.monotonic() - t)
        return first, trips
    finally:
        c.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--concurrent", type=int, default=0)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "fieldwork"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "fieldwork")
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen([binary, "serve", INSTRUMENT, "--port", "0", "--listen", "127.0.0.1",
                                   "--responses", os.path.join(folder, "responses"), "--host-key",
                                   os.path.join(folder, "host_key"), "--per-address", "100000",
                                   "--max-connections", str(args.concurrent + 10)],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = None
        for line in server.stdout:
            if "on port " in line:
                port = int(line.split("on port ")[1].split()[0])
                break
        held = []
        try:
            for _ in range(args.concurrent):
                c = Client(port)
                c.wait_for(b"Four short questions")
                c.send(b"\r")
                c.wait_for(FIRST)
                held.append(c)
            firsts, trips = [], []
            for _ in range(args.runs):
                first, t = one_session(port, args.keys)
                firsts.append(first)
                trips += t
            trips.sort()
            p95 = trips[int(len(trips) * 0.95) - 1] if trips else 0
            print(f"sessions held open beside the measured one: {args.concurrent}")
            print(f"connect to first question: median {statistics.median(firsts) * 1000:.0f} ms "
                  f"(min {min(firsts) * 1000:.0f}, max {max(firsts) * 1000:.0f}) over {len(firsts)} connections")
            print(f"key round trip: median {statistics.median(trips) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
                  f"over {len(trips)} keys")
        finally:
            for c in held:
                c.close()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
