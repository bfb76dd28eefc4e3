"""The scan of a text: every detector over the lines the gates pick, the cells of the tables
whose header names a secret, and the lines as rendered and their blobs decoded, merged per line.
Each text is scanned once; its hits become the credential findings (checks/credentials.py) and
its secret values (:class:`handoff_lint.detect.values.Known`), by which every string derived
from the text is redacted at the Show seam."""

from __future__ import annotations

import re

from handoff_lint.detect.decode import blobs, marker_lines, original_span, rendered
from handoff_lint.detect.gates import gated_lines, line_passes
from handoff_lint.detect.judge import given_secret, in_token_format, is_public_key, name_says_secret
from handoff_lint.detect.patterns import Hit, own_hits
from handoff_lint.detect.peer import detect_secrets_hits
from handoff_lint.detect.redact import redact

# (0-based line index, start, end, characters a message may show): where a text's secrets are.
# Positions, never values: what the cache keeps of them.
Span = tuple[int, int, int, int]


def _merge(hits: list[Hit]) -> list[Hit]:
    """Hits in order, each dropped when it overlaps one kept before it (sk-ant- is also sk-;
    an assigned token is also an assignment; detect-secrets sees what we saw)."""
    kept: list[Hit] = []
    for hit in hits:
        if not any(hit.start < other.end and other.start < hit.end for other in kept):
            kept.append(hit)
    return kept


# Which of two hits on the same characters is kept: a known format (ours, then detect-secrets')
# before a value judged by the name it is given, before a string judged by its entropy alone;
# the baseline hash is then the one detect-secrets stores for that format.
_PRECEDENCE = {"HL301": 0, "HL302": 0, "HL303": 0, "HL305": 1, "HL304": 2}


def _precedence(hit: Hit) -> int:
    return 3 if hit.label == "high-entropy string" else _PRECEDENCE.get(hit.code, 3)


def line_hits(lines: list[str]) -> list[list[Hit]]:
    """Every detector over each of ``lines`` (candidate lines), merged per line."""
    ours = [own_hits(line) for line in lines]
    theirs = detect_secrets_hits(lines) if lines else []
    return [
        sorted(
            _merge(sorted((hit for hit in a + b if not is_public_key(hit.secret)), key=_precedence)),
            key=lambda hit: hit.start,
        )
        for a, b in zip(ours, theirs, strict=False)
    ]


def hits_by_line(lines: list[str], text: str | None = None) -> list[tuple[int, list[Hit]]]:
    """(0-based index, hits) of the lines of a text that hold a credential. Most texts hold no
    candidate at all, and most lines of the others none: the gates' `str.find` (C speed) picks
    the lines; the regular expressions run only there. Then the cells of the tables whose
    header names a secret, and the lines as rendered and their base64 blobs decoded, each on
    the few lines a cheap test picks. ``text``: the lines joined, if at hand."""
    text = "\n".join(lines) if text is None else text
    candidates, with_run = gated_lines(text, lines)
    picked = sorted(index for index in candidates if index < len(lines))
    found: dict[int, list[Hit]] = {}
    if picked:
        found = {
            index: hits for index, hits in zip(picked, line_hits([lines[i] for i in picked]), strict=False) if hits
        }
        for index, hits in table_hits(lines, picked).items():
            found[index] = _merge(found.get(index, []) + hits)
    for index, hits in decoded_hits(lines, text, with_run).items():
        found[index] = sorted(_merge(found.get(index, []) + hits), key=lambda hit: hit.start)
    return sorted(found.items())


def table_hits(lines: list[str], picked: list[int]) -> dict[int, list[Hit]]:
    """The cells of markdown tables under a header cell that names a secret (`| host | user |
    password |`): each judged as a value given to that name. Read only below a header line the
    gates picked (it names the secret), so that a text with no such header costs nothing."""
    found: dict[int, list[Hit]] = {}
    for index in picked:
        if index + 1 >= len(lines) or "|" not in lines[index] or not is_delimiter_row(lines[index + 1]):
            continue
        columns = {}
        for column, (cell, _start, _end) in enumerate(table_cells(lines[index])):
            name = cell.strip(" *_`:")
            match = _SECRET_HEADER.fullmatch(name)
            if match and name_says_secret(name.replace(" ", "_")):
                columns[column] = (match.group("key"), name)
        if not columns:
            continue
        for row in range(index + 2, len(lines)):
            if "|" not in lines[row] or not lines[row].strip():
                break
            for column, (cell, start, _end) in enumerate(table_cells(lines[row])):
                if column not in columns:
                    continue
                hit = _cell_hit(lines[row], cell, start, *columns[column])
                if hit is not None:
                    found.setdefault(row, []).append(hit)
    return found


def is_delimiter_row(line: str) -> bool:
    """A table's delimiter row: `|---|:---:|`, `--- | ---` (cells of dashes and alignment colons)."""
    body = line.strip()
    if (
        "-" not in body
        or "|" not in body
        or not body.replace("|", "").replace("-", "").replace(":", "").replace(" ", "").replace("\t", "") == ""
    ):
        return False
    cells = body.strip("|").split("|")
    return all(cell.strip().strip(":") and set(cell.strip().strip(":")) == {"-"} for cell in cells)


# A header cell that names a secret: `Password`, `DB password`, `API key`, `Token`; not a
# bare `Key` (a key/value table's names) nor `Password policy` (name_says_secret).
_SECRET_HEADER = re.compile(
    r"(?i)(?<![\w./-])(?:[\w./-]{1,30}[ _-]){0,3}(?P<key>pass(?:word|wd|phrase|code)?|pwd|secret|token"
    r"|api[ _-]?key|access[ _-]?key|secret[ _-]?key|private[ _-]?key|credentials?)s?"
)


def table_cells(line: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of the cells of a markdown table row; an escaped `\\|` splits none."""
    cells, start = [], 0
    body = line.rstrip()
    stripped = body.lstrip()
    if stripped.startswith("|"):
        start = len(body) - len(stripped) + 1
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    index = start
    while index <= len(body):
        if index == len(body) or (body[index] == "|" and body[index - 1 : index] != "\\"):
            cells.append((body[start:index], start, index))
            start = index + 1
        index += 1
    return cells


def _cell_hit(line: str, cell: str, start: int, key: str, name: str) -> Hit | None:
    value = cell.strip()
    if not value:
        return None
    offset = start + cell.index(value)
    quote = ""
    while len(value) > 2 and value[0] == value[-1] and value[0] in "`*_\"'":
        quote = value[0] if value[0] in "`\"'" else quote
        value, offset = value[1:-1], offset + 1
    if in_token_format(value) or not given_secret(key, name, value, quote):
        return None
    return Hit(offset, offset + len(value), "HL304", "secret in a table under its name", value, 0)


def decoded_hits(lines: list[str], text: str, with_run: list[int]) -> dict[int, list[Hit]]:
    """Secrets that show only as rendered (`gh<!-- -->p_...`, `&#103;hp_...`, `%67%68%70...`,
    `ghp_\\-...`) or in a base64 blob; each reported on the characters the text writes."""
    found: dict[int, list[Hit]] = {}
    emphasis = [index for index in with_run if index < len(lines) and ("*" in lines[index] or "~~" in lines[index])]
    shown = []  # (index, rendering, spans) of the lines whose rendering some gate picks
    for index in sorted(set(marker_lines(text)).union(emphasis)):
        if index < len(lines):
            rendering = rendered(lines[index])
            if rendering is not None and line_passes(rendering[0]):
                shown.append((index, *rendering))
    for (index, rendering, spans), hits in zip(
        shown, line_hits([item[1] for item in shown]) if shown else [], strict=False
    ):
        line = lines[index]
        for hit in hits:
            start, end = original_span(spans, hit.start, hit.end)
            if line[start:end] != rendering[hit.start : hit.end]:  # else the line's own scan found it
                shown_hit = hit._replace(start=start, end=end, label=f"{hit.label} (as rendered)")
                found.setdefault(index, []).append(shown_hit)
    for index in with_run:
        if index >= len(lines):
            continue
        line = lines[index]
        for start, end, decoded in blobs(line):
            for part in decoded.split("\n")[:MAX_DECODED_LINES]:
                if line_passes(part):
                    hits = line_hits([part])[0]
                    if hits:
                        blob_hit = hits[0]._replace(start=start, end=end, label=f"{hits[0].label} (base64)")
                        found.setdefault(index, []).append(blob_hit)
                        break
    return found


MAX_DECODED_LINES = 200  # of one blob: a blob is decoded once, and read so far


def spans_of(found: list[tuple[int, list[Hit]]]) -> tuple[Span, ...]:
    """Where the hits of :func:`hits_by_line` are, as plain data."""
    return tuple((index, hit.start, hit.end, hit.keep) for index, hits in found for hit in hits)


def values_at(lines: list[str], spans) -> list[tuple[str, int]]:
    """(secret, characters a message may show) at each span of ``lines``; a span that does not
    fit the lines (another text's) is passed over."""
    values = []
    for index, start, end, keep in spans:
        if 0 <= index < len(lines) and 0 <= start < end <= len(lines[index]):
            values.append((lines[index][start:end], keep))
    return values


def secret_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of everything any enabled credential detector recognises, sorted
    and without overlaps. Cheap on a text no gate picks: no regular expression beyond the shapes
    runs there, and detect-secrets is not imported."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return [
        (starts[index] + hit.start, starts[index] + hit.end)
        for index, hits in hits_by_line(lines, text)
        for hit in hits
    ]


def redact_detected(text: str, keep: int | None = None) -> str:
    """``text`` with every secret any detector recognises in it shown shortened (a short prefix
    of a token and the length; nothing of a password; ``keep`` characters of each when given).
    The Show seam's second net, for strings no scan stands behind (git's messages, exceptions)."""
    lines = text.split("\n")
    found = hits_by_line(lines, text)
    for index, hits in found:
        line = lines[index]
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            line = (
                line[: hit.start]
                + redact(line[hit.start : hit.end], keep=hit.keep if keep is None else keep)
                + line[hit.end :]
            )
        lines[index] = line
    return "\n".join(lines) if found else text
