"""bench/peer_fixtures.py rebuilds the peers' samples from their sources: tried here on a small
checkout of each written by the test (a rule file and the sample templates in gitleaks' layout, a
plugin test in detect-secrets'), never on the peers' code itself."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "peer_fixtures.py"

GENERATE_GO = """package utils

func GenerateSampleSecrets(identifier string, secret string) []string {
\tsamples := map[string]string{
\t\t"ini - unquoted1": "{i}Token={s}",
\t\t"yaml - singleline - unquoted": "{i}_token: {s}",
\t}
\treturn nil
}
"""

RULE_GO = """package rules

var shared = []string{
\t`widget_key = "w1dG3tSh4r3dK3yV4lu3"`, // gitleaks:allow
}

func Widget() *config.Rule {
\tr := config.Rule{
\t\tRuleID:      "widget-api-token",
\t\tRegex:       utils.GenerateUniqueTokenRegex(`wdg_[a-z0-9]{20}`, false),
\t}
\ttps := utils.GenerateSampleSecrets("widget", "wdg_"+secrets.NewSecret(utils.AlphaNumeric("20")))
\ttps = append(tps, shared...)
\ttps = append(tps,
\t\t`multi
line`,
\t)
\tfps := []string{
\t\t`wdg_xxxxxxxxxxxxxxxxxxxx`, // placeholder
\t\tfmt.Sprintf("wdg_%s", "tooshort"),
\t}
\treturn utils.Validate(r, tps, fps)
}

func WidgetClientID() *config.Rule {
\tr := config.Rule{RuleID: "widget-client-id"}
\treturn utils.Validate(r, []string{"id"}, nil)
}
"""

PLUGIN_TEST = """import pytest

SECRET = 'wdg_' + 'a1b2c3d4e5f6a7b8c9d0'


class TestWidget:
    @pytest.mark.parametrize(
        'payload, should_flag',
        [
            ('widget = {}'.format(SECRET), True),
            ('widget = wdg_xxxx', False),
            (SECRET[:8], False),
        ],
    )
    def test_analyze(self, payload, should_flag):
        pass
"""


@pytest.fixture()
def module():
    spec = importlib.util.spec_from_file_location("peer_fixtures", SCRIPT)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def test_samples_are_rebuilt_from_both_sources(module, tmp_path):
    gitleaks, detect_secrets = tmp_path / "gitleaks", tmp_path / "detect-secrets"
    (gitleaks / "cmd/generate/config/utils").mkdir(parents=True)
    (gitleaks / "cmd/generate/config/rules").mkdir(parents=True)
    (gitleaks / "cmd/generate/config/utils/generate.go").write_text(GENERATE_GO)
    (gitleaks / "cmd/generate/config/rules/widget.go").write_text(RULE_GO)
    (detect_secrets / "tests/plugins").mkdir(parents=True)
    (detect_secrets / "tests/plugins/widget_test.py").write_text(PLUGIN_TEST)
    rows, report = module.build(gitleaks, detect_secrets)
    labels = dict((line, label) for label, line in rows)
    true = [line for line, label in labels.items() if label == "HL3/widget"]
    # one file style per GenerateSampleSecrets call, the module-level list, the multi-line
    # sample on one line, and detect-secrets' flagged payload
    assert any(line.startswith(("widgetToken=wdg_", "widget_token: wdg_")) for line in true), true
    assert 'widget_key = "w1dG3tSh4r3dK3yV4lu3"' in true and "multi line" in true
    assert "widget = wdg_a1b2c3d4e5f6a7b8c9d0" in true
    assert labels["wdg_xxxxxxxxxxxxxxxxxxxx"] == "clean/widget" and labels["wdg_tooshort"] == "clean/widget"
    assert labels["widget = wdg_xxxx"] == "clean/widget" and labels["wdg_a1b2"] == "clean/widget"
    assert "widget-client-id" in report["skipped rules"]  # identifiers are no secrets
    assert report["statements not run"] == 0


def test_a_rebuild_is_the_same_corpus(module, tmp_path):
    (tmp_path / "cmd/generate/config/utils").mkdir(parents=True)
    (tmp_path / "cmd/generate/config/rules").mkdir(parents=True)
    (tmp_path / "cmd/generate/config/utils/generate.go").write_text(GENERATE_GO)
    (tmp_path / "cmd/generate/config/rules/widget.go").write_text(RULE_GO)
    (tmp_path / "tests/plugins").mkdir(parents=True)
    assert module.build(tmp_path, tmp_path)[0] == module.build(tmp_path, tmp_path)[0]
