"""The import's checks beyond the JSON Schema: hostile structure, settings, stored files.

An import is the one door through which bytes nobody typed reach the database, so it
trusts nothing it stores:

- *structure* first, before the schema validator recurses into it: nesting deeper than
  any exchange document has, strings with lone surrogates (SQLite cannot store them),
  integers beyond SQLite's 64 bits, NaN and infinities, texts beyond any field's size;
- *settings* through their own specs (services/settings.py), so an unknown pause policy
  can never reach the table every request command reads;
- *stored files*: letters, attachments and notice versions are re-hashed (a SHA-256 that
  does not match the bytes is an error) and letters and PDF notices must parse with
  pypdf, so a reprint or a preview never meets a damaged letter.

Every problem names its JSON path and never quotes more than 40 characters of a value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import math
from collections.abc import Iterator
from typing import Any

from ..i18n import _, quoted
from .exchange_spec import PRIVATE_SETTINGS

MAX_DEPTH = 32  # the deepest exchange document nests 7 levels
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
MAX_TEXT = 1_000_000  # characters of one text field
MAX_BASE64 = 70 * 1024 * 1024  # a 50 MB attachment, as base64

_SURROGATES = range(0xD800, 0xE000)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return any(ord(ch) in _SURROGATES for ch in text)
    return False


def _walk(doc: Any) -> Iterator[tuple[str, Any, int]]:
    """(JSON path, value, depth) of every value, iteratively (no recursion to exhaust)."""
    stack: list[tuple[str, Any, int]] = [("$", doc, 0)]
    while stack:
        path, value, depth = stack.pop()
        yield path, value, depth
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((f"{path}.{quoted(key)}", item, depth + 1))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                stack.append((f"{path}[{index}]", item, depth + 1))


def structure_problems(doc: Any) -> list[tuple[str, str]]:
    """(path, message) for values no field can hold; empty when the structure is sound."""
    problems: list[tuple[str, str]] = []
    for path, value, depth in _walk(doc):
        if depth > MAX_DEPTH:
            problems.append((path, _("nested deeper than {n} levels").format(n=MAX_DEPTH)))
            break
        if isinstance(value, dict):
            for key in value:
                if not isinstance(key, str) or _has_surrogate(key):
                    problems.append((path, _("a field name is not valid Unicode text")))
        elif isinstance(value, str):
            limit = MAX_BASE64 if path.endswith("_base64") else MAX_TEXT
            if len(value) > limit:
                problems.append(
                    (
                        path,
                        _("the text is {n} characters long; at most {max} are allowed").format(
                            n=len(value), max=limit
                        ),
                    )
                )
            elif _has_surrogate(value):
                problems.append(
                    (path, _("the text contains an invalid character (a lone surrogate)"))
                )
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if not INT_MIN <= value <= INT_MAX:
                problems.append(
                    (path, _("the number has {n} digits: too large").format(n=len(str(abs(value)))))
                )
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append((path, _("not a finite number")))
    return problems


# ------------------------------------------------------------------------ settings


def settings_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """Each imported setting parsed by its spec, as `settings --set` would."""
    from . import settings
    from .context import ServiceError

    problems: list[tuple[str, str]] = []
    known = set(settings.known_keys())
    for key, value in values.items():
        path = f"$.settings.{quoted(key)}"
        if key in PRIVATE_SETTINGS:
            continue  # never exported; an import never overwrites them
        if key not in known:
            problems.append((path, _("unknown setting {key!r}").format(key=quoted(key))))
            continue
        try:
            settings.spec(key).parse(value)
        except ServiceError as exc:
            problems.append((path, quoted(str(exc), 200)))
    return problems


def normalised_setting(key: str, value: Any) -> str | None:
    """The stored text of an imported setting (as `settings --set` stores it)."""
    from . import settings

    item = settings.spec(key)
    return item.format(item.parse(value))


# -------------------------------------------------------------------- stored files

# (owner list, bytes field, hash field, must parse as a PDF). An attachment is the scan
# as it arrived (even a damaged one is evidence), so it is re-hashed but not parsed.
_FILES = (
    ("letters", "pdf_base64", "sha256", True),
    ("attachments", "content_base64", "sha256", False),
)


def _pdf_problem(data: bytes) -> str | None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if len(reader.pages) < 1:
            return _("the PDF has no pages")
        reader.pages[0].mediabox  # noqa: B018 - reading the first page proves the tree
    except Exception:  # pypdf raises many kinds on damaged files
        return _("the bytes are not a readable PDF")
    return None


def _decoded(text: Any) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None  # reported by the value checks already


def _file_problems(
    item: dict[str, Any], path: str, data_field: str, hash_field: str, is_pdf: bool
) -> list[tuple[str, str]]:
    data = _decoded(item.get(data_field))
    if data is None or item.get("purged_on"):
        return []  # a purged letter keeps the SHA-256 of what was sent, not its bytes
    problems = []
    claimed = item.get(hash_field)
    if claimed is not None:
        actual = hashlib.sha256(data).hexdigest()
        if str(claimed).lower() != actual:
            problems.append(
                (
                    f"{path}.{hash_field}",
                    _("the SHA-256 {claimed!r} does not match the content ({actual})").format(
                        claimed=quoted(claimed, 16), actual=actual[:16] + "…"
                    ),
                )
            )
    if is_pdf:
        problem = _pdf_problem(data)
        if problem:
            problems.append((f"{path}.{data_field}", problem))
    return problems


def file_problems(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Re-hash every stored file and parse every PDF of the document."""
    problems: list[tuple[str, str]] = []
    for r, req in enumerate(doc.get("requests") or []):
        if not isinstance(req, dict):
            continue
        for name, data_field, hash_field, is_pdf in _FILES:
            for i, item in enumerate(req.get(name) or []):
                if isinstance(item, dict):
                    problems += _file_problems(
                        item, f"$.requests[{r}].{name}[{i}]", data_field, hash_field, is_pdf
                    )
    for b, breach in enumerate(doc.get("breaches") or []):
        if not isinstance(breach, dict):
            continue
        for i, item in enumerate(breach.get("letters") or []):
            if isinstance(item, dict):
                problems += _file_problems(
                    item, f"$.breaches[{b}].letters[{i}]", "pdf_base64", "sha256", True
                )
    for g, reg in enumerate(doc.get("registers") or []):
        if not isinstance(reg, dict):
            continue
        for v, version in enumerate(reg.get("notice_versions") or []):
            if isinstance(version, dict):
                is_pdf = str(version.get("format") or "").lower() == "pdf"
                problems += _file_problems(
                    version,
                    f"$.registers[{g}].notice_versions[{v}]",
                    "content_base64",
                    "sha256",
                    is_pdf,
                )
    return problems
