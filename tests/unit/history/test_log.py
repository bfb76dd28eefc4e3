"""history/log.py: one git log -p read into what each commit added, at its line numbers then."""

from __future__ import annotations

from conftest import git
from handoff_lint.history.log import _header_path, lines_of, parse, read_log, unquote

MAX = 5 * 1024 * 1024


def commit(repo, files: dict, message: str = "c") -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", message, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo).stdout.strip()


def added(pieces) -> list[tuple[str, str, list[int], list[str]]]:
    return [(piece.commit.short, piece.path, piece.numbers, list(lines_of(piece))) for piece in pieces]


def since(repo) -> list[str]:
    """Revisions for the commits made after now (the fixture's own commit left out)."""
    return ["HEAD", "^" + git("rev-parse", "HEAD", cwd=repo).stdout.strip()]


def test_each_commit_added_lines_at_their_numbers_in_that_version(git_repo):
    new = since(git_repo)
    first = commit(git_repo, {"a.md": "one\ntwo\nthree\n"})
    second = commit(git_repo, {"a.md": "zero\none\ntwo and more\nthree\nfour\n"})
    commits, pieces = read_log(new, [], git_repo, None, MAX)
    assert [c.sha for c in commits] == [first, second]  # oldest first
    assert added(pieces) == [
        (first[:7], "a.md", [1, 2, 3], ["one", "two", "three"]),
        (second[:7], "a.md", [1, 3, 5], ["zero", "two and more", "four"]),
    ]
    assert all(piece.commit.date.startswith("20") for piece in pieces)


def test_renames_deletions_links_and_odd_names(git_repo):
    new = since(git_repo)
    commit(git_repo, {"old name.md": "same text\n" * 5})
    git("mv", "old name.md", "new é\tname.md", cwd=git_repo)
    (git_repo / "link").symlink_to("/home/alice/x")
    moved = commit(git_repo, {})
    git("rm", "-q", "new é\tname.md", cwd=git_repo)
    commit(git_repo, {"b.md": "b\n", "c é\td.md": "c\n"})
    _commits, pieces = read_log(new, [], git_repo, None, MAX)
    # the rename adds no line; the link's target is no file text; the deletion adds nothing
    assert [(p.path, list(lines_of(p))) for p in pieces if p.commit.sha != moved] == [
        ("old name.md", ["same text"] * 5),
        ("b.md", ["b"]),
        ("c é\td.md", ["c"]),
    ]
    assert not [p for p in pieces if p.commit.sha == moved]


def test_a_merge_adds_only_what_no_parent_had(git_repo):
    commit(git_repo, {"n.md": "one\n"})
    git("checkout", "-qb", "side", cwd=git_repo)
    commit(git_repo, {"n.md": "one\nside\n"})
    git("checkout", "-q", "main", cwd=git_repo)
    commit(git_repo, {"n.md": "one\nmain\n"})
    git("merge", "-q", "side", "-m", "m", cwd=git_repo, check=False)
    merge = commit(git_repo, {"n.md": "one\nmain\nside\nresolved\n"})
    _commits, pieces = read_log(["HEAD"], [], git_repo, None, MAX)
    [at_merge] = [p for p in pieces if p.commit.sha == merge]
    assert (at_merge.numbers, list(lines_of(at_merge))) == ([4], ["resolved"])
    assert len(at_merge.old_blobs) == 2  # both parents' versions


def test_binary_over_the_limit_and_kept_or_dropped_lines(git_repo):
    commit(git_repo, {"image.png": b"\x89PNG\x00\x01", "big.md": "x" * 50 + "\n", "src/code.py": "a = 1\n"})
    _commits, pieces = read_log(["HEAD"], [], git_repo, None, 40, keep=lambda path: not path.startswith("src/"))
    by_path = {p.path: p for p in pieces}
    assert by_path["image.png"].binary and by_path["image.png"].new_blob
    assert by_path["big.md"].over and by_path["big.md"].lines == []
    assert by_path["src/code.py"].dropped and by_path["src/code.py"].lines == []


def test_pathspecs_and_max_count(git_repo):
    commit(git_repo, {"a.md": "a\n", "b/c.md": "c\n"})
    commit(git_repo, {"b/c.md": "c\nd\n"})
    commits, pieces = read_log(["HEAD"], ["b"], git_repo, 1, MAX)
    assert len(commits) == 1 and added(pieces)[0][1:] == ("b/c.md", [2], ["d"])


def test_quoted_names_and_headers():
    assert unquote(b'"caf\\303\\251 \\"x\\"\\ty"') == 'café "x"\ty'.encode()
    assert unquote(b"plain name") == b"plain name"
    assert _header_path(b"a/x y.md b/x y.md\n") == "x y.md"
    assert _header_path(b'"a/\\303\\251.md" "b/\\303\\251.md"\n') == "é.md"


def test_parse_reads_a_crafted_log_without_git():
    log = (
        b"\x00" + b"a" * 40 + b" 2026-11-03T10:00:00+00:00\n\n"
        b"diff --git a/n.md b/n.md\nindex " + b"1" * 40 + b".." + b"2" * 40 + b" 100644\n"
        b"--- a/n.md\n+++ b/n.md\n@@ -1,0 +2,2 @@ heading\n++ a line that starts with a plus\n+\n"
        b"@@ -7 +8,0 @@\n-gone\n"
        b"diff --git a/s b/s\nnew file mode 160000\nindex " + b"0" * 40 + b".." + b"3" * 40 + b"\n"
        b"--- /dev/null\n+++ b/s\n@@ -0,0 +1 @@\n+Subproject commit " + b"4" * 40 + b"\n"
    )
    commits, pieces = parse(log.splitlines(keepends=True), MAX)
    assert [c.day for c in commits] == ["2026-11-03"]
    [piece] = pieces  # the submodule is no file
    assert (piece.numbers, list(lines_of(piece))) == ([2, 3], ["+ a line that starts with a plus", ""])
    assert piece.key == b"1" * 40 + b".." + b"2" * 40
