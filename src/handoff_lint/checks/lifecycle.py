"""HL4xx: lifecycle checks over the folder index: names, dates, status versus folder, pairing.

``check(index, config)`` returns findings for every document of the root; the engine keeps
those for the files the run was given. Where a handoff belongs (folder and canonical name) is
model/names.py's ``placement``: the checks compare with it, the fixes move files there.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Collection

from handoff_lint.data.config import Config
from handoff_lint.findings import Finding, quoted
from handoff_lint.model.index import Entry, FolderIndex
from handoff_lint.model.names import canonical_name, parse_date, stem
from handoff_lint.model.status import status_folder, tables
from handoff_lint.parse.scanner import link_stem


def _finding(entry, line: int, code: str, message: str, fixable: bool = False, column: int = 1) -> Finding:
    return Finding(entry.display, line, column, code, message, fixable=fixable)


def check_names(entry: Entry) -> list[Finding]:
    found = []
    if entry.kind == "handoff" and entry.slug is None:
        suggestion = canonical_name(entry)
        hint = f"; expected {suggestion}" if suggestion else ""
        found.append(
            _finding(
                entry,
                1,
                "HL401",
                f"handoff name {quoted(entry.name)} is not handoff-YYYY-MM-DD-<slug>.md{hint}",
                bool(suggestion),
            )
        )
    elif entry.kind == "response" and entry.name_date is None:
        found.append(
            _finding(
                entry,
                1,
                "HL402",
                f"response name {quoted(entry.name)} is neither YYYY-MM-DD-response-to-<handoff>.md nor response-YYYY-MM-DD-<slug>.md",
            )
        )
    if entry.name_date is None:
        return found
    name_date = parse_date(entry.name_date)
    if name_date is None:
        found.append(_finding(entry, 1, "HL403", f"date {entry.name_date} in the file name is not a real date"))
    elif entry.date is not None and entry.date != name_date:
        found.append(
            _finding(
                entry,
                entry.line_of("Date"),
                "HL404",
                f"file name says {entry.name_date} but **Date** is {entry.date.isoformat()}",
                entry.kind == "handoff",
            )
        )
    return found


def _closest_handoff(name: str, handoffs: dict[str, str]) -> str | None:
    """The handoff a response most likely meant (a date a day off, a slug misspelt): the same
    slug on another date, else the closest name."""
    slug = name[len("handoff-YYYY-MM-DD-") :]
    same_slug = sorted(other for other in handoffs if other[len("handoff-YYYY-MM-DD-") :] == slug)
    if same_slug:
        return same_slug[0] if len(same_slug) == 1 else None
    import difflib  # only for a response naming a handoff that is not there

    close = difflib.get_close_matches(name, list(handoffs), n=1, cutoff=0.85)
    return close[0] if close else None


def check(index: FolderIndex, config: Config, only=None, names: Collection[str] | None = None) -> list[Finding]:
    """Findings for the documents ``only(display)`` accepts (all of them without it; ``names``:
    the file names of the only documents it can accept, a commit's few); the whole index still
    decides pairing and duplicate slugs, from the documents' rows: the content is read of the
    documents accepted and of the responses that name an accepted handoff."""
    wanted = only or (lambda display: True)
    today = config.today
    table, _names = tables()
    needs_response = {w.casefold() for w in table["meaning"]["needs-response"]} | {
        w.casefold() for w in config.status_words.get("needs-response", ())
    }
    stale_days = config.stale_days if config.stale_days is not None else table["stale-days"]
    row = index.row
    handoff_paths = index.paths("handoff")

    responses = [index.entry(path) for path in index.paths("response", names) if wanted(row(path).display)]
    handoffs = (
        {stem(path): path for path in handoff_paths} if responses else {}
    )  # a commit's run of one handoff needs none
    found: list[Finding] = []
    for response in responses:
        folder = os.path.dirname(response.where)  # os.path, not pathlib: once per response of thousands
        found.extend(check_names(response))
        named = response.handoffs_named()
        missing = [name for name in named if name not in handoffs]
        if missing:
            where = next((r for r in response.references if missing[0] in r.target), None)
            line, column = (where.line, where.column) if where else (1, 1)
            message = f"response names handoff {missing[0]}.md, which is in neither active/ nor archive/"
            near = _closest_handoff(missing[0], handoffs)
            found.append(
                _finding(
                    response, line, "HL406", f"{message}; did you mean {near}.md?" if near else message, column=column
                )
            )
        elif not named:
            found.append(
                _finding(
                    response,
                    1,
                    "HL406",
                    "response names no handoff: link the original in 'Reference to Original Handoff'",
                )
            )
        for reference in response.references:  # named right, linked to where it no longer is
            name = link_stem(reference.target)
            if reference.kind == "link" and name in handoffs and name not in missing:
                pointed = os.path.normpath(os.path.join(folder, reference.target.split("#", 1)[0]))
                if pointed != os.path.normpath(handoffs[name]):
                    found.append(
                        _finding(
                            response,
                            reference.line,
                            "HL406",
                            f"link {quoted(reference.target)} is stale: the handoff is {row(handoffs[name]).display}",
                            True,
                            reference.column,
                        )
                    )

    chosen = [path for path in index.paths("handoff", names) if wanted(row(path).display)]
    answered = index.answering({stem(path) for path in chosen}) if chosen else {}
    for path in chosen:
        handoff = index.entry(path)
        found.extend(check_names(handoff))
        status = (handoff.status or "").strip()
        meaning, belongs = status_folder(status, config)
        status_line = handoff.line_of("Handoff Status")
        if handoff.place == "root":
            found.append(
                _finding(
                    handoff, 1, "HL412", f"handoff at the top of the folder; it belongs in {belongs or 'active'}/", True
                )
            )
        elif belongs and belongs != handoff.place:
            found.append(
                _finding(
                    handoff,
                    status_line,
                    "HL405",
                    f"status {quoted(status)} belongs in {belongs}/, not {handoff.place}/",
                    True,
                )
            )
        answering = [index.entry(response) for response in answered.get(handoff.stem, ())]
        if handoff.place == "archive" and (meaning or "").casefold() in needs_response and not answering:
            found.append(
                _finding(
                    handoff,
                    status_line,
                    "HL407",
                    f"archived as {quoted(status)} but no response in responses/ names {handoff.name}",
                )
            )
        if handoff.place == "active" and belongs != "archive":
            done = [r for r in answering if r.says_done()]
            if done:
                found.append(
                    _finding(
                        handoff,
                        status_line,
                        "HL408",
                        f"{done[0].display} answers this handoff; set its status to Completed and move it to archive/",
                    )
                )
            date = handoff.date or parse_date(handoff.name_date or "")  # an invalid **Date** hides no staleness
            if date is not None and (today - date).days > stale_days and not done:
                found.append(
                    _finding(
                        handoff,
                        handoff.line_of("Date"),
                        "HL410",
                        f"active for {(today - date).days} days (since {date.isoformat()}), over the {stale_days}-day limit",
                    )
                )
    slugs = {row(path).slug for path in chosen if row(path).slug}
    # a slug is part of its file name: a commit's few slugs pass over the other names unparsed
    near = {path for slug in slugs for path in handoff_paths if slug in path} if len(slugs) <= 8 else None
    by_slug: dict[str, list[str]] = defaultdict(list)
    for path in handoff_paths if near is None else [path for path in handoff_paths if path in near]:
        if row(path).slug in slugs:
            by_slug[row(path).slug].append(path)
    chosen_set = set(chosen)
    for slug, same in by_slug.items():
        if len(same) > 1:
            for path in (p for p in same if p in chosen_set):
                others = ", ".join(row(o).display for o in same if o != path)
                found.append(Finding(row(path).display, 1, 1, "HL409", f"slug {quoted(slug)} is also used by {others}"))
    for stray in (s for s in index.strays if wanted(s.display)):
        what = "folder" if stray.is_dir else "file"
        found.append(
            Finding(
                stray.display,
                1,
                1,
                "HL411",
                f"{what} {quoted(stray.path.name)} does not belong in {stray.path.parent.name}/ (markdown documents only)",
            )
        )
    return found
