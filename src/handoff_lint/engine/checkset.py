"""The check modules a run selected, imported only when a file needs them (a run with
``--select HL2`` never imports jsonschema). The registry is ``checks.DOCUMENT_CHECKS`` /
``checks.FOLDER_CHECKS``: (family prefix, module name) pairs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

DISK_FAMILIES = ("HL5",)  # findings that depend on other files than the one checked: never cached


class CheckSet:
    def __init__(self, chosen: list[tuple[str, str]]) -> None:
        self.chosen = chosen  # (family, module name) of each selected check, in registry order
        self.names = [name for _family, name in chosen]
        self._split: tuple[list[ModuleType], list[ModuleType]] | None = None

    @classmethod
    def selected(cls, wanted: Callable[[str], bool], registry) -> CheckSet:
        """The checks of ``registry`` whose family has at least one selected rule."""
        return cls([(family, name) for family, name in registry if wanted(family)])

    def all(self) -> list[ModuleType]:
        return [importlib.import_module(name) for name in self.names]

    def content(self) -> list[ModuleType]:
        """The checks whose findings depend on the text alone (what the cache keeps)."""
        return self._modules()[0]

    def disk(self) -> list[ModuleType]:
        """The checks that read other files too: run every time."""
        return self._modules()[1]

    def _modules(self) -> tuple[list[ModuleType], list[ModuleType]]:
        if self._split is None:  # imported when a text first needs them, once
            content = [
                importlib.import_module(name) for family, name in self.chosen if not family.startswith(DISK_FAMILIES)
            ]
            disk = [importlib.import_module(name) for family, name in self.chosen if family.startswith(DISK_FAMILIES)]
            self._split = (content, disk)
        return self._split

    def __bool__(self) -> bool:
        return bool(self.chosen)
