"""A document's name and dates: the parts of its file name (date, slug, the handoff a response
names), its **Date**, its canonical name, and where a handoff belongs (:func:`placement`: the one
place that says so; the lifecycle checks compare with it, the fixes move files there)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING

from handoff_lint.data.config import Config
from handoff_lint.model.kinds import TEMPLATE_NAME
from handoff_lint.model.status import status_folder, tables
from handoff_lint.parse.fields import date_part
from handoff_lint.parse.names import slugify

if TYPE_CHECKING:
    from handoff_lint.model.index import Entry


def file_name(where: str | Path) -> str:
    # a listing's path: split as os.path.join made it (pairing asks it of every handoff)
    return where.rpartition(os.sep)[2] if type(where) is str and os.altsep is None else os.path.basename(where)


def stem(where: str | Path) -> str:
    """A document's file name without .md (what responses name a handoff by)."""
    name = file_name(where)
    return name[:-3] if name.endswith(".md") else os.path.splitext(name)[0]


def parse_date(text: str) -> datetime.date | None:
    """A **Date** value as a date (one that carries a time, ``2026-12-04 14:30 UTC``, as its
    date), or None."""
    try:
        return datetime.date.fromisoformat(date_part(text))
    except ValueError:
        return None


def name_parts(name: str, kind: str) -> tuple[str | None, str | None, str | None]:
    """``(date, slug, target)`` of a document's file name: the date as written; handoffs, the
    slug; responses, the slug or the handoff named, and (for a response-to name) that handoff's
    file name without .md."""
    _table, names = tables()
    if kind == "handoff":
        match = names["handoff"].match(name)
        return (match.group("date"), match.group("slug"), None) if match else (None, None, None)
    match = names["response-to"].match(name)
    if match:
        target = match.group("target")
        handoff = names["handoff"].match(target + ".md")
        return match.group("date"), handoff.group("slug") if handoff else target, target
    match = names["response-dated"].match(name)
    return (match.group("date"), match.group("slug"), None) if match else (None, None, None)


def looks_like_handoff(path: Path) -> bool:
    return path.name.startswith("handoff-") and path.name != TEMPLATE_NAME and path.suffix == ".md"


def canonical_name(entry: Entry) -> str | None:
    """handoff-<Date field>-<slug>.md, the slug kept from the name or made from the title."""
    date = entry.date or parse_date(entry.name_date or "")
    if date is None:
        return None
    slug = entry.slug or slugify(entry.title or "")
    return f"handoff-{date.isoformat()}-{slug}.md"


def placement(entry: Entry, config: Config, folder: bool = True, name: bool = True) -> Path | None:
    """Where a handoff belongs: its folder by status (``folder``) and its canonical name
    (``name``); None for a response. The fixes move files here, the checks compare with it."""
    if entry.kind != "handoff":
        return None
    place = entry.place
    if folder:
        place = status_folder(entry.status, config)[1] or ("active" if place == "root" else place)
    file_name = (canonical_name(entry) or entry.name) if name else entry.name
    root = entry.path.parent if entry.place == "root" else entry.path.parent.parent
    return (root if place == "root" else root / place) / file_name
