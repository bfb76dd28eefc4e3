"""The one record every check returns: a finding at a place in a file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at ``path:line:column`` (1-based).

    ``severity`` is left empty by checks and filled from the rule catalogue (or the user's
    override) by the engine, so a rule's default severity is stated in exactly one place.
    Messages must never carry a secret in full: checks redact before they build one.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str = field(default="", compare=False)
    fixable: bool = field(default=False, compare=False)
    # SHA-1 of a credential, as detect-secrets' baselines store it; never printed by any format.
    secret_hash: str = field(default="", compare=False, repr=False)

    def with_severity(self, severity: str) -> "Finding":
        return replace(self, severity=severity)
