"""The EEA and adequacy lists against the Commission's published list (see adequacy.py)."""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri_app.domain import adequacy
from rekisteri_app.domain.adequacy import (
    ADEQUACY_DECISIONS,
    EEA_COUNTRIES,
    EU_MEMBER_STATES,
    EUROPEAN_PATENT_ORGANISATION,
    AdequacyScope,
    adequacy_for,
    countries,
    country_codes,
    country_name,
    is_eea,
    is_iso_country,
    is_valid_destination,
)

# Typed from the Commission's "Adequacy decisions" page, not from the module.
EXPECTED_ADEQUATE = {
    "AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US",
    "UY", EUROPEAN_PATENT_ORGANISATION,
}  # fmt: skip


def test_eea_is_eu27_plus_iceland_liechtenstein_norway() -> None:
    assert len(EU_MEMBER_STATES) == 27
    assert len(EEA_COUNTRIES) == 30
    assert {"IS", "LI", "NO", "FI", "SE", "GR"} <= EEA_COUNTRIES
    assert "GB" not in EEA_COUNTRIES and "CH" not in EEA_COUNTRIES
    assert EEA_COUNTRIES.issubset(country_codes())


@pytest.mark.parametrize("code", ["FI", "fi", " se ", "NO", "IS", "LI", "AX", "RE", "GF"])
def test_eea_members_and_territories(code: str) -> None:
    assert is_eea(code)


@pytest.mark.parametrize("code", ["GB", "CH", "US", "FO", "GL", "SJ", "PF", "GI", "EPO", "XX"])
def test_outside_the_eea(code: str) -> None:
    assert not is_eea(code)


def test_adequacy_list_matches_the_commission() -> None:
    assert set(ADEQUACY_DECISIONS) == EXPECTED_ADEQUATE
    assert not set(ADEQUACY_DECISIONS) & EEA_COUNTRIES


def test_partial_decisions_are_marked() -> None:
    partial = {d.destination for d in ADEQUACY_DECISIONS.values() if d.is_partial}
    assert partial == {"CA", "JP", "US"}
    assert all(d.scope_note for d in ADEQUACY_DECISIONS.values() if d.is_partial)
    assert adequacy_for("CH").scope is AdequacyScope.FULL


def test_us_decision_is_the_data_privacy_framework() -> None:
    decision = adequacy_for("us")
    assert decision is not None
    assert decision.reference.endswith("2023/1795")
    assert decision.adopted_on == date(2023, 7, 10)
    assert "Data Privacy Framework" in decision.scope_note


def test_recent_decisions_have_their_dates() -> None:
    assert adequacy_for("BR").adopted_on == date(2026, 1, 26)
    assert adequacy_for("BR").reference.endswith("2026/179")
    assert adequacy_for("EPO").adopted_on == date(2025, 7, 15)
    assert adequacy_for("KR").adopted_on == date(2021, 12, 17)
    assert adequacy_for("GB").valid_until == date(2031, 12, 27)


def test_adequacy_for_unknown_and_eea_is_none() -> None:
    assert adequacy_for("IN") is None
    assert adequacy_for("FI") is None  # not a third country at all
    assert adequacy_for("") is None


def test_adequacy_on_a_day_respects_adoption_and_sunset() -> None:
    assert adequacy_for("BR", on=date(2025, 12, 31)) is None
    assert adequacy_for("BR", on=date(2026, 1, 26)) is not None
    assert adequacy_for("GB", on=date(2031, 12, 27)) is not None
    assert adequacy_for("GB", on=date(2031, 12, 28)) is None


def test_iso_code_list_is_the_249_assigned_codes() -> None:
    codes = country_codes()
    assert len(codes) == 249
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    for not_iso in ("EU", "EZ", "UN", "QO", "ZZ", "XK", "XA", "AC", "IC", "001", "150"):
        assert not_iso not in codes
    assert {"FI", "AX", "GB", "US", "SJ", "VA", "SS"} <= codes


def test_code_validation_is_case_and_space_tolerant() -> None:
    assert is_iso_country(" fi ")
    assert not is_iso_country("FIN")
    assert not is_iso_country("UK")  # exceptionally reserved, not assigned
    assert not is_iso_country("EPO")
    assert is_valid_destination("epo")
    assert is_valid_destination("US")
    assert not is_valid_destination("XX")


def test_country_names_are_localised_by_babel() -> None:
    assert country_name("FI", "fi") == "Suomi"
    assert country_name("FI", "sv") == "Finland"
    assert country_name("US", "fi") == "Yhdysvallat"
    assert country_name("EPO", "sv") == "Europeiska patentorganisationen"
    assert country_name("XX", "en") == "XX"


def test_country_picker_sorts_nordic_letters_last() -> None:
    finnish = [name for _code, name in countries("fi")]
    assert len(finnish) == 249
    assert finnish[-1] == "Zimbabwe"
    assert finnish.index("Itävalta") < finnish.index("Japani")
    swedish = [name for _code, name in countries("sv")]
    assert swedish[-3:] == ["Åland", "Österrike", "Östtimor"]
    english = [name for _code, name in countries("en")]
    assert english.index("Åland Islands") < english.index("Albania")


def test_normalise_code() -> None:
    assert adequacy.normalise_code(" gb\n") == "GB"
