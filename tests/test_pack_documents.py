"""The pack's PDFs and the pieces they are made of: per-language wording, the record of
processing with every linked item, deterministic bytes, pseudonymising and periods."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.pack_fixtures import make_pack, members, pdf_text

ROOT = Path(__file__).resolve().parent.parent


def keys(node: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for key, value in node.items():
        out |= keys(value, (*prefix, key)) if isinstance(value, dict) else {(*prefix, key)}
    return out


def test_the_three_languages_have_the_same_texts_and_placeholders():
    import string

    files = {
        lang: json.loads((ROOT / f"resources/pack/{lang}.json").read_text("utf-8"))
        for lang in ("fi", "sv", "en")
    }
    assert keys(files["fi"]) == keys(files["sv"]) == keys(files["en"])

    def fields(lang: str, path: tuple[str, ...]) -> set[str]:
        node = files[lang]
        for key in path:
            node = node[key]
        return {name for _t, name, _f, _c in string.Formatter().parse(node) if name}

    for path in keys(files["en"]):
        assert fields("fi", path) == fields("en", path) == fields("sv", path), path
    english = {str(v) for v in files["en"]["figures"].values()}
    assert not english & {str(v) for v in files["fi"]["figures"].values()}  # translated


def test_every_member_on_the_cover_has_a_description_in_every_language():
    from rekisteri_app.documents.pack import load_texts
    from rekisteri_app.services.audit_pack import members as m

    described = set(load_texts("en").raw["members"])
    builders = {"index", "records", "registers_json", "processors_csv", "transfers_csv"}
    assert (
        builders
        | {"requests_csv", "letters_csv", "breaches_csv", "findings_csv", "letters", "audit_log"}
        <= described
    )
    assert len(m.BUILDERS) == 11


@pytest.mark.parametrize(
    "lang,title", [("fi", "Seloste käsittelytoimista"), ("sv", "Register över behandling")]
)
def test_the_record_of_processing_holds_every_linked_item(demo_file, tmp_path, lang, title):
    from rekisteri_app.services.exchange import export_json
    from tests.pack_fixtures import opened

    make_pack(demo_file, tmp_path / "p.zip", language=lang)
    text = " ".join(pdf_text(members(tmp_path / "p.zip")["records-of-processing.pdf"]).split())
    assert title in text
    with opened(demo_file) as ctx:
        doc = json.loads(export_json(ctx))
    processors = {p["key"]: p["name"] for p in doc["processors"]}
    controllers = {c["key"]: c["name"] for c in doc["controllers"]}
    for register in doc["registers"]:
        expected = [register["name"]]
        expected += [controllers[c["controller"]] for c in register["controllers"]]
        expected += register["purposes"]
        expected += [g["name"] for g in register["subject_groups"]]
        expected += [c["name"] for c in register["data_categories"]]
        expected += [r["name"] for r in register["recipients"]]
        expected += [processors[p["processor"]] for p in register["processors"]]
        expected += [t["recipient"] for t in register["transfers"]]
        expected += [s["text"] for s in register["security_measures"]]
        for value in expected:
            assert " ".join(value.split()) in text, (register["name"], value)


def test_the_pdfs_are_the_same_bytes_for_the_same_data(demo_file, tmp_path):
    make_pack(demo_file, tmp_path / "a.zip", language="sv")
    make_pack(demo_file, tmp_path / "b.zip", language="sv")
    a, b = members(tmp_path / "a.zip"), members(tmp_path / "b.zip")
    assert a["index.pdf"] == b["index.pdf"]
    assert a["records-of-processing.pdf"] == b["records-of-processing.pdf"]
    assert b"/CreationDate (D:20000101000000+00'00')" in a["index.pdf"]  # invariant mode


def test_the_csv_files_keep_their_columns_whatever_the_language(demo_file, tmp_path):
    make_pack(demo_file, tmp_path / "fi.zip", language="fi")
    make_pack(demo_file, tmp_path / "en.zip", language="en")
    fi, en = members(tmp_path / "fi.zip"), members(tmp_path / "en.zip")
    for name in (
        "requests.csv",
        "letters.csv",
        "processors.csv",
        "transfers.csv",
        "registers.json",
    ):
        assert fi[name] == en[name], name
    assert fi["findings.csv"].splitlines()[0] == en["findings.csv"].splitlines()[0]
    assert fi["findings.csv"] != en["findings.csv"]  # the message column follows the language


def test_a_formula_like_cell_is_neutralised_in_the_csv(demo_file, tmp_path):
    import csv
    import io

    from rekisteri_app.services import entities
    from tests.pack_fixtures import opened

    copy = tmp_path / "demo.db"
    copy.write_bytes(demo_file.read_bytes())
    with opened(copy) as ctx:
        entities.save(ctx, "processors", {"name": '=HYPERLINK("http://x")', "country": "FI"})
    make_pack(copy, tmp_path / "p.zip")
    text = members(tmp_path / "p.zip")["processors.csv"].decode("utf-8")[1:]
    names = [row["name"] for row in csv.DictReader(io.StringIO(text))]
    assert '\'=HYPERLINK("http://x")' in names


def test_scrubbing_strikes_names_addresses_and_their_parts_only():
    from rekisteri_app.services.audit_pack.pseudonym import STRUCK, scrub

    identifiers = ("Väinö Kuvitteellinen", "Rantapolku 7, 40250 Jyväskylä", "vk@example.invalid")
    text = "VÄINÖ pyysi (rantapolku 7) vastausta osoitteeseen vk@example.invalid; Ranta ei."
    result = scrub(text, identifiers)
    assert "VÄINÖ" not in result and "rantapolku" not in result and "vk@" not in result
    assert result.count(STRUCK) == 3 and "vastausta osoitteeseen" in result
    assert "Ranta ei." in result  # a word shorter than the name's stems stays
    assert scrub("", identifiers) == "" and scrub("plain", ()) == "plain"


@pytest.mark.parametrize(
    "name,written",
    [
        ("Matti Meikäläinen", "Soitin Meikäläiselle"),
        ("Matti Meikäläinen", "Matin asia"),
        ("Matti Meikäläinen", "kirje Matille"),
        ("Ville Virtanen", "Virtasen osoite"),
        ("Aino Saari", "Saaren puhelu"),
        ("Pekka Lahti", "Pekan ja"),
        ("Pekka Lahti", "Lahden kanssa"),
        ("Anna Andersson", "Anderssons brev"),
    ],
)
def test_scrubbing_strikes_a_name_in_its_inflected_forms(name, written):
    """A name written into a free text is inflected (issue 16's note): Finnish case
    endings, -nen names' s-stem, consonant gradation, the Swedish genitive."""
    from rekisteri_app.services.audit_pack.pseudonym import STRUCK, scrub

    result = scrub(written, (name,))
    assert STRUCK in result
    assert not {w for w in written.split() if w[:4].lower() in name.lower()} & set(result.split())


@pytest.mark.parametrize(
    "today,name,expected",
    [
        (date(2026, 1, 15), "last-quarter", (date(2025, 10, 1), date(2025, 12, 31))),
        (date(2026, 4, 1), "last-quarter", (date(2026, 1, 1), date(2026, 3, 31))),
        (date(2026, 12, 31), "last-quarter", (date(2026, 7, 1), date(2026, 9, 30))),
        (date(2026, 3, 1), "last-year", (date(2025, 1, 1), date(2025, 12, 31))),
        (date(2026, 3, 1), "this-year", (date(2026, 1, 1), date(2026, 3, 1))),
    ],
)
def test_period_presets(today, name, expected):
    from rekisteri_app.services.audit_pack import Period, preset

    assert preset(name, today) == Period(*expected)


def test_a_period_that_ends_before_it_starts_is_refused():
    from rekisteri_app.services.audit_pack import Period
    from rekisteri_app.services.context import ServiceError

    with pytest.raises(ServiceError):
        Period(date(2026, 3, 1), date(2026, 2, 1))
    assert Period(date(2025, 11, 15), date(2026, 2, 3)).months() == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
