"""Section-by-section comparison of two notice versions."""

from __future__ import annotations

from dataclasses import replace

from rekisteri_app.documents.notices import (
    ChangeStatus,
    Processor,
    RetentionRule,
    SectionId,
    Transfer,
    diff_sections,
    section_texts,
)
from rekisteri_app.documents.notices.texts import load_texts
from rekisteri_app.domain.enums import PeriodUnit, Safeguard
from tests.notice_seed_data import SEEDS


def _changed(changes) -> dict[str, ChangeStatus]:
    return {c.section_id: c.status for c in changes if c.status != ChangeStatus.UNCHANGED}


def test_section_texts_are_in_notice_order_with_numbered_translated_headings() -> None:
    texts = section_texts(SEEDS["004-valkeakoski"](), "sv")
    assert [sid for sid, _, _ in texts] == [str(s) for s in SectionId]
    assert texts[9][1] == f"10. {load_texts('sv').section(SectionId.RETENTION)}"
    retention = texts[9][2]
    assert "- Puhelutallenteet: 1 år puhelusta" in retention.splitlines()
    assert "### Samtalsinspelningar" in retention.splitlines()  # register subheading


def test_identical_versions_are_unchanged_everywhere() -> None:
    old = section_texts(SEEDS["002-kuopio"](), "fi")
    new = section_texts(SEEDS["002-kuopio"](), "fi")
    changes = diff_sections(old, new)
    assert len(changes) == len(SectionId)
    assert all(c.status == ChangeStatus.UNCHANGED and c.diff == () for c in changes)


def test_a_shorter_retention_changes_only_the_retention_section() -> None:
    data = SEEDS["004-valkeakoski"]()
    recordings = data.registers[1]
    shorter = replace(
        recordings,
        retention=(RetentionRule("Puhelutallenteet", 6, PeriodUnit.MONTHS, "puhelusta"),),
    )
    new_data = replace(data, registers=(data.registers[0], shorter))
    changes = diff_sections(section_texts(data, "fi"), section_texts(new_data, "fi"))
    assert _changed(changes) == {"retention": ChangeStatus.CHANGED}
    retention = next(c for c in changes if c.section_id == "retention")
    assert retention.heading == "10. Tietojen säilytysaika"
    assert retention.diff[0].startswith("--- ") and retention.diff[1].startswith("+++ ")
    assert "-- Puhelutallenteet: 1 vuosi puhelusta" in retention.diff
    assert "+- Puhelutallenteet: 6 kuukautta puhelusta" in retention.diff


def test_a_new_transfer_and_processor_show_up_in_their_sections() -> None:
    data = SEEDS["001-aanekoski"]()
    register = data.registers[0]
    grown = replace(
        register,
        transfers=(Transfer("Mailchimp (Intuit Inc.)", "US", Safeguard.DPF),),
        processors=(*register.processors, Processor("Intuit Inc.", ("uutiskirjeet",), "US")),
    )
    new_data = replace(data, registers=(grown,), version="3")
    changes = diff_sections(section_texts(data, "fi"), section_texts(new_data, "fi"))
    assert _changed(changes) == {
        "recipients": ChangeStatus.CHANGED,
        "transfers": ChangeStatus.CHANGED,
        "version": ChangeStatus.CHANGED,
    }
    transfers = next(c for c in changes if c.section_id == "transfers")
    added = [line for line in transfers.diff if line.startswith("+") and not line.startswith("+++")]
    assert "+- Mailchimp (Intuit Inc.)" in added
    assert any("Data Privacy Framework" in line for line in added)
    assert any(line.startswith("-Tietoja ei siirretä") for line in transfers.diff)


def test_added_and_removed_sections_keep_document_order() -> None:
    old = [("a", "1. A", "x"), ("b", "2. B", "y"), ("c", "3. C", "z")]
    new = [("a", "1. A", "x"), ("c", "2. C", "z2"), ("d", "3. D", "w")]
    changes = diff_sections(old, new)
    assert [(c.section_id, c.status) for c in changes] == [
        ("a", ChangeStatus.UNCHANGED),
        ("b", ChangeStatus.REMOVED),
        ("c", ChangeStatus.CHANGED),
        ("d", ChangeStatus.ADDED),
    ]
    removed = changes[1]
    assert removed.heading == "2. B" and "-y" in removed.diff
    assert "+w" in changes[3].diff
    assert changes[2].heading == "2. C"  # headings of surviving sections come from new


def test_a_renumbered_heading_alone_is_not_a_content_change() -> None:
    old = [("x", "1. Old heading", "same")]
    new = [("x", "2. New heading", "same")]
    (change,) = diff_sections(old, new)
    assert change.status == ChangeStatus.UNCHANGED and change.heading == "2. New heading"
