"""Generate a next-local folder of real-style writing for benchmarks, from hand-written documents.

    python bench/generate.py --style real --handoffs 2000 --out /tmp/real-folder --stats
    python bench/generate.py --style real --handoffs 2000 --out /tmp/real-folder --source ../workspace-transfer

The synthetic folder (bench/generate.py) repeats six sentences: no line of it passes a credential
gate, while 2.5 to 3.5% of the lines of real handoffs mention keys, tokens, passwords or APIs. This
folder is made of real writing instead. Sources (read, never copied whole):

- the clean documents of the fidelity corpus (tests/data/fidelity/, those labels.toml gives no
  defect), and bench/real_prose/*.md: handoffs (``handoff-*``), responses (``response-*``), other
  model-written notes (``notes-*``) and ``mentions.md``, short blocks that mention credentials the
  way real writing does (mostly no secret: "rotate the API key", "a token budget of 4k");
- with ``--source DIR`` (repeatable), every markdown file under DIR as well, e.g. a clone of the
  public repository that uses this protocol: its handoffs and responses become skeletons, the
  rest gives paragraphs. Their text is data for the folder; none of it is stored here.

Each handoff takes a source handoff as its skeleton (title, metadata and heading style, status
line), is re-named (``handoff-YYYY-MM-DD-<slug>.md``, slugs unique) and re-dated, and each section
either keeps the skeleton's own blocks or takes blocks of the same kind of section from other
sources (paragraphs, nested lists, fences inside lists, block quotes, tables). ~30% sit in
active/ with an open status, the rest in archive/ completed, each with a response
``YYYY-MM-DD-response-to-<handoff>.md`` in responses/ built the same way and linking back.
Mention blocks are inserted until the share of lines a credential gate picks
(``handoff_lint.detect.gates.candidate_lines``) is the target, 3%, over the folder. About
one document in 200 gets a real-format random secret and one in 200 a path into a home folder:
the errors a guard exists to find. Blocks in which handoff-lint finds a secret, a private path or
host, or template text are left out of the sources, so the other documents stay clean.

Deterministic for a seed and its sources. ``--stats`` reads the folder back and prints the share
of gate-passing lines it measures and the documents seeded with a secret or a private path.
"""

from __future__ import annotations

import datetime
import functools
import random
import re
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

TOP = Path(__file__).resolve().parents[1]
FIDELITY = TOP / "tests" / "data" / "fidelity"
OWN = Path(__file__).resolve().with_name("real_prose")
TEMPLATE = TOP / "examples" / "next-local" / "handoff-template.md"
TARGET = 0.03  # share of lines a credential gate picks, over the folder
SEEDED_EVERY = 200  # about one document in this many gets a secret, and one a private path

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
SECTION = re.compile(r"^##(?!#)\s")
SUBHEADING = re.compile(r"^#{3,6}\s")
STATUS = re.compile(r"(?i)handoff status")
STATUS_VALUE = re.compile(r"(?i)^(.*?handoff status(?:\*\*)?\s*:?\s*(?:\*\*)?\s*)(.*?)(\s*)$")
BARE_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
HANDOFF_NAME = re.compile(r"handoff-\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*")
RELATIVE_LINK = re.compile(r"\[([^\]\n]*)\]\((?!https?:|mailto:|#)[^)\s]*\)")
HOME = re.compile(r"(?:/home|/Users|/mnt/[a-z]/Users)/[\w.-]+/|[A-Za-z]:\\\\?Users\\\\?[\w.-]+\\\\?")

# section headings, lower-cased, emoji and numbering left out -> the kind of section
HANDOFF_KINDS = (
    ("context", "context"),
    ("background", "context"),
    ("task", "task"),
    ("resource", "resource"),
    ("privacy", "resource"),
    ("constraint", "resource"),
    ("progress", "progress"),
    ("state", "progress"),
    ("deliverable", "deliverables"),
    ("preference", "preferences"),
    ("model", "preferences"),
    ("reference", "references"),
    ("link", "references"),
    ("blocker", "notes"),
    ("note", "notes"),
    ("checklist", "notes"),
)
RESPONSE_KINDS = (
    ("original", "original"),
    ("reference", "original"),
    ("constraint", "met"),
    ("work", "work"),
    ("deliverable", "delivered"),
    ("usage", "usage"),
    ("resource", "usage"),
    ("recommend", "recommendations"),
    ("next step", "recommendations"),
    ("issue", "work"),
    ("note", "recommendations"),
)

VERBS = (
    "summarise",
    "classify",
    "extract",
    "label",
    "dedupe",
    "translate",
    "cluster",
    "tag",
    "convert",
    "normalise",
    "triage",
    "review",
    "index",
    "draft",
    "score",
    "group",
    "profile",
    "rename",
    "migrate",
    "benchmark",
    "audit",
    "rotate",
    "embed",
    "transcribe",
    "validate",
    "sort",
    "redact",
    "compare",
)
OBJECTS = (
    "incident-notes",
    "support-emails",
    "commit-messages",
    "error-messages",
    "release-notes",
    "api-changelog",
    "test-tracebacks",
    "build-logs",
    "survey-answers",
    "docstrings",
    "glossary",
    "metrics-csv",
    "alert-rules",
    "crash-reports",
    "feature-flags",
    "token-usage-logs",
    "dependency-list",
    "invoice-pdfs",
    "meeting-transcripts",
    "wiki-pages",
    "log-templates",
    "config-files",
    "onboarding-docs",
    "faq-answers",
    "user-feedback",
    "sql-queries",
    "thumbnails",
    "fixtures",
    "sensor-readings",
    "api-keys-inventory",
    "auth-logs",
    "webhook-payloads",
)
QUALIFIERS = ("", "", "", "q3", "batch-2", "for-v5", "backlog", "nightly", "legacy", "eu", "weekly", "2025", "staging")
ACTIVE_STATUSES = (
    "Ready for local model pickup",
    "🟢 Ready for local model pickup",
    "Ready",
    "Ready for pickup",
    "In progress",
    "In progress (picked up by {model})",
    "Blocked - waiting for the input export",
    "🟡 In progress",
    "Open",
)
ARCHIVE_STATUSES = (
    "Completed",
    "✅ Complete (archived {date})",
    "Done",
    "Finished",
    "Completed - see responses/{response}",
    "Archived",
    "Complete",
    "✅ Completed",
)
MODELS = ("mistral-7b", "llama-3.1-8b", "qwen2.5-7b", "phi-3-mini", "gemma-2-9b")

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
HOME_OWNERS = ("jsmith", "mkowalski", "anna.berg", "tnguyen", "rpatel", "lucia", "okafor", "dvoss")


def _random(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


# Real formats, random bodies: what a guard must catch. Built here, never stored.
SECRETS = (
    lambda r: f"```sh\nexport HF_TOKEN=hf_{_random(r, ALNUM, 34)}\npython embed.py --model bge-small\n```",
    lambda r: f"- Mirror access (temporary): `ghp_{_random(r, ALNUM, 36)}`",
    lambda r: f"```ini\n[default]\naws_access_key_id = AKIA{_random(r, UPPER, 16)}\nregion = eu-west-1\n```",
    lambda r: f"The warehouse is at `postgresql://etl:{_random(r, ALNUM, 20)}@warehouse.example.com:5432/metrics`.",
    lambda r: (
        "```bash\ncurl https://api.openai.com/v1/models \\\n"
        f'  -H "Authorization: Bearer sk-proj-{_random(r, ALNUM, 48)}"\n```'
    ),
    lambda r: f"> Slack bot for the alerts channel: xoxb-{r.randint(10**10, 10**11)}-{_random(r, ALNUM, 24)}",
)
PRIVATE_PATHS = (
    lambda r, who: f"- Input exports: `/home/{who}/exports/support-{r.randint(2023, 2025)}/`",
    lambda r, who: f"The notebook is in /Users/{who}/Documents/notebooks/triage-{r.randint(1, 9)}.ipynb for now.",
    lambda r, who: f"- **Output**: `C:\\Users\\{who}\\Desktop\\results-{r.randint(1, 99)}.csv`",
)


class Chunk(NamedTuple):
    text: str
    lines: int
    gated: int  # lines of it a credential gate picks


class Section(NamedTuple):
    heading: str
    kind: str
    gap: bool  # a blank line between heading and body
    chunks: tuple[Chunk, ...]
    rule: bool  # the body ends with a `---` line


class Skeleton(NamedTuple):
    header: tuple[str, ...]
    sections: tuple[Section, ...]
    footer: tuple[str, ...]
    crlf: bool


class Sources(NamedTuple):
    handoffs: list[Skeleton]
    responses: list[Skeleton]
    pool: dict[str, list[Chunk]]  # kind of section -> blocks; "prose": from any document
    mentions: list[Chunk]
    readme: str


# --- reading the sources ------------------------------------------------------------------------


def _require_handoff_lint() -> None:
    """The real style measures lines with handoff-lint's own gates: say so if it cannot be imported."""
    try:
        import handoff_lint  # noqa: F401
    except ModuleNotFoundError:
        raise SystemExit(
            f"generate_real: the real style needs handoff-lint importable by {sys.executable} "
            "(pip install -e ., or PYTHONPATH=src)"
        ) from None


@functools.cache
def _gates():
    _require_handoff_lint()
    from handoff_lint.detect.gates import candidate_lines

    return candidate_lines


def line_count(text: str) -> int:
    """Lines as an editor counts them (a final newline ends the last line, it starts none)."""
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def chunk(text: str) -> Chunk:
    return Chunk(text, line_count(text), len(_gates()(text)))


def _kind(heading: str, table) -> str:
    words = re.sub(r"[^a-z ]+", " ", heading.lower())
    return next((kind for word, kind in table if word in words), "prose")


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the blocks of ``lines``: runs between blank lines outside fences, each
    ###-heading glued to what follows it up to the next one, an indented run to the one before."""
    blocks, start, fenced = [], None, False
    for number, line in enumerate(lines + [""]):
        if FENCE.match(line):
            fenced = not fenced
        if line.strip() or fenced:
            start = number if start is None else start
        elif start is not None:
            blocks.append((start, number))
            start = None
    glued: list[tuple[int, int]] = []
    for start, end in blocks:
        continues = lines[start][:1].isspace()  # an indented block continues the list item before it
        if glued and (continues or SUBHEADING.match(lines[glued[-1][0]]) and not SUBHEADING.match(lines[start])):
            glued[-1] = (glued[-1][0], end)
        else:
            glued.append((start, end))
    return glued


def parse(
    text: str, kinds, flagged: set[int] = frozenset(), notes: bool = False
) -> tuple[Skeleton | None, list[tuple[str, str]]]:
    """The skeleton of a document and its blocks as (section kind, text), without the blocks that
    hold a ``flagged`` line (0-based); no skeleton when its title, metadata or status line holds one."""
    crlf = "\r\n" in text
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    starts, fenced = [], False
    for number, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and SECTION.match(line):
            starts.append(number)
    last = starts[-1] if starts else 0
    status = max((n for n, line in enumerate(lines) if n >= last and STATUS.search(line)), default=None)
    end = len(lines)
    if status is not None:
        end = status
        while end > 0 and (not lines[end - 1].strip() or lines[end - 1].strip() == "---"):
            end -= 1
    header_end = starts[0] if starts else end
    sections, blocks = [], []
    for index, first in enumerate(starts):
        last = starts[index + 1] if index + 1 < len(starts) else end
        body = lines[first + 1 : last]
        rule = False
        while body and (not body[-1].strip() or body[-1].strip() == "---"):
            rule = rule or body[-1].strip() == "---"
            body.pop()
        gap = bool(body) and not body[0].strip()
        kind = _kind(lines[first], kinds)
        spans = [(s, e) for s, e in _blocks(body) if not flagged.intersection(range(first + 1 + s, first + 1 + e))]
        chunks = tuple(chunk("\n".join(body[s:e])) for s, e in spans)
        blocks += [(kind, c.text) for c in chunks]
        sections.append(Section(lines[first], kind, gap, chunks, rule))
    header = lines[:header_end]
    while header and not header[-1].strip():
        header.pop()
    if not starts and notes:  # notes without sections: their blocks after the title are prose
        blocks += [
            ("prose", "\n".join(lines[s:e]))
            for s, e in _blocks(lines[:end])[1:]
            if not flagged.intersection(range(s, e))
        ]
    if flagged.intersection(range(header_end)) or flagged.intersection(range(end, len(lines))):
        return None, blocks
    return Skeleton(tuple(header), tuple(sections), tuple(lines[end:]), crlf), blocks


def _flagged_lines(text: str) -> set[int]:
    """0-based lines in which handoff-lint finds a secret, a private path, host, address or
    e-mail, or template placeholder text: material a clean document must not take."""
    _require_handoff_lint()
    from handoff_lint.checks import credentials, privacy
    from handoff_lint.data.config import Config
    from handoff_lint.data.rules_data import load_table
    from handoff_lint.model.kinds import SourceFile
    from handoff_lint.model.source import Source

    source = Source(SourceFile("source.md", "source.md", "unclassified", None), text)
    config = Config()
    flagged = {finding.line - 1 for finding in credentials.check(source, config) + privacy.check(source, config)}
    placeholders = [re.compile(entry["pattern"]) for entry in load_table("placeholders")["placeholder"]]
    fenced = False
    for number, line in enumerate(text.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        bare = re.sub(r"`[^`]*`", "``", line)
        if not fenced and any(pattern.search(bare) for pattern in placeholders):
            flagged.add(number)
    return flagged


def _clean(text: str) -> str:
    """Home folders become relative paths; relative links keep their text only (their targets
    are not in the generated folder)."""
    return RELATIVE_LINK.sub(r"\1", HOME.sub("", text))


def _document_kind(path: Path, text: str) -> str:
    name = path.name.lower()
    title = next((line for line in text.splitlines() if line.startswith("# ")), "").lower()
    if "template" in name or "readme" in name:
        return "other"
    if "local handoff" in title and STATUS.search(text):  # not next-larger's: this folder is next-local
        return "handoff"
    if "response" in name or "response" in title or name.startswith("response"):
        return "response"
    return "other"


def _bold_dated(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    plain_headings = "response" in path.name or ("\n## Context Summary" in text and "\n## Task Description" in text)
    return not text.startswith("---") and "\n**Date**:" in text and plain_headings


def source_files(extra: list[Path]) -> list[tuple[Path, str]]:
    """(path, kind) of every source document: the fidelity corpus's clean ones, bench/real_prose,
    then every markdown file under each ``extra`` folder."""
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    labels = tomllib.loads((FIDELITY / "labels.toml").read_text(encoding="utf-8"))["documents"]
    found = []
    for name, entry in sorted(labels.items()):
        folder, _, inside = name.partition("/")  # next-larger's documents follow another protocol
        path = FIDELITY / folder / inside
        # the generator re-dates **Date** lines and splices blocks: documents whose metadata is in
        # front matter or a table, or not bold, are read right but would be re-dated wrong
        if folder == "next-local" and not entry["defects"] and not inside.startswith("examples/") and _bold_dated(path):
            found.append((path, "response" if inside.startswith("responses/") else "handoff"))
    for path in sorted(OWN.glob("*.md")):
        kind = {"handoff": "handoff", "response": "response", "notes": "other", "mentions": "mentions"}.get(
            path.stem.split("-")[0]
        )
        if kind:  # README.md says what the folder is; folder-readme.md is the generated folder's README
            found.append((path, kind))
    for folder in extra:
        for path in sorted(folder.rglob("*.md")):
            if ".git" not in path.parts and path.is_file():
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                found.append((path, _document_kind(path, text)))
    return found


def load_sources(extra: list[Path] = ()) -> Sources:
    handoffs, responses, mentions = [], [], []
    pool: dict[str, list[Chunk]] = {}
    seen: set[str] = set()
    for path, kind in source_files(list(extra)):
        text = _clean(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        if kind == "mentions":
            flagged = _flagged_lines(text)  # a mention handoff-lint reads as a secret is left out
            for start, end in _blocks(text.rstrip("\n").split("\n")):
                block = chunk("\n".join(text.split("\n")[start:end]))
                if block.gated == 0:
                    raise SystemExit(f"generate_real: a block of {path} passes no credential gate:\n{block.text}")
                if not flagged.intersection(range(start, end)):
                    mentions.append(block)
            continue
        kinds = RESPONSE_KINDS if kind == "response" else HANDOFF_KINDS
        skeleton, blocks = parse(text, kinds, _flagged_lines(text), kind == "other")
        for section_kind, block_text in blocks:
            if block_text in seen or block_text.strip() in ("", "---") or HANDOFF_NAME.search(block_text):
                continue  # a block naming a handoff would name one the folder does not have
            seen.add(block_text)
            into = section_kind if kind in ("handoff", "response") else "prose"
            if kind == "response" and into == "original":
                continue  # names its own handoff
            pool.setdefault(into, []).append(chunk(block_text))
        if skeleton is not None and (kind == "response" or kind == "handoff" and skeleton.sections):
            (handoffs if kind == "handoff" else responses).append(skeleton)
    readme = (OWN / "folder-readme.md").read_text(encoding="utf-8")
    return Sources(handoffs, responses, pool, mentions, readme)


# --- writing a document --------------------------------------------------------------------------


class Ledger:
    """Lines written and lines a gate picks, so far: what the next document's share aims for."""

    def __init__(self) -> None:
        self.lines = 0
        self.gated = 0

    def above(self) -> bool:
        return self.gated > TARGET * self.lines

    def wanted(self, lines: int, gated: int) -> float:
        return TARGET * (self.lines + lines) - (self.gated + gated)


def _draw(rng: random.Random, sources: Sources, kind: str, ledger: Ledger) -> Chunk:
    pool = sources.pool.get(kind) or sources.pool["prose"]
    if rng.random() < 0.15 and sources.pool.get("prose"):
        pool = sources.pool["prose"]
    if ledger.above():  # over the target already: no more gated lines from the prose
        quiet = [c for c in pool if not c.gated]
        pool = quiet or pool
    return rng.choice(pool)


def _bodies(rng: random.Random, skeleton: Skeleton, sources: Sources, ledger: Ledger) -> list[list[Chunk]]:
    bodies, used = [], {c for s in skeleton.sections for c in s.chunks}
    for section in skeleton.sections:
        if section.kind == "original" or not section.chunks or rng.random() < 0.4:
            bodies.append(list(section.chunks))
            continue
        count = max(1, len(section.chunks) + rng.choice((-1, 0, 0, 1, 2)))
        body: list[Chunk] = []
        for _ in range(count * 2):  # a block the document has already is drawn again
            block = _draw(rng, sources, section.kind, ledger)
            if block not in used:
                body.append(block)
                used.add(block)
            if len(body) == count:
                break
        bodies.append(body or list(section.chunks))
    return bodies


def _render(skeleton: Skeleton, header: list[str], bodies: list[list[Chunk]], footer: list[str]) -> str:
    out = list(header) + [""]
    for section, body in zip(skeleton.sections, bodies, strict=False):
        out.append(section.heading)
        if section.gap:
            out.append("")
        for index, block in enumerate(body):
            out += ([""] if index else []) + block.text.split("\n")
        out += [""] + (["---", ""] if section.rule else [])
    out += footer
    text = "\n".join(out).rstrip("\n") + "\n"
    return text.replace("\n", "\r\n") if skeleton.crlf else text


def _retitle(line: str, title: str) -> str:
    if ":" in line:
        return line[: line.index(":") + 1] + " " + title
    return "# " + title


def _redate(lines, date: str, stem: str | None) -> list[str]:
    out = []
    for line in lines:
        line = BARE_DATE.sub(date, line)
        if stem is not None:
            line = HANDOFF_NAME.sub(stem, line)
        out.append(line)
    return out


def _insert(rng: random.Random, bodies: list[list[Chunk]], skeleton: Skeleton, block: Chunk) -> bool:
    places = [i for i, s in enumerate(skeleton.sections) if s.kind != "original" and bodies[i]]
    if not places:
        return False
    body = bodies[rng.choice(places)]
    body.insert(rng.randint(0, len(body)), block)
    return True


def compose(
    rng: random.Random,
    skeleton: Skeleton,
    sources: Sources,
    ledger: Ledger,
    title: str,
    date: str,
    stem: str | None,
    status: str | None,
    seeded: list[str],
) -> str:
    """One document from a skeleton: re-titled, re-dated, its sections' blocks drawn, then
    mention blocks until the folder's share of gated lines is at the target."""
    header = _redate(skeleton.header, date, stem)
    for number, line in enumerate(header):
        if line.startswith("# "):
            header[number] = _retitle(line, title)
            break
    if (
        stem is not None
        and not any(stem in line for line in header)
        and not any(stem in c.text for s in skeleton.sections if s.kind == "original" for c in s.chunks)
    ):
        header[1:1] = ["", f"In response to [{stem}.md](../archive/{stem}.md)"]
    footer = _redate(skeleton.footer, date, stem)
    if status is not None:
        footer = [
            STATUS_VALUE.sub(lambda m: m.group(1) + status + m.group(3), line) if STATUS.search(line) else line
            for line in footer
        ]
    bodies = _bodies(rng, skeleton, sources, ledger)
    if stem is not None:
        bodies = [
            [chunk(HANDOFF_NAME.sub(stem, c.text)) if s.kind == "original" else c for c in body]
            for s, body in zip(skeleton.sections, bodies, strict=False)
        ]
    for kind, makers in (("secret", SECRETS), ("private path", PRIVATE_PATHS)):
        if rng.random() < 1 / SEEDED_EVERY:
            made = rng.choice(makers)
            text = made(rng) if kind == "secret" else made(rng, rng.choice(HOME_OWNERS))
            if _insert(rng, bodies, skeleton, chunk(text)):
                seeded.append(kind)
    text = _render(skeleton, header, bodies, footer)
    lines, gated = line_count(text), len(_gates()(text))
    unused = list(sources.mentions)
    while unused and ledger.wanted(lines, gated) >= rng.uniform(0.3, 3.0):
        block = unused.pop(rng.randrange(len(unused)))  # no document says the same thing twice
        if not _insert(rng, bodies, skeleton, block):
            break
        lines, gated = lines + block.lines + 1, gated + block.gated
    text = _render(skeleton, header, bodies, footer)
    ledger.lines += lines
    ledger.gated += gated
    return text


# --- the folder ---------------------------------------------------------------------------------


def _slug(rng: random.Random, taken: set[str]) -> str:
    parts = [rng.choice(VERBS), rng.choice(OBJECTS)]
    qualifier = rng.choice(QUALIFIERS)
    slug = "-".join(parts + ([qualifier] if qualifier else []))
    base, part = slug, 2
    while slug in taken:
        slug, part = f"{base}-part-{part}", part + 1
    taken.add(slug)
    return slug


def _title(slug: str) -> str:
    words = slug.replace("-part-", " part ").split("-")
    text = " ".join(words).replace("api ", "API ").replace("csv", "CSV").replace("faq", "FAQ").replace("sql", "SQL")
    return text[0].upper() + text[1:]


class Written(NamedTuple):
    root: Path
    files: int
    seeded: dict[str, str]  # path relative to the root -> "secret", "private path" or both, joined by " and "


def write_folder(handoffs: int, out: Path, seed: int = 1, extra: list[Path] = ()) -> Written:
    rng = random.Random(seed)
    sources = load_sources(list(extra))
    root = out / "models" / "next-local"
    for name in ("active", "archive", "responses", "examples"):
        (root / name).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATE, root / "handoff-template.md")
    if sources.readme:
        (root / "README.md").write_text(sources.readme, encoding="utf-8")
    for example in sorted((FIDELITY / "next-local" / "examples").glob("*.md")):
        shutil.copyfile(example, root / "examples" / example.name)
    files = 2 + len(list((root / "examples").iterdir()))
    ledger, taken, seeded = Ledger(), set(), {}
    start = datetime.date(2024, 1, 1)
    per_day = max(1, handoffs // 700)  # about two years of work, several handoffs a day when many
    for index in range(handoffs):
        date = start + datetime.timedelta(days=(index // per_day) % 900)
        slug = _slug(rng, taken)
        stem = f"handoff-{date}-{slug}"
        active = rng.random() < 0.3
        answered = date + datetime.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
        response_name = f"{answered}-response-to-{stem}.md"
        pattern = rng.choice(ACTIVE_STATUSES if active else ARCHIVE_STATUSES)
        status = pattern.format(model=rng.choice(MODELS), date=answered, response=response_name)
        marks: list[str] = []
        text = compose(rng, rng.choice(sources.handoffs), sources, ledger, _title(slug), str(date), None, status, marks)
        where = f"{'active' if active else 'archive'}/{stem}.md"
        (root / where).write_text(text, encoding="utf-8", newline="")
        if marks:
            seeded[where] = " and ".join(marks)
        files += 1
        if not active:
            marks = []
            skeleton = rng.choice(sources.responses)
            text = compose(rng, skeleton, sources, ledger, _title(slug), str(answered), stem, None, marks)
            where = f"responses/{response_name}"
            (root / where).write_text(text, encoding="utf-8", newline="")
            if marks:
                seeded[where] = " and ".join(marks)
            files += 1
    return Written(root, files, seeded)


def measure(folder: Path) -> dict:
    """Lines and gate-passing lines of every markdown file under ``folder``, read back."""
    candidate_lines = _gates()
    files = lines = gated = 0
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        files += 1
        lines += line_count(text)
        gated += len(candidate_lines(text))
    return {"files": files, "lines": lines, "gated": gated, "share": gated / lines if lines else 0.0}
