"""Names: the slug a title gives a file name, in any script."""

from __future__ import annotations

import pytest

from handoff_lint.parse.names import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Local Handoff: Extract error patterns from build logs", "extract-error-patterns-from-build-logs"),
        ("Ünïcode straße handling", "unicode-strasse-handling"),
        ("Анализ логов сборки", "analiz-logov-sborki"),
        ("Local Handoff: ログ解析", "rogujiexi"),
        ("日志分析 (log analysis)", "rizhifenxi-log-analysis"),
        ("🚀 ✅", "untitled"),
    ],
)
def test_a_title_in_any_script_gives_an_ascii_slug(title, slug):
    assert slugify(title) == slug


def test_two_titles_in_another_script_give_two_names():
    assert slugify("ログ解析") != slugify("テスト修正")
