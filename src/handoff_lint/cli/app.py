"""The command group and what every command shares: exit codes, colour, plural words.

Only click is imported at start-up; the engine (markdown-it, jsonschema, detect-secrets) is
imported inside the commands that need it, so ``--version`` and ``--help`` stay fast."""

from __future__ import annotations

import os

import click

from handoff_lint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMAT_CHOICES = ("text", "json")  # for rule/rules
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "junit")


class DefaultToCheck(click.Group):
    """``handoff-lint FOLDER`` means ``handoff-lint check FOLDER``, as ``ruff FILE`` once did, and
    ``handoff-lint`` alone ``handoff-lint check`` (from any folder of a repository: its handoff
    folders)."""

    def parse_args(self, ctx, args):
        if not args:
            args = ["check"]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            _no_misspelt_command(args[0], self.commands)
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _no_misspelt_command(word: str, commands) -> None:
    """``handoff-lint stauts``: a word that is no path but near a command's name is a typo of
    the command, not a folder to check."""
    import difflib

    if word.startswith("-") or os.path.lexists(word) or "/" in word or os.sep in word:
        return
    close = difflib.get_close_matches(word, list(commands), n=1, cutoff=0.6)
    if close:
        raise click.UsageError(f"no such command or path {word!r}; did you mean '{close[0]}'?")


def codes(values: tuple[str, ...]) -> list[str]:
    """``--select HL1,HL2 --select HL5`` as one list."""
    return [part for value in values for part in value.split(",") if part.strip()]


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handoff-lint")
def cli() -> None:
    """Lint next-local handoff folders: structure, privacy, credentials and lifecycle.

    Run `handoff-lint FOLDER` (short for `handoff-lint check FOLDER`); `handoff-lint` alone checks
    the current folder, and from any folder of a repository its handoff folders. Exit codes: 0
    clean or warnings only, 1 errors found, 2 usage, configuration or internal error.
    """


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def fail(message: str) -> int:
    """One ``handoff-lint: error:`` line on standard error, shown through the Show seam (file
    names and git's own messages reach it); the usage-or-internal exit code."""
    from handoff_lint.show import shown

    click.echo(shown(f"handoff-lint: error: {message}", 2000), err=True)
    return EXIT_ERROR


def settings(explicit: str | None = None, isolated: bool = False):
    """The effective configuration (see data/config.py). Its extra handoff roots (``roots``)
    travel with it: every command passes them down (model/kinds.configured). Raises ConfigError."""
    from handoff_lint.data.config import load_config

    return load_config(explicit=explicit, isolated=isolated)
