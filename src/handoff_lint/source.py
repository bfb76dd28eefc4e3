"""A readable file handed to the checks: its place, kind, text and (parsed on demand) document."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from handoff_lint.discover import SourceFile

if TYPE_CHECKING:
    from handoff_lint.document import Document


class Source:
    """``text`` is given, or (a file the cache vouches for) read only if a check asks for it;
    ``scan`` likewise: given (from the cache) or made from the text."""

    def __init__(self, file: SourceFile, text: str | None = None, scan=None) -> None:
        self.file = file
        if text is not None:
            self.text = text  # fills the cached_property
        if scan is not None:
            self.scan = scan

    @property
    def display(self) -> str:
        return self.file.display

    @property
    def kind(self) -> str:
        return self.file.kind

    @cached_property
    def text(self) -> str:
        from handoff_lint.reading import read_text

        text, problem = read_text(self.file.path, self.file.display, root=self.file.root)
        if problem is not None:  # changed since the cache vouched for it: say so, do not guess
            raise OSError(problem.message)
        return text

    @cached_property
    def lines(self) -> list[str]:
        from handoff_lint.document import split_lines  # not at the top: a warm run needs no lines

        return split_lines(self.text)

    @cached_property
    def scan(self):
        """The line scanner's view (title, fields, reference links): what the folder index and the
        reference checks read. Cached with the findings."""
        from handoff_lint.folder_index import scan_text

        return scan_text(self.text)

    @cached_property
    def document(self) -> "Document":
        from handoff_lint.parse import parse

        return parse(self.text)
