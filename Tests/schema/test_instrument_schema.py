"""The JSON Schema for editors accepts every example instrument and rejects broken ones.

Editors' YAML language servers read YAML 1.2, so the instruments are loaded with
ruamel.yaml (YAML 1.2) as an editor would load them.
"""
import datetime
import io
import json
import pathlib

import jsonschema
import pytest
from ruamel.yaml import YAML

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schema" / "instrument.schema.json").read_text())
INSTRUMENTS = sorted(p for p in (ROOT / "instruments").glob("*.yaml") if not p.name.endswith(".scenarios.yaml"))


CORPUS = sorted((ROOT / "Tests" / "schema" / "corpus").glob("*.yaml"))


def load(text: str):
    return plain(YAML(typ="safe", pure=True).load(io.StringIO(text)))


def plain(value):
    """ruamel.yaml reads 2024-01-01 as a date even in YAML 1.2, where (as in editors and in
    Fieldwork) it is the text "2024-01-01"."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def errors(document):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return sorted(e.message for e in validator.iter_errors(document))


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_there_are_example_instruments():
    assert len(INSTRUMENTS) >= 6


@pytest.mark.parametrize("path", INSTRUMENTS, ids=lambda p: p.name)
def test_every_example_instrument_matches_the_schema(path):
    assert errors(load(path.read_text())) == []


def test_an_unknown_key_is_flagged():
    text = (ROOT / "instruments" / "prosper-member-survey.yaml").read_text()
    broken = text.replace("        required: true\n", "        requred: true\n", 1)
    assert errors(load(broken)) == ["Additional properties are not allowed ('requred' was unexpected)"]


def test_a_question_without_text_is_flagged():
    document = load("format: 1\nid: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    questions:\n      - {id: a, type: single, choices: [x]}\n")
    assert errors(document) == ["'text' is a required property"]


def test_a_hidden_question_needs_no_text():
    document = load("format: 1\nid: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    questions:\n"
                    "      - {id: site, type: hidden, required: true, choices: [North, South]}\n"
                    "      - {id: wave, type: hidden, min: 1, max: 4}\n")
    assert errors(document) == []
    assert errors(load("format: 1\nid: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    questions:\n"
                       "      - {id: site, type: hiden}\n")) != []


def test_soft_checks_are_keys_of_a_question():
    document = load("format: 1\nid: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    questions:\n"
                    "      - {id: rooms, type: number, text: Rooms?, warn_if: . > 10, warn_message: Sure?, soft_required: true}\n")
    assert errors(document) == []


def expected_by_check(path):
    """The first line of a corpus file says what `fieldwork check` gives: '# check: ok' or the
    diagnostic code of its one mistake (SchemaTests.swift reads the same line)."""
    return path.read_text().splitlines()[0].removeprefix("# check: ")


def test_there_is_a_corpus_of_good_and_bad_files():
    verdicts = [expected_by_check(p) for p in CORPUS]
    assert verdicts.count("ok") >= 2 and len(verdicts) - verdicts.count("ok") >= 10


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_schema_agrees_with_check_on_the_corpus(path):
    found = errors(load(path.read_text()))
    if expected_by_check(path) == "ok":
        assert found == []
    else:
        assert found != [], "check finds " + expected_by_check(path) + ", the schema nothing"
