"""The rules of a role file, written once: the validator checks them, ``rolecmp schema`` prints
them.

A role file is a mapping whose shape is described by :data:`ROLE` below. :func:`validate` walks a
loaded file against it and returns every problem found; :func:`json_schema` turns the same
description into a JSON Schema for editors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rolecmp.rules import ALIAS_PATTERN, ID_PATTERN, MUST_BE_SOURCED

# Patterns use explicit classes and \\u escapes only, which Python's ``re`` and the ECMA-262
# engines of JSON Schema tools read alike, so ``validate`` and ``rolecmp schema`` agree.
SOC_PATTERN = r"^[0-9]{2}-[0-9]{4}\Z"
ONET_PATTERN = r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z"
#: A URL is printable ASCII without spaces (an address with other characters is percent-encoded).
URL_PATTERN = r"^https?://[!-~]+\Z"
#: Characters no text in a role file may hold: C0 and C1 controls (tab and newline too: every
#: field is one line or folded text), line and paragraph separators, and the bidirectional
#: controls that make text display in another order than it reads (Trojan Source).
FORBIDDEN_CHARS = (r"[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029"
                   r"\u202a-\u202e\u2066-\u2069]")
#: Blank is nothing but spaces (tabs and other controls are refused on their own).
NOT_BLANK = r"[^ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
#: A value ``rolecmp new`` leaves for the author to replace (see rolecmp.catalog.PLACEHOLDER).
PLACEHOLDER_PATTERN = r"^[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*TODO"
#: The longest typical program, in months, a role file may give (the longest bundled is 48).
MAX_MONTHS = 240

KINDS = ("role", "specialty")
FAMILIES = (
    "assistant", "aide", "technician", "technologist", "therapist", "nurse", "practitioner",
    "specialist", "umbrella",
)
CREDENTIAL_LEVELS = ("high-school", "certificate", "associate", "bachelor", "master", "doctorate")
BREADTHS = ("broad", "specialized")
CERTIFICATION_STATUSES = ("optional", "preferred", "often required", "required")
CONTACT_LEVELS = ("low", "moderate", "high")
SOURCE_TYPES = ("primary", "secondary")
DUTY_GROUPS = ("clinical", "administrative", "technical")
#: Fields a source can say it supports.
SUPPORTABLE = (
    "soc_code", "soc_note", "onet_code", "kind", "parent", "less_common", "summary",
    "education", "scope", "workplaces", "certification", "licensure",
    "patient_contact", "qualities", "next_steps", "counterpart",
)


@dataclass(frozen=True)
class Spec:
    """One value's rules. ``kind`` is one of string, integer, boolean, list, object."""

    kind: str
    description: str = ""
    required: bool = True
    nullable: bool = False
    enum: tuple[str, ...] = ()
    pattern: str = ""
    items: Spec | None = None
    fields: Mapping[str, Spec] = field(default_factory=dict)
    min_items: int = 0
    max_length: int = 0
    maximum: int | None = None


def _s(description: str, **kw: Any) -> Spec:
    return Spec("string", description, **kw)


def _list(items: Spec, description: str, **kw: Any) -> Spec:
    return Spec("list", description, items=items, **kw)


def _obj(fields: Mapping[str, Spec], description: str, **kw: Any) -> Spec:
    return Spec("object", description, fields=fields, **kw)


TEXT_LIST = _s("a short line of text", max_length=300)

ROLE = _obj(
    {
        "id": _s("the role's id; equals the file name", pattern=ID_PATTERN),
        "name": _s("the role's name as a person would say it", max_length=120),
        "aliases": _list(_s("another name or abbreviation", pattern=ALIAS_PATTERN),
                         "other names that resolve to this role; unique across the catalog"),
        "kind": _s("a specialty sits under an umbrella role", enum=KINDS),
        "family": _s("the kind of title", enum=FAMILIES),
        "parent": _s("the umbrella role of a specialty", nullable=True, pattern=ID_PATTERN),
        "soc_code": _s("the SOC code under which BLS publishes figures", nullable=True,
                       pattern=SOC_PATTERN),
        "soc_note": _s("how BLS counts the role when its code is a broader group",
                       required=False),
        "onet_code": _s("the O*NET-SOC code describing the role", required=False,
                        pattern=ONET_PATTERN),
        "less_common": Spec("boolean", "a less common technician specialty", required=False),
        "summary": _s("what the role is, in our own words", max_length=600),
        "education": _obj(
            {
                "path": _s("the usual route in, in words", max_length=600),
                "credential_levels": _list(_s("a credential level", enum=CREDENTIAL_LEVELS),
                                           "credentials a typical program grants", min_items=1),
                "program_months": _obj(
                    {
                        "min": Spec("integer", "shortest typical program, months", nullable=True,
                                    maximum=MAX_MONTHS),
                        "max": Spec("integer", "longest typical program, months", nullable=True,
                                    maximum=MAX_MONTHS),
                    },
                    "typical program length; null where no source gives one",
                ),
            },
            "typical education",
        ),
        "scope": _obj(
            {
                "breadth": _s("how broad the work is", enum=BREADTHS),
                "duties": _obj({g: _list(TEXT_LIST, f"{g} duties") for g in DUTY_GROUPS},
                               "duties grouped by kind"),
            },
            "scope of practice",
        ),
        "workplaces": _list(TEXT_LIST, "where the role usually works", min_items=1),
        "certification": _obj(
            {
                "status": _s("how necessary a credential is", enum=CERTIFICATION_STATUSES),
                "credentials": _list(
                    _obj(
                        {
                            "abbreviation": _s("the credential's letters", max_length=60),
                            "name": _s("the credential's name", max_length=200),
                            "body": _s("the body that issues it", max_length=200),
                            "source": _s("URL of the body's page", pattern=URL_PATTERN),
                        },
                        "a credential",
                    ),
                    "credentials and their issuing bodies",
                ),
            },
            "certification",
        ),
        "licensure": _s("how state licensure varies, one line", max_length=400),
        "patient_contact": _obj(
            {
                "level": _s("how much of the work is with patients", enum=CONTACT_LEVELS),
                "why": _s("one line of reasoning", max_length=300),
            },
            "patient contact",
        ),
        "qualities": _list(TEXT_LIST, "personal qualities the work needs"),
        "next_steps": _list(
            _obj({"role": _s("a role id", pattern=ID_PATTERN),
                  "how": _s("what the move takes", max_length=400)}, "a next step"),
            "roles this one commonly moves on to", required=False,
        ),
        "counterpart": _obj(
            {
                "role": _s("the counterpart's role id", pattern=ID_PATTERN),
                "education": _s("how education differs", max_length=400),
                "credential": _s("how the credential differs", max_length=400),
                "scope": _s("how scope differs", max_length=400),
            },
            "the technician/technologist counterpart and how they differ", required=False,
        ),
        "sources": _list(
            _obj(
                {
                    "title": _s("the source's title", max_length=300),
                    "url": _s("its URL", pattern=URL_PATTERN),
                    "type": _s("primary or secondary", enum=SOURCE_TYPES),
                    "supports": _list(_s("a field name", enum=SUPPORTABLE),
                                      "the fields this source backs", min_items=1),
                },
                "a source",
            ),
            "where the facts come from", min_items=1,
        ),
    },
    "a healthcare role",
)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a role file, at ``path`` inside it."""

    path: Path_
    message: str

    @property
    def field(self) -> str:
        """The dotted field name, e.g. ``certification.credentials[0].body``."""
        return dotted(self.path)


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", list: "a list",
               dict: "a mapping", float: "a number", type(None): "null"}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def validate(data: Any, spec: Spec = ROLE) -> list[Problem]:
    """Every way ``data`` breaks ``spec``, in document order, checked all at once; for a whole
    role, then the rules that relate two fields (which JSON Schema cannot state)."""
    problems = list(_check(data, spec, ()))
    if spec is ROLE and not problems:
        problems += _across_fields(data)
    return problems


def _across_fields(data: dict[str, Any]) -> Iterator[Problem]:
    months = data["education"]["program_months"]
    if months["min"] is not None and months["max"] is not None and months["min"] > months["max"]:
        yield Problem(("education", "program_months", "min"),
                      f"is {months['min']}, more than max ({months['max']})")
    if data["parent"] == data["id"]:
        yield Problem(("parent",), "names the role itself; a role cannot be its own parent")


_FORBIDDEN = re.compile(FORBIDDEN_CHARS)
_NOT_BLANK = re.compile(NOT_BLANK)
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(pattern: str) -> re.Pattern[str]:
    if pattern not in _PATTERNS:
        _PATTERNS[pattern] = re.compile(pattern, re.ASCII)
    return _PATTERNS[pattern]


def _check(value: Any, spec: Spec, path: Path_) -> Iterator[Problem]:
    if value is None:
        if not spec.nullable:
            yield Problem(path, f"must be {_expected(spec)}, not empty")
        return
    if spec.kind == "string":
        if not isinstance(value, str):
            yield Problem(path, f"must be a string, not {_type_name(value)}")
            return
        bad = _FORBIDDEN.search(value)
        if bad:
            yield Problem(path, f"holds the control character U+{ord(bad.group()):04X}; role "
                                "files hold plain one-line text")
        elif not _NOT_BLANK.search(value):
            yield Problem(path, "must not be blank")
        elif spec.enum and value not in spec.enum:
            yield Problem(path, f"{value!r} is not one of: {', '.join(spec.enum)}")
        elif spec.pattern and not _pattern(spec.pattern).match(value):
            yield Problem(path, f"{value!r} does not have the expected form ({spec.description})")
        elif spec.max_length and len(value) > spec.max_length:
            yield Problem(path, f"is {len(value)} characters long; at most {spec.max_length}")
    elif spec.kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            yield Problem(path, f"must be an integer, not {_type_name(value)}")
        elif value < 0:
            yield Problem(path, "must not be negative")
        elif spec.maximum is not None and value > spec.maximum:
            yield Problem(path, f"is {value}; at most {spec.maximum}")
    elif spec.kind == "boolean":
        if not isinstance(value, bool):
            yield Problem(path, f"must be true or false, not {_type_name(value)}")
    elif spec.kind == "list":
        if not isinstance(value, list):
            yield Problem(path, f"must be a list, not {_type_name(value)}")
            return
        if len(value) < spec.min_items:
            yield Problem(path, f"needs at least {spec.min_items} item(s)")
        assert spec.items is not None
        for i, item in enumerate(value):
            yield from _check(item, spec.items, (*path, i))
    elif spec.kind == "object":
        if not isinstance(value, dict):
            yield Problem(path, f"must be a mapping, not {_type_name(value)}")
            return
        for key in value:
            if key not in spec.fields:
                yield Problem((*path, str(key)), _unknown_field(str(key), spec))
        for name, sub in spec.fields.items():
            if name in value:
                yield from _check(value[name], sub, (*path, name))
            elif sub.required:
                yield Problem((*path, name), "is required but missing")


def _expected(spec: Spec) -> str:
    return {"string": "a string", "integer": "an integer", "boolean": "true or false",
            "list": "a list", "object": "a mapping"}[spec.kind]


def _unknown_field(key: str, spec: Spec) -> str:
    import difflib

    message = "unknown field"
    close = difflib.get_close_matches(key, list(spec.fields), n=1)
    if close:
        message += f"; did you mean {close[0]!r}?"
    return message


def json_schema() -> dict[str, Any]:
    """The role-file rules as a JSON Schema (draft 2020-12)."""
    schema = _to_json_schema(ROLE)
    # Each fact named in MUST_BE_SOURCED needs a source that supports it.
    schema["allOf"] = [
        {"properties": {"sources": {"contains": {
            "type": "object", "required": ["supports"],
            "properties": {"supports": {"type": "array", "contains": {"const": fact}}}}}}}
        for fact in MUST_BE_SOURCED
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://rolecmp.invalid/role.schema.json",
        "title": "rolecmp role file",
        **schema,
    }


def _to_json_schema(spec: Spec) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.description} if spec.description else {}
    base: dict[str, Any]
    if spec.kind == "string":
        base = {"type": "string", "minLength": 1}
        if spec.enum:
            base["enum"] = list(spec.enum)
        # JSON Schema patterns are ECMA-262, whose $ is the end of the text, like Python's \Z.
        base["pattern"] = spec.pattern.replace("\\Z", "$") if spec.pattern else NOT_BLANK
        if spec.max_length:
            base["maxLength"] = spec.max_length
        # "type" inside: else a null (where allowed) would match the pattern's schema and fail
        base["not"] = {"type": "string", "pattern": f"{FORBIDDEN_CHARS}|{PLACEHOLDER_PATTERN}"}
    elif spec.kind == "integer":
        base = {"type": "integer", "minimum": 0}
        if spec.maximum is not None:
            base["maximum"] = spec.maximum
    elif spec.kind == "boolean":
        base = {"type": "boolean"}
    elif spec.kind == "list":
        assert spec.items is not None
        base = {"type": "array", "items": _to_json_schema(spec.items)}
        if spec.min_items:
            base["minItems"] = spec.min_items
    else:
        base = {
            "type": "object",
            "properties": {k: _to_json_schema(v) for k, v in spec.fields.items()},
            "required": [k for k, v in spec.fields.items() if v.required],
            "additionalProperties": False,
        }
    if spec.nullable:
        if "enum" in base:
            base["enum"] = [*base["enum"], None]
        base["type"] = [base["type"], "null"]
    out.update(base)
    return out
