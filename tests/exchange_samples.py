"""A small document that touches every object and field kind of the exchange format."""

from __future__ import annotations

import base64
import io
from functools import cache
from typing import Any


@cache
def one_page_pdf() -> bytes:
    """A real one-page PDF: an import parses every letter's PDF."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def full_document() -> dict[str, Any]:
    return {
        "format": "rekisteri",
        "version": 1,
        "settings": {"organisation.name": "Esimerkki Energia Oy", "case.prefix": ""},
        "controllers": [
            {
                "key": "ee",
                "name": "Esimerkki Energia Oy",
                "business_id": "FI01120389",
                "visiting_address": "Voimalatie 1, 40100 Jyväskylä",
                "postal_address": "PL 1, 40101 Jyväskylä",
                "phone": "014 000 0000",
                "email": "tietosuoja@esimerkki.invalid",
                "web": "https://esimerkki.invalid",
                "contacts": [
                    {
                        "name": "Aino Virtanen",
                        "role": "tietosuojavastaava",
                        "email": "aino.virtanen@esimerkki.invalid",
                    }
                ],
            },
            {"key": "verkko", "name": "Esimerkki Sähköverkko Oy", "business_id": "0112038-9"},
        ],
        "processors": [
            {
                "key": "mail",
                "name": "Postitus Inc.",
                "country": "US",
                "services": ["newsletter mailing", "address cleaning"],
                "dpa_signed_on": "2024-01-15",
                "dpa_review_on": "2026-01-15",
            },
            {"key": "sub", "name": "Pilvi Ltd", "country": "IE", "parent": "mail"},
        ],
        "registers": [
            {
                "key": "asiakas",
                "name": "Asiakasrekisteri",
                "description": "Sähkön ja kaukolämmön asiakkaat",
                "identity_proof": "Rekisteröidyn tulee todistaa henkilöllisyytensä.",
                "response_time": "Kuukauden kuluessa pyynnön saamisesta.",
                "controllers": [
                    {"controller": "ee", "role": "controller"},
                    {"controller": "verkko", "role": "group-company"},
                ],
                "contacts": [
                    {"role": "asiakaspalvelu", "scope": "puhelutallenteet", "phone": "014 000 0001"}
                ],
                "purposes": ["Asiakassuhteen hoitaminen", "Laskutus ja perintä"],
                "legal_bases": [
                    {"article": "6.1.b", "description": "sopimus"},
                    {"article": "6.1.c", "national_law": "sähkömarkkinalaki 588/2013"},
                ],
                "subject_groups": [{"name": "Asiakkaat"}, {"name": "Potentiaaliset asiakkaat"}],
                "data_categories": [
                    {"key": "nimi", "heading": "Asiakastiedot", "name": "nimi"},
                    {"key": "puhelut", "name": "puhelutallenteet", "special": False},
                ],
                "retention_rules": [
                    {
                        "data_category": "nimi",
                        "period_value": 10,
                        "period_unit": "years",
                        "trigger": "sopimuksen päättymisestä",
                        "legal_ground": "laskujen oikaisu",
                    },
                    {
                        "data_category": "puhelut",
                        "period_value": 1,
                        "period_unit": "years",
                        "trigger": "puhelusta",
                    },
                ],
                "sources": [{"name": "Fingrid Datahub Oy", "kind": "market-party"}],
                "recipients": [{"name": "Viranomaiset", "kind": "authority"}],
                "processors": [{"processor": "mail", "service": "uutiskirjeet"}],
                "transfers": [
                    {
                        "country": "US",
                        "recipient": "Postitus Inc.",
                        "processor": "mail",
                        "safeguard": "scc-2010-87",
                        "description": "C(2010)593",
                    }
                ],
                "security_measures": [
                    {"kind": "technical", "text": "palomuuri"},
                    {"kind": "manual", "text": "lukitut tilat"},
                ],
                "automated_decisions": [
                    {"description": "sopimuskelpoisuuden tarkistus", "is_profiling": False}
                ],
                "rights": [{"right": "access", "description": "maksullinen alle vuoden välein"}],
                "notice_versions": [{"version": "1", "issued_on": "2018-05-15"}],
            }
        ],
        "requests": [
            {
                "case_number": "2026-0001",
                "received_on": "2026-11-02",
                "logged_at": "2026-11-03T08:15:00",
                "channel": "post",
                "language": "fi",
                "status": "in-progress",
                "controller": "ee",
                "authority": "power-of-attorney",
                "authority_checked_on": "2026-11-04",
                "subject": {"name": "Matti Meikäläinen", "address": "Kuja 1, 40100 Jyväskylä"},
                "requester": {"name": "Liisa Asianajaja", "address": "Katu 2, 00100 Helsinki"},
                "registers": ["asiakas"],
                "rights": [
                    {
                        "right": "erasure",
                        "outcome": "partly",
                        "legal_ground": "art-17-3-b",
                        "reason": "laskutuksen oikaisuvelvoite",
                        "decided_on": "2026-11-20",
                        "erasures": [
                            {
                                "data_category": "puhelut",
                                "category_name": "puhelutallenteet",
                                "erased": True,
                            },
                            {
                                "data_category": "nimi",
                                "category_name": "nimi",
                                "erased": False,
                                "kept_until": "2036-11-20",
                                "legal_ground": "art-17-3-b",
                            },
                        ],
                    }
                ],
                "identity_checks": [
                    {
                        "method": "signed-letter-address",
                        "verified_by": "AV",
                        "verified_on": "2026-11-05",
                        "document_type": "passi",
                        "document_last4": "1234",
                    }
                ],
                "pauses": [
                    {"kind": "identity", "asked_on": "2026-11-03", "received_on": "2026-11-05"}
                ],
                "events": [{"at": "2026-11-03T08:15:00", "kind": "note", "text": "kirje saapui"}],
                "attachments": [
                    {
                        "filename": "kirje.pdf",
                        "media_type": "application/pdf",
                        "content_base64": base64.b64encode(b"%PDF-1.4 scan").decode(),
                        "added_at": "2026-11-03T08:16:00",
                    }
                ],
                "legal_holds": [
                    {
                        "data_category": "puhelut",
                        "category_name": "puhelutallenteet",
                        "placed_on": "2026-11-03",
                    }
                ],
                "letters": [
                    {
                        "kind": "acknowledgement",
                        "language": "fi",
                        "issued_on": "2026-11-03",
                        "sent_via": "post",
                        "pdf_base64": base64.b64encode(one_page_pdf()).decode(),
                        "created_at": "2026-11-03T09:00:00",
                    }
                ],
            }
        ],
        "letter_templates": [
            {
                "kind": "acknowledgement",
                "language": "fi",
                "version": 1,
                "text": "Olemme vastaanottaneet pyyntönne {received_date}.",
                "created_at": "2026-11-01T10:00:00",
            }
        ],
    }


def notice_model_document() -> dict[str, Any]:
    """full_document() with every field issue 12 added, each filled in: translations,
    statements, notice dates, references, shared DPOs and address blocks, categories."""
    doc = full_document()
    doc["dpos"] = [
        {
            "key": "dpo",
            "name": "Outi Ombudsson",
            "publish_name": False,
            "role": "Tietosuojavastaava",
            "email": "tietosuoja@esimerkki.invalid",
            "phone": "014 000 0009",
            "address": "PL 1, 40101 Jyväskylä",
            "web": "https://esimerkki.invalid/tietosuoja",
            "translations": {"sv": {"role": "Dataskyddsombud"}, "en": {"role": "DPO"}},
        }
    ]
    ee, verkko = doc["controllers"]
    ee.update(
        controller_type="company",
        dpo="dpo",
        translations={"sv": {"name": "Exempel Energi Ab"}},
    )
    ee["contacts"][0].update(
        publish_name=False,
        web="https://esimerkki.invalid/yhteys",
        translations={"sv": {"role": "dataskyddsombud"}},
    )
    verkko.update(
        controller_type="company",
        dpo="dpo",
        address_from="ee",
        business_id=None,
        business_id_from="ee",
    )
    doc["processors"].append(
        {
            "key": "billing",
            "name": "Laskutus- ja mittarinlukupalvelut",
            "is_category": True,
            "translations": {"sv": {"name": "Fakturerings- och mätaravläsningstjänster"}},
        }
    )
    reg = doc["registers"][0]
    reg.update(
        language="fi",
        languages=["fi", "sv"],
        joint_arrangement="Yhteisrekisterinpitäjät vastaavat kumpikin omista tiedoistaan.",
        request_web_form="https://esimerkki.invalid/lomake",
        notice_valid_from="2025-01-01",
        notice_updated_on="2024-12-15",
        notice_version_label="15.12.2024",
        translations={
            "sv": {"name": "Kundregister", "description": "Kunder inom el och fjärrvärme"}
        },
    )
    reg["purposes"] = [
        {
            "text": "Asiakassuhteen hoitaminen",
            "bases": ["6.1.b"],
            "translations": {"sv": {"text": "Skötsel av kundrelationen"}},
        },
        "Laskutus ja perintä",
    ]
    reg["legal_bases"][0]["translations"] = {"sv": {"description": "avtal"}}
    reg["recipients"][0]["translations"] = {"sv": {"name": "Myndigheter"}}
    reg["processors"].append({"processor": "billing", "service": "laskutus"})
    reg["statements"] = [
        {"kind": "applicable-laws", "text": "sähkömarkkinalaki, kuluttajansuojalaki"},
        {"kind": "no-profiling", "text": None},
        {"kind": "notice-availability", "text": "verkkosivuilla", "translations": None},
    ]
    reg["notice_references"] = [
        {
            "title": "Ilmoituskanavan tietosuojaseloste",
            "url": "https://esimerkki.invalid/ilmoituskanava",
            "register": None,
            "translations": {"sv": {"title": "Visselblåsarkanalens dataskyddsbeskrivning"}},
        }
    ]
    return doc
