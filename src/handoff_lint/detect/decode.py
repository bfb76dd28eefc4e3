"""A line as a reader sees it: what markdown and a browser render of it (percent-encoding, HTML
entities, markdown escapes; inline markup, HTML comments and invisible characters inside a
token removed), and the base64 blobs in it decoded once. Each character of the rendering keeps
the span of the line it came from, so that a secret found in the rendering is reported, and
redacted, where the text writes it (the encoded characters: detect/values.py then hides that
form wherever it reappears).

Both run only on the few lines a cheap test picks: a marker (`%`, `&`, `<`, `\\`, an invisible
character) the rendering would change, or a long run of token characters (detect/gates.py:
run_lines), where a blob or a token broken by emphasis (`*`, `~~`) may be."""

from __future__ import annotations

import re

# What a renderer turns into something else: an HTML comment, an inline tag, an entity, a
# percent-encoded byte, a markdown escape, emphasis markers between two token characters
# (`ghp_AbC**dEf**`, rendered `ghp_AbCdEf` in bold).
_PIECE = re.compile(
    r"<!--.{0,200}?-->"
    r"|</?(?:b|i|em|strong|code|span|kbd|s|u|sub|sup|mark|del|ins|small|tt|wbr|font)\b[^<>\n]{0,200}>"
    r"|&#[0-9]{1,7};|&#[xX][0-9A-Fa-f]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};"
    r"|(?:%[0-9A-Fa-f]{2})+"
    r"|\\[!-/:-@\[-`{-~]"
    r"|(?<=[A-Za-z0-9_-])(?:\*{1,3}|~~)(?=[A-Za-z0-9_-])"
    r"|[\u200b-\u200d\u2060\ufeff\u00ad]+"
)
# Characters a reader never sees: zero-width spaces and joiners, the word joiner, a byte-order
# mark, a soft hyphen. Inside a token they hide it from a pattern and not from the reader.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Found with `str.find` in the whole text; emphasis (`*`, `~~`) only on the lines with a run of
# token characters (detect/gates.py counts the markers as such): a token it breaks is one.
_MARKERS = ("%", "&", "<", "\\", *_INVISIBLE)
_EMPHASIS = ("*", "~~")


_HEX = frozenset("0123456789abcdefABCDEF")


def _renders_otherwise(text: str, at: int, marker: str) -> bool:
    """Does the marker at ``at`` start something a rendering changes (a cheap look at what
    follows it; the rendering itself decides)? `50% of runs` does not."""
    after = text[at + 1 : at + 2]
    if marker == "%":
        return after in _HEX and text[at + 2 : at + 3] in _HEX and after != ""
    if marker == "&":
        return after == "#" or after.isalpha()
    if marker == "<":
        return after in ("!", "/") or after.isalpha()
    if marker == "\\":
        return after != "" and not after.isalnum() and not after.isspace()
    return marker in _INVISIBLE


def marker_lines(text: str) -> list[int]:
    """0-based indices of the lines of ``text`` holding a marker a rendering may change: found
    with `str.find` (C speed); the common text holds a few (`50%`, `R&D`), which a look at what
    follows passes over."""
    positions: list[int] = []
    for marker in _MARKERS if not text.isascii() else _MARKERS[:4]:  # the invisible ones are not ASCII
        at = text.find(marker)
        while at != -1:
            if _renders_otherwise(text, at, marker):
                positions.append(at)
            at = text.find(marker, at + len(marker))
    if not positions:
        return []
    positions.sort()
    found: list[int] = []
    line = last = 0
    for position in positions:
        line += text.count("\n", last, position)
        last = position
        if not found or found[-1] != line:
            found.append(line)
    return found


def _replacement(piece: str) -> str:
    if piece.startswith(("<", "*", "~")) or piece[0] in _INVISIBLE:
        return ""  # markup, a comment, an invisible character: rendered as nothing
    if piece.startswith("&"):
        import html

        return "".join(char for char in html.unescape(piece) if char not in _INVISIBLE)
    if piece.startswith("%"):
        from urllib.parse import unquote

        return unquote(piece, errors="surrogateescape")
    return piece[1:]  # `\-` renders `-`


def rendered(line: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``line`` as rendered, with for each of its characters the span of ``line`` it came from;
    None when the rendering is the line itself."""
    if not any(marker in line for marker in _MARKERS + _EMPHASIS):
        return None
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _PIECE.finditer(line):
        for index in range(last, match.start()):
            out.append(line[index])
            spans.append((index, index + 1))
        replacement = _replacement(match.group(0))
        out.append(replacement)
        spans.extend([(match.start(), match.end())] * len(replacement))
        last = match.end()
    if last == 0:
        return None
    for index in range(last, len(line)):
        out.append(line[index])
        spans.append((index, index + 1))
    text = "".join(out)
    return (text, spans) if text != line else None


def original_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of the line that the rendering's ``start:end`` came from."""
    return spans[start][0], spans[end - 1][1]


# Base64 (standard or URL-safe) long enough to hold a token: 32 characters (24 bytes) or more;
# a longer blob is decoded up to MAX_BLOB characters (a whole line's rendering has no bound: it is
# linear, and a hostile author could hide a token at the end of a long line).
_BLOB = re.compile(r"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,}={0,2}")
MAX_BLOB = 1_000_000


def blobs(line: str) -> list[tuple[int, int, str]]:
    """(start, end, decoded text) of each base64 blob in ``line`` that decodes to text: mixed
    case and digits, a valid length, the decoded bytes UTF-8 and nearly all printable."""
    import base64
    import binascii

    found = []
    if line.islower() or line.isupper():
        return found  # a blob holds both cases: a file name, a slug or a hex digest holds one
    for match in _BLOB.finditer(line):
        run = match.group(0)
        if not (any(c.isupper() for c in run) and any(c.islower() for c in run) and any(c.isdigit() for c in run)):
            continue
        body = run.rstrip("=")[:MAX_BLOB]
        body = body[: len(body) - len(body) % 4] if len(body) % 4 == 1 else body
        try:
            data = base64.b64decode(body.replace("-", "+").replace("_", "/") + "=" * (-len(body) % 4), validate=True)
            decoded = data.decode("utf-8")
        except (ValueError, binascii.Error, UnicodeDecodeError):
            continue
        printable = sum(1 for char in decoded if char.isprintable() or char in "\t\n\r")
        if decoded and printable >= len(decoded) * 0.95:
            found.append((match.start(), match.end(), decoded))
    return found
