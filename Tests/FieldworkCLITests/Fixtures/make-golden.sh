#!/usr/bin/env bash
# Regenerates the golden outputs of preview, diff, simulate and test from the example
# instruments and the fixtures here. Review the diff before committing: these are what
# evaluators and ethics committees read.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fw=${FIELDWORK:-.build/debug/fieldwork}
golden=Tests/FieldworkCLITests/Golden
fixtures=Tests/FieldworkCLITests/Fixtures
rm -rf "$golden" && mkdir -p "$golden"
for f in instruments/*.yaml; do
    case "$f" in *.scenarios.yaml) continue ;; esac
    name=$(basename "$f" .yaml)
    "$fw" preview "$f" > "$golden/preview-$name.md"
done
"$fw" preview instruments/prosper-member-survey.yaml --format html > "$golden/preview-prosper-member-survey.html"
"$fw" preview instruments/crisis-cafe-feedback.yaml --all-languages > "$golden/preview-crisis-cafe-feedback-all.md"
"$fw" preview instruments/crisis-cafe-feedback.yaml --all-languages --format html > "$golden/preview-crisis-cafe-feedback-all.html"
"$fw" preview instruments/crisis-cafe-feedback.yaml --language cy > "$golden/preview-crisis-cafe-feedback-cy.md"
"$fw" diff instruments/prosper-member-survey.yaml "$fixtures/member-survey-1.2.yaml" > "$golden/diff-member-survey.txt" || true
"$fw" diff instruments/crisis-cafe-feedback.yaml "$fixtures/crisis-cafe-1.0.1.yaml" > "$golden/diff-crisis-cafe.txt"
"$fw" simulate instruments/prosper-member-survey.yaml -n 200 --seed 7 --today 2026-03-01 > "$golden/simulate-member-survey.txt"
"$fw" test instruments/prosper-member-survey.yaml "$fixtures/failing.scenarios.yaml" > "$golden/test-failing.txt" || true
