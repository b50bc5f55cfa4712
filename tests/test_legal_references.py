"""Statute numbers, the utility's statute catalogue and the repealed Personal Data Act."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rekisteri_app.domain.legal_references import (
    DATA_PROTECTION_ACT,
    PERSONAL_DATA_ACT,
    STATUTES,
    StatuteNumber,
    cited_statutes,
    cites_repealed_personal_data_act,
    find_repealed_references,
    find_statute_numbers,
    find_statutes,
    parse_statute_number,
    statute_by_key,
    statute_by_number,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize(
    "text",
    [
        "henkilötietolaki",
        "Henkilötietolaki (523/1999)",
        "henkilötietolain 19 §:n sallimat tiedot",
        "henkilötietolain edellyttämällä tavalla",
        "henkilötietolakiin perustuen",
        "henkilötietolaissa säädetyin perustein",
        "HetiL 8 §",
        "523/1999",
        "lain (523/1999) mukaan",
        "personuppgiftslagen 523/1999",
        "enligt personuppgiftslagen",
        "Personal Data Act (523/1999)",
        "the Finnish personal data act",
    ],
)
def test_repealed_personal_data_act_is_found(text: str) -> None:
    assert cites_repealed_personal_data_act(text)
    assert find_repealed_references(text)[0].statute is PERSONAL_DATA_ACT


@pytest.mark.parametrize(
    "text",
    [
        "henkilötietolainsäädännön mukaisesti",  # personal data legislation in general
        "voimassa olevan henkilötietolainsäädännön mukaisiin perusteisiin",
        "tietosuojalaki 1050/2018",
        "tietosuojalain 4 §",
        "personuppgiftslagstiftningen",
        "dataskyddslagen (1050/2018)",
        "Data Protection Act (1050/2018)",
        "1523/1999",
        "523/19999",
        "asetus (EU) 2016/679",
        "",
    ],
)
def test_lookalikes_are_not_the_repealed_act(text: str) -> None:
    assert not cites_repealed_personal_data_act(text)
    assert find_repealed_references(text) == []


def test_repeal_date_and_successor() -> None:
    assert PERSONAL_DATA_ACT.repealed_on == date(2019, 1, 1)
    assert PERSONAL_DATA_ACT.replaced_by == DATA_PROTECTION_ACT.number
    assert PERSONAL_DATA_ACT.is_repealed()
    assert PERSONAL_DATA_ACT.is_repealed(date(2019, 1, 1))
    assert not PERSONAL_DATA_ACT.is_repealed(date(2018, 12, 31))
    assert find_repealed_references("henkilötietolaki", on=date(2018, 6, 1)) == []
    assert not DATA_PROTECTION_ACT.is_repealed()


def test_seed_notices_citing_the_old_act_are_caught() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not available")
    hits = {
        path.name: cites_repealed_personal_data_act(path.read_text(encoding="utf-8"))
        for path in sorted(SEEDS.glob("*.txt"))
    }
    # 003 (henkilötietolain 19 §) and 004 (henkilötietolain edellyttämällä tavalla) cite
    # the act; 000 only speaks of henkilötietolainsäädäntö, legislation in general.
    assert hits == {
        "000_737435db116a3bd2.txt": False,
        "001_05ecfa6f8211a144.txt": False,
        "002_2aaf6b3620f8c17d.txt": False,
        "003_a99fc870cf4f2ae4.txt": True,
        "004_d6cb17a25ff11268.txt": True,
    }


def test_parse_statute_number() -> None:
    assert parse_statute_number("588/2013") == StatuteNumber(year=2013, number=588)
    assert parse_statute_number(" 1429 / 2014 ") == StatuteNumber(year=2014, number=1429)
    assert str(parse_statute_number("38/1978")) == "38/1978"
    for bad in ("588", "588/13", "0/2013", "588/2013/1", "abc/2013", "12/1700", "1/2"):
        with pytest.raises(ValueError):
            parse_statute_number(bad)


def test_statute_numbers_sort_by_year_then_number() -> None:
    numbers = [parse_statute_number(n) for n in ("917/2014", "38/1978", "1429/2014")]
    assert [str(n) for n in sorted(numbers)] == ["38/1978", "917/2014", "1429/2014"]


def test_find_statute_numbers_skips_eu_acts() -> None:
    text = "sähkömarkkinalaki (588/2013), asetus (EU) 2019/2088 ja kirjanpitolaki 1336/1997"
    assert [str(n) for n in find_statute_numbers(text)] == ["588/2013", "1336/1997"]


def test_catalogue_has_the_utility_laws_in_three_languages() -> None:
    expected = {
        "588/2013": "sähkömarkkinalaki",
        "587/2017": "maakaasumarkkinalaki",
        "1429/2014": "energiatehokkuuslaki",
        "38/1978": "kuluttajansuojalaki",
        "1050/2018": "tietosuojalaki",
        "1336/1997": "kirjanpitolaki",
        "917/2014": "laki sähköisen viestinnän palveluista",
        "119/2001": "vesihuoltolaki",
        "707/2011": "mittauslaitelaki",
        "527/2007": "luottotietolaki",
        "523/1999": "henkilötietolaki",
    }
    assert {str(s.number): s.name("fi") for s in STATUTES} == expected
    for statute in STATUTES:
        assert set(statute.names) == {"fi", "sv", "en"}
        assert all(statute.names.values())
    electricity = statute_by_number("588/2013")
    assert electricity is not None
    assert electricity.name("sv") == "elmarknadslag"
    assert electricity.citation("en") == "Electricity Market Act (588/2013)"
    assert electricity.name("de") == "sähkömarkkinalaki"
    assert statute_by_number("1/2000") is None
    assert statute_by_number("nonsense") is None
    assert statute_by_key("personal-data-act") is PERSONAL_DATA_ACT


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("sähkömarkkinalakiin (588/2013)", "588/2013"),
        ("Lisäksi sähkömarkkinalain 22 §", "588/2013"),
        ("enligt elmarknadslagen", "588/2013"),
        ("energiatehokkuuslakiin", "1429/2014"),
        ("mittauslaitelain vaatimukset", "707/2011"),
        ("kuluttajansuojalakiin", "38/1978"),
        ("tietoyhteiskuntakaaren 3 luku", "917/2014"),
        ("laki sähköisen viestinnän palveluista", "917/2014"),
        ("lagen om vattentjänster", "119/2001"),
        ("vesihuoltolain mukaan", "119/2001"),
        ("luottotietolain 13 §", "527/2007"),
        ("Natural Gas Market Act", "587/2017"),
        ("kirjanpitolain mukaan", "1336/1997"),
    ],
)
def test_statutes_are_found_by_inflected_name(text: str, number: str) -> None:
    assert [str(s.number) for s in cited_statutes(text)] == [number]


def test_general_legislation_words_cite_nothing() -> None:
    assert find_statutes("sähkömarkkinalainsäädännössä säädetty salassapitovelvollisuus") == []


def test_mentions_carry_positions_in_text_order() -> None:
    text = "Peruste: sähkömarkkinalaki (588/2013) ja henkilötietolaki."
    mentions = find_statutes(text)
    assert [m.text for m in mentions] == ["sähkömarkkinalaki", "588/2013", "henkilötietolaki"]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert cited_statutes(text) == [statute_by_number("588/2013"), PERSONAL_DATA_ACT]
