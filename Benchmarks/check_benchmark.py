#!/usr/bin/env python3
"""Benchmark of `fieldwork check` on generated instruments of 100, 1,000 and 10,000 questions.

Prints wall and CPU time (user+sys; medians of several runs) and peak memory for `fieldwork check`
and, beside them, for libyaml's own event parser (Benchmarks/libyaml_floor.c), the floor for any
loader built on it, with the ratio of each (the median of the ratios of runs made in turn). The target: `check` of 10,000 questions within 5x of
libyaml's parse of the same file. On a shared machine the CPU ratio is the steadier figure.

Usage: python3 Benchmarks/check_benchmark.py [--runs N] [--sizes 100,1000,10000]
Builds the release binary first (swift build -c release --static-swift-stdlib, as the README
says to build one for use) unless --binary is given.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(n: int) -> str:
    """An instrument of n questions: single choice on a shared 5-point set, numbers with
    valid_if, text, and a show_if on every third question looking back."""
    out = [
        "format: 1",
        f"id: bench-{n}",
        "version: 1.0.0",
        f"title: Benchmark instrument with {n} questions",
        "choice_sets:",
        "  agree5:",
        "    - {value: 1, label: Strongly disagree}",
        "    - {value: 2, label: Disagree}",
        "    - {value: 3, label: Neither agree nor disagree}",
        "    - {value: 4, label: Agree}",
        "    - {value: 5, label: Strongly agree}",
        "sections:",
    ]
    per_section = 50
    for i in range(n):
        if i % per_section == 0:
            out += [f"  - id: s{i // per_section + 1}", f"    title: Section {i // per_section + 1}", "    questions:"]
        kind = i % 3
        out.append(f"      - id: q{i + 1}")
        if kind == 0:
            out += ["        type: single", f"        text: How much do you agree with statement {i + 1}?", "        choices: agree5"]
        elif kind == 1:
            out += ["        type: number", f"        text: How many times did you take part in activity {i + 1}?",
                    "        min: 0", "        max: 1000", "        valid_if: . <= 500",
                    "        invalid_message: Please enter at most 500."]
        else:
            out += ["        type: text", f"        text: Anything else about topic {i + 1}?", "        max_length: 500"]
        if i % 3 == 2 and i >= 2:
            out.append(f"        show_if: q{i - 1} >= 3")
    return "\n".join(out) + "\n"


TARGET = 5.0


def run_once(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user+sys) and peak resident memory (MB) of one run of a command."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(a: list[str], b: list[str], runs: int):
    """Both commands in turn, A B A B ..., after one warm-up of each, so that a machine whose
    speed drifts (other builds starting and stopping) slows both alike. Returns per command the
    median wall and CPU seconds and the peak memory, and the medians of the pairwise ratios."""
    run_once(a)
    run_once(b)
    results = {0: [], 1: []}
    for _ in range(runs):
        for i, command in enumerate((a, b)):
            results[i].append(run_once(command))
    def summary(rows):
        return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), max(r[2] for r in rows)
    ratio = statistics.median(x[0] / y[0] for x, y in zip(results[0], results[1]))
    cpu_ratio = statistics.median(x[1] / max(y[1], 1e-6) for x, y in zip(results[0], results[1]))
    return summary(results[0]), summary(results[1]), ratio, cpu_ratio


def release_binary(given):
    """The binary to measure: the one given, or a release build made now, as the README says to
    build one for use (Swift's runtime and Foundation linked in)."""
    if given:
        return given
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "fieldwork"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "fieldwork")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--binary", help="a fieldwork binary to measure (default: build release)")
    args = parser.parse_args()

    binary = release_binary(args.binary)
    work = tempfile.mkdtemp(prefix="fieldwork-bench-")
    try:
        floor = os.path.join(work, "libyaml_floor")
        subprocess.run(["cc", "-O2", "-o", floor, os.path.join(ROOT, "Benchmarks", "libyaml_floor.c"), "-lyaml"], check=True)

        print(f"{'questions':>9}  {'file':>8}  {'check':>8}  {'cpu':>8}  {'peak':>7}  {'libyaml':>8}  {'cpu':>8}  {'ratio':>5}  {'cpu ratio':>9}")
        largest = None
        for n in [int(s) for s in args.sizes.split(",")]:
            path = os.path.join(work, f"bench-{n}.yaml")
            with open(path, "w") as f:
                f.write(generate(n))
            size = os.path.getsize(path) / 1e6
            (check_time, check_cpu, check_peak), (floor_time, floor_cpu, _), ratio, cpu_ratio = \
                measure([binary, "check", path], [floor, path], args.runs)
            print(f"{n:>9}  {size:>6.2f}MB  {check_time:>7.3f}s  {check_cpu:>7.3f}s  {check_peak:>5.1f}MB  {floor_time:>7.3f}s  {floor_cpu:>7.3f}s  {ratio:>4.1f}x  {cpu_ratio:>8.1f}x")
            largest = (n, ratio, cpu_ratio)
        if largest:
            n, ratio, cpu_ratio = largest
            verdict = "within" if cpu_ratio <= TARGET else "outside"
            print(f"\ncheck of {n} questions: {ratio:.1f}x libyaml's parse in wall time, {cpu_ratio:.1f}x in CPU time ({verdict} the {TARGET:.0f}x target)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
