"""observed: the questions a run asks the disk, noted so a replay can ask them again."""

from __future__ import annotations

import os
from pathlib import Path

from handoff_lint import filestamp, observed
from handoff_lint.discover import is_handoff_root


def test_notes_hold_until_the_disk_answers_otherwise(tmp_path):
    observed.record()
    assert not observed.exists(tmp_path / "x.md") and observed.is_dir(tmp_path)
    observed.stamp(tmp_path)
    notes = observed.take()
    assert observed.holds(notes)
    (tmp_path / "x.md").write_text("x")
    assert not observed.holds(notes)


def test_recording_forgets_what_a_process_remembered_so_every_answer_is_noted(tmp_path):
    (tmp_path / "active").mkdir()
    (tmp_path / "archive").mkdir()
    assert is_handoff_root(tmp_path)  # remembered (lru_cache) before any recording
    observed.record()
    assert is_handoff_root(tmp_path)
    notes = observed.take()
    assert ("T", str(tmp_path / "active")) in notes
    (tmp_path / "archive").rmdir()
    assert not observed.holds(notes)


def test_a_file_relied_on_without_a_stamp_spoils_the_notes(tmp_path):
    observed.record()
    observed.relied_on(str(tmp_path / "a.md"))
    observed.resolve(lambda path: None)
    assert observed.take() is None
    observed.record()
    observed.relied_on(str(tmp_path / "a.md"))
    assert observed.take() is None  # never resolved


def test_a_worker_that_could_not_note_everything_spoils_the_notes():
    observed.record()
    observed.merge({("T", "/nowhere"): 0})
    observed.merge(None)
    assert observed.take() is None


def test_only_stamps_older_than_the_racy_window_are_settled(tmp_path):
    observed.record()
    observed.stamp(tmp_path)
    notes = observed.take()
    assert not observed.settled(notes, filestamp.cutoff())
    old = filestamp.cutoff() - 10 * filestamp.RACY_NS
    os.utime(tmp_path, ns=(old, old))  # mtime only: ctime stays new
    observed.record()
    observed.stamp(tmp_path)
    assert not observed.settled(observed.take(), filestamp.cutoff())


def test_a_file_stamp_is_checked_for_the_kind_it_was_recorded_as(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x")
    recorded = filestamp.stamp(filestamp.lstat(str(path)), "handoff")
    assert observed.holds({("F", str(path)): recorded})
    path.write_text("yy")  # another size: the same clock tick cannot hide it
    assert not observed.holds({("F", str(path)): recorded})
    assert not observed.holds({("F", str(Path(tmp_path) / "gone.md")): recorded})


def test_a_question_answered_two_ways_in_one_run_spoils_the_notes(tmp_path):
    # The output may rest on the first answer; the note would hold the last.
    observed.record()
    assert not observed.exists(tmp_path / "late.py")
    (tmp_path / "late.py").write_text("x")
    assert observed.exists(tmp_path / "late.py")
    assert observed.take() is None
    observed.record()
    observed.merge({("T", str(tmp_path / "late.py")): 0})
    observed.exists(tmp_path / "late.py")
    assert observed.take() is None
