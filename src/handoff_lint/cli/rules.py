"""``rule``, ``rules`` and ``schema``: what the tool checks, from its own data."""

from __future__ import annotations

import click

from handoff_lint.cli.app import EXIT_CLEAN, FORMAT_CHOICES, cli


@cli.command("rule")
@click.argument("code")
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
def rule_command(code: str, output_format: str) -> int:
    """Explain one rule: what it checks, why, an example and the fix."""
    import json

    # lazy: the rule catalogue (~14 ms), not paid by --help or --version
    from handoff_lint.data.catalogue import lookup

    rule = lookup(code)
    if rule is None:
        raise click.UsageError(f"unknown rule {code!r} (see 'handoff-lint rules')")
    if output_format == "json":
        click.echo(json.dumps(rule._asdict(), indent=2))
        return EXIT_CLEAN
    click.echo(f"{rule.code} ({rule.name}) [{rule.severity}]\n\n{rule.summary}.\n\n{rule.explanation.strip()}\n")
    click.echo("Example:\n" + _indent(rule.example))
    if rule.fix:
        click.echo("\nFix:\n" + _indent(rule.fix))
    return EXIT_CLEAN


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines())


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True)
def rules_command(output_format: str) -> int:
    """List every rule with its code, name, default severity and summary."""
    import json

    # lazy: the rule catalogue (~14 ms), not paid by --help or --version
    from handoff_lint.data.catalogue import catalogue

    rules = catalogue().values()
    if output_format == "json":
        click.echo(json.dumps([rule._asdict() for rule in rules], indent=2))
        return EXIT_CLEAN
    for rule in rules:
        click.echo(f"{rule.code}  {rule.name:<27} {rule.severity:<8} {rule.summary}")
    return EXIT_CLEAN


@cli.command("schema")
@click.argument(
    "name", type=click.Choice(("handoff", "response", "next-larger-handoff", "next-larger-response", "config"))
)
def schema_command(name: str) -> int:
    """Print the JSON Schema a document kind is validated against (next-local's handoff and
    response, next-larger's, or the configuration's)."""
    import json

    # lazy: data/schemas (~16 ms), not paid by --help or --version
    from handoff_lint.data.schemas import load_schema

    click.echo(json.dumps(load_schema(name), indent=2))
    return EXIT_CLEAN
