"""A readable file handed to the checks: its place, kind, text, and (made when a check asks)
its lines, line scan and parsed document."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.engine.discover import SourceFile

if TYPE_CHECKING:
    from handoff_lint.parse.document import Document


class Source:
    """``scan`` and ``spans`` may be given (from the cache); else they are made from the text
    when asked."""

    def __init__(self, file: SourceFile, text: str, scan=None, spans: tuple | None = None) -> None:
        self.file = file
        self.text = text
        if scan is not None:
            self.scan = scan
        if spans is not None:
            self.spans = spans

    @property
    def display(self) -> str:
        return self.file.display

    @property
    def kind(self) -> str:
        return self.file.kind

    @cached_property
    def lines(self) -> list[str]:
        from handoff_lint.parse.document import split_lines

        return split_lines(self.text)

    @cached_property
    def hits(self) -> list:
        """The text's one credential scan: (0-based line index, hits) of the lines that hold one."""
        return hits_by_line(self.lines, self.text)

    @cached_property
    def spans(self) -> tuple:
        """Where the text's secrets are (positions only: what the cache may keep)."""
        return spans_of(self.hits)

    @cached_property
    def known(self) -> Known:
        """The secret values of the text and of its file name: every string derived from the text
        is redacted by them (a message may quote the name, and the cache keeps messages)."""
        name = [self.display]
        known = Known(values_at(name, spans_of(hits_by_line(name))))
        return known.add(values_at(self.lines, self.spans)) if self.spans else known

    @cached_property
    def scan(self):
        """The line scanner's view (title, fields, reference links): what the folder index and the
        reference checks read."""
        from handoff_lint.engine.folder_index import scan_text

        return scan_text(self.text, tuple(self.known))

    @cached_property
    def document(self) -> "Document":
        from handoff_lint.parse.markdown import parse

        return parse(self.text)
