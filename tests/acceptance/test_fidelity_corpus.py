"""Issue 17's two properties on the hand-written corpus in tests/data/fidelity/ (scored by
bench/fidelity_eval.py, the CLI run as a user runs it): errors on clean documents at most one in
thirty, and every labelled defect still found."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
SCRIPT = TOP / "bench" / "fidelity_eval.py"


@pytest.fixture(scope="module")
def fidelity():
    spec = importlib.util.spec_from_file_location("fidelity_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(fidelity):
    return fidelity.score(fidelity.run(), fidelity.labels())


@pytest.mark.skipif(not SCRIPT.is_file(), reason="needs the source tree")
def test_the_corpus_is_large_and_labelled_both_ways(fidelity):
    labels = fidelity.labels()
    on_disk = {f"next-local/{path.relative_to(fidelity.CORPUS / 'next-local').as_posix()}"
               for path in (fidelity.CORPUS / "next-local").rglob("*.md") if path.name != "README.md"}
    assert set(labels) == on_disk  # every document labelled, every label a document
    assert len(labels) >= 30
    assert sum(1 for defects in labels.values() if defects) >= 10 and sum(1 for defects in labels.values() if not defects) >= 20


@pytest.mark.skipif(not SCRIPT.is_file(), reason="needs the source tree")
def test_clean_documents_draw_errors_at_most_one_in_thirty(scored):
    assert len(scored["clean_with_errors"]) * 30 <= scored["clean"], scored["false_positives"]


@pytest.mark.skipif(not SCRIPT.is_file(), reason="needs the source tree")
def test_every_labelled_defect_is_still_found(scored):
    assert scored["misses"] == []
    assert sum(counts.get("tp", 0) for counts in scored["families"].values()) == scored["defects"]
