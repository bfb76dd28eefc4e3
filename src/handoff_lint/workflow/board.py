"""``handoff-lint status``: the board of a handoff folder, one row per handoff."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from handoff_lint.data.config import Config
from handoff_lint.model.index import FolderIndex
from handoff_lint.model.status import status_folder
from handoff_lint.show import shown

NAME_COLUMN = 60  # characters of the file name column, at most
CELL = 200  # characters of a board cell (a title is one line of a document: it may be 2 MB)

# state -> (heading, colour); the order is the board's
STATES = {
    "awaiting pickup": "yellow",
    "in progress": "cyan",
    "blocked": "red",
    "awaiting archive": "magenta",
    "misplaced": "red",
    "archived": "green",
    "cancelled": "bright_black",
    "response to a missing handoff": "red",  # a response whose handoff is in neither folder (HL406)
}


@dataclass
class Row:
    state: str
    handoff: str  # path as displayed
    title: str
    status: str
    priority: str
    date: str
    age_days: int | None
    response: str | None


def state_of(place: str, status: str, folder: str | None, answered: bool) -> str:
    """``status``: the status word the written one means (see lifecycle.status_folder)."""
    if place == "archive":
        return "cancelled" if status.casefold() == "cancelled" else "archived"
    if place == "root" or folder == "archive":
        return "misplaced" if place == "root" else "awaiting archive"
    if answered:
        return "awaiting archive"
    return {"in progress": "in progress", "blocked": "blocked"}.get(status.casefold(), "awaiting pickup")


def _meaning(status: str, config: Config) -> tuple[str, str | None]:
    """(the status word ``status`` means, or itself; the folder it belongs in)."""
    meaning, folder = status_folder(status, config)
    return meaning or status, folder


def rows(index: FolderIndex, config: Config) -> list[Row]:
    answers = index.answers()
    known = index.secrets()
    board = []
    for handoff in index.handoffs():
        status = (handoff.status or "").strip()
        responses = answers.get(handoff.stem, [])
        finished = [r for r in responses if r.says_done()]
        date = handoff.date
        # every cell through the Show seam: a title's OSC sequence (click strips only CSI) must
        # reach the terminal escaped, a credential redacted
        board.append(
            Row(
                state=state_of(handoff.place, *_meaning(status, config), bool(finished)),
                handoff=shown(handoff.display, known=known),
                title=shown((handoff.title or "").split(":", 1)[-1].strip(), CELL, known),
                status=shown(status or "?", CELL, known),
                priority=shown((handoff.value("Priority") or "?").strip(), CELL, known),
                date=date.isoformat() if date else shown(handoff.value("Date") or "?", CELL, known),
                age_days=(config.today - date).days if date else None,
                response=shown(responses[0].display, known=known) if responses else None,
            )
        )
    stems = {handoff.stem for handoff in index.handoffs()}
    for response in index.responses():  # the board shows them too, not only `check` (HL406)
        for name in dict.fromkeys(n for n in response.handoffs_named() if n not in stems):
            date = response.date
            board.append(
                Row(
                    state="response to a missing handoff",
                    handoff=shown(f"{name}.md", CELL, known),
                    title=shown((response.title or "").split(":", 1)[-1].strip(), CELL, known),
                    status="?",
                    priority="?",
                    date=date.isoformat() if date else shown(response.value("Date") or "?", CELL, known),
                    age_days=(config.today - date).days if date else None,
                    response=shown(response.display, known=known),
                )
            )
    order = list(STATES)
    return sorted(board, key=lambda row: (order.index(row.state), row.date, row.handoff))


def as_json(board: list[Row]) -> list[dict]:
    return [asdict(row) for row in board]


def render(board: list[Row], echo, style) -> None:
    """Rows grouped by state; ``style(text, fg=..., bold=...)`` colours (identity in a pipe)."""
    current = None
    # columns line up over the whole board (a name longer than NAME_COLUMN pushes only its own title)
    priority = max((len(row.priority) for row in board), default=0)
    name = min(NAME_COLUMN, max((len(row.handoff.rsplit("/", 1)[-1]) for row in board), default=0))
    for row in board:
        if row.state != current:
            current = row.state
            count = sum(r.state == current for r in board)
            echo(
                ("\n" if row is not board[0] else "")
                + style(f"{current.upper()} ({count})", fg=STATES[current], bold=True)
            )
        age = f"{row.age_days}d" if row.age_days is not None else "?"
        echo(
            f"  {row.priority:<{priority}} {age:>5}  {row.handoff.rsplit('/', 1)[-1]:<{name}}  {style(row.title, dim=True)}"
        )
        if row.response:
            echo(f"  {'':<{priority}} {'':>5}  <- {row.response.rsplit('/', 1)[-1]}")
