"""Privacy notice rendering: PDF and HTML from NoticeData, in fi / sv / en.

The five fixtures are modelled on the real notices in ../shared/seeds; every purpose,
basis, category, source, recipient, retention rule, safeguard and right put into them must
come out in the printed text and on the web page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from rekisteri_app.documents.notices import (
    DATA_PROTECTION_OMBUDSMAN,
    ControllerInfo,
    LegalBasis,
    Localized,
    NoticeData,
    Purpose,
    RegisterData,
    RetentionRule,
    SectionId,
    Transfer,
    applicable_rights,
    localize,
    render_notice_html,
    render_notice_pdf,
)
from rekisteri_app.documents.notices.structure import build_notice, mail_href, web_href
from rekisteri_app.documents.notices.texts import NOTICE_LANGUAGES, load_texts
from rekisteri_app.domain.enums import (
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SecurityKind,
    SourceKind,
)
from rekisteri_app.paths import resource
from tests.notice_seed_data import SEEDS

SEED_IDS = sorted(SEEDS)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf: bytes, data: NoticeData, lang: str) -> str:
    """All pages' text with the running footer removed, whitespace collapsed."""
    doc = build_notice(data, lang)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        text = _norm(page.extract_text())
        text = text.replace(_norm(doc.footer), " ").replace(doc.page_label(number, total), " ")
        pages.append(text)
    return _norm(" ".join(pages))


def html_text(page: str) -> str:
    body = page.split("<body>", 1)[1]
    return _norm(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def expected_strings(data: NoticeData, lang: str) -> list[str]:
    """What the notice must say, as the renderer words it in `lang`."""
    t = load_texts(lang)
    out: list[str] = []

    def add(*texts: object) -> None:
        out.extend(s for s in (localize(x, lang) for x in texts) if s)  # type: ignore[arg-type]

    for c in data.controllers:
        add(c.name, c.business_id)
    for r in data.registers:
        add(r.name)
        for p in r.purposes:
            add(p.description)
        for b in r.legal_bases:
            wording = t.basis(b.article)
            add(f"{wording['label']} ({wording['ref']})" if wording["ref"] else wording["label"])
            add(b.description, *b.laws)
        for g in r.subject_groups:
            add(g)
        for c in r.categories:
            add(c.name, c.heading)
        for s in r.sources:
            add(s.name, s.description)
        for x in r.recipients:
            add(x.name, x.description)
        for p in r.processors:
            add(p.name, *p.services)
        for x in r.transfers:
            add(x.recipient, t.country(x.country), t.safeguard(x.safeguard), x.description)
        if not r.transfers and r.no_transfers is not None:
            add(localize(r.no_transfers, lang) or t.text("no_transfers"))
        for rule in r.retention:
            add(rule.applies_to, rule.description)
            if rule.period_value is not None and rule.period_unit is not None:
                period = t.period(rule.period_value, rule.period_unit)
                add(f"{period} {localize(rule.trigger, lang)}".strip())
        for m in r.security:
            add(t.security_kind(m.kind), m.text)
        for d in r.automated_decisions:
            add(d.description, d.logic, d.consequences)
    for statement in data.rights:
        add(t.right_name(statement.right), *statement.conditions)
    add(t.text("response_time"))
    if data.requests.identity_proof_required:
        add(t.text("identity"))
    add(data.authority.name, data.authority.email)
    return out


def render(seed: str, lang: str) -> tuple[NoticeData, bytes, str]:
    data = SEEDS[seed]()
    return data, render_notice_pdf(data, lang), render_notice_html(data, lang)


# --- content ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_IDS)
def test_finnish_pdf_and_html_say_everything_the_data_holds(seed: str) -> None:
    data, pdf, page = render(seed, "fi")
    printed, published = pdf_text(pdf, data, "fi"), html_text(page)
    for expected in expected_strings(data, "fi"):
        assert _norm(expected) in printed, f"PDF lacks {expected!r}"
        assert _norm(expected) in published, f"HTML lacks {expected!r}"


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("seed", SEED_IDS)
def test_swedish_and_english_say_everything_in_their_own_words(seed: str, lang: str) -> None:
    data, pdf, page = render(seed, lang)
    printed, published = pdf_text(pdf, data, lang), html_text(page)
    for expected in expected_strings(data, lang):
        assert _norm(expected) in printed, f"PDF lacks {expected!r}"
        assert _norm(expected) in published, f"HTML lacks {expected!r}"


def _finnish_fixed_wording() -> list[str]:
    """Finnish headings and standard sentences that must never leak into sv / en."""
    fi = load_texts("fi").raw
    strings = [fi["document"]["title"], fi["document"]["law"], *fi["sections"].values()]
    strings += [r["name"] for r in fi["rights"].values()] + [
        r["text"] for r in fi["rights"].values()
    ]
    strings += [b["text"] for b in fi["legal_bases"].values()]
    strings += list(fi["safeguards"].values())
    strings += [v for v in fi["texts"].values() if len(v) > 25]
    strings += list(fi["labels"].values())
    return strings


def _finnish_headings() -> set[str]:
    fi = load_texts("fi").raw
    headings = {fi["document"]["title"], fi["document"]["contents"], *fi["sections"].values()}
    headings |= set(fi["security_kinds"].values()) | set(fi["source_kinds"].values())
    headings |= set(fi["recipient_kinds"].values())
    headings |= {fi["texts"][k] for k in ("purposes", "bases", "processors", "rights_howto")}
    return headings


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("seed", SEED_IDS)
def test_swedish_and_english_have_no_finnish_headings_or_wording(seed: str, lang: str) -> None:
    data, pdf, page = render(seed, lang)
    printed, published = pdf_text(pdf, data, lang), html_text(page)
    labels = set(load_texts("fi").raw["labels"].values())
    for finnish in _finnish_fixed_wording():
        # Labels are short words; look for them as "Label:" so data text cannot collide.
        needle = f"{finnish}:" if finnish in labels else finnish
        assert needle not in printed, f"{lang} PDF contains Finnish {needle!r}"
        assert needle not in published, f"{lang} HTML contains Finnish {needle!r}"
    # Every heading of the page (h1-h4) is in the notice's language; only register names
    # and data-category headings (which are data) may be Finnish, and these fixtures give
    # register names in sv/en where they matter.
    headings = {html.unescape(h) for h in re.findall(r"<h[1-4][^>]*>([^<]*)</h[1-4]>", page)}
    numbered = {re.sub(r"^\d+\. ", "", h) for h in headings}
    assert not (numbered & _finnish_headings()), numbered & _finnish_headings()
    for section in SectionId:
        assert load_texts(lang).section(section) in printed


def test_section_order_follows_finnish_notices() -> None:
    data, pdf, page = render("000-jyvaskyla", "fi")
    printed = pdf_text(pdf, data, "fi")
    t = load_texts("fi")
    positions = [printed.index(f"{n}. {t.section(s)}") for n, s in enumerate(SectionId, start=1)]
    assert positions == sorted(positions)
    assert [m for m in re.findall(r'<section id="([a-z]+)"', page)] == [str(s) for s in SectionId]


def test_free_text_falls_back_to_finnish_and_localized_variants_are_used() -> None:
    text = Localized(fi="Asiakasrekisteri", en="Customer register")
    assert localize(text, "en") == "Customer register"
    assert localize(text, "sv") == "Asiakasrekisteri"  # blank sv falls back to fi
    assert localize(Localized(sv="Endast svenska"), "fi") == "Endast svenska"
    assert localize("  plain  ", "sv") == "plain"
    _, _, page = render("004-valkeakoski", "sv")
    assert "Samtalsinspelningar" in page and "Puhelutallenteet</h3>" not in page
    assert "Puhelutallenteiden osalta" not in page and "För samtalsinspelningar" in page


def test_dates_lists_countries_and_periods_are_babel_formatted() -> None:
    data = SEEDS["004-valkeakoski"]()
    fi, sv, en = (html_text(render_notice_html(data, lang)) for lang in ("fi", "sv", "en"))
    assert "Päivätty: 15.5.2018" in fi
    assert "Daterad: 15 maj 2018" in sv
    assert "Dated: 15 May 2018" in en
    aanekoski = SEEDS["001-aanekoski"]()
    assert "Daterad: 1 september 2023" in html_text(render_notice_html(aanekoski, "sv"))
    assert "Päivätty: 1.9.2023" in html_text(render_notice_html(aanekoski, "fi"))
    assert "Maa: Yhdysvallat" in fi and "Land: USA" in sv and "Country: United States" in en
    assert "1 vuosi puhelusta" in fi and "10 vuotta asiakassuhteen" in fi
    assert "1 år puhelusta" in sv and "1 year puhelusta" in en and "10 years" in en
    kuopio = html_text(render_notice_html(SEEDS["002-kuopio"](), "fi"))
    assert (
        "sähkömarkkinalaki (588/2013), mittauslaitelaki (707/2011) ja energiatehokkuuslaki"
        in kuopio
    )
    nurmijarvi = html_text(render_notice_html(SEEDS["003-nurmijarvi"](), "fi"))
    assert "Maa: Intia" in nurmijarvi


@pytest.mark.parametrize(
    ("lang", "amount", "unit", "expected"),
    [
        ("fi", 1, PeriodUnit.YEARS, "1 vuosi"),
        ("fi", 10, PeriodUnit.YEARS, "10 vuotta"),
        ("fi", 6, PeriodUnit.MONTHS, "6 kuukautta"),
        ("sv", 1, PeriodUnit.MONTHS, "1 månad"),
        ("sv", 30, PeriodUnit.DAYS, "30 dagar"),
        ("en", 1, PeriodUnit.DAYS, "1 day"),
        ("en", 1000, PeriodUnit.DAYS, "1,000 days"),
    ],
)
def test_retention_periods_use_plural_forms(lang, amount, unit, expected) -> None:
    assert load_texts(lang).period(amount, unit) == expected


def test_no_transfer_sentence_and_safeguard_words_in_every_language() -> None:
    for lang in NOTICE_LANGUAGES:
        t = load_texts(lang)
        page = html_text(render_notice_html(SEEDS["001-aanekoski"](), lang))
        assert t.text("no_transfers") in page
        jyv = html_text(render_notice_html(SEEDS["000-jyvaskyla"](), lang))
        assert t.safeguard(Safeguard.SCC_2021) in jyv and t.text("transfers_copy_contact") in jyv
    assert "(EU) 2021/914" in load_texts("en").safeguard(Safeguard.SCC_2021)
    assert "2023/1795" in load_texts("sv").safeguard(Safeguard.DPF)


def test_register_specific_conditions_of_rights_are_printed() -> None:
    data, pdf, _ = render("003-nurmijarvi", "fi")
    printed = pdf_text(pdf, data, "fi")
    assert "Oikeus saada pääsy tietoihin (tarkastusoikeus)" in printed
    assert "maksullinen, jos edellisestä tarkastuspyynnöstä on kulunut alle vuosi" in printed
    assert "Tarkastuspyyntö on tehtävä henkilökohtaisesti rekisterinpitäjän luona." in printed
    assert "Pyynnön muoto: Kirjallisesti ja allekirjoitettuna" in printed
    assert "kuukauden kuluessa pyynnön vastaanottamisesta" in printed  # Art. 12(3)


def test_rights_default_to_those_the_legal_bases_give() -> None:
    assert applicable_rights([LegalBasisArticle.LEGAL_OBLIGATION]) == (
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
    )
    consent = applicable_rights([LegalBasisArticle.CONSENT])
    assert Right.CONSENT_WITHDRAWAL in consent and Right.PORTABILITY in consent
    assert Right.OBJECTION in applicable_rights([LegalBasisArticle.LEGITIMATE_INTERESTS])
    data = replace(SEEDS["001-aanekoski"](), rights=())  # contract + legitimate interests
    page = html_text(render_notice_html(data, "en"))
    assert "Right to data portability" in page and "Right to object" in page
    assert "Right to withdraw consent" not in page


def test_supervisory_authority_default_is_the_current_address() -> None:
    authority = DATA_PROTECTION_OMBUDSMAN
    assert localize(authority.name, "sv") == "Dataombudsmannens byrå"
    fi = html_text(render_notice_html(SEEDS["001-aanekoski"](), "fi"))
    assert "Käyntiosoite: Lintulahdenkuja 4, 00530 Helsinki" in fi
    assert "Postiosoite: PL 800, 00531 Helsinki" in fi
    assert "tietosuoja@om.fi" in fi and "029 566 6700" in fi
    sv = html_text(render_notice_html(SEEDS["001-aanekoski"](), "sv"))
    assert "Fågelviksgränden 4, 00530 Helsingfors" in sv and "PB 800, 00531 Helsingfors" in sv
    for lang in NOTICE_LANGUAGES:
        assert "Ratapihantie" not in render_notice_html(SEEDS["000-jyvaskyla"](), lang)


def test_several_controllers_show_their_roles_and_shared_parts_print_once() -> None:
    data = SEEDS["002-kuopio"]()
    page = render_notice_html(data, "fi")
    text = html_text(page)
    assert "Rooli: Rekisterinpitäjä" in text and "Rooli: Konserniyhtiö" in text
    security = page.split('<section id="security"', 1)[1].split("</section>", 1)[0]
    assert "<h3>" not in security and security.count("Verkkoliikenteen segmentointi") == 1
    retention = page.split('<section id="retention"', 1)[1].split("</section>", 1)[0]
    assert retention.count("<h3>") == 2  # the registers' retention differs


def test_free_text_addresses_from_the_database_print_as_one_line() -> None:
    data = NoticeData(
        controllers=(
            ControllerInfo("Testi Oy", visiting_address="Katu 1\n00100 Helsinki", web="x.fi"),
        ),
        registers=(RegisterData("Rekisteri"),),
    )
    text = html_text(render_notice_html(data, "fi"))
    assert "Käyntiosoite: Katu 1, 00100 Helsinki" in text
    assert "Ei kirjattu." in text  # empty parts are visible, not silently missing


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", NOTICE_LANGUAGES)
@pytest.mark.parametrize("seed", SEED_IDS)
def test_html_is_standalone_semantic_and_phone_friendly(seed: str, lang: str) -> None:
    data, _, page = render(seed, lang)
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<meta charset="utf-8">' in page
    assert page.count("<h1>") == 1
    assert page.count("<section ") == len(SectionId) and "<ul" in page and "<h3>" in page
    lowered = page.lower()
    for forbidden in ("src=", "<link", "<script", "<img", "<iframe", "@import", "url(", "srcset"):
        assert forbidden not in lowered, forbidden
    allowed = {web_href(c.web) for c in data.controllers if c.web}
    allowed.add(web_href(localize(data.authority.web, lang)))
    for href in re.findall(r'href="([^"]*)"', page):
        target = html.unescape(href)
        assert target.startswith(("#", "mailto:")) or target in allowed, target


def test_html_escapes_data_and_refuses_script_links() -> None:
    evil = '<script>alert("x")</script> & <b>'
    data = NoticeData(
        controllers=(ControllerInfo(evil, web="javascript:alert(1)", email="a@b.fi?x"),),
        registers=(RegisterData(evil, purposes=(Purpose(evil),)),),
    )
    page = render_notice_html(data, "fi")
    assert (
        "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in page
    )
    assert 'href="javascript' not in page and "mailto:a@b.fi?x" not in page
    assert (
        web_href("javascript:alert(1)") == ""
        and web_href("www.example.fi") == "https://www.example.fi"
    )
    assert mail_href("tietosuoja@example.fi") == "mailto:tietosuoja@example.fi"
    assert evil in pdf_text(render_notice_pdf(data, "fi"), data, "fi")


# --- PDF ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("fi", "1 ({n})", "{n} ({n})"),
        ("sv", "Sida 1 av {n}", "Sida {n} av {n}"),
        ("en", "Page 1 of {n}", "Page {n} of {n}"),
    ],
)
def test_pdf_is_a4_with_translated_page_numbers_and_metadata(lang, first, last) -> None:
    _, pdf, _ = render("002-kuopio", lang)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    n = len(reader.pages)
    assert n > 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert first.format(n=n) in _norm(reader.pages[0].extract_text())
    assert last.format(n=n) in _norm(reader.pages[-1].extract_text())
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.metadata.title.startswith(load_texts(lang).doc("title"))
    assert (
        reader.metadata.author
        == "Kuopion Energia Oy "
        + {"fi": "ja", "sv": "och", "en": "and"}[lang]
        + " Kuopion Sähköverkko Oy"
    )


def test_pdf_embeds_the_dejavu_font_and_nothing_else() -> None:
    _, pdf, _ = render("000-jyvaskyla", "fi")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in str(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType subset


# --- determinism --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_IDS)
def test_same_input_gives_same_bytes(seed: str) -> None:
    data = SEEDS[seed]()
    assert render_notice_pdf(data, "fi") == render_notice_pdf(SEEDS[seed](), "fi")
    assert render_notice_html(data, "sv") == render_notice_html(SEEDS[seed](), "sv")


_HASH_IN_CHILD = """
import hashlib, sys
from tests.notice_seed_data import SEEDS
from rekisteri_app.documents.notices import render_notice_pdf, render_notice_html
data = SEEDS["002-kuopio"]()
print(hashlib.sha256(render_notice_pdf(data, "sv")).hexdigest())
print(hashlib.sha256(render_notice_html(data, "sv").encode()).hexdigest())
"""


def test_same_bytes_across_processes_and_hash_seeds() -> None:
    root = Path(__file__).resolve().parent.parent
    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _HASH_IN_CHILD],
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PATH": "", "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    data = SEEDS["002-kuopio"]()
    here = [
        hashlib.sha256(render_notice_pdf(data, "sv")).hexdigest(),
        hashlib.sha256(render_notice_html(data, "sv").encode()).hexdigest(),
    ]
    assert outputs[0] == outputs[1] == "\n".join(here) + "\n"


def test_the_date_is_an_input_not_the_clock() -> None:
    data = SEEDS["000-jyvaskyla"]()
    later = replace(data, date=dt.date(2030, 1, 2))
    assert "2.1.2030" in html_text(render_notice_html(later, "fi"))
    assert render_notice_pdf(data, "fi") != render_notice_pdf(later, "fi")


# --- resources ----------------------------------------------------------------------------


def _keys(node: object, prefix: str = "") -> set[str]:
    if not isinstance(node, dict):
        return set()
    out = set()
    for key, value in node.items():
        out.add(prefix + key)
        out |= _keys(value, f"{prefix}{key}.")
    return out


def test_resource_files_have_the_same_keys_and_cover_every_enumeration() -> None:
    raws = {
        lang: json.loads(resource("notices", f"{lang}.json").read_text("utf-8"))
        for lang in NOTICE_LANGUAGES
    }
    assert _keys(raws["fi"]) == _keys(raws["sv"]) == _keys(raws["en"])
    fi = raws["fi"]
    assert set(fi["sections"]) == {str(s) for s in SectionId}
    assert set(fi["legal_bases"]) == {str(a) for a in LegalBasisArticle} | {"national"}
    assert set(fi["rights"]) == {str(r) for r in Right}
    assert set(fi["safeguards"]) == {str(s) for s in Safeguard}
    assert set(fi["security_kinds"]) == {str(k) for k in SecurityKind}
    assert set(fi["source_kinds"]) == {str(k) for k in SourceKind}
    assert set(fi["recipient_kinds"]) == {str(k) for k in RecipientKind}
    assert set(fi["roles"]) == {str(r) for r in ControllerRole}
    assert set(fi["units"]) == {str(u) for u in PeriodUnit}
    for lang, raw in raws.items():
        assert raw["meta"]["language"] == lang
        for unit in raw["units"].values():
            assert set(unit) == {"one", "other"}


def test_every_language_differs_from_finnish_in_all_headings() -> None:
    fi = load_texts("fi")
    for lang in ("sv", "en"):
        t = load_texts(lang)
        for section in SectionId:
            assert t.section(section) != fi.section(section)
        for right in Right:
            assert t.right_name(right) != fi.right_name(right)
        for safeguard in Safeguard:
            assert t.safeguard(safeguard) != fi.safeguard(safeguard)


def test_a_transfer_with_an_invalid_safeguard_still_prints_what_was_recorded() -> None:
    register = RegisterData(
        "Rekisteri",
        legal_bases=(LegalBasis(LegalBasisArticle.CONTRACT),),
        transfers=(Transfer("Vanha Oy", "US", Safeguard.PRIVACY_SHIELD),),
        retention=(RetentionRule("Kaikki", 30, PeriodUnit.DAYS),),
    )
    data = NoticeData(controllers=(ControllerInfo("Testi Oy"),), registers=(register,))
    text = html_text(render_notice_html(data, "sv"))
    assert "Skölden för skydd av privatlivet" in text and "Kaikki: 30 dagar" in text
