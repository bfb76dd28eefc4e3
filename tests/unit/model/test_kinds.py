"""model/kinds.py: the configured handoff roots travel as a value; nothing one run configures
changes how another classifies."""

from __future__ import annotations

from pathlib import Path

from conftest import VALID_HANDOFF
from handoff_lint.data.config import Config
from handoff_lint.engine.pipeline import run
from handoff_lint.model.kinds import HANDOFF, UNCLASSIFIED, classify, configured
from handoff_lint.touch import Access

NAME = "handoff-2026-11-02-extract-error-patterns.md"


def test_a_configured_root_counts_only_for_the_run_that_configures_it(tmp_path, monkeypatch):
    # docs/handoffs holds only active/: no handoff root by the folder rule, one by `roots`
    handoff = tmp_path / "docs" / "handoffs" / "active" / NAME
    handoff.parent.mkdir(parents=True)
    handoff.write_text(VALID_HANDOFF.replace("**Priority**: MEDIUM\n", ""))  # HL1xx: a missing field
    monkeypatch.chdir(tmp_path)
    with_roots = Config(roots=(tmp_path / "docs" / "handoffs",), access=Access.of(["docs"]))
    assert classify(handoff, configured(with_roots)) == (HANDOFF, tmp_path / "docs" / "handoffs")
    assert classify(handoff) == (UNCLASSIFIED, None)  # asked without them, after: nothing was left behind

    configured_run = run(["docs"], with_roots, jobs=1)
    plain_run = run(["docs"], Config(access=Access.of(["docs"])), jobs=1)  # the same process, another configuration
    assert any(f.code.startswith("HL1") for f in configured_run.findings), configured_run.findings
    assert configured_run.roots == {Path(tmp_path / "docs" / "handoffs")}
    assert not any(f.code.startswith("HL1") for f in plain_run.findings) and plain_run.roots == set()
    assert run(["docs"], with_roots, jobs=1).findings == configured_run.findings  # and back again
