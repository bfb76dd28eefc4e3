"""Rebuild the peers' own samples as a labelled corpus (``label<TAB>line``) for
``bench/corpus_eval.py --corpus``: gitleaks' rule definitions (the true and false samples each
rule of ``cmd/generate/config/rules/*.go`` validates itself against) and detect-secrets' plugin
tests (``tests/plugins/*_test.py``: the lines each plugin must flag, or must not).

    python bench/peer_fixtures.py GITLEAKS_CHECKOUT DETECT_SECRETS_CHECKOUT OUT.tsv

Nothing of the peers is kept in this repository: the samples are built from the two checkouts
each time, and written outside it. How, exactly:

- gitleaks: each rule function's Go statements that build ``tps`` and ``fps`` are translated
  token by token to Python and run; ``secrets.NewSecret(regex)`` draws a random string from the
  regex (seeded by the rule's id, so a rebuild gives the same corpus); a statement that cannot
  be run (a loop over a map, base64 of bytes) is left out and counted. ``GenerateSampleSecrets``
  (one secret in each of its ~25 file styles, read from ``utils/generate.go``) contributes ONE
  style per call, chosen by the seeded draw: a sample is one secret, not 25 copies of it.
- detect-secrets: every ``(line, should_flag)`` of a ``payload``/``line`` parametrization, the
  keyword plugin's ``*_TEST_CASES`` lists (less the negatives that hold the test's own secret:
  ``password = <secret>`` is negative there only because C++ or Java needs quotes; in a
  markdown handoff it is the same secret), the lines-only parametrizations (all flagged), the
  private-key file contents, and the high-entropy plugin's quoted secrets and non-secrets. Only
  literal expressions are evaluated (strings, ``.format``, ``+``, slices of module constants).
- Families: the rule id's provider (``aws-amazon-bedrock-...`` -> ``aws``), the plugin's module.
  Left out, as no secret a handoff holds: rules for identifiers and public keys (``*-client-id``,
  ``*-pub-key``, ...), files judged by their path (``pkcs12-file``), a Kubernetes manifest read
  across lines, detect-secrets' public-IP plugin (a privacy finding, HL2).
- A sample written over several lines becomes one line (line breaks and the indentation after
  them become one space). Duplicate lines are kept once; a line that is both a true and a false
  sample is kept as true (some peer calls it a secret in some context).
"""

from __future__ import annotations

import ast
import base64
import random
import re
import sys
from pathlib import Path

try:  # Python 3.11+
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

# Rules for what is no secret (identifiers, public keys) or no line of text.
SKIPPED_RULES = re.compile(
    r"-client-id$|-access-id$|-api-id$|pub-key$|public-key$|pub-api-key$"
    r"|^pkcs12-file$|^kubernetes-secret-yaml$"
)
FAMILY_OF = {"new": "new-relic", "jwt": "jwt", "generic": "generic", "private": "private-key", "curl": "curl"}
DS_FAMILY = {
    "basic_auth": "url-password",
    "keyword": "generic",
    "high_entropy_strings": "high-entropy",
    "private_key": "private-key",
    "aws_key": "aws",
    "azure_storage_key": "azure",
    "github_token": "github",
    "gitlab_token": "gitlab",
    "ibm_cloud_iam": "ibm",
    "ibm_cos_hmac": "ibm",
    "mailchimp_key": "mailchimp",
    "pypi_token": "pypi",
    "square_oauth": "square",
    "stripe_key": "stripe",
    "telegram_token": "telegram",
}


def one_line(text: str) -> str:
    """The sample as one line: every line break (and what `str.splitlines` breaks at) and the
    indentation after it become one space."""
    return re.sub(r"[ \t]*[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+[ \t]*", " ", text).strip().replace("\t", " ")


# -- random strings from a regular expression (gitleaks' secrets.NewSecret) -------------------
def _draw(items, rng: random.Random) -> str:
    out = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append(rng.choice([c for c in "abcXYZ019" if ord(c) != arg]))
        elif name == "ANY":
            out.append(rng.choice("abcdefXYZ0123"))
        elif name == "IN":
            out.append(rng.choice(sorted(_class(arg))))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            high = low + 20 if high == sre_parse.MAXREPEAT else high
            out.extend(_draw(sub, rng) for _ in range(rng.randint(low, high)))
        elif name == "SUBPATTERN":
            out.append(_draw(arg[-1], rng))
        elif name == "BRANCH":
            out.append(_draw(rng.choice(arg[1]), rng))
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            continue
        else:
            raise ValueError(name)
    return "".join(out)


def _class(arg) -> set[str]:
    chars, negate = set(), False
    probe = [chr(c) for c in range(33, 127)]
    for op, value in arg:
        kind = str(op)
        if kind == "NEGATE":
            negate = True
        elif kind == "LITERAL":
            chars.add(chr(value))
        elif kind == "RANGE":
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        elif kind == "CATEGORY":
            pattern = _CATEGORIES.get(str(value), r"\w")
            chars |= {c for c in probe if re.match(pattern, c)}
    return set(probe) - chars if negate else chars


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S"}


def new_secret(regex: str, rng: random.Random) -> str:
    regex = regex.replace(r"\z", "$").replace("(?-i:", "(?:")
    return _draw(list(sre_parse.parse(regex)), rng)


# -- gitleaks: Go rule functions, translated statement by statement --------------------------
_GO_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<raw>`[^`]*`)|(?P<str>\"(?:[^\"\\\n]|\\.)*\")|(?P<nl>\n)|(?P<ws>[ \t\r]+)"
    r"|(?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(?P<num>[0-9]+)"
    r"|(?P<op>\.\.\.|:=|==|!=|&&|\|\||[-+*/%<>=!&|^(){}\[\],;:.])",
    re.S,
)


def go_tokens(source: str) -> list[tuple[str, object]]:
    tokens = []
    for match in _GO_TOKEN.finditer(source):
        kind = match.lastgroup
        text = match.group(0)
        if kind in ("comment", "ws"):
            if kind == "comment" and "\n" in text:
                tokens.append(("nl", "\n"))
            continue
        if kind == "raw":
            tokens.append(("str", text[1:-1]))
        elif kind == "str":
            tokens.append(("str", ast.literal_eval(text)))
        else:
            tokens.append((kind, text))
    return tokens


def _statements(tokens) -> list[list]:
    """The statements of a block: split at a line break outside brackets after a token that can
    end one (Go's semicolon rule). Line breaks inside a statement are kept as ("nl", ...)."""
    statements, current, depth = [], [], 0
    for kind, value in tokens:
        if kind == "nl":
            ends = current and (current[-1][0] in ("ident", "str", "num") or current[-1][1] in (")", "]", "}", "..."))
            if depth == 0 and ends:
                statements.append(current)
                current = []
            elif current:
                current.append((kind, value))
            continue
        if kind == "op" and value in ("(", "[", "{"):
            depth += 1
        elif kind == "op" and value in (")", "]", "}"):
            depth -= 1
        current.append((kind, value))
    if current:
        statements.append(current)
    return statements


_GO_NAMES = {"true": "True", "false": "False", "nil": "None", "return": "", "string": "_string"}


def _python(statement) -> list[str]:
    """One Go statement as Python statements; none for what is not data (the rule's struct, a
    loop, a condition)."""
    statement = [(k, v) for k, v in statement]
    values = [value for _kind, value in statement]
    if values[:2] == ["var", "("]:  # a block of declarations: each on its own
        inner = [token for token in statement[2:-1]]
        parts = [[("ident", "var")] + [token for token in part if token[0] != "nl"] for part in _statements(inner)]
        return [code for part in parts for code in _python(part)]
    statement = [(k, v) for k, v in statement if k != "nl"]
    values = [value for _kind, value in statement]
    if not values or values[0] in ("r", "if", "for", "}", "{", "else", "switch"):
        return []
    if any(kind == "ident" and value.startswith(("config.", "regexp.")) for kind, value in statement):
        return []
    if values[0] == "var":
        name = values[1]
        rest = statement[2:]
        while rest and rest[0][1] != "=":
            rest = rest[1:]
        if not rest:
            return [f"{name} = None"]
        statement = [("ident", name)] + rest
    out, braces = [], []
    index = 0
    while index < len(statement):
        kind, value = statement[index]
        ahead = [v if k == "op" or k == "ident" else None for k, v in statement[index : index + 6]]
        if kind == "str":
            out.append(repr(value))
        elif kind == "num":
            out.append(value)
        elif kind == "ident" and value == "map" and "{" in ahead:
            index += ahead.index("{")
            braces.append("}")
            out.append("{")
        elif kind == "ident":
            out.append(_GO_NAMES.get(value, value.replace(".", "_")))
        elif ahead[:3] == ["[", "]", "byte"]:
            index += 2
            out.append("_bytes")
        elif value == "[" and ahead[1:2] == ["]"]:
            # a slice type `[]string{`: skip to its `{`
            index += ahead.index("{") if "{" in ahead else 1
            braces.append("]")
            out.append("[")
        elif value == "{":
            braces.append("}")
            out.append("{")
        elif value == "}":
            out.append(braces.pop() if braces else "}")
        elif value == ":=":
            out.append("=")
        elif value in ("...", ";"):
            pass
        elif value == "&&":
            out.append(" and ")
        elif value == "||":
            out.append(" or ")
        else:
            out.append(value)
        index += 1
    return [" ".join(out).strip()]


def _functions(tokens) -> tuple[list, list[tuple[str, list]]]:
    """A Go file's top-level declarations outside functions, and each `func Name() *config.Rule`
    with its body's tokens."""
    outside, functions, index = [], [], 0
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "ident" and value == "func":
            start = next(i for i in range(index, len(tokens)) if tokens[i] == ("op", "{"))
            depth, end = 0, start
            for end in range(start, len(tokens)):
                if tokens[end] == ("op", "{"):
                    depth += 1
                elif tokens[end] == ("op", "}"):
                    depth -= 1
                    if depth == 0:
                        break
            header = [v for _k, v in tokens[index:start]]
            if "config.Rule" in header:
                functions.append((header[1], tokens[start + 1 : end]))
            index = end + 1
            continue
        outside.append(tokens[index])
        index += 1
    return outside, functions


class _GoRuntime:
    def __init__(self, templates: list[str], rng: random.Random) -> None:
        self.templates, self.rng = templates, rng
        self.collected: tuple[list, list] | None = None

    def namespace(self) -> dict:
        rng = self.rng

        def sample_secrets(identifier: str, secret: str) -> list[str]:
            template = rng.choice(self.templates)
            return [template.replace("{i}", identifier).replace("{I}", identifier.upper()).replace("{s}", secret)]

        def append(items, *more):
            items = list(items or [])
            for item in more:
                items.extend(item if isinstance(item, list) else [item])
            return items

        def validate(_rule, tps, fps, *_rest):
            as_list = lambda items: list(items.values()) if isinstance(items, dict) else list(items or [])  # noqa: E731
            self.collected = (as_list(tps), as_list(fps))

        def plausible(regex: str) -> str:  # gitleaks' newPlausibleSecret, without its stop words
            while True:
                secret = new_secret(regex, rng)
                if re.search("[1-9]", secret):
                    return secret

        def sprintf(pattern: str, *args):
            # one iterator per call: the lambda (and its default) is made anew each time
            return re.sub(r"%[sdvq]", lambda _m, it=iter(args): str(next(it)), pattern)  # noqa: B008

        return {
            "utils_GenerateSampleSecrets": sample_secrets,
            "utils_GenerateSampleSecret": lambda i, s: f'{i}_api_token = "{s}"',
            "secrets_NewSecret": lambda regex: new_secret(regex, rng),
            "newPlausibleSecret": plausible,
            "utils_Numeric": lambda n: f"[0-9]{{{n}}}",
            "utils_Hex": lambda n: f"[a-f0-9]{{{n}}}",
            "utils_AlphaNumeric": lambda n: f"[a-z0-9]{{{n}}}",
            "utils_AlphaNumericExtendedShort": lambda n: f"[a-z0-9_-]{{{n}}}",
            "utils_AlphaNumericExtended": lambda n: f"[a-z0-9=_\\-]{{{n}}}",
            "utils_AlphaNumericExtendedLong": lambda n: f"[a-z0-9\\/=_\\+\\-]{{{n}}}",
            "utils_Hex8_4_4_4_12": lambda: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "fmt_Sprintf": sprintf,
            "strings_Repeat": lambda s, n: s * n,
            "strings_ToUpper": str.upper,
            "strings_ToLower": str.lower,
            "base64_StdEncoding_EncodeToString": lambda b: base64.b64encode(b).decode(),
            "base64_URLEncoding_EncodeToString": lambda b: base64.urlsafe_b64encode(b).decode(),
            "_bytes": lambda t: t.encode() if isinstance(t, str) else bytes(t),
            "_string": lambda b: b.decode() if isinstance(b, bytes) else str(b),
            "utils_GenerateUniqueTokenRegex": lambda *_a: None,
            "utils_GenerateSemiGenericRegex": lambda *_a: None,
            "append": append,
            "r": None,
            "utils_Validate": validate,
            "utils_ValidateWithPaths": validate,
            "__builtins__": {},
        }


def _templates(generate_go: str) -> list[str]:
    body = generate_go.split("samples := map[string]string{", 1)[1].split("\n\t}\n", 1)[0]
    return [value for kind, value in go_tokens(body) if kind == "str"][1::2]


def _run(codes: list[str], namespace: dict, where: str, report: dict) -> None:
    for code in codes:
        try:
            exec(compile(code, where, "exec"), namespace)  # noqa: S102 - literals and the helpers above only
        except Exception:  # noqa: BLE001 - a statement beyond this translator: counted, left out
            report["statements not run"] += 1


def gitleaks_samples(checkout: Path) -> tuple[list[tuple[str, str, str]], dict]:
    """(label, family, line) of every rule's true and false samples, and what was left out."""
    base = checkout / "cmd" / "generate" / "config"
    templates = _templates((base / "utils" / "generate.go").read_text())
    rows, report = [], {"rules": 0, "skipped rules": [], "statements not run": 0}
    for path in sorted((base / "rules").glob("*.go")):
        if path.name.endswith("_test.go"):
            continue
        outside, functions = _functions(go_tokens(path.read_text()))
        declared = [statement for statement in _statements(outside) if statement[0][1] == "var"]
        declarations = [code for statement in declared for code in _python(statement)]
        for _name, body in functions:
            rule_id = next(
                (body[i + 2][1] for i in range(len(body) - 2) if body[i][1] == "RuleID" and body[i + 2][0] == "str"),
                None,
            )
            if rule_id is None:
                continue
            if SKIPPED_RULES.search(rule_id):
                report["skipped rules"].append(rule_id)
                continue
            report["rules"] += 1
            runtime = _GoRuntime(templates, random.Random(rule_id))
            namespace = runtime.namespace()
            _run(declarations, namespace, path.name, report)
            for statement in _statements(body):
                _run(_python(statement), namespace, rule_id, report)
            if runtime.collected is None:
                report["skipped rules"].append(rule_id + " (not run)")
                continue
            head = rule_id.split("-", 1)[0]
            family = "aws" if rule_id.startswith("aws") else FAMILY_OF.get(head, head)
            tps, fps = runtime.collected
            rows += [("HL3", family, one_line(s)) for s in tps if isinstance(s, str)]
            rows += [("clean", family, one_line(s)) for s in fps if isinstance(s, str)]
    return rows, report


# -- detect-secrets: the plugin tests' literal samples ---------------------------------------
def _literal(node, names: dict):
    """A test's sample expression: literals, names of module constants, `+`, `*`, `.format`,
    slices; else ValueError."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return [_literal(item, names) for item in node.elts]
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        raise ValueError(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult)):
        left, right = _literal(node.left, names), _literal(node.right, names)
        return left + right if isinstance(node.op, ast.Add) else left * right
    if isinstance(node, ast.Subscript):
        value = _literal(node.value, names)
        if isinstance(node.slice, ast.Slice):
            part = node.slice
            bounds = (None if p is None else _literal(p, names) for p in (part.lower, part.upper, part.step))
            return value[slice(*bounds)]
        return value[_literal(node.slice, names)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "dedent"):
        if node.func.attr == "dedent":
            import textwrap

            return textwrap.dedent(_literal(node.args[0], names))
        template = _literal(node.func.value, names)
        keywords = {keyword.arg: _literal(keyword.value, names) for keyword in node.keywords}
        return template.format(*[_literal(argument, names) for argument in node.args], **keywords)
    raise ValueError(type(node).__name__)


def _parametrize(node) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"


def _try_literal(node, names: dict, report: dict):
    try:
        return _literal(node, names)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        report["samples not literal"] += 1
        return None


def detect_secrets_samples(checkout: Path) -> tuple[list[tuple[str, str, str]], dict]:
    rows, report = [], {"files": 0, "samples not literal": 0, "keyword negatives left out": 0}
    for path in sorted((checkout / "tests" / "plugins").glob("*_test.py")):
        module = path.name[: -len("_test.py")]
        if module in ("base", "ip_public"):
            continue
        report["files"] += 1
        family = DS_FAMILY.get(module, module)
        tree = ast.parse(path.read_text())
        names: dict = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    names[node.targets[0].id] = _literal(node.value, names)
                except (ValueError, TypeError, KeyError, IndexError):
                    if isinstance(node.value, ast.List):  # a list of cases: each case that is literal
                        cases = (_try_literal(item, names, report) for item in node.value.elts)
                        names[node.targets[0].id] = [case for case in cases if case is not None]

        def add(line, flagged):  # called within this iteration only
            if isinstance(line, str) and line:
                rows.append(("HL3" if flagged else "clean", family, one_line(line)))  # noqa: B023

        if module == "keyword":
            own = [names[name] for name in ("COMMON_SECRET", "LETTER_SECRET", "WHITES_SECRET") if name in names]
            for name, value in names.items():
                if name.endswith("_TEST_CASES"):
                    for line, expected in value:
                        if not expected and any(secret in line for secret in own):
                            # the test's secret, negative for a language's quoting only
                            report["keyword negatives left out"] += 1
                            continue
                        add(line, bool(expected))
            continue
        for node in ast.walk(tree):
            if not (_parametrize(node) and len(node.args) >= 2):
                continue
            try:
                argnames = [a.strip() for a in _literal(node.args[0], names).split(",")]
            except (ValueError, AttributeError):
                continue
            items = node.args[1].elts if isinstance(node.args[1], (ast.List, ast.Tuple)) else []
            for item in items:
                try:
                    value = _literal(item, names)
                except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                    report["samples not literal"] += 1
                    continue
                if module == "high_entropy_strings" and argnames == ["plugin", "non_secret", "secret"]:
                    continue  # below: the secrets in the quoting the plugin reads
                if argnames[0] in ("payload", "line") and len(argnames) == 2 and argnames[1] == "should_flag":
                    add(value[0], value[1])
                elif argnames in (["payload"], ["line"], ["file_content"]):
                    add(value[0] if isinstance(value, list) else value, True)
        if module == "high_entropy_strings":
            pairs = [("aaaaaa", "2b00042f7481c7b056c4b410d28f33cf")]
            for node in ast.walk(tree):
                if _parametrize(node) and getattr(node.args[0], "value", None) == "plugin, non_secret, secret":
                    pairs = [
                        (_literal(item.elts[1], names), _literal(item.elts[2], names)) for item in node.args[1].elts
                    ]
            for non_secret, secret in pairs:
                for quote in ("'", '"'):
                    add(f"{quote}{secret}{quote}", True)
                    add(f"{quote}{non_secret}{quote}", False)
    return rows, report


def build(gitleaks: Path, detect_secrets: Path) -> tuple[list[tuple[str, str]], dict]:
    ours, report = gitleaks_samples(gitleaks)
    theirs, ds_report = detect_secrets_samples(detect_secrets)
    report.update(ds_report)
    labels: dict[str, tuple[str, str]] = {}
    for label, family, line in ours + theirs:
        if not line.strip():
            continue
        if line not in labels or label == "HL3":
            labels[line] = (label, family)
    rows = [(f"{label}/{family}", line) for line, (label, family) in labels.items()]
    report["true"] = sum(label.startswith("HL3") for label, _ in rows)
    report["false"] = len(rows) - report["true"]
    return rows, report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rows, report = build(Path(argv[0]), Path(argv[1]))
    body = "".join(f"{label}\t{line}\n" for label, line in rows)
    Path(argv[2]).write_text("# rebuilt by bench/peer_fixtures.py; never commit\n" + body, encoding="utf-8")
    print({k: (len(v) if isinstance(v, list) else v) for k, v in report.items()}, file=sys.stderr)
    print("skipped:", ", ".join(report["skipped rules"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
