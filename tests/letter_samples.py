"""Invented sample letters for tests and for looking (test data, not shipped in the package).

The people, the company and the case are made up (no names from the real privacy notices
in shared/seeds). Free texts are given in the letter's language, as a service would.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rekisteri_app.documents.letters.data import (
    DataCopyEntry,
    DocumentDecision,
    ErasureDecision,
    Ground,
    IdentityRequest,
    LegalBasis,
    LetterData,
    Notification,
    Officer,
    Organisation,
    Recipient,
    RegisterInfo,
    RightDecision,
    Transfer,
)
from rekisteri_app.domain.enums import (
    Authority,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterKind,
    NotificationStatus,
    Outcome,
    RequestClass,
    Right,
    Safeguard,
    SentVia,
)

SAMPLE_ORGANISATION = Organisation(
    name="Kuusiniemen Energia Oy",
    business_id="1618033-3",
    postal_address=("PL 27", "40101 Kuusiniemi"),
    visiting_address="Voimalatie 3, 40100 Kuusiniemi",
    phone="010 555 1200",
    email="tietosuoja@kuusiniemenenergia.example",
    web="www.kuusiniemenenergia.example",
)

_TEXT = {
    Language.FI: {
        "title": "Tietosuojavastaava",
        "register": "Asiakasrekisteri",
        "purposes": ("Sähkö- ja kaukolämpösopimusten hoitaminen", "Laskutus ja perintä"),
        "basis": "sähkömarkkinalaki (588/2013)",
        "categories": ("Nimi ja yhteystiedot", "Käyttöpaikka ja mittaustiedot", "Laskutustiedot"),
        "recipients": ("Fingrid Datahub Oy (sähkön vähittäismarkkinoiden tiedonvaihto)",),
        "retention": ("Laskutustiedot 10 vuotta tilikauden päättymisestä (kirjanpitolaki)",),
        "sources": ("Rekisteröity itse", "Väestötietojärjestelmä (osoitteenmuutokset)"),
        "country": "Yhdysvallat",
        "processor": "sähköpostipalvelu",
        "automated": "",
        "reasons": "Pyyntö koskee kuuden vuoden kulutustietoja kolmesta eri järjestelmästä.",
        "refusal": "Olette esittänyt saman pyynnön viisi kertaa kahden kuukauden aikana, "
        "ja olemme vastanneet jokaiseen.",
        "needed": ("Asiakasnumeronne tai käyttöpaikan osoite",),
        "action": "Postiosoitteenne on korjattu asiakasrekisteriin.",
        "art19": "Laskutuspalvelu Oy (laskujen tulostus)",
        "ground_reason": "Kirjanpitolaki velvoittaa säilyttämään tositteet.",
        "ground_article": "Kirjanpitolaki 2 luku 10 §",
        "objection_reason": "Tietoja tarvitaan erääntyneen laskusaatavan perimiseen, "
        "joka on oikeusvaateen esittämistä.",
        "copy_category": "Nimi ja yhteystiedot",
        "copy_content": "Maija Virtanen\nKoivukuja 5 B 12\n40320 Kuusiniemi\n040 123 4567",
        "copy_category2": "Mittaustiedot",
        "copy_content2": "Käyttöpaikka 643001234567890: kulutus 2025 yhteensä 4 120 kWh.",
        "enclosure": "Valtakirja (kopio)",
        "answer": "Asiakkaan viimeiset laskut ovat liitteenä. Sopimus päättyi 31.10.2026.",
        "document": "Kaukolämmön hinnoitteluperiaatteet 2026",
        "refused_document": "Tarjouspyyntö 12/2026",
        "refused_reason": "Liikesalaisuus (621/1999, 24 § 1 mom. 17 kohta)",
    },
    Language.SV: {
        "title": "Dataskyddsombud",
        "register": "Kundregister",
        "purposes": ("Skötsel av el- och fjärrvärmeavtal", "Fakturering och indrivning"),
        "basis": "elmarknadslagen (588/2013)",
        "categories": ("Namn och kontaktuppgifter", "Förbrukningsplats och mätuppgifter"),
        "recipients": ("Fingrid Datahub Oy (informationsutbyte på elmarknaden)",),
        "retention": ("Faktureringsuppgifter 10 år efter räkenskapsperiodens slut",),
        "sources": ("Den registrerade själv", "Befolkningsdatasystemet (adressändringar)"),
        "country": "USA",
        "processor": "e-posttjänst",
        "automated": "",
        "reasons": "Begäran gäller förbrukningsuppgifter för sex år i tre olika system.",
        "refusal": "Ni har framställt samma begäran fem gånger under två månader "
        "och vi har besvarat varje begäran.",
        "needed": ("Ert kundnummer eller förbrukningsplatsens adress",),
        "action": "Er postadress har rättats i kundregistret.",
        "art19": "Faktureringstjänst Ab (utskrift av fakturor)",
        "ground_reason": "Bokföringslagen förpliktar oss att bevara verifikat.",
        "ground_article": "Bokföringslagen 2 kap. 10 §",
        "objection_reason": "Uppgifterna behövs för indrivning av en förfallen fordran, "
        "vilket är att göra gällande ett rättsligt anspråk.",
        "copy_category": "Namn och kontaktuppgifter",
        "copy_content": "Maja Björklund\nBjörkgränd 5 B 12\n40320 Kuusiniemi\n040 123 4567",
        "copy_category2": "Mätuppgifter",
        "copy_content2": "Förbrukningsplats 643001234567890: förbrukning 2025 totalt 4 120 kWh.",
        "enclosure": "Fullmakt (kopia)",
        "answer": "Kundens sista fakturor finns som bilaga. Avtalet upphörde 31.10.2026.",
        "document": "Prissättningsprinciper för fjärrvärme 2026",
        "refused_document": "Anbudsförfrågan 12/2026",
        "refused_reason": "Affärshemlighet (621/1999, 24 § 1 mom. 17 punkten)",
    },
    Language.EN: {
        "title": "Data Protection Officer",
        "register": "Customer register",
        "purposes": ("Managing electricity and district heating contracts", "Billing"),
        "basis": "Electricity Market Act (588/2013)",
        "categories": ("Name and contact details", "Metering point and meter readings"),
        "recipients": ("Fingrid Datahub Oy (data exchange of the retail electricity market)",),
        "retention": ("Billing data 10 years from the end of the financial year",),
        "sources": ("The data subject", "Population Information System (changes of address)"),
        "country": "United States",
        "processor": "email service",
        "automated": "",
        "reasons": "The request covers six years of consumption data held in three systems.",
        "refusal": "You have made the same request five times within two months and we "
        "have answered each one.",
        "needed": ("Your customer number or the address of the metering point",),
        "action": "Your postal address has been corrected in the customer register.",
        "art19": "Billing Services Ltd (printing of invoices)",
        "ground_reason": "The Accounting Act requires us to keep vouchers.",
        "ground_article": "Accounting Act, chapter 2, section 10",
        "objection_reason": "The data are needed to collect an overdue invoice, which is "
        "the exercise of a legal claim.",
        "copy_category": "Name and contact details",
        "copy_content": "Mary Walker\nKoivukuja 5 B 12\n40320 Kuusiniemi\n040 123 4567",
        "copy_category2": "Meter readings",
        "copy_content2": "Metering point 643001234567890: consumption in 2025, 4,120 kWh.",
        "enclosure": "Power of attorney (copy)",
        "answer": "The last invoices are enclosed. The contract ended on 31 October 2026.",
        "document": "District heating pricing principles 2026",
        "refused_document": "Call for tenders 12/2026",
        "refused_reason": "Trade secret (621/1999, section 24(1)(17))",
    },
}

_PEOPLE = {
    Language.FI: ("Maija Virtanen", ("Koivukuja 5 B 12", "40320 Kuusiniemi"), "Pekka Lahtinen"),
    Language.SV: ("Maja Björklund", ("Björkgränd 5 B 12", "40320 Kuusiniemi"), "Per Lindqvist"),
    Language.EN: ("Mary Walker", ("Koivukuja 5 B 12", "40320 Kuusiniemi"), "Peter Lane"),
}

# The rights each kind decides, with the outcome the sample shows.
_RIGHTS: dict[LetterKind, tuple[RightDecision, ...]] = {
    LetterKind.ACKNOWLEDGEMENT: (RightDecision(Right.ACCESS), RightDecision(Right.ERASURE)),
    LetterKind.IDENTITY_REQUEST: (RightDecision(Right.ACCESS),),
    LetterKind.EXTENSION: (RightDecision(Right.ACCESS),),
    LetterKind.ACCESS_RESPONSE: (RightDecision(Right.ACCESS, Outcome.GRANTED),),
    LetterKind.RECTIFICATION: (RightDecision(Right.RECTIFICATION, Outcome.GRANTED),),
    LetterKind.ERASURE: (RightDecision(Right.ERASURE, Outcome.PARTLY),),
    LetterKind.RESTRICTION: (RightDecision(Right.RESTRICTION, Outcome.GRANTED),),
    LetterKind.PORTABILITY: (RightDecision(Right.PORTABILITY, Outcome.GRANTED),),
    LetterKind.OBJECTION: (RightDecision(Right.OBJECTION, Outcome.REFUSED),),
    LetterKind.MARKETING_BAN: (RightDecision(Right.MARKETING_BAN, Outcome.GRANTED),),
    LetterKind.CONSENT_WITHDRAWAL: (RightDecision(Right.CONSENT_WITHDRAWAL, Outcome.GRANTED),),
    LetterKind.REFUSAL: (RightDecision(Right.ACCESS, Outcome.REFUSED),),
    LetterKind.ACCESS_NOT_HELD: (RightDecision(Right.ACCESS, Outcome.NOT_HELD),),
    LetterKind.NON_GDPR_ACKNOWLEDGEMENT: (RightDecision(Right.ACCESS),),
    LetterKind.NON_GDPR_REPLY: (RightDecision(Right.ACCESS),),
    LetterKind.PUBLICITY_ACT_REPLY: (RightDecision(Right.ACCESS),),
}


def sample_letter(kind: LetterKind | str, language: Language | str = Language.FI) -> LetterData:
    """A complete, plausible letter of `kind` in `language`, answered in time."""
    kind, lang = LetterKind(kind), Language(language)
    t = _TEXT[lang]
    name, address, officer = _PEOPLE[lang]
    ground = Ground(code="accounting-act", article=t["ground_article"], reason=t["ground_reason"])
    rights = _RIGHTS[kind]
    if kind is LetterKind.OBJECTION:
        rights = (
            RightDecision(
                Right.OBJECTION,
                Outcome.REFUSED,
                (Ground("21.1-legal-claims", "21(1)", t["objection_reason"]),),
            ),
        )
    register = RegisterInfo(
        name=t["register"],
        purposes=t["purposes"],
        legal_bases=(
            LegalBasis(LegalBasisArticle.CONTRACT),
            LegalBasis(LegalBasisArticle.LEGAL_OBLIGATION, t["basis"]),
        ),
        data_categories=t["categories"],
        recipients=t["recipients"],
        retention=t["retention"],
        sources=t["sources"],
        transfers=(Transfer(t["country"], Safeguard.SCC_2021, t["processor"]),),
        automated_decisions=t["automated"],
        no_automated="",  # the register states it: the standard sentence prints
    )
    data = LetterData(
        kind=kind,
        language=lang,
        organisation=SAMPLE_ORGANISATION,
        officer=Officer(officer, t["title"], email="tietosuoja@kuusiniemenenergia.example"),
        recipient=Recipient(name, address),
        data_subject_name=name,
        case_number="TSV-2026-014",
        issue_date=date(2026, 11, 20),
        received_on=date(2026, 11, 2),
        due_date=date(2026, 12, 2),
        request_date=date(2026, 10, 30),
        rights=rights,
        identity_verified=kind is not LetterKind.IDENTITY_REQUEST,
        sent_via=SentVia.POST,
    )
    extras: dict = {}
    if kind is LetterKind.IDENTITY_REQUEST:
        extras["identity_request"] = IdentityRequest(
            needed=t["needed"],
            methods=(IdentityMethod.STRONG_EID, IdentityMethod.IN_PERSON_DOCUMENT),
            reply_by=date(2026, 12, 4),
        )
    elif kind is LetterKind.EXTENSION:
        extras["extended_due_date"] = date(2027, 2, 2)
        extras["extension_reasons"] = t["reasons"]
    elif kind is LetterKind.ACCESS_RESPONSE:
        extras["registers"] = (register,)
        extras["data_copy"] = (
            DataCopyEntry(t["copy_category"], t["copy_content"]),
            DataCopyEntry(t["copy_category2"], t["copy_content2"]),
        )
    elif kind in (LetterKind.RECTIFICATION, LetterKind.RESTRICTION):
        extras["actions"] = (t["action"],)
        extras["notifications"] = (
            Notification(t["art19"], NotificationStatus.NOTIFIED, date(2026, 11, 18)),
        )
    elif kind is LetterKind.ERASURE:
        extras["erasure_decisions"] = (
            ErasureDecision(t["categories"][0], erased=True),
            ErasureDecision(
                t["categories"][1], erased=False, kept_until=date(2036, 12, 31), ground=ground
            ),
        )
        extras["notifications"] = (
            Notification(t["art19"], NotificationStatus.NOTIFIED, date(2026, 11, 18)),
        )
    elif kind is LetterKind.REFUSAL:
        extras["refusal_reasons"] = t["refusal"]
    elif kind is LetterKind.ACCESS_NOT_HELD:
        extras["register_names"] = (t["register"],)
    elif kind is LetterKind.NON_GDPR_ACKNOWLEDGEMENT:
        extras["request_class"] = RequestClass.NON_GDPR
    elif kind is LetterKind.NON_GDPR_REPLY:
        extras["request_class"] = RequestClass.NON_GDPR
        extras["answer"] = t["answer"]
    elif kind is LetterKind.PUBLICITY_ACT_REPLY:
        extras["request_class"] = RequestClass.PUBLICITY_ACT
        extras["due_date"] = date(2026, 11, 16)
        extras["issue_date"] = date(2026, 11, 13)
        extras["documents"] = (
            DocumentDecision(t["document"], True),
            DocumentDecision(t["refused_document"], False, t["refused_reason"]),
        )
    return replace(data, **extras)


def sample_representative_letter(kind: LetterKind, language: Language) -> LetterData:
    """The same letter sent to an attorney (c/o), with the data subject named in the body."""
    data = sample_letter(kind, language)
    t = _TEXT[Language(language)]
    return replace(
        data,
        recipient=Recipient(
            "Asianajotoimisto Laine & Koski Oy",
            ("c/o Leena Laine", "Satamakatu 4 A", "40100 Kuusiniemi"),
            Authority.POWER_OF_ATTORNEY,
        ),
        enclosures=(t["enclosure"],),
    )
