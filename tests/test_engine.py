"""The engine's run over many files: worker processes, their outcomes and their order."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import HONEST_SEEDS, SPUN_SEED
from despin import engine as engine_module
from despin.commands.check import streamed
from despin.engine import Engine, Options, check_paths
from despin.errors import DespinError
from despin.model import Report, Verdict
from despin.report import json_body, json_item, json_separator, text_of


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
    verdict, body = streamed(True, 0.0, False, report)
    assert body == json_body(report, 0.0)
    assert json_separator(True) + body == json_item(report, 0.0, first=True)
    assert json_separator(False) + body == json_item(report, 0.0, first=False)
