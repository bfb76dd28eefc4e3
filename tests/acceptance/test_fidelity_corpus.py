"""Issue 17's two properties on the hand-written corpus in tests/data/fidelity/ (scored by
bench/fidelity_eval.py, the CLI run as a user runs it), held for each protocol's folder apart
(issue 28): errors on clean documents at most one in thirty, and every labelled defect still
found."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
SCRIPT = TOP / "bench" / "fidelity_eval.py"
pytestmark = pytest.mark.skipif(not SCRIPT.is_file(), reason="needs the source tree")


@pytest.fixture(scope="module")
def fidelity():
    spec = importlib.util.spec_from_file_location("fidelity_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(fidelity):
    return fidelity.by_protocol(fidelity.run(), fidelity.labels())


def test_the_corpus_is_large_and_labelled_both_ways(fidelity):
    labels = fidelity.labels()
    on_disk = {
        path.relative_to(fidelity.CORPUS).as_posix()
        for protocol in fidelity.PROTOCOLS
        for path in (fidelity.CORPUS / protocol).rglob("*.md")
        if path.name != "README.md"
    }
    assert set(labels) == on_disk  # every document labelled, every label a document
    for protocol in fidelity.PROTOCOLS:
        mine = {path: defects for path, defects in labels.items() if path.startswith(protocol + "/")}
        assert len(mine) >= 30, protocol
        assert (
            sum(1 for defects in mine.values() if defects) >= 10
            and sum(1 for defects in mine.values() if not defects) >= 20
        ), protocol


@pytest.mark.parametrize("protocol", ["next-local", "next-larger"])
def test_clean_documents_draw_errors_at_most_one_in_thirty(scored, protocol):
    result = scored[protocol]
    assert len(result["clean_with_errors"]) * 30 <= result["clean"], result["false_positives"]


@pytest.mark.parametrize("protocol", ["next-local", "next-larger"])
def test_every_labelled_defect_is_still_found(scored, protocol):
    result = scored[protocol]
    assert result["misses"] == []
    assert sum(counts.get("tp", 0) for counts in result["families"].values()) == result["defects"]
