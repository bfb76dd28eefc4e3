"""The scan of a text: every detector over the lines the gates pick, merged per line. Each text
is scanned once; its hits become the credential findings (checks/credentials.py) and its secret
values (:class:`handoff_lint.detect.values.Known`), by which every string derived from the text
is redacted at the Show seam."""

from __future__ import annotations

from handoff_lint.detect.gates import candidate_lines
from handoff_lint.detect.judge import is_public_key
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


def line_hits(lines: list[str]) -> list[list[Hit]]:
    """Every detector over each of ``lines`` (candidate lines), merged per line."""
    ours = [own_hits(line) for line in lines]
    theirs = detect_secrets_hits(lines) if lines else []
    return [_merge([hit for hit in a + b if not is_public_key(hit.secret)]) for a, b in zip(ours, theirs)]


def hits_by_line(lines: list[str], text: str | None = None) -> list[tuple[int, list[Hit]]]:
    """(0-based index, hits) of the lines of a text that hold a credential. Most texts hold no
    candidate at all, and most lines of the others none: the gates' `str.find` (C speed) picks
    the lines; the regular expressions run only there. ``text``: the lines joined, if at hand."""
    picked = sorted(candidate_lines("\n".join(lines) if text is None else text))
    if not picked:
        return []
    return [(index, hits) for index, hits in zip(picked, line_hits([lines[i] for i in picked])) if hits]


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
    return [(starts[index] + hit.start, starts[index] + hit.end) for index, hits in hits_by_line(lines, text) for hit in hits]


def redact_detected(text: str, keep: int | None = None) -> str:
    """``text`` with every secret any detector recognises in it shown shortened (a short prefix
    of a token and the length; nothing of a password; ``keep`` characters of each when given).
    The Show seam's second net, for strings no scan stands behind (git's messages, exceptions)."""
    lines = text.split("\n")
    found = hits_by_line(lines, text)
    for index, hits in found:
        line = lines[index]
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            line = line[: hit.start] + redact(line[hit.start:hit.end], keep=hit.keep if keep is None else keep) + line[hit.end:]
        lines[index] = line
    return "\n".join(lines) if found else text
