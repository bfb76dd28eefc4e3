"""The Touch seam: a path is accepted only when its real path lies inside the handoff root."""

from __future__ import annotations

import pytest

from handoff_lint.touch import TouchError, inside_root, leads_out


def test_a_path_inside_is_returned_resolved(tmp_path):
    (tmp_path / "root" / "active").mkdir(parents=True)
    assert inside_root(tmp_path / "root" / "active" / "new.md", tmp_path / "root") == (tmp_path / "root" / "active" / "new.md").resolve()


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
    assert inside_root(tmp_path / "root" / "current" / "x.md", tmp_path / "root") == (tmp_path / "root" / "active" / "x.md").resolve()


def test_a_link_loop_on_the_way_is_refused(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "archive").symlink_to("archive")
    with pytest.raises(TouchError, match="loop"):
        inside_root(tmp_path / "root" / "archive" / "x.md", tmp_path / "root")
