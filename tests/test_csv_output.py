"""CSV for spreadsheets: ä and ö survive Excel, and no cell runs as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from rekisteri_app.csv_output import BOM, csv_bytes, csv_text, neutralise


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://x","y")', "+358 40 1", "-2+3", "@SUM(A1)", "\tx", "\rx"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_made_text(hostile):
    assert neutralise(hostile) == "'" + hostile


def test_plain_text_and_numbers_are_written_as_they_are():
    assert neutralise("Maija Meikäläinen") == "Maija Meikäläinen"
    assert neutralise(-3) == "-3"
    assert neutralise(None) == ""
    assert neutralise(True) == "true"


def test_the_document_starts_with_a_byte_order_mark_and_reads_back():
    data = csv_bytes(["nimi", "päivä"], [["Äänekoski", "2026-01-02"], ["=1+1", 5]])
    assert data.startswith(BOM.encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["nimi", "päivä"], ["Äänekoski", "2026-01-02"], ["'=1+1", "5"]]


def test_without_bom_for_machine_readers():
    assert not csv_text(["a"], [["b"]], bom=False).startswith(BOM)
