"""A readable file handed to the checks: its place, kind, text and (parsed on demand) document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from handoff_lint.discover import SourceFile
from handoff_lint.document import Document, split_lines


@dataclass
class Source:
    file: SourceFile
    text: str

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
    def scan(self):
        """The line scanner's view (title, fields, reference links): what the folder index and the
        reference checks read. Cached with the findings."""
        from handoff_lint.folder_index import scan_text

        return scan_text(self.text)

    @cached_property
    def document(self) -> Document:
        from handoff_lint.parse import parse

        return parse(self.text)
