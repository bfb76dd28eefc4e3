"""A readable file handed to the checks: its place, kind, text, and (made when a check asks)
its lines, code lines, line scan and parsed document."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING

from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.detect.values import Known
from handoff_lint.model.kinds import SourceFile, is_markdown
from handoff_lint.parse.document import split_lines
from handoff_lint.parse.markdown import code_lines, parse
from handoff_lint.parse.scanner import scan_text

if TYPE_CHECKING:
    from handoff_lint.parse.document import Document


class Source:
    """``scan`` and ``spans`` may be given (from the cache); else they are made from the text
    when asked. ``name_secrets``: the secret values (with the characters each may show) of the
    file's name, from the run's one scan of every name (engine/pipeline.py); else the name is
    scanned here when asked."""

    def __init__(
        self, file: SourceFile, text: str, scan=None, spans: tuple | None = None, name_secrets: tuple | None = None
    ) -> None:
        self.file = file
        self.text = text
        self.name_secrets = name_secrets
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
        if self.name_secrets is None:
            name = [self.display]
            known = Known(values_at(name, spans_of(hits_by_line(name))))
        else:
            known = Known(self.name_secrets)
        return known.add(values_at(self.lines, self.spans)) if self.spans else known

    @cached_property
    def scan(self):
        """The line scanner's view (title, fields, reference links): what the folder index and the
        reference checks read."""
        read = self.document.line_fields if "document" in self.__dict__ else None  # lines parse read
        return scan_text(self.text, tuple(self.known), self.code_lines or frozenset(), read)

    @cached_property
    def code_lines(self) -> frozenset[int] | None:
        """The lines inside markdown code blocks, by the parser's one reader (the parsed
        document's, when it was parsed); None when the text is too long to tell (see
        parse.markdown.code_lines). A file that is not markdown has no code blocks."""
        if not is_markdown(os.path.basename(self.file.path)):
            return frozenset()
        if "document" in self.__dict__:
            return self.document.code_lines
        return code_lines(self.text, self.lines)

    @cached_property
    def document(self) -> Document:
        return parse(self.text)
