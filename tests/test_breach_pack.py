"""The breach log in the audit pack: breaches.csv, and the counts and hours to notify in
index.pdf; a pseudonymised pack names none of the mail-merge's recipients."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from rekisteri_app.i18n import set_language
from rekisteri_app.services import breaches as br
from rekisteri_app.services.audit_pack import PackOptions, Period, build_pack
from tests.breach_helpers import (
    LETTER_TEXTS,
    THREE_RECIPIENTS,
    breach_ctx,
    misdirected_invoices,
    organisation,
)
from tests.pack_fixtures import members

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture(autouse=True)
def _finnish():
    set_language("fi")


@pytest.fixture
def october(db):
    """Three breaches known in October 2026 and one in September, seen on 2 November."""
    ctx = breach_ctx(db, datetime(2026, 11, 2, 8, 0, tzinfo=UTC))
    organisation(ctx)
    on_time = misdirected_invoices(
        ctx,
        risk_level="high",
        description="Laskussa näkyi Matti Meikäläinen; sen sai Maija Möttönen.",
        letter_texts=LETTER_TEXTS,
    )
    br.update_breach(ctx, on_time, notification=br.parse_notification({"at": "2026-10-24 16:00"}))
    br.import_recipients(ctx, on_time, THREE_RECIPIENTS)
    br.issue_letters(ctx, on_time, "fi", "post")
    late = misdirected_invoices(
        ctx, aware_at="2026-10-25 08:00", risk_level="risk", delay_reasons="Viikonloppu."
    )
    br.update_breach(ctx, late, notification=br.parse_notification({"at": "2026-10-29 08:00"}))
    misdirected_invoices(
        ctx,
        aware_at="2026-10-28 08:00",
        risk_level="none",
        notify_decision="not-required",
        decision_reasons="Avaamaton kirje palautui.",
    )
    misdirected_invoices(ctx, aware_at="2026-09-30 08:00")
    return ctx


def table(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def pdf_text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_the_pack_carries_breaches_csv_and_the_breach_figures(october, tmp_path):
    build_pack(october, PackOptions(OCTOBER), tmp_path / "pack.zip")
    files = members(tmp_path / "pack.zip")
    rows = table(files["breaches.csv"])
    assert [r["reference"] for r in rows] == ["TL-2026-0001", "TL-2026-0002", "TL-2026-0003"]
    assert [r["hours_to_notify"] for r in rows] == ["30.0", "96.0", ""]
    assert [r["notified_late"] for r in rows] == ["false", "true", ""]
    assert rows[0]["notify_by"] == "2026-10-26T09:00+02:00"
    assert rows[0]["letters_issued"] == "3"
    index = pdf_text(files["index.pdf"])
    assert "Henkilötietojen tietoturvaloukkaukset kaudella" in index
    assert "Kirjatut loukkaukset (tieto saatu kaudella) 3" in index
    assert "joista 72 tunnin kuluessa 1" in index
    assert "joista yli 72 tunnin kuluttua (syyt kirjattu) 1" in index
    assert "Tunteja tiedon saamisesta ilmoitukseen, mediaani 63,0" in index
    assert "Tunteja tiedon saamisesta ilmoitukseen, enintään 96,0" in index
    assert "breaches.csv" in index  # listed on the cover with its description


def test_a_pseudonymised_pack_strikes_the_recipients_out_of_the_breach_texts(october, tmp_path):
    build_pack(october, PackOptions(OCTOBER, language="sv"), tmp_path / "pseudo.zip")
    text = members(tmp_path / "pseudo.zip")["breaches.csv"].decode("utf-8")
    # the names as the list holds them; an inflected form ("Meikäläisen") is beyond the
    # pack's word-by-word scrub (services/audit_pack/pseudonym.py)
    for name in ("Möttönen", "Meikäläinen", "Öberg", "Polku"):
        assert name not in text
    build_pack(october, PackOptions(OCTOBER, identify=True), tmp_path / "named.zip")
    named = table(members(tmp_path / "named.zip")["breaches.csv"])
    assert named[0]["description"] == "Laskussa näkyi Matti Meikäläinen; sen sai Maija Möttönen."


def test_a_period_without_breaches_says_so(october, tmp_path):
    build_pack(
        october, PackOptions(Period(date(2026, 6, 1), date(2026, 6, 30))), tmp_path / "p.zip"
    )
    files = members(tmp_path / "p.zip")
    assert table(files["breaches.csv"]) == []
    assert "Kaudella ei kirjattu yhtään henkilötietojen tietoturvaloukkausta." in pdf_text(
        files["index.pdf"]
    )
