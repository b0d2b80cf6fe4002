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
rm -f responses/fixture-survey/.lock  # (again below, for every folder)

# Interview guides, for the qualitative exports. Notes are typed as the interviewer's screen
# writes them: a paragraph a line, "[mm:ss] " and, in group discussions, a speaker ("P2: ", "F: ").
guides=../../../instruments
# A group discussion, complete; an e-mail address in the notes is redacted before saving.
printf '%s\n' 1 '' "[00:02] F: Let's go round and say how you first got involved." '[00:45] P1: Through the training programme.' \
    '[01:30] P2: A friend brought me to a walking group.' '' '[05:10] P3: Sharing lived experience — it is why I stay.' \
    '[06:02] P1: Giving back as well as getting support.' '' '' \
    '[20:15] P2: Sometimes I did not know who to call; email me at sam@example.org' '' '' \
    '[41:00] F: How do services see Prosper?' '[41:30] P4: They send people our way more now.' '' '[55:00] P1: Keep it member-led.' '' '' \
    | run "$guides/prosper-group-discussion.yaml"
# A second discussion, stopped after the introductions: exported as partial.
printf '%s\n' 1 '' '[00:05] P1: I came to the monthly training first.' '' q | run "$guides/prosper-group-discussion.yaml"
# A one-to-one interview with a participant code, structured answers (an "Other"), and notes with
# characters outside the Basic Multilingual Plane, which REFI-QDA offsets count once.
printf '%s\n' PW-07 1 2 5 'Housing project' '[02:10] The team meeting, then visits 🚶 across town.' '[03:40] Paperwork at the end of the day.' '' \
    '[08:00] Clear to me; less so to the ward staff.' '' '' '' '' '' '' '[40:12] Find allies early 🤝.' '' '' \
    | run "$guides/peer-worker-interview.yaml"
rm -f responses/*/.lock
