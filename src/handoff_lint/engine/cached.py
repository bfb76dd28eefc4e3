"""The run's one door to the cache (:mod:`handoff_lint.cache`): a text's entry looked up, and
stored, by its kind, its root's protocol, its file name and the text itself. The pipeline asks it
for every text it checks; the folder checks ask it for the documents they read that the run did
not check (only when a check needs one: a run over one file must not read its whole folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.data.config import Config
from handoff_lint.model.kinds import protocol_of

if TYPE_CHECKING:
    from handoff_lint.cache import Cache, Entry


class RunCache:
    """One run's cache: :meth:`lookup` and :meth:`store` by the same key, :meth:`save` once."""

    def __init__(self, cache: Cache, config: Config, digest: Callable[[str, str, str], bytes]) -> None:
        self.cache, self.config, self.digest = cache, config, digest

    @classmethod
    def open(cls, folder: str | None, config: Config) -> RunCache | None:
        """The cache in ``folder`` for this configuration; None for no folder (``--no-cache``)
        or one not safe to use (said on standard error by :meth:`Cache.open`)."""
        if folder is None:
            return None
        # lazy: the cache (blake2, the store: ~14 ms measured after the engine) is not paid by --no-cache
        from handoff_lint.cache import Cache, digest

        cache = Cache.open(folder, config)
        return None if cache is None else cls(cache, config, digest)

    def key(self, kind: str, root: Path | None, path: str, text: str) -> bytes:
        """A text's key: one text is another answer as a template than as a handoff, in another
        file name (a response's names its handoff) or in a root of another protocol."""
        return self.digest(f"{kind}\0{protocol_of(root, self.config).name}", os.path.basename(path), text)

    def lookup(self, kind: str, root: Path | None, path: str, text: str, display: str) -> tuple[bytes, Entry | None]:
        """(the text's key, its stored entry or None)."""
        key = self.key(kind, root, path, text)
        return key, self.cache.get(key, display)

    def store(self, key: bytes, findings, scan, spans: tuple) -> None:
        self.cache.put(key, findings, scan, spans)

    def save(self) -> None:
        self.cache.save()
