"""The check modules a run selected, imported only when a file needs them.

A warm run answers most files from the cache and runs only the checks whose findings depend on
other files (:data:`DISK_FAMILIES`, never cached); the others, and what they import (markdown-it,
jsonschema, detect-secrets, OpenSSL's hashlib), are then not imported at all. The registry is
``checks.DOCUMENT_CHECKS`` / ``checks.FOLDER_CHECKS``: (family prefix, module name) pairs.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Callable

DISK_FAMILIES = ("HL5",)  # findings that depend on other files than the one checked


class CheckSet:
    def __init__(self, chosen: list[tuple[str, str]]) -> None:
        self.chosen = chosen  # (family, module name) of each selected check, in registry order
        self.names = [name for _family, name in chosen]
        self._modules: dict[str, ModuleType] = {}
        self._disk: list[ModuleType] | None = None

    @classmethod
    def selected(cls, wanted: Callable[[str], bool], registry) -> "CheckSet":
        """The checks of ``registry`` whose family has at least one selected rule."""
        return cls([(family, name) for family, name in registry if wanted(family)])

    def _load(self, name: str) -> ModuleType:
        module = self._modules.get(name)
        if module is None:
            module = self._modules[name] = importlib.import_module(name)
        return module

    def all(self) -> list[ModuleType]:
        return [self._load(name) for name in self.names]

    def reading_disk(self) -> list[ModuleType]:
        """The checks to run again on a file whose other findings come from the cache."""
        if self._disk is None:
            self._disk = [self._load(name) for family, name in self.chosen if family.startswith(DISK_FAMILIES)]
        return self._disk

    def __bool__(self) -> bool:
        return bool(self.chosen)

    def __getstate__(self) -> list:  # to worker processes: names, not modules
        return self.chosen

    def __setstate__(self, chosen: list) -> None:
        self.__init__(chosen)
