"""The benchmark's generated folders: the synthetic one is valid protocol that handoff-lint finds
nothing in; the real-style one looks like real writing (3% of its lines pass a credential gate),
follows the protocol's names, is the same for the same seed, and its only errors are the secrets
and private paths seeded on purpose."""

from __future__ import annotations

import importlib.util
import json
import random
import re
import string
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import run_cli
from handoff_lint.data.rules_data import load_table
from handoff_lint.detect.gates import candidate_lines

BENCH = Path(__file__).resolve().parents[2] / "bench"
GENERATOR = BENCH / "generate.py"

pytestmark = pytest.mark.skipif(not GENERATOR.exists(), reason="needs the source tree")


def load_generator():
    spec = importlib.util.spec_from_file_location("generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory):
    """A real-style folder of 300 handoffs (seed 1) and what the generator says it seeded."""
    out = tmp_path_factory.mktemp("real")
    written = load_generator().real_module().write_folder(300, out, seed=1)
    return out, written


@pytest.mark.slow  # property, benchmark, wheel or hook-install tests: `pytest -m "not slow"` leaves them out
def test_generated_folder_is_clean(tmp_path):
    assert load_generator().main(["--handoffs", "40", "--out", str(tmp_path)]) == 0
    files = list((tmp_path / "models" / "next-local").rglob("*.md"))
    assert len(files) > 40
    result = run_cli("check", str(tmp_path))
    assert result.code == 0, result.stdout


def test_real_folder_has_the_share_of_gate_lines_real_writing_has(real_folder):
    out, _written = real_folder
    lines = gated = 0
    for path in out.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        lines += len(text.splitlines())
        gated += len(candidate_lines(text))
    assert lines > 10_000
    assert 0.025 <= gated / lines <= 0.035, f"{gated} of {lines} lines"


def test_stats_reports_the_share_it_measures(tmp_path):
    shown = generate("--style", "real", "--handoffs", "60", "--out", str(tmp_path), "--stats")
    share = float(re.search(r"picked by a credential gate: \d+ \(([\d.]+)%\)", shown).group(1))
    assert 2.5 <= share <= 3.5, shown
    assert round(100 * json.loads(generate("--measure", str(tmp_path)))["share"], 2) == share
    generate("--handoffs", "20", "--out", str(tmp_path / "synthetic"))
    assert json.loads(generate("--measure", str(tmp_path / "synthetic")))["gated"] == 0  # what the real style is for


def test_real_folder_names_follow_the_protocol(real_folder):
    out, written = real_folder
    names = load_table("lifecycle")["names"]
    handoff, response = re.compile(names["handoff"]), re.compile(names["response-to"])
    root = out / "models" / "next-local"
    active = sorted(path.name for path in (root / "active").iterdir())
    archived = sorted(path.name for path in (root / "archive").iterdir())
    responses = sorted((root / "responses").iterdir())
    assert len(active) + len(archived) == 300
    assert 0.2 < len(active) / 300 < 0.4
    assert all(handoff.match(name) for name in active + archived)
    slugs = Counter(handoff.match(name).group("slug") for name in active + archived)
    assert slugs.most_common(1)[0][1] == 1  # HL409: no two handoffs share a slug
    assert len(responses) == len(archived)
    for path in responses:
        target = response.match(path.name).group("target")
        assert f"{target}.md" in archived  # every response answers an archived handoff ...
        assert target in path.read_text(encoding="utf-8")  # ... and names it
        assert path.name[:10] >= target[8:18]  # answered on or after the day it was written
    assert written.files == len(list(root.rglob("*.md")))


def test_real_folder_is_the_same_for_the_same_seed(tmp_path):
    real = load_generator().real_module()
    real.write_folder(40, tmp_path / "a", seed=7)
    real.write_folder(40, tmp_path / "b", seed=7)
    real.write_folder(40, tmp_path / "c", seed=8)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_every_mention_block_passes_a_gate_and_holds_no_secret():
    """bench/real_prose/mentions.md: each block is inserted to raise the share, so each must pass
    a gate (the loader refuses one that does not); a block handoff-lint reports would be left out
    (none is)."""
    real = load_generator().real_module()
    text = (real.OWN / "mentions.md").read_text(encoding="utf-8")
    blocks = real._blocks(text.rstrip("\n").split("\n"))
    assert len(blocks) > 50
    assert len(real.load_sources().mentions) == len(blocks)


def test_source_folder_adds_writing_but_never_its_secrets_or_home_paths(tmp_path):
    token = "hf_" + "".join(random.choices(string.ascii_letters + string.digits, k=34))
    source = tmp_path / "source"
    source.mkdir()
    (source / "notes.md").write_text(
        "# Session notes\n\n## Work Completed\n\nThe zebra crossing dataset was re-labelled by hand.\n\n"
        f"The token for the mirror is {token} for now.\n\n- Exports in /home/okonkwo/exports/zebra/\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    load_generator().main(
        ["--style", "real", "--handoffs", "150", "--seed", "3", "--out", str(out), "--source", str(source)]
    )
    texts = [path.read_text(encoding="utf-8") for path in out.rglob("*.md")]
    assert any("zebra crossing dataset" in text for text in texts)
    assert not any(token in text or "okonkwo" in text for text in texts)


@pytest.mark.slow
def test_real_folder_errors_are_the_seeded_ones(real_folder):
    """Measured on 2,000 handoffs (seed 1, 3,381 files): no error in any document but the 35
    seeded with a secret or a private path, each of which is reported (warnings: 2,266, mostly
    backticked paths that do not exist and stale active handoffs). Here: at most one clean
    document in a hundred may draw an error, and every seeded one must."""
    out, written = real_folder
    assert written.seeded  # 3 at this size and seed
    result = run_cli("check", "--format", "json", "--no-cache", str(out))
    assert result.code in (0, 1), result.stderr
    errors = [finding for finding in json.loads(result.stdout) if finding["severity"] == "error"]
    by_document = {}
    for finding in errors:
        by_document.setdefault(finding["path"].split("next-local/", 1)[1], set()).add(finding["code"])
    clean = [name for name in by_document if name not in written.seeded]
    assert len(clean) <= written.files / 100, {name: by_document[name] for name in clean}
    for name, kinds in written.seeded.items():
        for kind in kinds.split(" and "):
            wanted = "HL3" if kind == "secret" else "HL2"
            assert any(code.startswith(wanted) for code in by_document.get(name, ())), (name, kind)
