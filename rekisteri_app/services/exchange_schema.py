"""Generates the JSON Schema of the exchange format from `exchange_spec`.

The generated file is committed under resources/schema/ (the importer reads it at run
time); tests/test_exchange.py fails when it differs from what this module generates.
Regenerate with `python -m rekisteri_app.services.exchange_schema`.
"""

from __future__ import annotations

import json
from typing import Any

from .exchange_spec import (
    FORMAT,
    PERSON,
    TOP,
    VERSION,
    Node,
    column_kind,
    json_name,
    json_schema,
    plain_columns,
)

KEY = {"type": "string", "minLength": 1, "maxLength": 200}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"}
BASE64 = {"type": "string", "pattern": r"^[A-Za-z0-9+/]*={0,2}$"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Null allowed, kept flat so that validation errors stay readable."""
    out = dict(schema)
    out["type"] = [schema["type"], "null"]
    if "enum" in out:
        out["enum"] = [*schema["enum"], None]
    return out


def _column_schema(node: Node, column) -> dict[str, Any]:
    kind = column_kind(column)
    if kind == "json":
        return json_schema(node, column)
    if column.name in node.enums:
        values = [e.value for e in node.enums[column.name]]
        base: dict[str, Any] = {"type": "string", "enum": values}
    elif kind == "boolean":
        base = {"type": "boolean"}
    elif kind == "integer":
        base = {"type": "integer"}
    elif kind == "date":
        base = dict(DATE)
    elif kind == "datetime":
        base = dict(DATETIME)
    elif kind == "binary":
        base = dict(BASE64)
    else:
        base = {"type": "string"}
        length = getattr(column.type, "length", None)
        if length:
            base["maxLength"] = length
    if column.comment:
        base["description"] = column.comment
    return base if column.name in node.required else _nullable(base)


def node_schema(node: Node) -> dict[str, Any]:
    if node.scalar:
        return {"type": "string", "minLength": 1}
    props: dict[str, Any] = {}
    if node.key:
        props["key"] = KEY
    for column in plain_columns(node):
        props[json_name(column)] = _column_schema(node, column)
    for ref in node.refs:
        props[ref.field] = KEY if ref.required else _nullable(KEY)
    for name, child in node.children.items():
        props[name] = {"type": "array", "items": node_schema(child)}
    required = [json_name(c) for c in plain_columns(node) if c.name in node.required]
    required += [r.field for r in node.refs if r.required]
    if node.model.__tablename__ == "processors":
        props["services"] = {"type": "array", "items": {"type": "string"}}
    if node.model.__tablename__ == "requests":
        props["subject"] = node_schema(PERSON)
        props["requester"] = _nullable(node_schema(PERSON))
        props["registers"] = {"type": "array", "items": KEY}
        required.append("subject")
    for name in ("subject",):
        if name in required and name in props and node.model.__tablename__ != "requests":
            required.remove(name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    required = [r for r in dict.fromkeys(required) if r in props]
    if required:
        schema["required"] = required
    if node.bare:  # also a bare string: the value of that one field
        return {"anyOf": [{"type": "string", "minLength": 1}, schema]}
    return schema


def build_schema() -> dict[str, Any]:
    props: dict[str, Any] = {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "settings": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    for name, node in TOP.items():
        props[name] = {"type": "array", "items": node_schema(node)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:rekisteri:export:v1",
        "title": "Rekisteri database export, format version 1",
        "description": "See docs/data-format.md.",
        "type": "object",
        "properties": props,
        "required": ["format", "version"],
        "additionalProperties": False,
    }


def render() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    from ..paths import resource

    target = resource("schema", "rekisteri-export-v1.schema.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(target)
