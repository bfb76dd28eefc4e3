"""The Touch seam: a path is accepted only when its real path lies inside the handoff root, whose
own real path lies inside the repository; and every write is atomic and never through a link."""

from __future__ import annotations

import os

import pytest

from handoff_lint import touch
from handoff_lint.touch import Access, TouchError, linked_part, write_text

NOTHING_NAMED = Access.of([])
inside_root, leads_out = NOTHING_NAMED.inside_root, NOTHING_NAMED.leads_out
check_root, root_outside = NOTHING_NAMED.check_root, NOTHING_NAMED.root_outside  # a command that named nothing


def test_a_path_inside_is_returned_resolved(tmp_path):
    (tmp_path / "root" / "active").mkdir(parents=True)
    assert (
        inside_root(tmp_path / "root" / "active" / "new.md", tmp_path / "root")
        == (tmp_path / "root" / "active" / "new.md").resolve()
    )


@pytest.mark.parametrize("link", ["archive", "archive/x.md"])
def test_a_linked_folder_leading_out_is_refused(tmp_path, link):
    (tmp_path / "root").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "root" / "archive").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(TouchError, match="outside the handoff folder"):
        inside_root(tmp_path / "root" / link, tmp_path / "root")
    assert leads_out(tmp_path / "root" / link, tmp_path / "root")


def test_a_dangling_link_named_like_the_target_is_refused(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "new.md").symlink_to(tmp_path / "not-yet")
    with pytest.raises(TouchError):
        inside_root(tmp_path / "root" / "new.md", tmp_path / "root")


def test_dot_dot_out_is_refused_and_a_link_inside_is_followed(tmp_path):
    (tmp_path / "root" / "active").mkdir(parents=True)
    (tmp_path / "root" / "current").symlink_to("active")
    with pytest.raises(TouchError):
        inside_root(tmp_path / "root" / ".." / "x.md", tmp_path / "root")
    assert (
        inside_root(tmp_path / "root" / "current" / "x.md", tmp_path / "root")
        == (tmp_path / "root" / "active" / "x.md").resolve()
    )


def test_a_link_loop_on_the_way_is_refused(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "archive").symlink_to("archive")
    with pytest.raises(TouchError, match="loop"):
        inside_root(tmp_path / "root" / "archive" / "x.md", tmp_path / "root")


# -- the root's own real path ------------------------------------------------------------------
def git_init(folder):
    from conftest import git

    git("init", "-q", cwd=folder)


def test_a_root_linked_out_of_the_repository_is_refused(tmp_path, monkeypatch):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (repo / "models").mkdir(parents=True)
    (elsewhere / "active").mkdir(parents=True)
    git_init(repo)
    (repo / "models" / "next-local").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    root = repo / "models" / "next-local"
    assert "outside the repository" in root_outside(root)
    with pytest.raises(TouchError, match="outside the repository"):
        check_root(root)
    with pytest.raises(TouchError, match="outside the repository"):
        inside_root(root / "active" / "x.md", root)  # inside the root's real path, but the root is out
    assert leads_out(root / "active", root)


def test_a_root_linked_inside_the_repository_and_a_plain_root_may_be_used(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "shared" / "nl" / "active").mkdir(parents=True)
    (repo / "models" / "next-local").mkdir(parents=True)
    git_init(repo)
    (repo / "models" / "linked").symlink_to("../shared/nl")
    monkeypatch.chdir(repo)
    assert root_outside(repo / "models" / "linked") is None
    assert root_outside(repo / "models" / "next-local") is None
    linked = repo / "models" / "linked"
    assert inside_root(linked / "active" / "x.md", linked) == repo / "shared" / "nl" / "active" / "x.md"


def test_outside_a_repository_the_folder_named_bounds_the_root(tmp_path, monkeypatch):
    (tmp_path / "plain" / "real" / "nl").mkdir(parents=True)
    (tmp_path / "elsewhere" / "nl").mkdir(parents=True)
    (tmp_path / "plain" / "in").symlink_to(tmp_path / "plain" / "real" / "nl")
    (tmp_path / "plain" / "out").symlink_to(tmp_path / "elsewhere" / "nl")
    monkeypatch.chdir(tmp_path)
    plain = Access.of(["plain"])
    assert plain.root_outside(tmp_path / "plain" / "in") is None
    assert "outside the folder named (plain)" in plain.root_outside(tmp_path / "plain" / "out")
    assert (
        Access.of(["plain/out"]).root_outside(tmp_path / "plain" / "out") is None
    )  # named itself: the user's to follow


def test_two_named_folders_in_one_process_give_two_answers_without_clearing(tmp_path, monkeypatch):
    (tmp_path / "plain" / "elsewhere" / "nl").mkdir(parents=True)
    (tmp_path / "plain" / "box").mkdir()
    (tmp_path / "plain" / "box" / "nl").symlink_to(tmp_path / "plain" / "elsewhere" / "nl")
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "plain" / "box" / "nl"
    wide, narrow = Access.of(["plain"]), Access.of(["plain/box"])
    for _ in range(2):  # each asked twice, interleaved: the judgement is cached by the folders named too
        assert wide.root_outside(root) is None
        assert "outside the folder named (plain/box)" in narrow.root_outside(root)
    assert Access.of(["plain/box", "plain", "./plain"]).named == (
        str(tmp_path / "plain"),
        str(tmp_path / "plain" / "box"),
    )


# -- write_text: atomically, never through a link ----------------------------------------------
def entries(folder):
    return sorted(path.name for path in folder.iterdir())


def test_write_text_writes_a_new_file_with_the_umask_and_leaves_no_temporary(tmp_path):
    written = write_text(tmp_path / "a.md", "x\r\ny\n")
    assert written == tmp_path / "a.md" and (tmp_path / "a.md").read_bytes() == b"x\r\ny\n"
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o666 & ~umask
    assert entries(tmp_path) == ["a.md"]


def test_write_text_replaces_a_file_keeping_its_mode_or_taking_the_one_given(tmp_path):
    (tmp_path / "a.md").write_text("old, longer than the new text\n")
    os.chmod(tmp_path / "a.md", 0o640)
    inode = (tmp_path / "a.md").stat().st_ino
    write_text(tmp_path / "a.md", b"new\n")
    assert (tmp_path / "a.md").read_bytes() == b"new\n" and (tmp_path / "a.md").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "a.md").stat().st_ino != inode  # renamed into place, not written in place
    write_text(tmp_path / "hook", "#!/bin/sh\n", mode=0o755)
    assert (tmp_path / "hook").stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("dangling", [False, True])
def test_write_text_refuses_a_link_at_the_target(tmp_path, dangling):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / ("nothing-yet" if dangling else "victim")
    if not dangling:
        target.write_text("private\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.sarif").symlink_to(target)
    with pytest.raises(TouchError, match="symbolic link"):
        write_text(tmp_path / "in" / "report.sarif", "author-controlled\n")
    assert entries(outside) == ([] if dangling else ["victim"])
    assert dangling or target.read_text() == "private\n"
    assert entries(tmp_path / "in") == ["report.sarif"] and (tmp_path / "in" / "report.sarif").is_symlink()


def test_write_text_may_replace_a_link_itself_never_its_target(tmp_path):
    (tmp_path / "victim").write_text("private\n")
    (tmp_path / "shard.bin").symlink_to(tmp_path / "victim")
    write_text(tmp_path / "shard.bin", b"data", mode=0o600, replace_link=True)
    assert not (tmp_path / "shard.bin").is_symlink() and (tmp_path / "shard.bin").read_bytes() == b"data"
    assert (tmp_path / "victim").read_text() == "private\n"


def test_write_text_without_replace_never_replaces_anything(tmp_path):
    (tmp_path / "here.md").write_text("mine\n")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere")
    for name in ("here.md", "dangling.md"):
        with pytest.raises(FileExistsError):
            write_text(tmp_path / name, "new\n", replace=False)
    assert (tmp_path / "here.md").read_text() == "mine\n" and not (tmp_path / "nowhere").exists()
    write_text(tmp_path / "new.md", "made\n", replace=False)
    assert (tmp_path / "new.md").read_text() == "made\n"
    assert entries(tmp_path) == ["dangling.md", "here.md", "new.md"]


def test_write_text_passes_over_planted_links_at_its_temporary_names(tmp_path, monkeypatch):
    """The temporary name is random and made with O_EXCL|O_NOFOLLOW: a link planted at the very
    name it draws is not written through; the next name is drawn."""
    draws = iter([b"\x01" * 6, b"\x01" * 6, b"\x02" * 6])
    monkeypatch.setattr(touch.os, "urandom", lambda n: next(draws))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim").write_text("private\n")
    folder = tmp_path / "responses"
    folder.mkdir()
    planted = folder / f".r.md.handoff-lint-{'01' * 6}"
    planted.symlink_to(outside / "victim")
    write_text(folder / "r.md", "fixed\n")
    assert (folder / "r.md").read_text() == "fixed\n" and not (folder / "r.md").is_symlink()
    assert (outside / "victim").read_text() == "private\n" and planted.is_symlink()
    assert entries(folder) == sorted([planted.name, "r.md"])


def test_write_text_checks_the_root_and_refuses_what_is_no_regular_file(tmp_path):
    (tmp_path / "root" / "active").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "root" / "archive").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(TouchError, match="outside the handoff folder"):
        write_text(tmp_path / "root" / "archive" / "x.md", "x\n", tmp_path / "root", access=NOTHING_NAMED)
    assert entries(tmp_path / "elsewhere") == []
    with pytest.raises(TouchError, match="not a regular file"):
        write_text(tmp_path / "root" / "active", "x\n", tmp_path / "root", access=NOTHING_NAMED)
    made = tmp_path / "root" / "active" / "x.md"
    assert write_text(made, "x\n", tmp_path / "root", access=NOTHING_NAMED) == made
    assert entries(tmp_path / "root" / "active") == ["x.md"]


def test_linked_part_names_the_first_link_below_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "real").mkdir()
    (tmp_path / "reports").symlink_to(tmp_path / "real")
    (tmp_path / "r.sarif").symlink_to(tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    assert linked_part("reports/out.sarif") == str(tmp_path / "reports")
    assert linked_part("r.sarif") == str(tmp_path / "r.sarif")
    assert linked_part("real/out.sarif") is None and linked_part("plain.sarif") is None


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("old\n")

    def fail(self, source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(touch._Folder, "replace", fail)
    with pytest.raises(OSError):
        write_text(tmp_path / "a.md", "new\n")
    assert (tmp_path / "a.md").read_text() == "old\n" and entries(tmp_path) == ["a.md"]


# -- reading many files (read_plain_files) -----------------------------------------------------
def plain_root(tmp_path):
    """A root with a response, a handoff at the top, and a folder outside it holding a secret."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "responses").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text("outside the root\n")
    (root / "responses" / "a.md").write_text("first\n")
    (root / "handoff-2026-01-01-top.md").write_text("top\n")
    return root, outside


@pytest.mark.skipif(not touch._OPEN_AT, reason="O_NOFOLLOW and dir_fd (POSIX)")
def test_read_plain_files_reads_plain_files_of_the_root_and_its_folders_in_order(tmp_path):
    root, _outside = plain_root(tmp_path)
    paths = [
        str(root / "responses" / "a.md"),
        str(root / "handoff-2026-01-01-top.md"),
        str(root / "responses" / "a.md"),
    ]
    assert list(touch.read_plain_files(root, paths, 100, NOTHING_NAMED)) == [b"first\n", b"top\n", b"first\n"]


@pytest.mark.skipif(not touch._OPEN_AT, reason="O_NOFOLLOW and dir_fd (POSIX)")
def test_read_plain_files_follows_no_link_and_reads_nothing_outside_the_root(tmp_path):
    root, outside = plain_root(tmp_path)
    (root / "responses" / "out.md").symlink_to(outside / "secret.md")
    (root / "responses" / "in.md").symlink_to("a.md")  # inside, but a link all the same: the caller's to follow
    (root / "archive").symlink_to(outside)  # a linked folder: nothing in it is read
    (root / "active" / "deeper").mkdir(parents=True)
    (root / "active" / "deeper" / "x.md").write_text("deeper\n")
    paths = [
        str(root / "responses" / "out.md"),
        str(root / "responses" / "in.md"),
        str(root / "archive" / "secret.md"),
        str(root / "active" / "deeper" / "x.md"),  # deeper than one folder
        str(outside / "secret.md"),  # no file of the root
        str(root / "responses" / ".." / ".." / "outside" / "secret.md"),
        str(root / "responses" / "a.md"),
    ]
    assert list(touch.read_plain_files(root, paths, 100, NOTHING_NAMED)) == [None] * 6 + [b"first\n"]


@pytest.mark.skipif(not touch._OPEN_AT, reason="O_NOFOLLOW and dir_fd (POSIX)")
def test_read_plain_files_leaves_fifos_large_and_missing_files_to_the_careful_reader(tmp_path):
    root, _outside = plain_root(tmp_path)
    os.mkfifo(root / "responses" / "pipe.md")  # opened non-blocking: no writer never blocks the run
    (root / "responses" / "big.md").write_text("x" * 101)
    names = ["pipe.md", "big.md", "gone.md", "a.md"]
    paths = [str(root / "responses" / name) for name in names]
    assert list(touch.read_plain_files(root, paths, 100, NOTHING_NAMED)) == [None, None, None, b"first\n"]


def test_read_plain_files_reads_nothing_in_a_root_linked_out_of_the_repository(tmp_path, monkeypatch):
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (repo / "models").mkdir(parents=True)
    (elsewhere / "responses").mkdir(parents=True)
    (elsewhere / "responses" / "a.md").write_text("outside the repository\n")
    git_init(repo)
    (repo / "models" / "next-local").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    root = repo / "models" / "next-local"
    assert list(touch.read_plain_files(root, [str(root / "responses" / "a.md")], 100, NOTHING_NAMED)) == [None]


@pytest.mark.skipif(os.name != "posix", reason="folders opened by descriptor: POSIX only")
@pytest.mark.parametrize("exclusive", [False, True])
def test_a_folder_swapped_for_a_link_after_it_was_opened_is_not_written_through(tmp_path, exclusive):
    """The write's folder is opened once and every name is made relative to it: moved away and
    replaced by a link to another folder meanwhile, the file still lands in the folder opened,
    never behind the link (on Linux the descriptor was never used: os.replace is missing from
    os.supports_dir_fd, and writes went by path)."""
    folder, elsewhere = tmp_path / "active", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    opened = touch._Folder(str(folder))
    try:
        folder.rename(tmp_path / "moved")
        folder.symlink_to(elsewhere, target_is_directory=True)
        name, descriptor = opened.temporary("handoff.md", 0o644)
        os.write(descriptor, b"text\n")
        os.close(descriptor)
        if exclusive:
            opened.link_new(name, "handoff.md", b"text\n", 0o644)
        else:
            opened.replace(name, "handoff.md")
    finally:
        opened.close()
    assert (tmp_path / "moved" / "handoff.md").read_bytes() == b"text\n"
    assert list(elsewhere.iterdir()) == []
