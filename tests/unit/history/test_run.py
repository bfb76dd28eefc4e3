"""history/run.py in-process over real repositories: findings mapped back to the piece and line
they came from, bounded per file version, and told apart from what the tip still holds."""

from __future__ import annotations

from conftest import git
from handoff_lint.data.config import Config
from handoff_lint.history.run import run

ROOT = "models/next-local"


def commit(repo, files: dict) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "c", cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo).stdout.strip()


def findings(repo, config=None, **kwargs):
    tip = git("rev-parse", "HEAD", cwd=repo).stdout.strip()
    outcome = run(["HEAD"], [tip], [], repo, config or Config(), **kwargs)
    return outcome, [(f.path, f.line, f.column, f.code, f.commit[:7], f.removed_later) for f in outcome.findings]


def test_each_finding_names_the_piece_and_the_line_it_came_from(git_repo, monkeypatch):
    monkeypatch.chdir(git_repo)
    a, b = f"{ROOT}/active/a.md", f"{ROOT}/responses/b.md"
    first = commit(git_repo, {a: "one\nsee /home/ann/x\n", b: "fine\n"})
    second = commit(git_repo, {a: "zero\none\n", b: "fine\nmore\nmail bob@corp-mail.net\nsee /home/cid/y\n"})
    outcome, found = findings(git_repo)
    assert found == [
        (a, 2, 5, "HL201", first[:7], True),
        (b, 3, 6, "HL205", second[:7], False),
        (b, 4, 5, "HL201", second[:7], False),
    ]
    assert outcome.commits == 3 and outcome.files == 2


def test_findings_are_bounded_per_file_version(git_repo, monkeypatch):
    monkeypatch.chdir(git_repo)
    commit(git_repo, {f"{ROOT}/notes.txt": "".join(f"/home/user{n}/x\n" for n in range(5))})
    config = Config(max_findings=2)
    _outcome, found = findings(git_repo, config)
    assert [row[1] for row in found] == [1, 2, 3]  # two, then one that says how many more
    assert "3 more HL201 findings in this file" in _outcome.findings[-1].message


def test_additions_over_the_size_limit_are_named_not_read(git_repo, monkeypatch):
    monkeypatch.chdir(git_repo)
    commit(git_repo, {f"{ROOT}/notes.txt": "see /home/ann/x\n" * 20})
    _outcome, found = findings(git_repo, Config(max_file_size=100))
    assert [row[3] for row in found] == ["HL004"]


def test_max_commits_leaves_older_commits_out(git_repo, monkeypatch):
    monkeypatch.chdir(git_repo)
    commit(git_repo, {f"{ROOT}/a.txt": "/home/ann/x\n"})
    newest = commit(git_repo, {f"{ROOT}/b.txt": "/home/bea/x\n"})
    outcome, found = findings(git_repo, max_commits=1)
    assert outcome.limited and [row[4] for row in found] == [newest[:7]]
    outcome, _found = findings(git_repo, max_commits=3)
    assert not outcome.limited and outcome.commits == 3
