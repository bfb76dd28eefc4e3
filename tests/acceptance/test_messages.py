"""Messages a small model can act on: a near miss says what was found, where, and what to write,
in every format; `--format json` carries it as `expected` and `found`, shown like the message
(a credential in the quoted line is redacted there too)."""

from __future__ import annotations

import json
import random
import string

from conftest import VALID_HANDOFF, run_cli


def test_json_carries_expected_and_found_on_near_misses_and_null_elsewhere(handoff_root):
    text = (
        VALID_HANDOFF.replace("**Date**: 2026-11-02", "Date: 07/12/2026")
        .replace("## Task Description", "### Task Description")
        .replace("**Handoff Status**: Ready for local model pickup", "Handoff Status: Ready")
        .replace("- [nightly logs](../../../logs/README.md)", "- logs/nightly/ at /home/alice/logs")
    )
    (handoff_root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    result = run_cli("check", "--format", "json", "models", cwd=handoff_root.parent.parent)
    assert result.code == 1
    found = {(f["code"], f["line"]): f for f in json.loads(result.stdout)}
    assert all({"expected", "found"} <= set(f) for f in found.values())
    date = found[("HL102", 3)]
    assert (date["expected"], date["found"]) == ("**Date**: 2026-12-07", "Date: 07/12/2026")
    assert "'Date:' found at 3:1 without bold" in date["message"]
    assert found[("HL103", 3)]["found"] == "Date: 07/12/2026"
    section = next(f for (code, _line), f in found.items() if code == "HL105")
    assert (section["expected"], section["found"]) == ("## Task Description", "### Task Description")
    assert "one level deeper than its siblings" in section["message"]
    status = next(f for (code, _line), f in found.items() if code == "HL110")
    assert status["expected"] == "**Handoff Status**: Ready"
    privacy = next(f for (code, _line), f in found.items() if code == "HL201")
    assert privacy["expected"] is None and privacy["found"] is None
    text_report = run_cli("check", "models", cwd=handoff_root.parent.parent).stdout
    assert (
        "HL102 missing metadata field '**Date**:': 'Date:' found at 3:1 without bold; write '**Date**: 2026-12-07'"
        in text_report
    )


def test_a_credential_in_a_near_miss_is_redacted_in_expected_and_found_in_every_format(handoff_root):
    token = "ghp_" + "".join(random.choices(string.ascii_letters + string.digits, k=36))
    text = VALID_HANDOFF.replace("**Handoff Status**: Ready for local model pickup", f"Handoff Status: {token}")
    (handoff_root / "active" / "handoff-2026-11-02-extract-error-patterns.md").write_text(text)
    for fmt in ("json", "text", "sarif", "github", "junit"):
        result = run_cli("check", "--format", fmt, "models", cwd=handoff_root.parent.parent)
        assert result.code == 1 and token not in result.stdout and token not in result.stderr, fmt
    found = json.loads(run_cli("check", "--format", "json", "models", cwd=handoff_root.parent.parent).stdout)
    near = next(f for f in found if f["code"] == "HL110")
    assert near["found"].startswith("Handoff Status: ghp_") and token not in near["found"] + near["expected"]
