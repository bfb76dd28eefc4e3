"""``python -m handoff_lint.data.validators [--check]``: write the quick checks of the shipped schemas
(see this package's __init__), or with --check only say whether each schema as shipped has its
module under its digest (exit 1 if not). --check does not compare the code itself: another
fastjsonschema release may write the same check in other words."""

from __future__ import annotations

import sys
from pathlib import Path

from handoff_lint.checks.structure import TEMPLATE_FREE
from handoff_lint.data.schemas import quick_body
from handoff_lint.data.validators import FORMATS, digest

HERE = Path(__file__).resolve().parent
# module -> quick_validator's arguments: the schemas as shipped, as the checks ask for them
VARIANTS = {
    "handoff": ("handoff", (), (), ()),
    "handoff_template": ("handoff", (), (), TEMPLATE_FREE),
    "response": ("response", (), (), ()),
    "next_larger_handoff": ("next-larger-handoff", (), (), ()),
    "next_larger_handoff_template": ("next-larger-handoff", (), (), TEMPLATE_FREE),
    "next_larger_response": ("next-larger-response", (), (), ()),
    "config": ("config", (), (), ()),
}
IMPORT = "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
OWN_IMPORT = "from handoff_lint.data.validators import JsonSchemaValueException, JsonSchemaValuesException\n"


def bodies() -> dict[str, dict]:
    """By module, the schema body its check is compiled from (see schemas.quick_body)."""
    found = {module: quick_body(*arguments) for module, arguments in VARIANTS.items()}
    return {module: body for module, body in found.items() if body is not None}  # None: jsonschema only


def generated() -> tuple[dict[str, str], dict[str, str]]:
    """By file name, the text of every module this package ships; and the index (digest ->
    module) that names them."""
    import fastjsonschema

    files, index = {}, {}
    for module, body in bodies().items():
        arguments = VARIANTS[module]
        code = fastjsonschema.compile_to_code(body, formats=FORMATS, detailed_exceptions=False)
        if IMPORT not in code:
            raise SystemExit(f"fastjsonschema {fastjsonschema.VERSION} writes another import line; update {__file__}")
        code = code.replace(IMPORT, OWN_IMPORT)
        if code.count("Decimal") == 1:  # imported, never used: decimal's import is not free
            code = code.replace("from decimal import Decimal\n", "")
        header = f'"""The quick check of {arguments[0]}.schema.json{" (the template)" if arguments[3] else ""}: written by `python -m handoff_lint.data.validators` (fastjsonschema.compile_to_code); do not edit."""\n# flake8: noqa\n'
        files[f"{module}.py"] = header + code
        index[digest(body)] = module
    return files, index


def main(argv: list[str]) -> int:
    if "--check" in argv:
        from handoff_lint.data.validators import SHIPPED

        stale = [module for module, body in bodies().items() if SHIPPED.get(digest(body)) != module or not (HERE / f"{module}.py").is_file()]
        for module in stale:
            print(f"{module}.py is not compiled from the schema as it is now: run python -m handoff_lint.data.validators", file=sys.stderr)
        return 1 if stale else 0
    files, index = generated()
    init = HERE / "__init__.py"
    text = init.read_text(encoding="utf-8")
    start, end = text.index("SHIPPED = {\n"), text.index("}\n", text.index("SHIPPED = {\n")) + 2
    table = "SHIPPED = {\n" + "".join(f'    "{key}": "{module}",\n' for key, module in index.items()) + "}\n"
    wanted = {**files, "__init__.py": text[:start] + table + text[end:]}
    stale = [name for name, content in wanted.items() if not (HERE / name).is_file() or (HERE / name).read_text(encoding="utf-8") != content]
    for name in stale:
        (HERE / name).write_text(wanted[name], encoding="utf-8")
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
