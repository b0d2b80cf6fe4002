#!/usr/bin/env bash
# Makes the fixture responses with the real runner (plain mode). Run from this folder with a built
# fieldwork; the output (responses/, fixture.key) is committed, so the tests never run this.
set -euo pipefail
fw=${FIELDWORK:-../../../.build/debug/fieldwork}
rm -rf responses fixture.key
run() { "$fw" run "$1" --plain --responses responses --key-file fixture.key --seed 1 >/dev/null || true; }

# 1.0.0, complete: Other with a comma and quotes, a missing code, a formula, two lines of text.
printf '%s\n' A1 3 'Café, "cosy"' '1 2' 4 2 3 34 2.5 '=SUM(A1)' 'Line one, with a comma' 'line two' '' 2024-05 '3 1' | run fixture-v1.yaml
# 1.0.0, complete: skips everywhere, an exclusive choice, a condition that hides a question.
printf '%s\n' B2 '' 3 2 '' '' '' '' '-5 cups' '' '' | run fixture-v1.yaml
# 1.0.0, interrupted after two answers: exported as partial.
printf '%s\n' C3 1 1 | run fixture-v1.yaml
# 1.1.0, complete: the scale's codes changed, a new question, non-ASCII text.
printf '%s\n' D4 1 2 5 1 1 70 "Ünïcödé — 日本 'quoted'" '@home' 'Plain' '' 2025-01 '1 2' | run fixture-v2.yaml
rm -f responses/fixture-survey/.lock
