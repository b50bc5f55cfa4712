"""CSV files the officer opens in a spreadsheet: UTF-8 with BOM, formulas neutralised.

Excel reads a UTF-8 file without a byte-order mark as the ANSI code page, so ä and ö turn
into mojibake; with the mark it reads UTF-8. A cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return is taken as a formula by spreadsheets (CSV injection: a name
such as `=HYPERLINK(...)` would run when the recipient opens the file), so such a cell is
prefixed with an apostrophe, which spreadsheets show as text (OWASP "CSV Injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value: Any) -> str:
    """The cell's text, made inert if a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number is never a formula, also when negative
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = True) -> str:
    """A whole CSV document (comma-separated, CRLF rows as RFC 4180), every cell neutralised."""
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return out.getvalue()


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = True) -> bytes:
    return csv_text(headers, rows, bom=bom).encode("utf-8")
