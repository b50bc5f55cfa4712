"""What goes into a letter, decided before layout: remedies, late notices, warnings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rekisteri_app.documents.letters import (
    DEFAULT_SUPERVISORY_AUTHORITY,
    ErasureDecision,
    Ground,
    MissingPlaceholder,
    RightDecision,
    Transfer,
    WarningCode,
    compose_letter,
    letter_warnings,
    needs_remedies,
)
from rekisteri_app.documents.letters.templates import catalogue
from rekisteri_app.domain.enums import Language, LetterKind, Outcome, Right, Safeguard
from tests.letter_samples import sample_letter


def texts(letter) -> str:
    return " ".join(b.text for b in letter.blocks)


def codes(data) -> list[WarningCode]:
    return [w.code for w in letter_warnings(data)]


def test_default_authority_is_the_current_address():
    fi = DEFAULT_SUPERVISORY_AUTHORITY[Language.FI]
    assert fi.name == "Tietosuojavaltuutetun toimisto"
    assert fi.visiting_address == "Lintulahdenkuja 4, 00530 Helsinki"
    assert fi.postal_address == "PL 800, 00531 Helsinki"
    assert fi.email == "tietosuoja@om.fi"
    assert fi.phone == "029 566 6700"
    assert fi.web == "https://tietosuoja.fi"
    assert all(
        "Ratapihantie" not in a.visiting_address for a in DEFAULT_SUPERVISORY_AUTHORITY.values()
    )


@pytest.mark.parametrize("outcome", [Outcome.REFUSED, Outcome.PARTLY])
@pytest.mark.parametrize(
    "kind", [LetterKind.RECTIFICATION, LetterKind.ACCESS_RESPONSE, LetterKind.PORTABILITY]
)
def test_any_refusal_carries_article_12_4(kind, outcome):
    ground = Ground("x", "12(5)", "Syy.")
    data = replace(
        sample_letter(kind, "fi"), rights=(RightDecision(Right.ACCESS, outcome, (ground,)),)
    )
    assert needs_remedies(data)
    letter = compose_letter(data)
    blocks = catalogue("fi")["blocks"]
    assert blocks["remedies_heading"] in [b.text for b in letter.blocks]
    assert "hallinto-oikeuteen" in texts(letter)
    assert "Perustelu: Syy (tietosuoja-asetus, art. 12(5))" in texts(letter)


def test_granted_letters_have_no_remedies_but_kept_erasure_does():
    data = sample_letter(LetterKind.RECTIFICATION, "fi")
    assert not needs_remedies(data)
    kept = replace(
        sample_letter(LetterKind.ERASURE, "fi"),
        rights=(RightDecision(Right.ERASURE, Outcome.GRANTED),),
        erasure_decisions=(
            ErasureDecision("Laskut", erased=False, ground=Ground("a", "17(3)(b)", "Laki.")),
        ),
    )
    assert needs_remedies(kept)
    assert "säilytetään, kunnes säilyttämisen peruste lakkaa" in texts(compose_letter(kept))


def test_refusal_kind_always_carries_remedies():
    data = replace(
        sample_letter(LetterKind.REFUSAL, "sv"),
        rights=(RightDecision(Right.ACCESS, Outcome.REFUSED),),
    )
    assert needs_remedies(data)
    assert "förvaltningsdomstolen" in texts(compose_letter(data))


def test_required_structured_content_is_reported_as_missing():
    cases = {
        LetterKind.IDENTITY_REQUEST: ({"identity_request": None}, "identity_needed"),
        LetterKind.ACCESS_RESPONSE: ({"registers": ()}, "registers"),
        LetterKind.ERASURE: ({"erasure_decisions": ()}, "erasure_decisions"),
        LetterKind.REFUSAL: ({"refusal_reasons": "", "rights": ()}, "refusal_reasons"),
    }
    for kind, (changes, name) in cases.items():
        with pytest.raises(MissingPlaceholder) as info:
            compose_letter(replace(sample_letter(kind, "en"), **changes))
        assert name in info.value.names, kind


def test_unverified_identity_warns_except_on_receipt_and_identity_request():
    no_data = (
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.IDENTITY_REQUEST,
        LetterKind.NON_GDPR_ACKNOWLEDGEMENT,
        LetterKind.PUBLICITY_ACT_REPLY,  # public documents: anyone may have them
    )
    for kind in LetterKind:
        data = replace(sample_letter(kind, "fi"), identity_verified=False)
        expected = kind not in no_data
        assert (WarningCode.IDENTITY_NOT_VERIFIED in codes(data)) is expected, kind


def test_invalid_safeguard_warns():
    data = sample_letter(LetterKind.ACCESS_RESPONSE, "fi")
    register = replace(
        data.registers[0], transfers=(Transfer("Yhdysvallat", Safeguard.PRIVACY_SHIELD),)
    )
    warnings = letter_warnings(replace(data, registers=(register,)))
    found = [w for w in warnings if w.code is WarningCode.INVALID_SAFEGUARD]
    assert len(found) == 1 and found[0].subject == register.name
    assert WarningCode.INVALID_SAFEGUARD not in codes(data)
    for old in (Safeguard.SCC_2010_87, Safeguard.SCC_2001_497, Safeguard.SCC_2004_915):
        register = replace(register, transfers=(Transfer("Intia", old),))
        assert WarningCode.INVALID_SAFEGUARD in codes(replace(data, registers=(register,)))


def test_deadline_passed_warns_and_uses_the_extended_date():
    data = sample_letter(LetterKind.ACCESS_RESPONSE, "fi")
    assert codes(data) == []
    late = replace(data, issue_date=date(2026, 12, 3))
    assert WarningCode.DEADLINE_PASSED in codes(late)
    extended = replace(late, extended_due_date=date(2027, 2, 2))
    assert WarningCode.DEADLINE_PASSED not in codes(extended)


def test_missing_values_and_pending_decisions_warn():
    data = replace(sample_letter(LetterKind.EXTENSION, "fi"), extended_due_date=None)
    warnings = [w for w in letter_warnings(data) if w.code is WarningCode.MISSING_VALUES]
    assert warnings and "extended_due_date" in warnings[0].subject
    pending = replace(
        sample_letter(LetterKind.RECTIFICATION, "fi"), rights=(RightDecision(Right.RECTIFICATION),)
    )
    assert WarningCode.PENDING_DECISION in codes(pending)
    empty_copy = replace(sample_letter(LetterKind.ACCESS_RESPONSE, "fi"), data_copy=())
    assert WarningCode.EMPTY_DATA_COPY in codes(empty_copy)


def test_reference_is_built_from_the_request_date_in_the_letter_language():
    assert (
        compose_letter(sample_letter(LetterKind.ACKNOWLEDGEMENT, "fi")).reference
        == "Pyyntönne 30.10.2026"
    )
    assert (
        compose_letter(sample_letter(LetterKind.ACKNOWLEDGEMENT, "sv")).reference
        == "Er begäran 2026-10-30"
    )
    assert (
        compose_letter(sample_letter(LetterKind.ACKNOWLEDGEMENT, "en")).reference
        == "Your request of 30 October 2026"
    )
    own = replace(sample_letter(LetterKind.ACKNOWLEDGEMENT, "fi"), reference="Sähköpostinne")
    assert compose_letter(own).reference == "Sähköpostinne"


def test_enclosures_are_added_for_access_and_portability():
    access = compose_letter(sample_letter(LetterKind.ACCESS_RESPONSE, "en"))
    assert access.enclosures[0] == "Copy of your personal data"
    assert access.appendix[0].text == "Enclosure 1: Copy of your personal data"
    portability = compose_letter(sample_letter(LetterKind.PORTABILITY, "fi"))
    assert "CSV- ja JSON-tiedostot" in portability.enclosures[0]
    assert not portability.appendix
