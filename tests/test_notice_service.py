"""The notice service: print from stored registers, publish versions, compare, refuse."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from rekisteri_app.documents.notices import ChangeStatus
from rekisteri_app.services import entities, notices, settings
from rekisteri_app.services.context import ServiceError
from rekisteri_app.services.exchange import import_document
from rekisteri_app.storage import models as m
from tests.conftest import SEEDS

VALKEAKOSKI = "Valkeakosken Energia Oy:n asiakastietorekisteri ja puhelutallenteet"
KUOPIO_CUSTOMERS = "Kuopion Energia -konsernin asiakasrekisteri"
KUOPIO_MARKETING = "Kuopion Energia -konsernin markkinointirekisteri"
JYVASKYLA = "Jyväskylän Energia Oy:n asiakasrekisteri"


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages matched below are the English msgids (the notices keep their own language)."""
    from rekisteri_app.i18n import set_language

    set_language("en")


def load_seed(ctx, *stems: str) -> None:
    """Import seed fixtures (tests/fixtures/seeds/<stem>.json) through the exchange service."""
    for stem in stems:
        seed = next(p for p in SEEDS if p.stem == stem)
        import_document(ctx, json.loads(seed.read_text("utf-8")))


def pdf_text(content: bytes) -> str:
    """The pages' text without the running footer and page numbers, which would otherwise
    split a sentence that runs over a page break."""
    import io
    import re

    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]
    footer = re.compile(r"^(?:.+ · .+|\s*\d+ \(\d+\)|\s*Sida \d+ av \d+|\s*Page \d+ of \d+)$")
    lines = [ln for text in pages for ln in text.splitlines() if not footer.match(ln)]
    return "\n".join(lines)


#: Valkeakoski's red findings as imported: its notice says nothing about automated
#: decisions, and its MailChimp transfer names no safeguard.
VALKEAKOSKI_RED = ["automated-decisions-not-recorded", "transfer-no-safeguard"]


def fix_mailchimp_safeguard(ctx) -> None:
    """Give Valkeakoski's one transfer a valid safeguard and record that it makes no
    automated decisions, as the officer would: then it has no red findings."""
    data = entities.get(ctx, "registers", VALKEAKOSKI)
    data["transfers"][0].update(safeguard="scc-2021-914", scc_module="2")
    data["statements"].append({"kind": "no-automated-decisions"})
    entities.save(ctx, "registers", data, VALKEAKOSKI)


def add_purpose(ctx, register: str, text: str) -> None:
    data = entities.get(ctx, "registers", register)
    data["purposes"].append(text)
    entities.save(ctx, "registers", data, register)


def audit_actions(ctx) -> list[tuple[str, str]]:
    with ctx.read() as session:
        return [(e.action, e.entity) for e in session.query(m.AuditEvent).order_by(m.AuditEvent.id)]


def versions_stored(ctx) -> int:
    with ctx.read() as session:
        rows = session.query(m.NoticeVersion)
        return rows.filter(m.NoticeVersion.sections_json.isnot(None)).count()


# --------------------------------------------------------------------------- rendering


def test_render_prints_pdf_and_html_from_the_stored_register(ctx):
    load_seed(ctx, "004_valkeakoski")
    pdf = notices.render(ctx, VALKEAKOSKI, "fi", "pdf")
    html = notices.render(ctx, VALKEAKOSKI, "en", "html")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Tietosuojaseloste" in text and "Valkeakosken Energia Oy" in text
    assert isinstance(html, str) and '<html lang="en">' in html
    assert "The Rocket Science Group LLC (Mailchimp)" in html
    # never published from the app: the preview is what publishing would print now,
    # the next number after the imported version 1 of 15.5.2018, dated today
    assert "Versio: 2" in text
    assert "23.11.2026" in text and "15.5.2018" in text


def test_render_stores_nothing(ctx):
    load_seed(ctx, "004_valkeakoski")
    before = audit_actions(ctx)
    notices.render(ctx, VALKEAKOSKI, "sv", "pdf")
    assert audit_actions(ctx) == before
    assert versions_stored(ctx) == 0


@pytest.mark.parametrize(
    ("register", "lang", "fmt", "message"),
    [
        ("No such register", "fi", "pdf", "No such register"),
        (VALKEAKOSKI, "de", "pdf", "de"),
        (VALKEAKOSKI, "fi", "docx", "docx"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(ctx, register, lang, fmt, message):
    load_seed(ctx, "004_valkeakoski")
    with pytest.raises(ServiceError, match=message):
        notices.render(ctx, register, lang, fmt)
    with pytest.raises(ServiceError, match=message):
        notices.publish(ctx, register, lang, fmt, confirm_red=True)
    assert versions_stored(ctx) == 0


def test_registers_of_one_controller_make_one_notice(ctx):
    load_seed(ctx, "002_kuopio", "000_jyvaskyla")
    html = notices.render(ctx, [KUOPIO_CUSTOMERS, KUOPIO_MARKETING], "fi", "html")
    assert KUOPIO_CUSTOMERS in html and KUOPIO_MARKETING in html
    ids = notices.controller_registers(ctx, "Kuopion Energia Oy")
    assert len(ids) == 2
    assert notices.render(ctx, ids, "fi", "html") == html
    with pytest.raises(ServiceError, match="same controller"):
        notices.render(ctx, [KUOPIO_CUSTOMERS, JYVASKYLA], "fi", "html")


def test_supervisory_authority_defaults_to_the_ombudsman_and_follows_settings(ctx):
    load_seed(ctx, "004_valkeakoski")
    html = notices.render(ctx, VALKEAKOSKI, "fi", "html")
    assert "Tietosuojavaltuutetun toimisto" in html
    assert "Lintulahdenkuja 4, 00530 Helsinki" in html
    assert "PL 800, 00531 Helsinki" in html
    assert "Ratapihantie" not in notices.render(ctx, VALKEAKOSKI, "fi", "html")
    settings.set_value(ctx, settings.AUTHORITY_ADDRESS, "PL 999, 00101 Helsinki")
    settings.set_value(ctx, settings.AUTHORITY_PHONE, "029 000 0000")
    changed = notices.render(ctx, VALKEAKOSKI, "fi", "html")
    assert "PL 999, 00101 Helsinki" in changed and "029 000 0000" in changed
    assert "Lintulahdenkuja 4" not in changed  # a set address replaces both defaults


# --------------------------------------------------------------------------- publishing


def test_red_findings_block_publishing_until_confirmed(ctx):
    load_seed(ctx, "004_valkeakoski")
    red = notices.red_findings(ctx, VALKEAKOSKI)
    assert [f.code for f in red] == VALKEAKOSKI_RED
    before = audit_actions(ctx)
    with pytest.raises(notices.RedFindings) as refused:
        notices.publish(ctx, VALKEAKOSKI, "fi", "pdf")
    assert [f.code for f in refused.value.findings] == VALKEAKOSKI_RED
    assert versions_stored(ctx) == 0 and audit_actions(ctx) == before

    published = notices.publish(ctx, VALKEAKOSKI, "fi", "pdf", confirm_red=True, note="web")
    assert published.red_findings_confirmed == (
        f"automated-decisions-not-recorded: {VALKEAKOSKI}",
        "transfer-no-safeguard: The Rocket Science Group LLC (Mailchimp) (US)",
    )
    with ctx.read() as session:
        event = session.query(m.AuditEvent).order_by(m.AuditEvent.id.desc()).first()
        assert (event.action, event.entity) == ("publish", "notice")
        assert "transfer-no-safeguard" in event.after_json


def test_publish_stores_bytes_digest_date_and_version(ctx):
    load_seed(ctx, "004_valkeakoski")
    fix_mailchimp_safeguard(ctx)
    assert notices.red_findings(ctx, VALKEAKOSKI) == []
    published = notices.publish(ctx, VALKEAKOSKI, "fi", "pdf")
    assert published.version == "2"  # the imported notice of 15.5.2018 is version 1
    assert published.issued_on == date(2026, 11, 23)
    assert published.sha256 == hashlib.sha256(published.content).hexdigest()
    stored = notices.list_versions(ctx, VALKEAKOSKI)
    assert [(v.version, v.issued_on, v.language, v.format) for v in stored] == [
        ("1", date(2018, 5, 15), "fi", None),
        ("2", date(2026, 11, 23), "fi", "pdf"),
    ]
    assert notices.version_content(ctx, stored[-1].id) == published.content
    assert stored[-1].sha256 == published.sha256 and stored[-1].size == len(published.content)
    assert "Versio: 2" in pdf_text(published.content)
    with pytest.raises(ServiceError):
        notices.version_content(ctx, 9999)


def test_translations_of_unchanged_data_share_the_version(ctx):
    load_seed(ctx, "004_valkeakoski")
    fix_mailchimp_safeguard(ctx)
    first = notices.publish(ctx, VALKEAKOSKI, "fi", "pdf")
    ctx.clock = lambda: datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    swedish = notices.publish(ctx, VALKEAKOSKI, "sv", "html")
    assert (swedish.version, swedish.issued_on) == (first.version, first.issued_on)
    with pytest.raises(ServiceError, match="already published"):
        notices.publish(ctx, VALKEAKOSKI, "sv", "html")

    add_purpose(ctx, VALKEAKOSKI, "asiakastyytyväisyyden mittaaminen")
    third = notices.publish(ctx, VALKEAKOSKI, "en", "pdf")
    assert (third.version, third.issued_on) == ("3", date(2026, 11, 30))


def test_changes_since_published_are_shown_section_by_section(ctx):
    load_seed(ctx, "004_valkeakoski")
    fix_mailchimp_safeguard(ctx)
    assert notices.last_published(ctx, VALKEAKOSKI, "fi") is None
    before = notices.changes_since_published(ctx, VALKEAKOSKI, "fi")
    assert before and {c.status for c in before} == {ChangeStatus.ADDED}

    notices.publish(ctx, VALKEAKOSKI, "fi", "pdf")
    assert {c.status for c in notices.changes_since_published(ctx, VALKEAKOSKI, "fi")} == {
        ChangeStatus.UNCHANGED
    }
    add_purpose(ctx, VALKEAKOSKI, "asiakastyytyväisyyden mittaaminen")
    changed = [
        c
        for c in notices.changes_since_published(ctx, VALKEAKOSKI, "fi")
        if c.status != ChangeStatus.UNCHANGED
    ]
    assert [c.section_id for c in changed] == ["purposes"]
    assert "+- asiakastyytyväisyyden mittaaminen" in changed[0].diff
    # the Swedish notice was never published: nothing to compare with
    assert notices.last_published(ctx, VALKEAKOSKI, "sv") is None


def test_a_failed_delivery_stores_nothing(ctx):
    load_seed(ctx, "004_valkeakoski")
    before = audit_actions(ctx)

    def disk_full(_content: bytes) -> None:
        raise OSError("No space left on device")

    with pytest.raises(OSError):
        notices.publish(ctx, VALKEAKOSKI, "fi", "pdf", confirm_red=True, deliver=disk_full)
    assert versions_stored(ctx) == 0 and audit_actions(ctx) == before


def test_joint_notice_is_one_version_per_register(ctx):
    load_seed(ctx, "002_kuopio")
    both = [KUOPIO_CUSTOMERS, KUOPIO_MARKETING]
    published = notices.publish(ctx, both, "fi", "html", confirm_red=True)
    assert {v.register_name for v in published.versions} == set(both)
    assert {v.sha256 for v in published.versions} == {published.sha256}
    assert len(notices.list_versions(ctx, KUOPIO_MARKETING)) == 1
    # the customer register alone is another notice: its first version of its own
    alone = notices.changes_since_published(ctx, KUOPIO_CUSTOMERS, "fi")
    assert any(c.status != ChangeStatus.UNCHANGED for c in alone)


def test_next_version_counts_from_the_highest_number():
    assert notices.next_version([]) == "1"
    assert notices.next_version(["1", "v2.1", "", "draft"]) == "3"
