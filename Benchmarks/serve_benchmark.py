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

With --capacity 10,25,50,100 it measures instead how many sessions the machine holds: for each
number, that many sessions are opened and held, every one of them typing a key a second (a
participant's pace, staggered), and the round trips of all their keys are reported as
percentiles against the 50 ms target; the server's memory (resident set), threads and open
descriptors are printed before any session, while they are held, and after they have all closed.

Usage: python3 Benchmarks/serve_benchmark.py [--runs 10] [--concurrent 0] [--capacity N,N...]
                                             [--seconds 10] [--binary PATH]
Builds the release binary first (swift build -c release) unless --binary is given. The server
runs with --language en, so that the figures compare with those before the language choice.
"""
import argparse
import heapq
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


def resources(pid):
    """(resident memory in MiB, threads, open descriptors) of the server, from /proc."""
    rss, threads = 0.0, 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return rss, threads, len(os.listdir(f"/proc/{pid}/fd"))


def describe(label, figures):
    rss, threads, fds = figures
    return f"{label}: {rss:.1f} MiB resident, {threads} threads, {fds} descriptors"


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, max(0, int(round(len(sorted_values) * p / 100)) - 1))]


def capacity(port, server_pid, n, seconds):
    """Opens n sessions, has each type a key a second for `seconds`, and returns the round trips
    and the server's resources while they were held."""
    clients = []
    for _ in range(n):
        c = Client(port)
        c.wait_for(b"Four short questions", timeout=120)
        c.send(b"\r")
        c.wait_for(FIRST, timeout=120)
        clients.append(c)
    by_fd = {c.fd: c for c in clients}
    start = time.monotonic()
    # Staggered over the first second, then one key a second each.
    schedule = [(start + i / n, i) for i in range(n)]
    heapq.heapify(schedule)
    pending = {}
    sent = [0] * n
    trips = []
    end = start + seconds
    while schedule or pending:
        now = time.monotonic()
        while schedule and schedule[0][0] <= now:
            _, i = heapq.heappop(schedule)
            c = clients[i]
            if i in pending:
                continue
            # Down onto the first choice, then between the first two: every key moves the pointer.
            key = b"\x1b[B" if sent[i] == 0 or sent[i] % 2 == 1 else b"\x1b[A"
            pending[i] = (time.monotonic(), len(c.seen))
            c.send(key)
            sent[i] += 1
            if now + 1 < end:
                heapq.heappush(schedule, (now + 1, i))
        wait = max(0.0, (schedule[0][0] - time.monotonic()) if schedule else 0.5)
        ready, _, _ = select.select([c.fd for i, c in enumerate(clients) if i in pending], [], [], min(wait, 0.5))
        for fd in ready:
            c = by_fd[fd]
            i = clients.index(c)
            try:
                c.seen += os.read(fd, 65536)
            except OSError:
                raise TimeoutError("a held connection closed")
            begun, mark = pending[i]
            if "❯".encode() in c.seen[mark:]:
                trips.append(time.monotonic() - begun)
                del pending[i]
        if time.monotonic() > end + 30:
            raise TimeoutError(f"{len(pending)} keys never came back")
    held = resources(server_pid)
    for c in clients:
        c.close()
    return sorted(trips), held


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
    parser.add_argument("--capacity", help="numbers of sessions to hold, each typing: 10,25,50")
    parser.add_argument("--seconds", type=int, default=10, help="with --capacity: how long each number types")
    parser.add_argument("--binary")
    args = parser.parse_args()
    steps = [int(n) for n in args.capacity.split(",")] if args.capacity else []
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "fieldwork"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "fieldwork")
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen([binary, "serve", INSTRUMENT, "--port", "0", "--listen", "127.0.0.1",
                                   "--responses", os.path.join(folder, "responses"), "--host-key",
                                   os.path.join(folder, "host_key"), "--per-address", "100000",
                                   "--max-connections", str(max([args.concurrent] + steps) + 10), "--language", "en"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = None
        for line in server.stdout:
            if "on port " in line:
                port = int(line.split("on port ")[1].split()[0])
                break
        held = []
        try:
            if steps:
                baseline = resources(server.pid)
                print(describe("server before any session", baseline))
                for n in steps:
                    trips, during = capacity(port, server.pid, n, args.seconds)
                    p50, p95, p99 = (percentile(trips, p) * 1000 for p in (50, 95, 99))
                    verdict = "under" if p95 < 50 else "OVER"
                    print(f"{n} sessions, each typing a key a second: {len(trips)} keys, round trip "
                          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms, max {trips[-1] * 1000:.1f} ms "
                          f"(p95 {verdict} 50 ms)")
                    print(describe(f"  server while {n} were held", during))
                    time.sleep(3)
                    print(describe(f"  server 3 s after all {n} closed", resources(server.pid)))
                return 0
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
