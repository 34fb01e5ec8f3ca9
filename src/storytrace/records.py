"""Records: the dataclass conventions behind every JSON result, and their JSON Schemas.

Every result storytrace prints (article, passage, comparison, quote, edge, story)
is one dataclass. Its JSON form is its fields, in order, minus those marked
internal; nested records become objects, tuples become arrays. The JSON
Schemas in ``docs/`` are generated from the same classes
(``python -m storytrace.schema``), so the documented contract cannot drift from
the code: a test regenerates them and validates real output against them.

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Hit:
    ...     span: tuple[int, int] = jfield("Character span [start, end).")
    ...     score: float = jfield("Similarity 0..1.", digits=2)
    ...     cache: list = jfield(internal=True, default_factory=list)
    >>> to_json(Hit((3, 9), 0.123456))
    {'span': [3, 9], 'score': 0.12}
    >>> json_schema(Hit)["properties"]["span"]["maxItems"]
    2
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

_MISSING = dataclasses.MISSING


class Record:
    """Base of every result record: its JSON form (``to_dict``) is :func:`to_json` of it.

    It holds no state (empty ``__slots__``), so ``@dataclass(slots=True)`` records stay
    slotted. A record whose JSON needs an option (leaving texts out) overrides ``to_dict``.
    """

    __slots__ = ()

    def to_dict(self) -> dict:
        return to_json(self)


def jfield(
    doc: str = "",
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    internal: bool = False,
    digits: int | None = None,
    omit_none: bool = False,
    key: str | None = None,
    repr: bool = True,
) -> Any:
    """A dataclass field with its JSON description.

    ``internal`` fields stay out of the JSON and the schema (token ranges kept
    for computation); ``digits`` rounds a float in the JSON; ``omit_none``
    leaves the key out when the value is None (and makes it optional); ``key``
    names the JSON key when it cannot be the attribute's name (``"from"``).
    """
    meta = {"doc": doc, "internal": internal, "digits": digits, "omit_none": omit_none}
    if key:
        meta["key"] = key
    kwargs: dict[str, Any] = {"metadata": meta, "repr": repr and not internal}
    if default is not _MISSING:
        kwargs["default"] = default
    if default_factory is not _MISSING:
        kwargs["default_factory"] = default_factory
    return dataclasses.field(**kwargs)


def json_fields(cls: type) -> list[dataclasses.Field]:
    """The fields of a record that appear in its JSON, in declaration order."""
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


_PLANS: dict[type, tuple[tuple[str, str, int | None, bool], ...]] = {}
"""Per record class, its JSON fields as (attribute, key, digits, omit_none): read from the
field metadata once per class, not once per record (a comparison's JSON holds hundreds)."""


def _plan(cls: type) -> tuple[tuple[str, str, int | None, bool], ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(
            (
                f.name,
                f.metadata.get("key") or f.name,
                f.metadata.get("digits"),
                bool(f.metadata.get("omit_none")),
            )
            for f in json_fields(cls)
        )
    return plan


_LEAVES = frozenset({str, int, float, bool, type(None)})
_ARRAYS = frozenset({list, tuple})  # exact types: a record subclassing one is still a record


def to_json(value: Any) -> Any:
    """The JSON form of a record (or of a list, dict or tuple of them)."""
    if type(value) in _LEAVES:  # most values (span ends, words) are returned as they are
        return value
    if type(value) in _ARRAYS:  # spans and lists, before the costlier record tests
        return [to_json(v) for v in value]
    # Records first: dataclasses.is_dataclass costs more than the rest of a small record's
    # JSON (a 100,000-article `stories --json` makes 850,000 such checks).
    if isinstance(value, Record) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    ):
        out: dict[str, Any] = {}
        for attr, name, digits, omit_none in _plan(type(value)):
            v = getattr(value, attr)
            if v is None and omit_none:
                continue
            out[name] = _rounded(v, digits) if digits is not None else to_json(v)
        return out
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _rounded(v: Any, digits: int) -> Any:
    if isinstance(v, float):
        return round(v, digits)
    if isinstance(v, dict):
        return {k: _rounded(x, digits) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_rounded(x, digits) for x in v]
    return to_json(v)


def json_schema(cls: type, title: str | None = None, description: str | None = None) -> dict:
    """A JSON Schema (draft 2020-12) for record class ``cls`` and every record it nests."""
    defs: dict[str, dict] = {}
    root = _record_schema(cls, defs)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title or cls.__name__,
    }
    if description or cls.__doc__:
        schema["description"] = description or _first_paragraph(cls.__doc__ or "")
    schema.update(root)
    defs.pop(cls.__name__, None)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _first_paragraph(doc: str) -> str:
    return " ".join(doc.strip().split("\n\n")[0].split())


def _record_schema(cls: type, defs: dict[str, dict]) -> dict:
    hints = get_type_hints(cls, include_extras=False)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in json_fields(cls):
        s = _type_schema(hints[f.name], defs)
        if f.metadata.get("doc"):
            s = {**s, "description": f.metadata["doc"]}
        name = f.metadata.get("key") or f.name
        props[name] = s
        if not f.metadata.get("omit_none"):
            required.append(name)
    return {
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(tp: Any, defs: dict[str, dict]) -> dict:
    origin, args = get_origin(tp), get_args(tp)
    if tp is Any or tp is object:
        return {}
    if origin in (Union, types.UnionType):
        options = [_type_schema(a, defs) for a in args if a is not type(None)]
        nullable = type(None) in args
        if len(options) == 1 and not nullable:
            return options[0]
        return {"anyOf": options + ([{"type": "null"}] if nullable else [])}
    if origin is Literal:
        return {"enum": list(args)}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is type(None):
        return {"type": "null"}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs)}
        items = [_type_schema(a, defs) for a in args]
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    if origin in (list, typing.Sequence) or tp is list:
        return {"type": "array", "items": _type_schema(args[0], defs) if args else {}}
    if origin is dict or tp is dict:
        value = _type_schema(args[1], defs) if len(args) == 2 else {}
        return {"type": "object", "additionalProperties": value}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: records may nest themselves
            body = _record_schema(tp, defs)
            if tp.__doc__:
                body = {"description": _first_paragraph(tp.__doc__), **body}
            defs[name] = body
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for type {tp!r}")
