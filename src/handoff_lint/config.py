"""The effective settings of one run (command line, later merged with the project's config)."""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff_lint.reading import DEFAULT_MAX_BYTES


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_BYTES
    severity: dict[str, str] = field(default_factory=dict)  # code -> "error" | "warning"
