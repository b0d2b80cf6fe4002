#!/usr/bin/env python3
"""Benchmark of `fieldwork export --format csv` and `fieldwork summary` on 100,000 responses.

Generates a 60-variable instrument and N responses in the store's format, then prints the
wall time and peak memory of the two commands, beside a straightforward Python script with
the csv module over the same files (both commands are held to 5x faster than it; summary's memory
must not grow with N: run at 20,000 and 100,000 to compare its peaks) (and pandas json_normalize + to_csv when pandas is installed).

Usage: python3 Benchmarks/export_benchmark.py [--responses 100000] [--binary PATH]
"""
import argparse
import csv
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
from check_benchmark import measure, release_binary  # noqa: E402

SINGLE, NUMBER, TEXT = 40, 10, 10


def instrument():
    lines = ["format: 1", "id: export-bench", "version: 1.0.0", "title: Export benchmark", "choice_sets:", "  agree5:"]
    lines += [f"    - {{value: {v}, label: Point {v}}}" for v in range(1, 6)]
    lines += ["    - {value: -9, label: Prefer not to say, missing: true}", "sections:", "  - id: s", "    questions:"]
    lines += [f"      - {{id: s{i}, type: single, text: Statement {i}?, choices: agree5}}" for i in range(SINGLE)]
    lines += [f"      - {{id: n{i}, type: number, text: Number {i}?, max: 1000}}" for i in range(NUMBER)]
    lines += [f"      - {{id: t{i}, type: text, text: Text {i}?}}" for i in range(TEXT)]
    return "\n".join(lines) + "\n"


def generate(folder, count, binary):
    path = os.path.join(folder, "export-bench.yaml")
    with open(path, "w") as f:
        f.write(instrument())
    out = subprocess.run([binary, "compile", path, "-o", os.path.join(folder, "compiled.json")], check=True, capture_output=True, text=True)
    digest = out.stdout.split()[0]
    store = os.path.join(folder, "responses", "export-bench")
    os.makedirs(os.path.join(store, "instruments"))
    os.replace(os.path.join(folder, "compiled.json"), os.path.join(store, "instruments", digest.replace(":", "-") + ".json"))
    rng = random.Random(1)
    for i in range(count):
        answers, skipped = {}, []
        for q in range(SINGLE):
            r = rng.random()
            if r < 0.05:
                skipped.append(f"s{q}")
            elif r < 0.08:
                answers[f"s{q}"] = -9
            else:
                answers[f"s{q}"] = rng.randint(1, 5)
        for q in range(NUMBER):
            answers[f"n{q}"] = rng.randint(0, 1000)
        for q in range(TEXT):
            answers[f"t{q}"] = rng.choice(["Fine", "Not sure, really", "It helped a lot", "=1+1", "Line one\nline two"])
        record = {"answers": answers, "calculated": {}, "duration_seconds": 300, "format": "fieldwork-response", "format_version": 1,
                  "instrument": {"hash": digest, "id": "export-bench", "version": "1.0.0"}, "language": None, "other": {},
                  "paradata": {"questions": {}, "returns": 0}, "response_id": f"{i:032x}", "seed": 1, "skipped": skipped,
                  "started": "2026-11-23", "status": "complete"}
        with open(os.path.join(store, f"{i:032x}.json"), "w") as f:
            json.dump(record, f)
    return store


def python_csv(store, out):
    """The straightforward script an analyst would write: read each file, write a row."""
    names = [f"s{i}" for i in range(SINGLE)] + [f"n{i}" for i in range(NUMBER)] + [f"t{i}" for i in range(TEXT)]
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["response_id", "status"] + names)
        for path in sorted(glob.glob(os.path.join(store, "*.json"))):
            with open(path) as g:
                r = json.load(g)
            skipped = set(r["skipped"])
            w.writerow([r["response_id"], r["status"]] + [r["answers"].get(n, -99 if n in skipped else "") for n in names])


def pandas_csv(store, out):
    import pandas
    records = []
    for path in sorted(glob.glob(os.path.join(store, "*.json"))):
        with open(path) as g:
            records.append(json.load(g))
    pandas.json_normalize(records).to_csv(out, index=False)


def timed(function, *args):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        function(*args)
        os._exit(0)
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = release_binary(args.binary)
    work = tempfile.mkdtemp(prefix="fieldwork-export-bench-")
    start = time.perf_counter()
    store = generate(work, args.responses, binary)
    print(f"generated {args.responses} responses of 60 variables in {time.perf_counter() - start:.1f} s")
    # The files just written are flushed first, so that no command is timed against the disk's writeback.
    os.sync()
    export_t, export_m = measure([binary, "export", store, "--format", "csv", "--out", os.path.join(work, "out")], 3)
    summary_t, summary_m = measure([binary, "summary", store], 3)
    py_t, py_m, _ = timed(python_csv, store, os.path.join(work, "python.csv"))
    print(f"fieldwork export --format csv: {export_t:6.2f} s  {export_m:6.1f} MB peak")
    print(f"fieldwork summary:             {summary_t:6.2f} s  {summary_m:6.1f} MB peak")
    print(f"python csv module script:      {py_t:6.2f} s  {py_m:6.1f} MB peak   (export is {py_t / export_t:.1f}x faster; target 5x)")
    # summary reads the same files and keeps only counts: as fast as export, memory flat in N.
    print(f"summary against the script:    {py_t / summary_t:6.1f}x faster (target 5x); its peak must not grow with --responses")
    try:
        import pandas  # noqa: F401
        pd_t, pd_m, _ = timed(pandas_csv, store, os.path.join(work, "pandas.csv"))
        print(f"pandas json_normalize+to_csv:  {pd_t:6.2f} s  {pd_m:6.1f} MB peak   (export is {pd_t / export_t:.1f}x faster)")
    except ImportError:
        print("pandas is not installed: its reference is left out (pip install pandas to include it)")


if __name__ == "__main__":
    main()
