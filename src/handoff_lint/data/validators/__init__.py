"""The quick checks of the shipped schemas, compiled ahead of time.

fastjsonschema compiles a schema to Python code; importing it and compiling took about 15 ms of
every run that validates a document, a third of a commit's own checks. Its documented
``compile_to_code`` writes that code out instead: the modules beside this one are its output
for each schema as shipped (each protocol's handoff, response and handoff template, the
configuration), kept
under a digest of the very schema body compiled. :func:`shipped` hands one out only for a body
of that digest; any other (an edited schema, a team's own status words or sections) is
compiled at run time as before. ``python -m handoff_lint.data.validators`` writes the modules again
after a schema changes; a test fails until it has.
"""

from __future__ import annotations

import datetime
import re

from handoff_lint.hashing import blake2b

# digest of the schema body -> module of this package (written by __main__.py)
SHIPPED = {
    "2d18f2cc0a703e6e95d6bebaa6162cc3": "handoff",
    "37e7fb2c6cade9e0a4675f9b906a6521": "handoff_template",
    "deed649c6eaa726f0cdcd1d3fddef936": "response",
    "e6fb7db41eb5aa4d40ebc51218fad516": "next_larger_handoff",
    "bf2510cc588a829a717871d3bd9e3f39": "next_larger_handoff_template",
    "1008ee5199f22e3aa88f6df37e04f3b6": "next_larger_response",
    "0354448f17fa1029d4da7a9eddee654c": "config",
}


class JsonSchemaValueException(ValueError):
    """What the compiled code raises (in place of fastjsonschema's class of that name, so that
    fastjsonschema is not imported): the instance is not valid."""


class JsonSchemaValuesException(JsonSchemaValueException):
    pass


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_date(value: str) -> bool:
    """jsonschema's ``date`` format: YYYY-MM-DD in ASCII digits, and a real calendar date."""
    try:
        return bool(_DATE.fullmatch(value) and datetime.date.fromisoformat(value))
    except ValueError:
        return False


FORMATS = {"date": is_date}


def digest(body: dict) -> str:
    return blake2b(repr(body).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def shipped(body: dict):
    """A yes/no check of ``body`` compiled with the package, or None."""
    module = SHIPPED.get(digest(body))
    if module is None:
        return None
    from importlib import import_module

    validate = import_module(f"{__name__}.{module}").validate

    def valid(instance) -> bool:
        try:
            validate(instance, FORMATS)
        except JsonSchemaValueException:
            return False
        return True

    return valid
