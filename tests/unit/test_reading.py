"""HL0xx: unreadable input is a finding naming the file; readable input comes back as clean text."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from handoff_lint.reading import read_text
from handoff_lint.touch import Access


def read(path, **kwargs):
    text, problem = read_text(path, path.name, **kwargs)
    return text, (problem.code, problem.line, problem.column, problem.message) if problem else None


def test_binary_file(tmp_path):
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    text, problem = read(path)
    assert text is None and problem[0] == "HL001" and "binary" in problem[3]


def test_invalid_utf8_points_at_the_first_bad_byte(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("# Title\n\ncafé au lait\n".encode("latin-1"))
    assert read(path)[1][:3] == ("HL002", 3, 4)


def test_utf16_is_named(tmp_path):
    path = tmp_path / "u16.md"
    path.write_bytes("# Title\n".encode("utf-16"))
    text, problem = read(path)
    assert problem[0] == "HL002" and "UTF-16" in problem[3]


def test_too_large(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"a" * 2048)
    assert read(path, max_bytes=1024)[1][0] == "HL004"
    assert read(path, max_bytes=4096)[1] is None


def test_bom_crlf_and_lone_cr_become_plain_newlines(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes(b"\xef\xbb\xbf# T\r\n\r\nline\rnext\r\n")
    assert read(path) == ("# T\n\nline\nnext\n", None)


def test_empty_file_is_text(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert read(path) == ("", None)


def test_broken_symlink_and_loop(tmp_path):
    broken = tmp_path / "broken.md"
    broken.symlink_to(tmp_path / "nowhere.md")
    assert read(broken)[1][0] == "HL003" and "broken symbolic link" in read(broken)[1][3]
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    assert read(loop)[1][0] == "HL003"


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs")
def test_fifo_is_not_read(tmp_path):
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    assert read(path)[1][0] == "HL003"  # and the run does not hang waiting on it


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.md"
    path.write_text("# T\n")
    path.chmod(0)
    assert read(path)[1][0] == "HL003"


def test_symlink_out_of_the_handoff_folder_is_not_followed(tmp_path):
    root = tmp_path / "next-local"
    (root / "active").mkdir(parents=True)
    outside = tmp_path / "private.md"
    outside.write_text("/home/alice/secret\n")
    inside = root / "active" / "real.md"
    inside.write_text("# T\n")
    out_link, in_link = root / "active" / "out.md", root / "active" / "in.md"
    out_link.symlink_to(outside)
    in_link.symlink_to(Path("real.md"))
    text, problem = read_text(out_link, "out.md", root=root, access=Access.of([]))
    assert text is None and problem.code == "HL005" and str(outside) in problem.message
    assert read_text(in_link, "in.md", root=root, access=Access.of([])) == (
        "# T\n",
        None,
    )  # inside the folder: followed
    assert read_text(out_link, "out.md")[0] == "/home/alice/secret\n"  # outside any handoff folder


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs")
def test_a_fifo_swapped_in_after_the_stat_does_not_block(tmp_path, monkeypatch):
    """The stat says 'regular file', then the open meets a FIFO with no writer: the open must
    not wait for one (the race between the two calls, forced by lying about the stat)."""
    import threading

    from handoff_lint import reading

    regular = tmp_path / "regular.md"
    regular.write_text("x\n")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(
        reading.os, "stat", lambda path, *a, **k: real_stat(regular) if Path(path) == fifo else real_stat(path, *a, **k)
    )
    result = []
    reader = threading.Thread(target=lambda: result.append(read_text(fifo, "pipe.md")), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the thread before failing, so that nothing is left waiting
        with open(fifo, "wb"):
            pass
        pytest.fail("read_text blocked on a FIFO")
    text, problem = result[0]
    assert text is None and problem.code == "HL003" and "not a regular file" in problem.message


def test_invalid_utf8_is_placed_as_the_text_would_number_it(tmp_path):
    """Lone CRs end lines (the text is numbered that way), and the column counts characters,
    not bytes: 'ü' before the bad byte is one column."""
    path = tmp_path / "mac.md"
    path.write_bytes(b"# T\r\rgr\xc3\xbc\xc3\x9fe caf\xe9\r")
    assert read(path)[1][:3] == ("HL002", 3, 10)  # g r ü ß e, space, c a f: nine characters before
    path.write_bytes(b"# T\r\n\r\nx\xff")
    assert read(path)[1][:3] == ("HL002", 3, 2)
