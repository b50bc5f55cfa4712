"""Export and import of the whole database as one versioned JSON document.

The format is documented in docs/data-format.md and described by the JSON Schema in
resources/schema/. Import validates everything first — the schema, then keys,
references, identifiers and conflicts with what the database already holds — and
reports each problem with its JSON path; only a document without problems is written,
in one transaction, so an invalid document changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from ..domain.case_numbers import canonical_case_number
from ..files import atomic_output
from ..i18n import _, quoted, shown
from ..paths import resource
from ..storage import models as m
from .context import ServiceContext, ServiceError
from .exchange_spec import (
    FORMAT,
    PERSON,
    PRIVATE_SETTINGS,
    TOP,
    VERSION,
    Node,
    column_kind,
    json_name,
    plain_columns,
)

SCHEMA_FILE = "rekisteri-export-v1.schema.json"

#: Entities other entities refer to, by key namespace.
KEYED = (
    ("dpo", m.DataProtectionOfficer),
    ("controller", m.Controller),
    ("processor", m.Processor),
    ("register", m.Register),
    ("category", m.DataCategory),
)


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvalidDocument(ServiceError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:50])
        more = len(problems) - 50
        tail = ("\n  " + _("… and {n} more").format(n=more)) if more > 0 else ""
        super().__init__(
            _("The document was not imported: {n} problems.").format(n=len(problems))
            + "\n"
            + lines
            + tail
        )


# ------------------------------------------------------------------------- export


def _value_out(column, value: Any, kind: str | None = None) -> Any:
    if value is None:
        return None
    kind = kind or column_kind(column)
    if kind == "json":
        return json.loads(json.dumps(value))  # a copy: callers may edit the result
    if kind == "date":
        return value.isoformat()
    if kind == "datetime":
        return value.isoformat(timespec="microseconds")
    if kind == "binary":
        return base64.b64encode(value).decode("ascii")
    return value


_OUT_COLUMNS: dict[int, list[tuple[Any, str, str]]] = {}


def _out_columns(node: Node) -> list[tuple[Any, str, str]]:
    """(column, JSON name, kind) of a node's plain columns, worked out once per node."""
    found = _OUT_COLUMNS.get(id(node))
    if found is None:
        found = _OUT_COLUMNS[id(node)] = [
            (c, json_name(c), column_kind(c)) for c in plain_columns(node)
        ]
    return found


def _dump(node: Node, obj: Any, keys: dict[tuple[str, int], str], *, contents: bool = True) -> Any:
    """`contents=False` leaves file contents (PDF and scan bytes) out without reading them."""
    if node.scalar:
        return getattr(obj, node.scalar)
    out: dict[str, Any] = {}
    if node.key:
        out["key"] = keys[(node.key, obj.id)]
    for column, name, kind in _out_columns(node):
        if not contents and kind == "binary":
            continue
        out[name] = _value_out(column, getattr(obj, column.name), kind)
    for ref in node.refs:
        target = getattr(obj, ref.attribute)
        out[ref.field] = None if target is None else keys[(ref.target, target.id)]
    for name, child in node.children.items():
        out[name] = [_dump(child, item, keys, contents=contents) for item in getattr(obj, name)]
    if node.bare and all(v is None for k, v in out.items() if k != node.bare):
        return out[node.bare]  # nothing but the text: the plain form older documents use
    if node.model is m.Processor:
        out["services"] = [s for s in (obj.services or "").splitlines() if s.strip()]
    if node.model is m.RightsRequest:
        out["subject"] = _dump(PERSON, obj.subject, keys)
        out["requester"] = None if obj.requester is None else _dump(PERSON, obj.requester, keys)
        out["registers"] = [keys[("register", rr.register_id)] for rr in obj.registers]
    return out


class _KeyNames(dict):
    """Export keys made from ids on demand (`register-3`): dumping one entity needs no
    query for the keys of every other one."""

    def __missing__(self, item: tuple[str, int]) -> str:
        namespace, ident = item
        return f"{namespace}-{ident}"


def _keys(session: Session) -> dict[tuple[str, int], str]:
    keys: dict[tuple[str, int], str] = {}
    for namespace, model in KEYED:
        for (ident,) in session.execute(select(model.id)):
            keys[(namespace, ident)] = f"{namespace}-{ident}"
    return keys


def _loaders(node: Node, path=None) -> list:
    """selectinload for every owned list and reference, so export runs a few queries per
    table instead of one per row (2 000 requests: 9 s → well under a second)."""
    from sqlalchemy.orm import selectinload

    options = []
    for name, child in node.children.items():
        attribute = getattr(node.model, name)
        loader = selectinload(attribute) if path is None else path.selectinload(attribute)
        if child.model is m.Letter:  # deferred elsewhere; the export writes the bytes
            loader = loader.options(undefer(m.Letter.pdf))
        options.append(loader)
        options.extend(_loaders(child, loader))
    for ref in node.refs:
        attribute = getattr(node.model, ref.attribute)
        options.append(selectinload(attribute) if path is None else path.selectinload(attribute))
    if node.model is m.RightsRequest:
        for attribute in (
            m.RightsRequest.subject,
            m.RightsRequest.requester,
            m.RightsRequest.registers,
        ):
            options.append(selectinload(attribute))
    return options


EXPORT_BATCH = 200


def _settings_out(session: Session) -> dict[str, str]:
    return {
        s.key: s.value
        for s in session.scalars(select(m.Setting).order_by(m.Setting.key))
        if s.key not in PRIVATE_SETTINGS
    }


def _entities(session: Session, name: str) -> Iterator[dict[str, Any]]:
    """The entities of one top-level list in their exchange form, `EXPORT_BATCH` at a
    time (keyset pages, each emptied from the session after it is written), so memory
    stays flat however many cases and letters there are."""
    node = TOP[name]
    model = node.model
    options = _loaders(node)
    keys = _KeyNames()
    last = 0
    while True:
        batch = list(
            session.scalars(
                select(model)
                .where(model.id > last)
                .order_by(model.id)
                .limit(EXPORT_BATCH)
                .options(*options)
            )
        )
        if not batch:
            return
        for row in batch:
            yield _dump(node, row, keys)
        last = batch[-1].id
        session.expunge_all()


def export_document(session: Session) -> dict[str, Any]:
    """The whole document in memory (small databases and tests; files use write_export)."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    doc["settings"] = _settings_out(session)
    for name in TOP:
        doc[name] = list(_entities(session, name))
    return doc


def dump_json(doc: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, UTF-8 without escapes."""
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _indented(value: Any, prefix: str) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return text.replace("\n", "\n" + prefix)  # JSON text has no raw newlines in strings


def _export_chunks(session: Session) -> Iterator[str]:
    """The text of `dump_json(export_document(session))`, piece by piece: the same
    bytes, but one entity (one case with its letters, base64 one at a time) in memory."""
    scalars = {"format": FORMAT, "version": VERSION, "settings": _settings_out(session)}
    names = sorted([*scalars, *TOP])
    yield "{"
    for position, name in enumerate(names):
        yield "\n  " + json.dumps(name, ensure_ascii=False) + ": "
        if name in scalars:
            yield _indented(scalars[name], "  ")
        else:
            first = True
            for item in _entities(session, name):
                yield ("[\n    " if first else ",\n    ") + _indented(item, "    ")
                first = False
            yield "[]" if first else "\n  ]"
        if position < len(names) - 1:
            yield ","
    yield "\n}\n"


def write_export(ctx: ServiceContext, out: BinaryIO) -> None:
    """Stream the export document into a binary handle, constant memory."""
    with ctx.read() as session:
        buffer: list[str] = []
        size = 0
        for chunk in _export_chunks(session):
            buffer.append(chunk)
            size += len(chunk)
            if size > 1 << 20:
                out.write("".join(buffer).encode("utf-8"))
                buffer, size = [], 0
        out.write("".join(buffer).encode("utf-8"))


def export_to_file(ctx: ServiceContext, path: Path | str) -> Path:
    """The export document written to `path` whole or not at all (files.atomic_output)."""
    with atomic_output(path) as handle:
        write_export(ctx, handle)
    return Path(path)


def export_json(ctx: ServiceContext) -> str:
    with ctx.read() as session:
        return "".join(_export_chunks(session))


# ---------------------------------------------------------------------- validation


@cache
def schema() -> dict[str, Any]:
    return json.loads(resource("schema", SCHEMA_FILE).read_text(encoding="utf-8"))


def _schema_message(error) -> str:
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return _("required field {name} is missing").format(name=quoted(missing))
    if validator == "additionalProperties":
        return _("unknown field: {detail}").format(detail=quoted(error.message, 120))
    if validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        return _("{value} is not one of: {allowed}").format(
            value=shown(error.instance), allowed=quoted(allowed, 300)
        )
    if validator == "type":
        return _("{value} has the wrong type (expected {expected})").format(
            value=shown(error.instance), expected=error.validator_value
        )
    if validator == "pattern":
        return _("{value} is not in the expected form").format(value=shown(error.instance))
    if validator == "const":
        return _("must be {value!r}").format(value=error.validator_value)
    if validator == "maxLength":
        return _("the text is {n} characters long; at most {max} are allowed").format(
            n=len(error.instance), max=error.validator_value
        )
    return _("invalid value ({rule})").format(rule=validator)


def _normalisers() -> dict[str, Any]:
    from ..domain import validation as v

    return {
        "email": v.normalise_email,
        "phone": v.normalise_phone,
        "web": v.normalise_web_address,
        "postal": v.normalise_postal_address,
    }


class _Checks(dict):
    """The domain's normalisers by check name, imported when first used."""

    def __missing__(self, key: str) -> Any:
        self.update(_normalisers())
        return dict.__getitem__(self, key)


CHECKS: dict[str, Any] = _Checks()


def _statement_complete(item: dict[str, Any]) -> bool:
    """Statements with a standard sentence may leave their text blank; the others not."""
    from ..domain.enums import STANDARD_STATEMENTS

    text = item.get("text")
    return item.get("kind") in STANDARD_STATEMENTS or (isinstance(text, str) and bool(text.strip()))


def _applies(node: Node, item: dict[str, Any], check: str) -> bool:
    """Finnish postcode rules only for Finnish addresses (a processor abroad is exempt)."""
    return check != "postal" or (item.get("country") or "FI").upper() == "FI"


def _check_value(kind: str, value: Any, path: str, problems: list[Problem]) -> None:
    if value is None:
        return
    try:
        if kind == "date":
            date.fromisoformat(value)
        elif kind == "datetime":
            datetime.fromisoformat(value)
        elif kind == "binary":
            base64.b64decode(value, validate=True)
    except (ValueError, TypeError):
        message = {
            "date": _("{value} is not a valid date (YYYY-MM-DD)"),
            "datetime": _("{value} is not a valid time stamp (ISO 8601)"),
            "binary": _("{value} is not valid base64"),
        }[kind]
        problems.append(Problem(path, message.format(value=shown(value))))


def _walk_semantics(
    node: Node,
    item: Any,
    path: str,
    keys: dict[str, dict[str, str]],
    refs: list[tuple[str, str, str]],
    problems: list[Problem],
) -> None:
    from ..domain import validation

    if node.bare and isinstance(item, str):
        item = {node.bare: item}
    if node.scalar or not isinstance(item, dict):
        return
    if node.key:
        key = item.get("key")
        if key is not None:
            if key in keys[node.key]:
                problems.append(
                    Problem(f"{path}.key", _("duplicate key {key!r}").format(key=quoted(key)))
                )
            keys[node.key][key] = path
    for column in plain_columns(node):
        _check_value(
            column_kind(column),
            item.get(json_name(column)),
            f"{path}.{json_name(column)}",
            problems,
        )
    for ref in node.refs:
        if item.get(ref.field) is not None:
            refs.append((ref.target, item[ref.field], f"{path}.{ref.field}"))
    if item.get("business_id"):
        try:
            validation.normalise_business_id(item["business_id"])
        except ValueError as exc:
            problems.append(Problem(f"{path}.business_id", str(exc)))
    for name, check in node.checks.items():
        if isinstance(item.get(name), str) and item[name].strip() and _applies(node, item, check):
            try:
                CHECKS[check](item[name])
            except ValueError as exc:
                problems.append(Problem(f"{path}.{name}", str(exc)))
    for ref in node.refs:
        value = item.get(ref.field)
        if ref.target == node.key and value is not None and value == item.get("key"):
            problems.append(Problem(f"{path}.{ref.field}", _("refers to itself")))
    if node.model is m.Statement and not _statement_complete(item):
        problems.append(
            Problem(f"{path}.text", _("this statement is the officer's own text: write it"))
        )
    if node.model in (m.Processor, m.Transfer) and item.get("country"):
        check = (
            validation.normalise_destination
            if node.model is m.Transfer
            else validation.normalise_country_code
        )
        try:
            check(item["country"])
        except ValueError as exc:
            problems.append(Problem(f"{path}.country", str(exc)))
    for name, child in node.children.items():
        for i, sub in enumerate(item.get(name) or []):
            _walk_semantics(child, sub, f"{path}.{name}[{i}]", keys, refs, problems)
    if node.model is m.RightsRequest:
        for i, reg in enumerate(item.get("registers") or []):
            refs.append(("register", reg, f"{path}.registers[{i}]"))
        for role in ("subject", "requester"):
            if isinstance(item.get(role), dict):
                _walk_semantics(PERSON, item[role], f"{path}.{role}", keys, refs, problems)


def validate_document(
    doc: Any, session: Session | None = None, *, replacing: dict[str, int] | None = None
) -> list[Problem]:
    """Every problem of `doc`, each with its JSON path; empty when it can be imported.

    With a session, keys of entities already in the database are valid references
    (`controller-3`), and names must not clash with stored ones, except the entity being
    replaced (`replacing={"register": 3}`) in an edit.
    """
    replacing = replacing or {}
    from jsonschema import Draft202012Validator

    from . import exchange_checks

    hostile = exchange_checks.structure_problems(doc)
    if hostile:  # nothing else looks into a document no field could hold
        return [Problem(path, message) for path, message in hostile]
    validator = Draft202012Validator(schema())
    problems = [
        Problem(error.json_path, _schema_message(error))
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    ]
    if problems or not isinstance(doc, dict):
        return problems
    for path, message in exchange_checks.settings_problems(doc.get("settings") or {}):
        problems.append(Problem(path, message))
    for path, message in exchange_checks.file_problems(doc):
        problems.append(Problem(path, message))
    keys: dict[str, dict[str, str]] = {namespace: {} for namespace, _model in KEYED}
    known: set[tuple[str, str]] = set()
    if session is not None:
        known = {(kind, key) for (kind, _id), key in _keys(session).items()}
    refs: list[tuple[str, str, str]] = []
    for name, node in TOP.items():
        for i, item in enumerate(doc.get(name) or []):
            _walk_semantics(node, item, f"$.{name}[{i}]", keys, refs, problems)
    for target, key, path in refs:
        if key not in keys[target] and (target, key) not in known:
            problems.append(
                Problem(
                    path, _("refers to unknown {kind} {key!r}").format(kind=target, key=quoted(key))
                )
            )
    names: dict[str, str] = {}
    for i, reg in enumerate(doc.get("registers") or []):
        path = f"$.registers[{i}].name"
        if reg["name"] in names:
            problems.append(
                Problem(
                    path, _("register name {name!r} appears twice").format(name=quoted(reg["name"]))
                )
            )
        names[reg["name"]] = path
    cases: set[str] = set()
    for i, req in enumerate(doc.get("requests") or []):
        number = canonical_case_number(req["case_number"])
        if number in cases:
            problems.append(
                Problem(
                    f"$.requests[{i}].case_number",
                    _("case number {case} appears twice").format(case=quoted(req["case_number"])),
                )
            )
        cases.add(number)
    problems += _breach_references(doc, session)
    if session is not None:
        existing = set(
            session.scalars(
                select(m.Register.name).where(m.Register.id != replacing.get("register", -1))
            )
        )
        for name, path in names.items():
            if name in existing:
                problems.append(
                    Problem(
                        path,
                        _("a register named {name!r} already exists").format(name=quoted(name)),
                    )
                )
        numbers = [canonical_case_number(r["case_number"]) for r in doc.get("requests") or []]
        taken = set(
            session.scalars(
                select(m.RightsRequest.case_number).where(m.RightsRequest.case_number.in_(numbers))
            )
        )
        for i, req in enumerate(doc.get("requests") or []):
            if canonical_case_number(req["case_number"]) in taken:
                problems.append(
                    Problem(
                        f"$.requests[{i}].case_number",
                        _("case number {case} already exists").format(
                            case=quoted(req["case_number"])
                        ),
                    )
                )
    return problems


def _breach_references(doc: dict[str, Any], session: Session | None) -> list[Problem]:
    """Breach references are unique, within the document and against the database."""
    problems: list[Problem] = []
    seen: set[str] = set()
    taken = set() if session is None else set(session.scalars(select(m.Breach.reference)))
    for i, breach in enumerate(doc.get("breaches") or []):
        path = f"$.breaches[{i}].reference"
        if breach["reference"] in seen:
            problems.append(
                Problem(
                    path, _("breach reference {ref} appears twice").format(ref=breach["reference"])
                )
            )
        elif breach["reference"] in taken:
            problems.append(
                Problem(
                    path,
                    _("breach reference {ref} already exists").format(ref=breach["reference"]),
                )
            )
        seen.add(breach["reference"])
    return problems


# -------------------------------------------------------------------------- import


def _value_in(column, value: Any) -> Any:
    if value is None:
        return None
    kind = column_kind(column)
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value).replace(tzinfo=None)
    if kind == "binary":
        return base64.b64decode(value)
    return value


def _build(
    node: Node, item: Any, objects: dict[tuple[str, str], Any], session: Session, deferred: list
) -> Any:
    from ..domain import validation
    from ..domain.translations import clean_translations

    if node.scalar:
        return node.model(**{node.scalar: item})
    if node.bare and isinstance(item, str):
        item = {node.bare: item}
    kwargs = {}
    for column in plain_columns(node):
        name = json_name(column)
        if name not in item:
            continue
        if item[name] is None and not column.nullable and column.default is not None:
            continue  # null means "not given": the column's default applies
        kwargs[column.name] = _value_in(column, item[name])
    if "translations" in kwargs:
        kwargs["translations"] = clean_translations(kwargs["translations"], node.texts or "")
    for name, check in node.checks.items():
        value = kwargs.get(name)
        if isinstance(value, str) and value.strip() and _applies(node, item, check):
            kwargs[name] = CHECKS[check](value)
    if kwargs.get("business_id"):
        kwargs["business_id"] = validation.normalise_business_id(kwargs["business_id"])
    if kwargs.get("country"):
        kwargs["country"] = (
            validation.normalise_destination
            if node.model is m.Transfer
            else validation.normalise_country_code
        )(kwargs["country"])
    existing = objects.get((node.key, item.get("key"))) if node.key else None
    if isinstance(existing, node.model) and getattr(existing, "id", None) is not None:
        obj = existing  # an edit: keep identity so references to it survive
        for name, value in kwargs.items():
            setattr(obj, name, value)
    else:
        obj = node.model(**kwargs)
    for ref in node.refs:
        key = item.get(ref.field)
        if key is None:
            if obj is existing:
                setattr(obj, ref.attribute, None)
        else:
            if (ref.target, key) in objects:
                setattr(obj, ref.attribute, objects[(ref.target, key)])
            else:  # a forward reference, e.g. a processor's parent listed later
                deferred.append((obj, ref.attribute, ref.target, key))
    if node.key and item.get("key") is not None:
        objects[(node.key, item["key"])] = obj
    for name, child in node.children.items():
        items = [_build(child, sub, objects, session, deferred) for sub in item.get(name) or []]
        for position, sub in enumerate(items):
            if hasattr(sub, "position"):
                sub.position = position
        setattr(obj, name, items)
    if node.model is m.Processor:
        obj.services = "\n".join(item.get("services") or []) or None
    if node.model is m.RightsRequest:
        obj.subject = _build(PERSON, item["subject"], objects, session, deferred)
        if item.get("requester"):
            obj.requester = _build(PERSON, item["requester"], objects, session, deferred)
        obj.registers = [
            m.RequestRegister(register=objects[("register", k)])
            for k in item.get("registers") or []
        ]
        obj.case_number = canonical_case_number(obj.case_number)
        if not obj.controllers and obj.controller is not None:
            # a document from before several controllers per case: the one addressed
            obj.controllers = [m.RequestController(controller=obj.controller, role="controller")]
        obj.year, obj.sequence = _case_parts(obj.case_number, obj.received_on)
        if obj.logged_at is None:
            obj.logged_at = datetime.combine(obj.received_on, datetime.min.time())
    if node.model is m.LegalHold and obj.effective_from is None:
        obj.effective_from = obj.placed_on  # documents from before the column
    if node.model is m.Breach:
        aware = obj.aware_at or datetime(1970, 1, 1)
        obj.year, obj.sequence = _case_parts(obj.reference, aware.date())
        if obj.logged_at is None:
            obj.logged_at = aware
    if node.model is m.BreachLetter and obj.sha256 is None:
        obj.sha256 = hashlib.sha256(obj.pdf).hexdigest()
    if node.model is m.BreachLetter and obj.created_at is None:
        obj.created_at = datetime.combine(obj.issued_on, datetime.min.time())
    if node.model is m.Attachment and obj.sha256 is None:
        obj.sha256 = hashlib.sha256(obj.content).hexdigest()
    if node.model is m.Letter and obj.sha256 is None:
        obj.sha256 = hashlib.sha256(obj.pdf).hexdigest()
    if node.model is m.Attachment and obj.added_at is None:
        obj.added_at = datetime(1970, 1, 1)
    if node.model is m.Letter and obj.created_at is None:
        obj.created_at = datetime.combine(obj.issued_on, datetime.min.time())
    return obj


def _case_parts(case_number: str, received_on: date) -> tuple[int, int]:
    """Year and sequence from `[PREFIX-]YYYY-NNNN`; falls back to the receipt year."""
    parts = case_number.rsplit("-", 2)
    try:
        return int(parts[-2]), int(parts[-1])
    except (ValueError, IndexError):
        return received_on.year, 0


def _defined_keys(node: Node, item: Any, out: set[tuple[str, str]]) -> None:
    if node.scalar or not isinstance(item, dict):
        return
    if node.key and item.get("key") is not None:
        out.add((node.key, item["key"]))
    for name, child in node.children.items():
        for sub in item.get(name) or []:
            _defined_keys(child, sub, out)


def import_document(ctx: ServiceContext, doc: Any) -> dict[str, int]:
    """Validate, then add everything in one audited transaction; returns counts.

    Imported cases get their stored deadline columns in the same transaction; a
    document that brings another pause policy recomputes every case's."""
    from . import settings
    from .requests import deadlines

    with ctx.change() as tx:
        problems = validate_document(doc, tx.session)
        if problems:
            raise InvalidDocument(problems)
        policy = settings.pause_policy(tx.session)
        from .exchange_checks import normalised_setting

        # References may name rows already stored (`register-3`); keys the document
        # defines itself win, and a stored row is never edited by an import.
        defined: set[tuple[str, str]] = set()
        for name, node in TOP.items():
            for item in doc.get(name) or []:
                _defined_keys(node, item, defined)
        objects: dict[tuple[str, str], Any] = {
            k: v for k, v in known_objects(tx.session).items() if k not in defined
        }
        deferred: list = []
        counts: dict[str, int] = {}
        for key, value in (doc.get("settings") or {}).items():
            if key in PRIVATE_SETTINGS:
                continue
            text = normalised_setting(key, value)
            setting = tx.session.get(m.Setting, key)
            if text is None:
                if setting is not None:
                    tx.session.delete(setting)
            elif setting is None:
                tx.session.add(m.Setting(key=key, value=text))
            else:
                setting.value = text
        built: list[Any] = []
        for name, node in TOP.items():
            items = doc.get(name) or []
            counts[name] = len(items)
            for item in items:
                obj = _build(node, item, objects, tx.session, deferred)
                tx.session.add(obj)
                built.append(obj)
        for obj, attribute, target, key in deferred:
            setattr(obj, attribute, objects[(target, key)])
        tx.session.flush()
        if settings.pause_policy(tx.session) != policy:
            deadlines.recompute_audited(tx)
        else:
            for obj in built:
                if isinstance(obj, m.RightsRequest):
                    deadlines.store_deadline(tx.session, obj)
        tx.audit("import", "database", None, None, counts)
        return counts


# ------------------------------------------------------- single entities (editors)


def known_objects(session: Session) -> dict[tuple[str, str], Any]:
    """Stored controllers, processors, registers and categories under their export keys."""
    objects: dict[tuple[str, str], Any] = {}
    for namespace, model in KEYED:
        for obj in session.scalars(select(model)):
            objects[(namespace, f"{namespace}-{obj.id}")] = obj
    return objects


def entity_to_dict(
    session: Session | None,
    kind: str,
    obj: Any,
    *,
    contents: bool = True,
    without: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """One controller, processor, register, request or breach in the exchange format
    (`contents=False`: without the bytes of letters and attachments); `without` leaves
    out owned lists by name (a breach's letters: megabytes of PDF)."""
    del session  # the keys follow from the ids (_KeyNames)
    node = TOP[kind]
    if without:
        from dataclasses import replace

        children = {name: child for name, child in node.children.items() if name not in without}
        node = replace(node, children=children)
    return _dump(node, obj, _KeyNames(), contents=contents)


def entity_dicts(session: Session, kind: str, objects: list[Any]) -> list[dict[str, Any]]:
    """Several entities of one kind in the exchange format (keys made from the ids)."""
    del session
    keys = _KeyNames()
    return [_dump(TOP[kind], obj, keys) for obj in objects]


def validate_entity(
    session: Session, kind: str, data: Any, replacing: int | None = None
) -> list[Problem]:
    doc = {"format": FORMAT, "version": VERSION, kind: [data]}
    return validate_document(
        doc, session, replacing={} if replacing is None else {kind[:-1]: replacing}
    )


def save_entity(
    session: Session, kind: str, data: dict[str, Any], replacing: Any | None = None
) -> Any:
    """Create or update one entity from its exchange form (validated by the caller)."""
    node = TOP[kind]
    objects = known_objects(session)
    data = dict(data)
    if replacing is not None:
        data["key"] = f"{node.key}-{replacing.id}"
        # Unkeyed child rows are replaced wholesale; delete the old ones first so that
        # unique pairs (register, controller) can be written again in the same flush.
        for name, child in node.children.items():
            if child.key is None:
                getattr(replacing, name).clear()
        session.flush()
    elif node.key:
        data["key"] = data.get("key") or "new"
        if (node.key, data["key"]) in objects:
            data["key"] = "new"
    deferred: list = []
    obj = _build(node, data, objects, session, deferred)
    for target_obj, attribute, target, key in deferred:
        setattr(target_obj, attribute, objects[(target, key)])
    session.add(obj)
    session.flush()
    return obj
