"""NoticeData modelled on the five real notices in ../shared/seeds/.

Company names, business IDs and public addresses are the utilities' own public data; the
people are invented (never copy real names from the seeds), as are their phone numbers and
e-mail addresses (example.fi). Where a seed is vague (e.g. "model clauses" with no
recipient), the fixture picks something plausible so every renderer path gets exercised.
"""

from __future__ import annotations

import datetime as dt

from rekisteri_app.documents.notices import (
    Address,
    AutomatedDecision,
    ContactPerson,
    ControllerInfo,
    DataCategory,
    LegalBasis,
    Localized,
    Note,
    NoticeData,
    Processor,
    Purpose,
    Recipient,
    RegisterData,
    RequestInstructions,
    RetentionRule,
    RightStatement,
    SectionId,
    SecurityMeasure,
    Source,
    Transfer,
)
from rekisteri_app.domain.enums import (
    ControllerRole,
    PeriodUnit,
    Right,
    Safeguard,
)
from rekisteri_app.domain.enums import (
    LegalBasisArticle as B,
)
from rekisteri_app.domain.enums import (
    RecipientKind as RK,
)
from rekisteri_app.domain.enums import (
    SecurityKind as SK,
)
from rekisteri_app.domain.enums import (
    SourceKind as SrcK,
)

ELECTRICITY_MARKET_ACT = "sähkömarkkinalaki (588/2013)"
ENERGY_EFFICIENCY_ACT = "energiatehokkuuslaki (1429/2014)"
CONSUMER_PROTECTION_ACT = "kuluttajansuojalaki (38/1978)"
MEASURING_INSTRUMENTS_ACT = "mittauslaitelaki (707/2011)"


def jyvaskyla() -> NoticeData:
    """000: customer register, 19+ categories, credit-data source, SCC transfer."""
    register = RegisterData(
        name="Jyväskylän Energia Oy:n asiakasrekisteri",
        description=(
            "Rekisteröityjä ovat Jyväskylän Energia Oy:n asiakkaat ja potentiaaliset asiakkaat."
        ),
        purposes=(
            Purpose("Asiakassuhteen hoitaminen ja sen laadun kehittäminen", (B.CONTRACT,)),
            Purpose(
                (
                    "Tuotteiden ja palveluiden ylläpitäminen, tarjoaminen, kehittäminen ja "
                    "toimittaminen"
                ),
                (B.CONTRACT,),
            ),
            Purpose(
                "Sopimussuhteisiin liittyvien vastuiden hoitaminen",
                (B.CONTRACT, B.LEGAL_OBLIGATION),
            ),
            Purpose("Maksujen vastaanotto, maksuvalvonta ja perintätoimet", (B.CONTRACT,)),
            Purpose(
                "Tuotteiden ja palveluiden markkinointi, mainonta ja etämyynti",
                (B.LEGITIMATE_INTERESTS, B.CONSENT),
            ),
        ),
        legal_bases=(
            LegalBasis(
                B.CONTRACT, "Sopimussuhde rekisteröidyn ja Jyväskylän Energia Oy:n välillä."
            ),
            LegalBasis(
                B.LEGITIMATE_INTERESTS,
                "Tuotteiden ja palvelujen markkinointi sekä tietojen käsittely konsernin sisällä "
                "ja palvelun tuottamiseen osallistuvan kolmannen tahon kanssa.",
            ),
            LegalBasis(
                B.CONSENT,
                "Suostumus sähköiseen markkinointiin tai muuhun erikseen pyydettyyn käsittelyyn.",
            ),
            LegalBasis(
                B.LEGAL_OBLIGATION,
                laws=(ELECTRICITY_MARKET_ACT, ENERGY_EFFICIENCY_ACT, CONSUMER_PROTECTION_ACT),
            ),
        ),
        subject_groups=("Asiakkaat", "Potentiaaliset asiakkaat"),
        categories=tuple(
            DataCategory(name)
            for name in (
                "nimi",
                "ikä tai syntymävuosi",
                "henkilötunnus tai y-tunnus",
                "osoite",
                "asiakasnumero",
                "sukupuoli",
                "palvelukieli",
                "yhteystiedot, kuten puhelinnumerot ja sähköpostiosoite",
                "suoramarkkinoinnin luvat ja kiellot",
                "tallennetut puhelut, sähköpostit ja chat-viestit",
                "palvelukokemukseen liittyvä tieto",
                "asiakaskyselyiden tiedot",
                "osallistuminen kampanjoihin",
                "muut suostumuksella saadut tiedot",
                "sopimukseen liittyvät tiedot (kohde, kestoaika, hinnat, laskutusosoite)",
                "palveluiden käyttöön liittyvät tiedot",
                "maksukäyttäytymiseen liittyvät tiedot ja pankkitiedot",
                "energian ja veden käyttökohteiden tiedot",
                "käyttökohteessa sijaitsevat laitetiedot",
                "energian ja veden kulutustiedot",
            )
        ),
        sources=(
            Source(
                "Asiakkaalta saadut tiedot",
                SrcK.DATA_SUBJECT,
                "Tarjouspyynnöt, tilaukset ja sopimukset.",
            ),
            Source("Arvonnat, tapahtumat ja puhelinmyynti", SrcK.DATA_SUBJECT),
            Source("Energian ja veden kulutusmittarit", SrcK.OBSERVED),
            Source("Evästeet ja vastaavat tekniikat", SrcK.OBSERVED),
            Source("Suomen Asiakastieto Oy", SrcK.PRIVATE_REGISTER, "Luottotiedot."),
            Source("Sähkömarkkinoiden tiedonvaihto", SrcK.MARKET_PARTY),
        ),
        recipients=(
            Recipient(
                "Viranomaiset", RK.AUTHORITY, "Voimassa olevan lainsäädännön edellyttämin tavoin."
            ),
            Recipient(
                "Palvelukokonaisuuden tuottamiseen osallistuvat kolmannet osapuolet",
                RK.SERVICE_PROVIDER,
            ),
        ),
        transfers=(
            Transfer(
                "Asiakaspalvelujärjestelmän toimittaja",
                "US",
                Safeguard.SCC_2021,
                "Asiakaspalvelun tiketöinti ja tuki.",
            ),
        ),
        retention=(
            RetentionRule(
                "Kuluttaja-asiakkaan laskutustiedot",
                10,
                PeriodUnit.YEARS,
                "sopimuksen päättymisestä",
                "Laskutuksen oikaisuvelvoite.",
            ),
            RetentionRule(
                "Muut tiedot",
                description=(
                    "Vain niin kauan kuin on tarpeen tässä selosteessa määriteltyjen tarpeiden "
                    "toteuttamiseksi."
                ),
            ),
        ),
        security=(
            SecurityMeasure(
                SK.TECHNICAL,
                "Tietokannat on suojattu palomuurein, salasanoin ja muilla teknisillä keinoilla.",
            ),
            SecurityMeasure(
                SK.ORGANISATIONAL,
                "Tietoihin on pääsy vain henkilöillä, jotka tarvitsevat niitä työtehtävissään.",
            ),
            SecurityMeasure(
                SK.ORGANISATIONAL, "Henkilöstö ja kumppanit ovat sitoutuneet salassapitoon."
            ),
            SecurityMeasure(
                SK.ORGANISATIONAL, "Säännöllinen riskien arviointi ja henkilöstön koulutus."
            ),
        ),
        automated_decisions=(
            AutomatedDecision(
                "Sopimuskelpoisuuden automaattinen tarkistus sähköisissä palvelukanavissa",
                logic="Rekisteröidyn antamat tiedot tarkistetaan luottotietoja vasten.",
                consequences=(
                    "Sopimusta ei voi tehdä sähköisesti; asiakaspalvelu kertoo vaihtoehtoiset "
                    "tavat."
                ),
            ),
        ),
    )
    return NoticeData(
        controllers=(
            ControllerInfo(
                "Jyväskylän Energia Oy",
                business_id="1071200-1",
                visiting_address=Address("Kivääritehtaankatu 6 C", "", "Jyväskylä"),
                postal_address=Address("PL 4", "40101", "Jyväskylä"),
                phone="014 366 4000",
                web="www.jyvaskylanenergia.fi",
            ),
        ),
        contacts=(
            ContactPerson(
                name="Sanna Lehtovaara",
                role="Tietosuojavastaava",
                phone="040 000 0001",
                email="tietosuoja@example.fi",
                address=Address("Jyväskylän Energia Oy, PL 4", "40101", "Jyväskylä"),
            ),
        ),
        registers=(register,),
        introduction=(
            "Tällä selosteella kerromme, miten keräämme, käytämme ja säilytämme asiakkaidemme "
            "henkilötietoja."
        ),
        rights=(
            RightStatement(Right.ACCESS, ("Pyynnön voi esittää asiakaspalveluun.",)),
            RightStatement(
                Right.RECTIFICATION,
                ("Omia tietoja voi päivittää myös sähköisessä Monitor-asiointipalvelussa.",),
            ),
            RightStatement(Right.PORTABILITY),
            RightStatement(
                Right.ERASURE,
                (
                    "Kuluttaja-asiakkaan tiedot voidaan poistaa aikaisintaan kymmenen vuoden "
                    "kuluttua sopimuksen päättymisestä laskujen korjausvelvollisuuden vuoksi.",
                ),
            ),
            RightStatement(Right.AUTOMATED_DECISION),
            RightStatement(
                Right.CONSENT_WITHDRAWAL, ("Uutiskirjeen voi perua viestin kieltolinkistä.",)
            ),
        ),
        requests=RequestInstructions(
            recipient="Jyväskylän Energia Oy, Asiakaspalvelu",
            address=Address("PL 4", "40101", "Jyväskylä"),
            email="asiakaspalvelu@example.fi",
            phone="014 366 4010",
            identity_proof_required=True,
            notes=("Vastausaika lasketaan pyynnön saamisesta ja rekisteröidyn tunnistamisesta.",),
        ),
        version="3",
        date=dt.date(2024, 1, 15),
    )


def _consumer(heading: str, *names: str) -> tuple[DataCategory, ...]:
    return tuple(DataCategory(n, heading, subject_group="Kuluttaja-asiakkaat") for n in names)


def aanekoski() -> NoticeData:
    """001: consumer vs corporate contacts, processors by service, no transfers."""
    corporate = "Yritysasiakkaiden ja kumppaneiden yhteyshenkilöt"
    register = RegisterData(
        name="Asiakas- ja yhteistyökumppanirekisteri",
        purposes=(
            Purpose(
                (
                    "Asiakkaiden ja yhteistyökumppaneiden välisen suhteen hoitaminen, laskutus, "
                    "analysointi ja tilastointi"
                ),
                (B.CONTRACT,),
            ),
            Purpose("Asiakasviestintä", (B.CONTRACT,)),
            Purpose("Myynti- ja markkinointitapahtumien järjestäminen", (B.LEGITIMATE_INTERESTS,)),
            Purpose(
                "Mielipide- ja markkinointitutkimuksen toteuttaminen", (B.LEGITIMATE_INTERESTS,)
            ),
            Purpose(
                "Suoramarkkinointi, verkkomainonnan kohdentaminen ja profilointi",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose(
                "Liiketoiminnan ja palveluiden suunnitteleminen ja kehittäminen",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose("Asiakkaan käyttäjien tunnistaminen ja käyttöoikeushallinta", (B.CONTRACT,)),
        ),
        legal_bases=(
            LegalBasis(B.CONTRACT, "Asiakas- tai yhteistyösopimus."),
            LegalBasis(B.LEGITIMATE_INTERESTS, "Suoramarkkinointi ja saatavien perintä."),
        ),
        subject_groups=(
            (
                "Kuluttaja-asiakkaat, uutiskirjeen tilaajat, tarjouspyynnön tehneet ja "
                "tilaisuuksiin osallistujat"
            ),
            "Asiakasyritysten, -yhteisöjen ja yhteistyökumppaneiden päättäjät ja yhteyshenkilöt",
        ),
        categories=(
            *_consumer("Perustiedot", "Nimi, henkilötunnus, yhteystiedot"),
            *_consumer(
                "Asiakkuuteen liittyvät tiedot",
                "Sopimuksen kohde ja osoite sekä tuotetiedot",
                "Asiakasnumero",
                "Vakuustiedot",
                "Asiakashistoria",
                "Laskutus-, maksu- ja perintätiedot sekä luottokelpoisuutta koskevat tiedot",
                "Suoramarkkinointia koskevat suostumukset ja kiellot",
            ),
            *_consumer(
                "Liittymä- ja käyttöpaikkatiedot",
                "Liittymien ja käyttöpaikkojen tekniset tiedot",
                "Kulutustiedot",
            ),
            DataCategory("Nimi, titteli, yritys, yhteystiedot", subject_group=corporate),
            DataCategory("Osallistuminen tilaisuuksiin ja yhteydenotot", subject_group=corporate),
        ),
        sources=(
            Source(
                "Rekisteröity itse",
                SrcK.DATA_SUBJECT,
                "Puhelimitse, tapaamisissa ja sopimusta tehtäessä.",
            ),
            Source("Julkiset rekisterit", SrcK.PUBLIC_REGISTER),
            Source("Yksityiset rekisterit", SrcK.PRIVATE_REGISTER),
        ),
        processors=(
            Processor("Uutiskirjepalvelun toimittaja", ("uutiskirjeen lähetyslistojen ylläpito",)),
            Processor("Kyselypalvelun toimittaja", ("tyytyväisyyskyselyiden tekeminen",)),
            Processor(
                "Tapahtumapalvelun toimittaja", ("tilaisuuksiin osallistujien tietojen käsittely",)
            ),
        ),
        retention=(
            RetentionRule(
                "Asiakastiedot",
                10,
                PeriodUnit.YEARS,
                "asiakas- tai sopimussuhteen päättymisen jälkeen",
                "Pidempään, jos lainsäädäntö sitä edellyttää.",
            ),
        ),
        security=(
            SecurityMeasure(
                SK.ORGANISATIONAL,
                "Järjestelmää saavat käyttää vain työnsä puolesta oikeutetut työntekijät.",
            ),
            SecurityMeasure(
                SK.TECHNICAL, "Jokaisella käyttäjällä on oma käyttäjätunnus ja salasana."
            ),
            SecurityMeasure(SK.TECHNICAL, "Tietokannat on suojattu palomuurein."),
            SecurityMeasure(
                SK.ORGANISATIONAL, "Tietokannat ja varmuuskopiot sijaitsevat lukituissa tiloissa."
            ),
        ),
        notes=(
            Note(
                SectionId.RECIPIENTS,
                (
                    "Asiallisen yhteyden päätyttyä tiedot voidaan siirtää Äänekosken Energian "
                    "markkinointirekisteriin."
                ),
            ),
        ),
        no_transfers="",  # "eikä niitä siirretä EU:n tai ETA-alueen ulkopuolelle"
    )
    return NoticeData(
        controllers=(
            ControllerInfo(
                "Äänekosken Energia Oy",
                business_id="0917763-8",
                visiting_address=Address("Kotakennääntie 31", "44100", "Äänekoski"),
                email="info@aane-energia.fi",
                phone="+358 20 632 3800",
            ),
        ),
        registers=(register,),
        rights=(
            RightStatement(
                Right.ACCESS,
                ("Rekisteröityneet asiakkaat voivat tarkastaa tietojaan myös online-palvelussa.",),
            ),
            RightStatement(Right.RECTIFICATION),
            RightStatement(Right.ERASURE),
            RightStatement(Right.MARKETING_BAN),
            RightStatement(Right.RESTRICTION),
            RightStatement(Right.OBJECTION),
        ),
        requests=RequestInstructions(
            recipient="Äänekosken Energia Oy",
            address=Address("Kotakennääntie 31", "44100", "Äänekoski"),
        ),
        version="2",
        date=dt.date(2023, 9, 1),
    )


def _kuopio_customer_register() -> RegisterData:
    customer = "Asiakastiedot"
    site = "Käyttökohteen tiedot"
    billing = "Laskutus ja maksuliikennetiedot"
    other = "Muut tiedot"
    groups = {
        customer: (
            "nimi",
            "ikä tai syntymävuosi",
            "henkilötunnus",
            "puhelinnumero",
            "sähköpostiosoite",
            "katuosoite, postinumero ja -toimipaikka",
            "asiakkaan edustajan tai yhteyshenkilön nimi ja yhteystiedot",
            "asiakasnumero",
            "sopimustunnus",
            "sopimuksen viite",
            "liittymän tunnus",
            "kaupunginosa, kortteli ja tontti",
            "sopimuksen alku- ja loppupäiväys",
            "suoramarkkinointiluvat ja -kiellot",
        ),
        site: (
            "käyttöpaikan tunnus",
            "käyttöpaikan osoite",
            "asumismuoto ja omistussuhde",
            "jakeluverkonhaltija",
            "sopimusasiakkaan tuote",
            "tuotteen hinta",
            "lämmitysratkaisu",
            "kulutustiedot",
            "käyttökohteeseen toimitetun laitteen tiedot",
            "mittaustapa",
            "pääsulakkeen koko",
            "liittymän koko",
            "liittämiskohta",
            "jännitetaso",
            "liittymisjohdon pituus",
            "sopimuslämpöteho",
            "sopimusvesivirta",
            "sopimusrakennustilavuus",
            "tieto pääsystä kiinteistön tekniseen tilaan",
            "mittauslaitteen paikannuskoordinaatit",
            "arkistotunnus",
            "mittauksen etusulakkeen koko",
            "käytön ajoitus",
            "sähkön kulutusarvio",
        ),
        billing: (
            "pankkitilinumero",
            "luottotiedot",
            "laskun summa",
            "eräpäivä",
            "suorituksen summa ja suorituspäivä",
            "laskutusrytmi",
            "laskutustapa",
        ),
        other: (
            "asiakaspalveluun saapuneiden puheluiden tallenteet",
            "asiakkaan tallentamat kohteen ja tehtävien tiedot",
            "lainsäädännön mukaiset lupa- ja kieltotiedot",
            "asiakkaiden tyytyväisyystiedot",
        ),
    }
    return RegisterData(
        name=Localized(
            fi="Kuopion Energia -konsernin asiakasrekisteri",
            sv="Kuopion Energia-koncernens kundregister",
            en="Customer register of the Kuopion Energia group",
        ),
        purposes=(
            Purpose("Energiantoimitus, liittämis- ja verkkopalvelujen ylläpito", (B.CONTRACT,)),
            Purpose("Asiakassuhteen hoitaminen ja kehittäminen", (B.CONTRACT,)),
            Purpose("Laskutus, maksujen valvonta ja perintä", (B.CONTRACT,)),
            Purpose(
                "Tuotteiden ja palveluiden markkinointi ja etämyynti", (B.LEGITIMATE_INTERESTS,)
            ),
            Purpose(
                "Asiakaspalveluhenkilöstön kouluttaminen ja palvelutasotutkimukset",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose("Energiankulutuksen profilointi", (B.LEGAL_OBLIGATION, B.CONSENT)),
            Purpose(
                "Lakiin, asetuksiin ja viranomaismääräyksiin liittyvien velvoitteiden hoitaminen",
                (B.LEGAL_OBLIGATION,),
            ),
        ),
        legal_bases=(
            LegalBasis(B.CONTRACT),
            LegalBasis(
                B.LEGAL_OBLIGATION,
                "Energiaviraston määräykset.",
                (ELECTRICITY_MARKET_ACT, MEASURING_INSTRUMENTS_ACT, ENERGY_EFFICIENCY_ACT),
            ),
            LegalBasis(
                B.LEGITIMATE_INTERESTS,
                "Asiakassuhteen kehittäminen ja palvelun laadun varmistaminen.",
            ),
        ),
        subject_groups=("Sopimusasiakkaat", "Asiakkaiden edustajat ja yhteyshenkilöt"),
        categories=tuple(DataCategory(n, g) for g, names in groups.items() for n in names),
        sources=(
            Source(
                "Asiakkaan antamat tiedot", SrcK.DATA_SUBJECT, "Sopimukset, kampanjat ja kilpailut."
            ),
            Source("Keskustelut asiakaspalvelun kanssa", SrcK.DATA_SUBJECT),
            Source("Fingrid Datahub Oy", SrcK.MARKET_PARTY),
            Source("Väestötietojärjestelmä", SrcK.PUBLIC_REGISTER),
            Source("Yritys- ja yhteisötietojärjestelmä (YTJ)", SrcK.PUBLIC_REGISTER),
            Source("Suomen Asiakastieto Oy", SrcK.PRIVATE_REGISTER),
            Source("Fonecta Oy", SrcK.PRIVATE_REGISTER),
            Source("Itella Asiakkuusmarkkinointi Oy", SrcK.PRIVATE_REGISTER),
            Source("Kuopion kaupunki", SrcK.OTHER),
            Source("Verkkomarkkinoinnin analytiikkapalvelut", SrcK.OBSERVED),
        ),
        recipients=(
            Recipient(
                "Viranomaiset", RK.AUTHORITY, "Voimassa olevan lainsäädännön edellyttämin tavoin."
            ),
            Recipient(
                "Asiakas itse tai hänen edustajansa valtakirjalla", RK.DATA_SUBJECT_REPRESENTATIVE
            ),
            Recipient("Kuopion Energia -konsernin yhtiöt", RK.GROUP_COMPANY),
            Recipient(
                "Energiamarkkinoiden osapuolet lainsäädännön velvoittamissa tapauksissa",
                RK.MARKET_PARTY,
            ),
        ),
        processors=(
            Processor(
                "Tietojärjestelmätoimittajat", ("informaatioteknologiaan liittyvät palvelut",)
            ),
            Processor("Markkinointikumppanit", ("myynti ja markkinointi",)),
        ),
        retention=(
            RetentionRule(
                "Sopimusperusteiset tiedot", 10, PeriodUnit.YEARS, "sopimuksen päättymisestä"
            ),
            RetentionRule("Laskutus- ja mittaustiedot", 10, PeriodUnit.YEARS),
            RetentionRule("Puhelutallenteet", 1, PeriodUnit.YEARS, "puheluhetkestä"),
        ),
        security=_kuopio_security(),
        automated_decisions=(
            AutomatedDecision(
                "Energiankulutuksen profilointi lainsäädännön tai suostumuksen mukaisesti",
                is_profiling=True,
            ),
        ),
    )


def _kuopio_security() -> tuple[SecurityMeasure, ...]:
    return (
        SecurityMeasure(
            SK.TECHNICAL, "Verkkoliikenteen segmentointi, käyttöoikeustasot ja tietojen salaus."
        ),
        SecurityMeasure(
            SK.ORGANISATIONAL, "Henkilöstö ja yhteistyökumppanit ovat sitoutuneet salassapitoon."
        ),
    )


def kuopio() -> NoticeData:
    """002: a group of two controllers, two registers, per-category retention."""
    marketing = RegisterData(
        name=Localized(
            fi="Suostumukseen perustuva markkinointirekisteri",
            sv="Marknadsföringsregister som grundar sig på samtycke",
            en="Consent-based marketing register",
        ),
        purposes=(
            Purpose(
                "Palveluiden ja tuotteiden markkinointi, etujen ja tarjousten lähettäminen",
                (B.CONSENT,),
            ),
            Purpose("Energiansäästövinkit ja neuvonta", (B.CONSENT,)),
            Purpose(
                "Suoramainonta, etämyynti, sähköpostimarkkinointi ja asiakaskyselyt", (B.CONSENT,)
            ),
        ),
        legal_bases=(
            LegalBasis(B.CONSENT, "Suostumus verkkosivuston evästeisiin ja markkinointiin."),
        ),
        subject_groups=("Verkkosivuston kävijät ja markkinointiluvan antaneet henkilöt",),
        categories=tuple(
            DataCategory(n)
            for n in (
                "nimi",
                "ikä tai syntymävuosi",
                "henkilötunnus",
                "puhelinnumerot",
                "sähköpostiosoite",
                "suoramarkkinointiluvat ja -kiellot",
                "tieto asumismuodosta",
                "samassa taloudessa asuvien henkilöiden lukumäärä",
                "sähkön kulutuksen vuosiennuste",
                "selaintiedot ja evästeiden keräämät tiedot",
            )
        ),
        sources=(
            Source("Kampanja- ja kilpailutiedot", SrcK.DATA_SUBJECT),
            Source("Verkkosivuston käyttö ja evästeet", SrcK.OBSERVED),
        ),
        recipients=(
            Recipient(
                "Alihankkijat, palveluntuottajat ja tytäryhtiöt",
                RK.SERVICE_PROVIDER,
                "Suoramarkkinointi ja kyselyt.",
            ),
        ),
        retention=(
            RetentionRule(
                "Tarjousten ja lomakkeiden tiedot", 1, PeriodUnit.YEARS, "käsittelyhetkestä"
            ),
            RetentionRule("Puhelutallenteet", 1, PeriodUnit.YEARS, "puheluhetkestä"),
        ),
        security=_kuopio_security(),
        automated_decisions=(
            AutomatedDecision("Mainonnan kohdentaminen evästeiden perusteella", is_profiling=True),
        ),
    )
    return NoticeData(
        controllers=(
            ControllerInfo(
                "Kuopion Energia Oy",
                postal_address=Address("PL 105", "70101", "Kuopio"),
                phone="020 520 01",
                email="asiakaspalvelu@kuopionenergia.fi",
            ),
            ControllerInfo("Kuopion Sähköverkko Oy", role=ControllerRole.GROUP_COMPANY),
        ),
        contacts=(
            ContactPerson(
                role=Localized(fi="Asiakaspalvelu", sv="Kundtjänst", en="Customer service"),
                phone="020 520 01",
                email="asiakaspalvelu@kuopionenergia.fi",
            ),
        ),
        registers=(_kuopio_customer_register(), marketing),
        rights=(
            RightStatement(
                Right.ACCESS,
                (
                    (
                        "Tarkastuspyyntö voidaan tehdä myös henkilökohtaisesti rekisterinpitäjän "
                        "luona."
                    ),
                    "Keskeisimpiä tietoja voi katsella Väppi-palvelussa.",
                ),
            ),
            RightStatement(Right.RECTIFICATION),
            RightStatement(Right.ERASURE),
            RightStatement(Right.MARKETING_BAN),
            RightStatement(Right.CONSENT_WITHDRAWAL),
        ),
        requests=RequestInstructions(
            recipient="Kuopion Energia Oy, Asiakaspalvelu",
            address=Address("PL 105", "70101", "Kuopio"),
            email="asiakaspalvelu@kuopionenergia.fi",
            eservice="Väppi-palvelu",
            form="Kirjallisesti ja allekirjoitettuna tai sähköpostilla",
            identity_proof="Todennamme henkilöllisyyden sähköisellä allekirjoituksella.",
            representative_allowed=True,  # "asiakkaan edustajalle (valtakirjalla)"
        ),
        version="5",
        date=dt.date(2025, 3, 3),
        first_published=dt.date(2018, 5, 25),
    )


def nurmijarvi() -> NoticeData:
    """003: repealed SCC decision, charged access, access in person only."""
    register = RegisterData(
        name="Kaukolämmön asiakasrekisteri",
        purposes=(
            Purpose(
                (
                    "Asiakassuhteen hoitaminen, hallinta ja kehittäminen, laskutus sekä maksujen "
                    "valvonta ja perintä"
                ),
                (B.CONTRACT,),
            ),
            Purpose(
                "Palveluiden toteuttaminen, ylläpitäminen, kehittäminen ja laadun varmentaminen",
                (B.CONTRACT,),
            ),
            Purpose(
                (
                    "Asiakasviestintä, markkina- ja asiakastyytyväisyystutkimukset sekä "
                    "suoramarkkinointi"
                ),
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose(
                "Palvelujen käytön ja asiakassuhteiden analysointi ja profilointi",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose(
                "Petosten, väärinkäytösten ja tietoturvaloukkausten ehkäiseminen",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose("Muut tarkoitukset, joihin asiakas on antanut suostumuksen", (B.CONSENT,)),
        ),
        legal_bases=(
            LegalBasis(B.LEGAL_OBLIGATION, laws=(ENERGY_EFFICIENCY_ACT,)),
            LegalBasis(B.CONTRACT),
            LegalBasis(
                B.LEGITIMATE_INTERESTS,
                "Rekisterinpitäjän ja kolmansien osapuolten oikeutetut edut.",
            ),
            LegalBasis(B.CONSENT),
        ),
        subject_groups=("Kaukolämpöasiakkaat", "Yritysasiakkaiden yhteyshenkilöt"),
        categories=(
            DataCategory(
                "Perustiedot, kuten nimi, henkilötunnus, äidinkieli, asiointikieli ja osoitteet"
            ),
            DataCategory("Yritysasiakkaiden yhteyshenkilöiden tiedot"),
            DataCategory("Sopimus-, tilaus-, laskutus-, maksu- ja perintätiedot"),
            DataCategory("Käyttöpaikan tekniset tiedot sekä käyttö- ja kulutustiedot"),
            DataCategory("Yhteydenpito, palautteet ja puhelutallenteet"),
            DataCategory("Verkkopalvelujen käyttötiedot, kuten IP-osoite"),
            DataCategory("Suoramarkkinointikiellot ja suostumukset"),
            DataCategory("Analysoinnin ja profiloinnin tulokset"),
        ),
        sources=(
            Source("Asiakas itse", SrcK.DATA_SUBJECT),
            Source("Evästeet ja käytön seurantatekniikat", SrcK.OBSERVED),
            Source("Muut energiamarkkinoiden osapuolet", SrcK.MARKET_PARTY),
            Source("Luottotietorekisterit", SrcK.PRIVATE_REGISTER),
            Source("Digi- ja väestötietovirasto", SrcK.PUBLIC_REGISTER),
            Source("Posti", SrcK.OTHER),
        ),
        recipients=(
            Recipient("Konserniyhtiöt", RK.GROUP_COMPANY),
            Recipient("Viranomaiset", RK.AUTHORITY),
            Recipient("Sähkömarkkinoiden osapuolet", RK.MARKET_PARTY),
            Recipient("Perintätoimisto", RK.DEBT_COLLECTION, "Maksamattomien laskujen perintä."),
        ),
        processors=(
            Processor("Järjestelmätoimittaja", ("asiakastietojärjestelmän ylläpito",), "IN"),
        ),
        transfers=(
            Transfer(
                "Järjestelmätoimittaja",
                "IN",
                Safeguard.SCC_2010_87,
                "Asiakastietojärjestelmän ylläpito.",
            ),
        ),
        retention=(
            RetentionRule(
                "Asiakastiedot",
                description=(
                    "Asiakassuhteen päätyttyä tiedot anonymisoidaan, hävitetään tai siirretään "
                    "markkinointirekisteriin."
                ),
            ),
        ),
        security=(
            SecurityMeasure(
                SK.ORGANISATIONAL, "Käyttöoikeus vain tehtävissään tietoja tarvitsevilla."
            ),
            SecurityMeasure(SK.TECHNICAL, "Käyttäjäkohtainen käyttäjätunnus ja salasana."),
            SecurityMeasure(
                SK.TECHNICAL, "Säännöllinen varmuuskopiointi, palomuuri ja tietoturvaohjelmistot."
            ),
            SecurityMeasure(SK.MANUAL, "Lukitut ja paloturvalliset säilytystilat."),
        ),
    )
    return NoticeData(
        controllers=(
            ControllerInfo(
                "Nurmijärven Sähkö Oy",
                business_id="0911384-5",
                visiting_address=Address("Kauppanummentie 1", "01900", "Nurmijärvi"),
                phone="+358 9 878 071",
            ),
        ),
        contacts=(
            ContactPerson(
                name="Ilkka Harjula",
                role="Lämpöjohtaja",
                organisation="Nurmijärven Sähkö Oy",
                address=Address("Kauppanummentie 1", "01900", "Nurmijärvi"),
                phone="+358 9 878 071",
            ),
        ),
        registers=(register,),
        rights=(
            RightStatement(Right.CONSENT_WITHDRAWAL),
            RightStatement(Right.MARKETING_BAN),
            RightStatement(
                Right.ACCESS,
                (
                    (
                        "Tietojen tarkastuspyyntö on maksullinen, jos edellisestä "
                        "tarkastuspyynnöstä on kulunut alle vuosi."
                    ),
                    "Tarkastuspyyntö on tehtävä henkilökohtaisesti rekisterinpitäjän luona.",
                ),
            ),
            RightStatement(Right.RECTIFICATION),
            RightStatement(
                Right.ERASURE,
                ("Rekisterinpitäjä voi kieltäytyä poistosta laissa säädetyin perustein.",),
            ),
            RightStatement(Right.PORTABILITY),
            RightStatement(Right.OBJECTION),
            RightStatement(Right.RESTRICTION),
        ),
        requests=RequestInstructions(
            recipient="Nurmijärven Sähkö Oy, rekisterin vastuuhenkilö",
            address=Address("Kauppanummentie 1", "01900", "Nurmijärvi"),
            form="Kirjallisesti ja allekirjoitettuna",
        ),
        version="1",
        date=dt.date(2019, 2, 1),
    )


def valkeakoski() -> NoticeData:
    """004: two registers under one person, MailChimp (US) with no safeguard, 15.5.2018."""
    customers = RegisterData(
        name=Localized(
            fi="Asiakastietorekisteri", sv="Kunduppgiftsregister", en="Customer data register"
        ),
        purposes=(
            Purpose("Asiakassuhteen hoitaminen ja kehittäminen", (B.CONTRACT,)),
            Purpose("Tuotteiden ja palveluiden tarjoaminen ja toimitus", (B.CONTRACT,)),
            Purpose("Maksaminen, maksujen valvonta ja perintä", (B.CONTRACT,)),
            Purpose(
                "Tuotteiden ja palveluiden markkinointi ja etämyynti", (B.LEGITIMATE_INTERESTS,)
            ),
            Purpose("Liiketoimintojen ja asiakaspalvelun kehittäminen", (B.LEGITIMATE_INTERESTS,)),
            Purpose("Kirjanpito, raportointi ja seuranta", (B.LEGAL_OBLIGATION,)),
            Purpose("Väitteiltä puolustautuminen", (B.LEGITIMATE_INTERESTS,)),
        ),
        legal_bases=(
            LegalBasis(B.CONTRACT),
            LegalBasis(
                B.LEGITIMATE_INTERESTS,
                "Asiakassuhteiden ja palvelujen ylläpito ja kehittäminen sekä markkinointi.",
            ),
            LegalBasis(
                B.LEGAL_OBLIGATION,
                "Sähkönkulutukseen liittyvä käsittely.",
                (ELECTRICITY_MARKET_ACT,),
            ),
        ),
        subject_groups=(
            "Sähkö-, kaukolämpö- ja maakaasuasiakkaat",
            "Maanvuokra- ja johtoaluesopimusten osapuolet",
        ),
        categories=(
            DataCategory("Nimi ja henkilötunnus (yrityksiltä y-tunnus)"),
            DataCategory("Osoite- ja yhteystiedot"),
            DataCategory("Käyttöpaikkaan liittyvät tiedot ja kulutustiedot"),
            DataCategory("Tilan nimi", "Maanvuokra- ja johtoaluesopimukset"),
            DataCategory("Kiinteistörekisterinumero", "Maanvuokra- ja johtoaluesopimukset"),
            DataCategory("Suostumukset ja suoramarkkinointikiellot", "Markkinointi"),
        ),
        provision_requirement=(
            "Jos asiakas ei anna sopimuksen toteuttamiseen tarvittavia perustietoja, hänelle ei "
            "välttämättä voida tarjota toivottuja tuotteita tai palveluita."
        ),
        sources=(
            Source("Asiakas itse", SrcK.DATA_SUBJECT, "Tilaukset, sopimukset ja muut kontaktit."),
            Source(
                "Lomaketietorekisteri",
                SrcK.OTHER,
                "Sähköisten asiointilomakkeiden kautta tehdyt yhteydenotot.",
            ),
            Source("Palveluiden ja tuotteiden käyttö", SrcK.OBSERVED),
            Source(
                "Muut energiayhtiöt", SrcK.MARKET_PARTY, "Sähkömarkkinoiden tiedonvaihdon säännöt."
            ),
        ),
        recipients=(
            Recipient(
                "Verkon huoltoon ja ylläpitoon osallistuvat palveluntarjoajat", RK.SERVICE_PROVIDER
            ),
            Recipient(
                "Puhelin- ja IT-palveluntarjoajat, konsultit ja vuokratyöntekijät",
                RK.SERVICE_PROVIDER,
            ),
            Recipient("Muut sähkömarkkinaosapuolet", RK.MARKET_PARTY),
            Recipient("Viranomaiset", RK.AUTHORITY),
            Recipient("Lupapiste", RK.OTHER, "Yksittäistapauksissa."),
        ),
        transfers=(
            Transfer(
                "Intuit Inc. (MailChimp)",
                "US",
                Safeguard.NONE,
                "Sähköpostipalvelu suoramarkkinointiin ja viestintään.",
            ),
        ),
        retention=(
            RetentionRule(
                "Asiakastiedot",
                10,
                PeriodUnit.YEARS,
                "asiakassuhteen päättymisestä",
                "Kirjanpidollisista syistä ja väitteiltä puolustautumiseksi.",
            ),
        ),
        security=_valkeakoski_security(),
    )
    recordings = RegisterData(
        name=Localized(fi="Puhelutallenteet", sv="Samtalsinspelningar", en="Call recordings"),
        purposes=(
            Purpose(
                "Asiakaspalvelijoiden koulutus ja palvelun laadun kehittäminen",
                (B.LEGITIMATE_INTERESTS,),
            ),
            Purpose(
                "Sopimusten ja laskutusasioiden palvelutapahtumien varmentaminen",
                (B.LEGITIMATE_INTERESTS,),
            ),
        ),
        legal_bases=(
            LegalBasis(
                B.LEGITIMATE_INTERESTS,
                "Palvelun laadun kehittäminen ja väitteiltä puolustautuminen.",
            ),
        ),
        subject_groups=("Asiakaspalveluun soittavat henkilöt",),
        categories=(
            DataCategory("Henkilön yksilöintitiedot (nimi, henkilötunnus)"),
            DataCategory("Osoitetiedot ja puhelinnumero"),
            DataCategory("Yhteydenoton syy"),
        ),
        sources=(Source("Asiakas itse puhelun yhteydessä", SrcK.DATA_SUBJECT),),
        retention=(RetentionRule("Puhelutallenteet", 1, PeriodUnit.YEARS, "puhelusta"),),
        security=_valkeakoski_security(),
        notes=(Note(SectionId.TRANSFERS, "Puhelutallenteita ei luovuteta MailChimpille."),),
    )
    person = "Ella Rantanen"
    return NoticeData(
        controllers=(
            ControllerInfo(
                "Valkeakosken Energia Oy",
                business_id="1032198-3",
                visiting_address=Address("Teollisuustie 12", "37600", "Valkeakoski"),
                postal_address=Address("PL 89", "37601", "Valkeakoski"),
                phone="03 5691 101",
                email="valkeakosken.energia@valkeakoski.fi",
                web="https://valkeakoskenenergia.fi",
            ),
        ),
        contacts=(
            ContactPerson(
                person,
                Localized(
                    fi="Asiakaspalvelupäällikkö", sv="Kundtjänstchef", en="Customer service manager"
                ),
                email="tietosuoja@example.fi",
                phone="040 000 0002",
                scope=Localized(
                    fi="Yleisen asiakastietorekisterin osalta",
                    sv="För kunduppgiftsregistret",
                    en="For the customer data register",
                ),
            ),
            ContactPerson(
                person,
                Localized(
                    fi="Asiakaspalvelupäällikkö", sv="Kundtjänstchef", en="Customer service manager"
                ),
                email="tietosuoja@example.fi",
                phone="040 000 0003",
                scope=Localized(
                    fi="Puhelutallenteiden osalta",
                    sv="För samtalsinspelningar",
                    en="For call recordings",
                ),
            ),
        ),
        registers=(customers, recordings),
        title=Localized(
            fi="Valkeakosken Energia Oy:n tietosuojaseloste",
            sv="Valkeakosken Energia Oy:s dataskyddsbeskrivning",
            en="Valkeakosken Energia Oy privacy notice",
        ),
        rights=(
            RightStatement(Right.ACCESS),
            RightStatement(Right.RECTIFICATION),
            RightStatement(Right.ERASURE),
            RightStatement(Right.OBJECTION),
            RightStatement(Right.RESTRICTION),
            RightStatement(Right.PORTABILITY),
        ),
        requests=RequestInstructions(
            recipient="Valkeakosken Energia Oy",
            address=Address("PL 89", "37601", "Valkeakoski"),
            email="valkeakosken.energia@valkeakoski.fi",
            notes=("Mikä tahansa oikeus voidaan evätä laissa säädetyin perustein.",),
        ),
        changes_policy=(
            "Valkeakosken Energia Oy voi tehdä muutoksia tähän selosteeseen, jos henkilötietojen "
            "käsittelyn tavat tai tarkoitukset muuttuvat. Olennaisista muutoksista tiedotetaan "
            "verkkosivuilla tai suoraan rekisteröidyille, jos laki sitä vaatii."
        ),
        version="1",
        date=dt.date(2018, 5, 15),
    )


def _valkeakoski_security() -> tuple[SecurityMeasure, ...]:
    return (
        SecurityMeasure(SK.TECHNICAL, "Tietokannat on suojattu palomuurein ja salasanoin."),
        SecurityMeasure(
            SK.TECHNICAL,
            "Pääsy tietojärjestelmiin vain henkilökohtaisella käyttäjätunnuksella ja salasanalla.",
        ),
        SecurityMeasure(
            SK.ORGANISATIONAL, "Käyttöoikeudet määrittelee rekisteriasioista vastaava henkilö."
        ),
        SecurityMeasure(
            SK.ORGANISATIONAL, "Henkilöstö ja yhteistyökumppanit ovat sitoutuneet salassapitoon."
        ),
        SecurityMeasure(SK.MANUAL, "Manuaalinen aineisto säilytetään valvotuissa toimitiloissa."),
    )


SEEDS = {
    "000-jyvaskyla": jyvaskyla,
    "001-aanekoski": aanekoski,
    "002-kuopio": kuopio,
    "003-nurmijarvi": nurmijarvi,
    "004-valkeakoski": valkeakoski,
}
