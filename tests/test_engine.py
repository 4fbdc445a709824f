"""The engine's run over many files: worker processes, their outcomes and their order."""

from __future__ import annotations

import json
from functools import partial

import pytest

from conftest import HONEST_SEEDS, SPUN_SEED
from despin import engine as engine_module
from despin.commands.check import streamed
from despin.document import Document
from despin.engine import Engine, Options, check_paths, may_suppress
from despin.errors import DespinError
from despin.model import Report, Verdict
from despin.report import json_body, json_item, json_separator, report_dict, report_json, text_of
from despin.suppress import match_filter


@pytest.fixture(scope="module")
def engine(matcher) -> Engine:
    return Engine(Options(), matcher=matcher)


@pytest.fixture
def parallel_always(monkeypatch):
    """Workers even for the few small seed files."""
    monkeypatch.setattr(engine_module, "PARALLEL_MIN_BYTES", 0)


PATHS = [str(SPUN_SEED), "no/such/file.txt", *map(str, HONEST_SEEDS)]


def test_without_an_outcome_each_path_gives_its_report_or_its_error_in_order(engine):
    results = list(check_paths(engine, PATHS, jobs=1))
    assert isinstance(results[1], DespinError)
    assert [r.path for r in results if isinstance(r, Report)] == [PATHS[0], *PATHS[2:]]


def test_workers_give_what_one_process_gives_in_the_same_order(engine, parallel_always):
    outcome = partial(streamed, False, 0.0, False)
    serial = list(check_paths(engine, PATHS, jobs=1, outcome=outcome))
    parallel = list(check_paths(engine, PATHS, jobs=2, outcome=outcome))
    assert [str(r) if isinstance(r, DespinError) else r for r in parallel] == [
        str(r) if isinstance(r, DespinError) else r for r in serial
    ]


def test_the_outcome_is_made_from_the_report_and_errors_pass_it_by(engine):
    results = list(check_paths(engine, PATHS[:2], jobs=1, outcome=partial(streamed, False, 0.5, True)))
    verdict, text = results[0]
    assert verdict is Verdict.SPUN
    assert text == text_of(engine.check(PATHS[0])[1], 0.5, True)
    assert isinstance(results[1], DespinError)


def test_a_streamed_json_element_is_the_array_element_json_item_writes(engine):
    report = engine.check(str(SPUN_SEED))[1]
    verdict, body = streamed(True, 0.0, False, None, report)
    assert body == json_body(report, 0.0)
    assert json_separator(True) + body == json_item(report, 0.0, first=True)
    assert json_separator(False) + body == json_item(report, 0.0, first=False)


@pytest.mark.parametrize(
    "text",
    [
        "a secure haven <!-- despin: ignore -->",
        "# DESPIN: ignore-next-line\na secure haven",
        "a secure haven [sic] here",
        "a secure haven (SIC) here",
        "a secure haven [\u017fic] here",  # the long s that case-insensitive matching reads as "s"
        "a secure haven <!-- DESP\u0130N: ignore -->",  # dotted capital I, read as "i"
        "a secure haven <!-- desp\u0131n: off -->",  # dotless i
    ],
)
def test_a_text_with_any_suppression_mark_goes_through_the_suppression_filter(text):
    assert may_suppress(text)


def test_a_letter_the_patterns_fold_does_not_alone_send_a_text_through_the_filter():
    text = "\u0130stanbul and Diyarbak\u0131r, a secure haven"
    assert not may_suppress(text)


def test_a_text_without_marks_keeps_every_match_as_the_filter_would(engine):
    text = SPUN_SEED.read_text(encoding="utf-8")
    assert not may_suppress(text)
    report = engine.analyze(Document(str(SPUN_SEED), text))
    matches = [f.match for f in report.findings]
    assert match_filter(text, str(SPUN_SEED))(matches) == matches


def test_report_json_is_what_json_dumps_writes_of_report_dict(engine):
    """The hand-laid JSON (see report.report_json) against the standard encoder, every finding listed."""
    for path in (SPUN_SEED, *HONEST_SEEDS):
        report = engine.check(str(path))[1]
        for floor in (0.0, 0.5, 1.0):
            assert report_json(report, floor) == json.dumps(report_dict(report, floor), ensure_ascii=False, indent=2)
    empty = Report(path='a "quoted"\tpath\u00e9', passages=(), verdict=Verdict.CLEAN, score=0.0, words=0)
    assert report_json(empty) == json.dumps(report_dict(empty), ensure_ascii=False, indent=2)
