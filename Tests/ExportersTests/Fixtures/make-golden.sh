#!/usr/bin/env bash
# Regenerates the golden exports from the fixture responses. Review the diff before committing:
# the golden files are what analysts receive.
set -euo pipefail
cd "$(dirname "$0")"
fw=${FIELDWORK:-../../../.build/debug/fieldwork}
rm -rf ../Golden
for format in csv long jsonl codebook spss stata r datapackage; do
    "$fw" export responses/fixture-survey --format "$format" --out "../Golden/$format" >/dev/null 2>&1
done
"$fw" export responses/fixture-survey --format csv --labels --out ../Golden/csv-labels >/dev/null 2>&1
# Interview guides: transcripts, framework matrix and REFI-QDA project.
for id in prosper-group-discussion peer-worker-interview; do
    for format in transcripts framework qdpx; do
        "$fw" export "responses/$id" --format "$format" --out "../Golden/$id" >/dev/null 2>&1
    done
done
