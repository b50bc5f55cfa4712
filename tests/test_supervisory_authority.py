"""The Ombudsman's contact details are written once and printed the same everywhere."""

from __future__ import annotations

import pytest

from rekisteri_app.domain.supervisory_authority import OMBUDSMAN


def test_the_office_is_at_its_current_address():
    # tietosuoja.fi/yhteystiedot (2026): moved from Ratapihantie 9 to Lintulahdenkuja 4
    assert OMBUDSMAN["fi"].street == "Lintulahdenkuja 4"
    assert all("Ratapihantie" not in contact.street for contact in OMBUDSMAN.values())


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_letters_and_notices_take_the_same_details(lang):
    from rekisteri_app.documents.letters.data import default_supervisory_authority
    from rekisteri_app.documents.notices.data import DATA_PROTECTION_OMBUDSMAN

    source = OMBUDSMAN[lang]
    letter = default_supervisory_authority(lang)
    notice = DATA_PROTECTION_OMBUDSMAN
    assert letter.name == notice.name.get(lang) == source.name
    assert source.street in letter.visiting_address
    assert notice.visiting_address.street.get(lang) == source.street
    assert letter.phone == notice.phone.get(lang) == source.phone


def test_the_settings_default_is_the_finnish_postal_address():
    from rekisteri_app.services import settings

    assert settings.spec(settings.AUTHORITY_ADDRESS).default == "PL 800, 00531 Helsinki"
    assert settings.spec(settings.AUTHORITY_NAME).default == OMBUDSMAN["fi"].name
