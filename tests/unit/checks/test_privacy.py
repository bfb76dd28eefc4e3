"""HL2xx: private paths, shares, internal hosts and private IPs are found; placeholders,
system paths, public and documentation addresses are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff_lint.checks import privacy
from handoff_lint.data.config import Config
from handoff_lint.model.kinds import UNCLASSIFIED, SourceFile
from handoff_lint.model.source import Source


def codes(line: str) -> list[tuple[str, int]]:
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), "first line\n" + line + "\n")
    return [(f.code, f.line) for f in privacy.check(source, Config())]


@pytest.mark.parametrize(
    "line, code",
    [
        ("Logs are in /home/alice/projects/acme/logs/", "HL201"),
        ("see /Users/bob/Desktop/notes.txt", "HL201"),
        (r"open C:\Users\carol\Documents\plan.docx", "HL201"),
        ("open C:/Users/carol/Documents/plan.docx", "HL201"),
        (r'"C:\\Users\\dave\\AppData"', "HL201"),
        ("cd /mnt/c/Users/erin/work", "HL201"),
        ("the key sits in /root/.ssh/id_rsa", "HL201"),
        ("mounted at /Volumes/frank-backup/", "HL201"),
        (r"copy to \\fs01\models", "HL202"),
        ("cache on build01.corp.acme.internal:6379", "HL203"),
        ("printer.lan is down", "HL203"),
        ("nas.home.arpa", "HL203"),
        ("NAS.Home.Arpa", "HL203"),
        ("see Wiki.CORP.Acme.INTERNAL/page", "HL203"),
        ("İstanbul box db01.corp at 10.1.2.3", "HL203"),
        ("İstanbul box db01.corp at 10.1.2.3", "HL204"),
        ("ssh gpu-box.local", "HL203"),
        ("server 192.168.1.40:8080", "HL204"),
        ("db at 10.0.3.7", "HL204"),
        ("172.20.0.5 answers", "HL204"),
        ("cgnat 100.64.1.1", "HL204"),
        ("link-local 169.254.10.1", "HL204"),
        ("ula fd12:3456:789a::1 and", "HL204"),
        ("ipv6 link-local fe80::1ff:fe23:4567:890a", "HL204"),
        ("open file:///home/alice/notes.md", "HL201"),
        ("see ~alice/projects/x", "HL201"),
        ("tmp at /private/var/folders/xy/abc123/T/", "HL201"),
        ("Ask alice.smith@acme-corp.com for data", "HL205"),
    ],
)
def test_private_detail_is_found_on_its_line(line, code):
    assert (code, 2) in codes(line)


@pytest.mark.parametrize(
    "line",
    [
        "Logs are in /home/<user>/projects/",
        "Logs are in /home/user/projects/",
        "/Users/USERNAME/Library",
        r"C:\Users\<you>\Documents",
        "~/projects and $HOME/projects",
        "/usr/local/bin, /etc/hosts, /tmp/build-1, /var/log/syslog",
        "http://localhost:8080 and 127.0.0.1 and ::1",
        "see https://example.com/docs and api.example and svc.test",
        "doc ranges 192.0.2.10, 198.51.100.7, 203.0.113.99",
        "public 8.8.8.8 and 1.1.1.1",
        "version 1.2.3.4 of the tool",  # not private
        "models/next-local/active/handoff-2026-11-02-x.md",
        "the README.md and notes.txt files",
        "sha 3f9c2e1b7a and 10.5 GB of memory",
        "mail owner@example.com or a@b.test",
        "clone git@github.com:org/repo.git",
        "ipv6 docs 2001:db8::1 and loopback ::1",
        "at 12:30:45 the job ended",
        "data/home/alice is a repo-relative folder",
        'File "/home/runner/work/widgets/widgets/tests/test_sync.py", line 88',  # a GitHub-hosted runner
        "cache in /home/runner/.cache/pip and /Users/runner/work/app/app/build",
        r"C:\Users\runneradmin\AppData\Local\Temp and /github/workspace/src and /github/home/.cache",
    ],
)
def test_clean_line_is_not_a_finding(line):
    assert codes(line) == []


def test_current_login_name_is_found_even_without_a_pattern(tmp_path):
    from conftest import run_cli

    (tmp_path / "notes.md").write_text("first\nRan it as zelda-quill on the laptop\n")
    real_lookup = {"HANDOFF_LINT_OWN_IDENTIFIERS": None}
    result = run_cli(
        "check",
        "--select",
        "HL206",
        "notes.md",
        cwd=tmp_path,
        env={**real_lookup, "USER": "zelda-quill", "LOGNAME": "zelda-quill"},
    )
    assert result.code == 1 and "notes.md:2:11: HL206" in result.stdout
    generic = run_cli(
        "check", "--select", "HL206", "notes.md", cwd=tmp_path, env={**real_lookup, "USER": "root", "LOGNAME": "root"}
    )
    assert "HL206" not in generic.stdout


@pytest.mark.parametrize("line", ["metrics at grafana.acme.io", "metrics at GRAFANA.Acme.IO:3000"])
def test_internal_domain_from_the_config_is_found(line):
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), "first line\n" + line + "\n")
    found = privacy.check(source, Config(internal_domains=["acme.io"]))
    assert [(f.code, f.line) for f in found] == [("HL203", 2)]


def test_a_ci_home_prefix_does_not_hide_a_person_on_the_same_line():
    assert codes("ran in /home/runner/work/x/x, copied from /home/alice/x") == [("HL201", 2)]


def test_rule_hl201_names_every_ci_home_and_placeholder_user():
    """`handoff-lint rule HL201` is how a user learns which home folders are not a person's, and
    `rule HL205` which mailboxes are a role's."""
    from conftest import run_cli
    from handoff_lint.data.rules_data import load_table

    shown = run_cli("rule", "HL201").stdout
    table = load_table("privacy")
    missing = [
        name for name in table["ci-homes"] + table["placeholder-users"] + table["service-accounts"] if name not in shown
    ]
    assert missing == []
    shown = run_cli("rule", "HL205").stdout
    assert [name for name in table["role-mailboxes"] if name not in shown] == []


@pytest.mark.parametrize(
    "account", ["claude", "codespace", "ubuntu", "ec2-user", "node", "jovyan", "vscode", "runner", "Claude"]
)
def test_the_home_folders_of_sandbox_container_and_ci_accounts_are_no_person(account):
    assert codes(f"checked out in /home/{account}/work/repo/ and copied from /home/{account}") == []


def test_a_service_account_name_elsewhere_or_a_person_beside_it_is_still_found():
    assert codes("see /Users/claude/notes and /home/claude-smith/x") == [("HL201", 2), ("HL201", 2)]
    assert codes("from /home/ubuntu/cache to /home/alice/cache") == [("HL201", 2)]


@pytest.mark.parametrize(
    "address",
    [
        "backup@backup-mail.example.net",
        "hr@sample-co.de",
        "noreply@status.acme-tools.com",
        "support@acme-tools.com",
        "it-support@acme-tools.com",
        "noreply+github@acme-tools.com",
        "Security@acme-tools.com",
        "ops.team@acme-tools.com",
    ],
)
def test_role_and_service_mailboxes_are_not_personal(address):
    assert codes(f"write to {address} for access") == []


@pytest.mark.parametrize(
    "address", ["dana.whitfield@acme-tools.com", "hr.dana@acme-tools.com", "supportive@acme-tools.com", "j.doe@acme.io"]
)
def test_an_address_that_names_a_person_is_still_personal(address):
    assert codes(f"write to {address} for access") == [("HL205", 2)]


@pytest.mark.parametrize(
    "line",
    [
        "postgres://app:Zq8Lp0Wm4N@10.0.3.12/app",
        "DATABASE_URL=postgres://app:Zq8Lp0Wm4N@db.acme-corp.com:5432/prod",
        "redis://default:Zq8Lp0Wm4N@cache.acme-corp.com",
        "https://bob:Zq8Lp0Wm4N@acme-corp.com/x?y=1",
    ],
)
def test_url_user_info_is_not_an_email_and_its_password_is_never_quoted(line):
    """HL303 owns `user:password@host`: HL205 must not report it, and so never prints the password."""
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), line + "\n")
    found = privacy.check(source, Config())
    assert [f for f in found if f.code == "HL205"] == []
    assert all("Zq8Lp0Wm4N" not in f.message for f in found)


@pytest.mark.parametrize(
    "line",
    [
        "write to alice.smith@acme-corp.com",
        "mailto:alice.smith@acme-corp.com",
        "see https://acme-corp.com/team?contact=alice.smith@acme-corp.com",
    ],
)
def test_email_beside_or_after_a_url_is_still_found(line):
    assert ("HL205", 2) in codes(line)


def test_outside_handoff_folders_privacy_reads_markdown_only_unless_configured(tmp_path):
    """privacy-outside: "markdown" (default) reads README-like files outside handoff folders and
    leaves code and configuration alone; "all" reads every text file; "none" nothing."""
    import json as json_module

    from conftest import run_cli

    (tmp_path / "Dockerfile").write_text("WORKDIR /home/jane/app\n")
    (tmp_path / "NOTES.md").write_text("see /home/jane/app\n")
    (tmp_path / "app.py").write_text('TOKEN = "ghp_Zq3aB7cD9eF1gH2iJ4kL6mN8oP0qR5sT7uV9"\n')

    def codes(setting):
        if setting:
            (tmp_path / ".handoff-lint.toml").write_text(f'privacy-outside = "{setting}"\n')
        names = ["Dockerfile", "NOTES.md", "app.py"]
        result = run_cli("check", "--format", "json", "--select", "HL2,HL3", *names, cwd=tmp_path)
        return sorted((f["path"], f["code"]) for f in json_module.loads(result.stdout))

    assert codes(None) == [("NOTES.md", "HL201"), ("app.py", "HL301")]
    assert codes("all") == [("Dockerfile", "HL201"), ("NOTES.md", "HL201"), ("app.py", "HL301")]
    assert codes("none") == [("app.py", "HL301")]


PLACED = [
    ("Logs are in /home/alice/projects/acme/logs/", "HL201"),
    (r"copy to \\fs01\models", "HL202"),
    ("see Wiki.CORP.Acme.INTERNAL/page", "HL203"),
    ("the box at 10.1.2.3 answers", "HL204"),
    ("route fd00::1 to it", "HL204"),
    ("write to alice.smith@acme.io", "HL205"),
]


@pytest.mark.parametrize("line, code", PLACED)
@pytest.mark.parametrize("before, after", [(0, ""), (0, "\n"), (3, ""), (3, "\nlast line"), (1, "\n\n")])
def test_a_private_detail_is_found_on_its_own_line_wherever_it_stands(line, code, before, after):
    """The check visits only the lines that can hold a finding (found over the whole text): the
    first line, the last line without a newline, and a line between others are each reported at
    their own number, once."""
    text = "".join(f"plain 1.5 prose: with a colon {n}\n" for n in range(before)) + line + after
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), text)
    assert [(f.code, f.line) for f in privacy.check(source, Config())] == [(code, before + 1)]


def test_each_line_is_read_once_whatever_it_holds():
    """A line that holds several things the check looks for gives each finding once, in order."""
    line = r"/home/alice/x \\fs01\share db.internal 10.1.2.3 fd00::1 bob.jones@acme.io"
    source = Source(SourceFile(Path("f.md"), "f.md", UNCLASSIFIED, None), "x\n" + line + "\n" + line)
    found = [(f.code, f.line) for f in privacy.check(source, Config())]
    row = ["HL201", "HL202", "HL203", "HL204", "HL205", "HL204"]
    assert found == [(code, 2) for code in row] + [(code, 3) for code in row]
