"""Issue 6, done when: the Finnish notice printed from each seed fixture states everything the
original notice (../shared/seeds/*.txt) states, and the Swedish and English notices of the
same fixtures carry no Finnish section headings.

ORIGINAL lists, per seed and kind, strings copied verbatim from the original notice text
(a leading fragment or a word stem where the fixture had to split a sentence into rows, or
where the notice's bullet and the model differ only in inflection). Each is looked for in
the text pypdf extracts from the PDF and in the HTML, both printed through the service.
Comparison ignores whitespace (PDF line breaks fall anywhere), soft hyphens and case.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest

from rekisteri_app.documents.notices import SectionId
from rekisteri_app.documents.notices.texts import load_texts
from rekisteri_app.domain.enums import RecipientKind, Right, SecurityKind, SourceKind
from rekisteri_app.services import notices
from rekisteri_app.storage.models import Register
from tests.test_notice_service import load_seed, pdf_text

ORIGINAL: dict[str, dict[str, list[str]]] = {
    "000_jyvaskyla": {
        "purposes": [
            "Jyväskylän Energia Oy:n ja sen asiakkaiden välisen asiakassuhteen hoitamiseen ja "
            "sen laadun kehittämiseen",
            "Jyväskylän Energia Oy:n tuotteiden ja palveluiden ylläpitämiseen, tarjoamiseen, "
            "kehittämiseen ja toimittamiseen",
            "Sopimussuhteisiin liittyvien vastuiden hoitamiseen",
            "Maksujen vastaanottoon, maksuvalvontaan ja perintätoimiin",
            "Tuotteiden ja palveluiden markkinointiin ja mainontaan sekä etämyyntiin",
        ],
        "legal_bases": [
            "Sopimussuhteeseen rekisteröidyn ja Jyväskylän Energia Oy:n välillä",
            "Jyväskylän Energian oikeutettuun etuun mm. silloin kun Jyväskylän Energia käyttää "
            "rekisteröidyn tietoja tuotteidensa ja palvelujensa markkinointiin",
            "Rekisteröidyn suostumukseen kun rekisteröity on antanut suostumuksensa sähköiseen "
            "markkinointiin",
            "sähkömarkkinala",
            "energiatehokkuusla",
            "kuluttajansuojala",
        ],
        "data_categories": [
            "nimi",
            "ikä tai syntymävuosi",
            "henkilötunnus tai y-tunnus",
            "osoite",
            "asiakasnumero",
            "sukupuoli",
            "palvelukieli",
            "yhteystiedot, kuten puhelinnumerot, sähköpostiosoite ja muu osoitetieto",
            "asiakkaan ilmoittamat suoramarkkinoinnin luvat ja -kiellot",
            "asiakkaiden ja Jyväskylän Energia Oy:n asiakaspalvelun väliset tallennettavat "
            "puhelut, sähköpostit ja chat-viestit",
            "asiakkaan palvelukokemukseen liittyvä tieto",
            "asiakaskyselyiden tiedot ja palvelukokemukseen liittyvät tiedot",
            "osallistuminen kampanjoihin",
            "muut rekisteröidyn suostumuksella saadut tiedot, jotka ovat välttämättömiä sovitun "
            "palvelun toteuttamiseksi",
            "asiakkaan sopimukseen liittyvät tiedot (sopimuksen kohde, kestoaika, "
            "sopimushinnat, laskutusosoite",
            "asiakkaan palveluiden käyttöön liittyvät tiedot",
            "asiakkaan maksukäyttäytymiseen liittyvät tiedot ja pankkitiedot",
            "energian ja veden käyttökohteiden tiedot, käyttöpaikkoihin ja liittymään liittyvät "
            "tiedot",
            "käyttökohteessa sijaitsevat laitetiedot",
            "energian ja veden kulutustiedot",
        ],
        "sources": [
            "tarjouspyyntöjen, tilausten, sopimusten tai muiden asiaan liittyvien kontaktien "
            "yhteydessä",
            "energian ja veden kulutusmittar",
            "Suomen Asiakastieto Oy",
            "osoite-, päivitys- ja muuta vastaavaa palvelua tarjoav",
            "arvon",
            "puhelinmyyn",
            "evästei",
            "sähkömarkkinoiden tiedonvaihdon sääntöjen perusteella",
            "yhteydenotot",
        ],
        "recipients": [
            "Jyväskylän Energian lukuun toimiv",
            "palvelukokonaisuuden tuottamiseen osallistuv",
            "Jyväskylän Energia -konserni",
            "viranomaisille",
        ],
        "retention": [
            "Rekisteröidyn tietoja säilytetään vain niin kauan kuin on tarpeen tässä selosteessa "
            "aiemmin määriteltyjen tarpeiden toteuttamiseksi",
            "laskutuksen oikaisuvelvoite",
            "kymmenen vuotta",
        ],
        "safeguards": [
            "Henkilötietoja siirretään Euroopan unionin tai Euroopan talousalueen ulkopuolelle "
            "vain henkilötietolainsäädännön mukaisin menettelytavoin, esimerkiksi Euroopan "
            "komission hyväksymiä mallisopimuslausekkeita käyttäen",
        ],
        "rights": [
            "Rekisteröidyllä on oikeus tarkastaa häntä koskevat tiedot sekä saada jäljennös "
            "tiedoista paperisessa tai yleisesti käytetyssä sähköisessä muodossa",
            "Rekisteröidyllä on oikeus tietojensa oikaisuun toimittamalla puutteelliset tai "
            "virheelliset tiedot selvityksineen",
            "Rekisteröidyllä on oikeus itse antamiensa tietojen siirtoon toiseen järjestelmään",
            "Rekisteröity voi pyytää tietojensa poistamista",
            "aikaisintaan kymmenen vuoden kuluttua sopimuksen päättymisestä",
            "rekisteröidyllä on oikeus vastustaa menettelyä, mikäli menettely ei ole välttämätön "
            "sopimuksen tekemistä tai täytäntöönpanoa varten",
            "Rekisteröidyllä on oikeus antaa suostumuksensa sähköiseen markkinointiin ja myös "
            "kieltää se",
            "Rekisteröidyllä on oikeus tehdä valitus toimivaltaiselle valvontaviranomaiselle",
            "Rekisteröidyn tulee luotettavalla tavalla todistaa henkilöllisyytensä",
            "kuukauden sisällä pyynnön saamisesta ja rekisteröidyn tunnistamisesta",
            "PL 4, 40101 Jyväskylä",
        ],
    },
    "001_aanekoski": {
        "purposes": [
            "Asiakkaiden ja yhteistyökumppaneiden välisen suhteen hoitaminen, ylläpito, "
            "kehittäminen, laskutus, analysointi ja tilastointi",
            "Asiakasviestintä",
            "Myynti- ja markkinointitapahtumien järjestäminen",
            "Mielipide- ja markkinointitutkimuksen toteuttaminen",
            "Suoramarkkinointi, verkkomainonnan kohdentaminen ja profilointi",
            "Liiketoiminnan ja palveluiden suunnitteleminen ja kehittäminen",
            "Asiakkaan ja asiakkaan käyttäjien tunnistaminen ja käyttöoikeushallinta",
        ],
        "legal_bases": [
            "asiakas- tai yhteistyösopimu",
            "Äänekosken Energian oikeutettu",
            "(kuten suoramarkkinointi, saatavien perintä)",
        ],
        "data_categories": [
            "Nimi, henkilötunnus, yhteystiedot (puhelinnumero, sähköpostiosoite, postiosoite)",
            "Sopimuksen kohde ja osoite sekä tuotetiedot",
            "Asiakasnumero",
            "Vakuustiedot",
            "Asiakashistoria (esim. tilaustiedot, asiakastyytyväisyyskyselyt/palautteet ja "
            "reklamaatiot)",
            "Yhteydenpitoon liittyvät tiedot (esim. sähköiset asiointilomakkeet, chat-viestit)",
            "Laskutus-, maksu- ja perintätiedot sekä luottokelpoisuutta koskevat tiedot",
            "Suoramarkkinointia koskevat suostumukset ja kiellot",
            "Mahdolliset muut rekisteröidyn itsensä antamat muut tiedot",
            "Liittymien ja käyttöpaikkojen tekniset tiedot, käyttöpaikkanumero",
            "Kulutustiedot",
            "Nimi, titteli, yritys/yhteisö, postiosoite, sähköpostiosoite, puhelinnumero",
            "Asiakashistoria (esim. tilaisuuksiin ja tapahtumiin osallistuminen, yhteydenotot)",
        ],
        "sources": [
            "rekisteröidyltä itseltään puhelimitse, tapaamisissa tai muulla vastaavalla tavalla",
            "julkisista",
            "yksityisistä rekistereistä",
        ],
        "recipients": [
            "uutiskirjeen lähetyslistojen",
            "asiakas- ja yhteistyökumppanitietojen ylläpito",
            "tyytyväisyyskyselyiden tekemi",
            "tilaisuuksiin osallistujien tietojen käsittely",
            "Äänekosken Energian markkinointirekisteriin",
        ],
        "retention": [
            "Henkilötietoja säilytetään niin kauan kuin henkilötiedon käyttötarkoituksen vuoksi "
            "on tarpeellista",
            "10 vuotta asiakas- ja/tai sopimussuhteen päättymisen jälkeen",
            "paitsi milloin lainsäädäntö edellyttää tietojen säilyttämistä pidempään",
        ],
        "safeguards": [
            "Henkilötietoja ei säännönmukaisesti luovuteta eteenpäin, eikä niitä siirretä EU:n "
            "tai ETA-alueen ulkopuolelle",
        ],
        "rights": [
            "Rekisteröidyllä on oikeus tarkastaa itseään koskevat henkilörekisteriin "
            "tallennetut tiedot",
            "oikeus vaatia virheellisen tiedon oikaisua",
            "tietojen poistamista",
            "Rekisteröidyllä on oikeus vastustaa tietojensa käsittelyä",
            "kieltää suoramarkkinointi",
            "pyytää tietojensa käsittelyn rajoittamista",
            "Rekisteröidyllä on oikeus tehdä valitus valvontaviranomaiselle, erityisesti siinä "
            "EU-jäsenvaltiossa",
            "Kotakennääntie 31",
        ],
    },
    "002_kuopio": {
        "purposes": [
            "energiantoimitus, liittämis- ja verkkopalvelujen ylläpito",
            "asiakassuhteen hoitaminen ja kehittäminen",
            "energiantoimitus, liittämis- ja verkkopalveluun liittyvien palvelujen tarjoaminen "
            "ja toimitus",
            "laskutus, maksujen valvonta ja perintä",
            "tuotteiden ja palveluiden markkinointi ja etämyynti",
            "asiakaspalveluhenkilöstön kouluttaminen ja palvelutasotutkimukset",
            "energiankulutuksen profilointi voimassaolevan lainsäädännön tai asiakkaan antaman "
            "suostumuksen mukaisesti",
            "sopimusehtojen mukaisten velvoitteiden hoitaminen",
            "lakiin, asetuksiin ja viranomaismääräyksiin liittyvien velvoitteiden hoitaminen",
            "oikeutettuun etuun perustuva käsittely",
            "vahvistaaksemme ja markkinoidaksemme palveluitamme",
            "yhteystietojen käsittelyyn asiakasviestintää ja mahdollista sopimussuhteen "
            "perustamista varten",
            "Kuopion Energian suoramainontaan, etämyyntiin, sähköpostimarkkinointiin",
        ],
        "legal_bases": [
            "sopimuks",
            "suostumuk",
            "energiaviraston määräysten",
            "mittauslaitelain",
            "energiatehokkuuslain",
        ],
        "data_categories": [
            # Asiakastiedot
            "nimi",
            "ikä tai syntymävuosi",
            "henkilötunnus",
            "puhelinnumero",
            "sähköpostiosoite",
            "katuosoite, postinumero ja -toimipaikka",
            "asiakkaan edustajan tai asiakkaan yhteyshenkilön nimi, henkilötunnus, "
            "puhelinnumero ja sähköpostiosoite",
            "asiakasnumero",
            "sopimustunnus",
            "sopimuksen viite",
            "liittymän tunnus",
            "kaupunginosa/kortteli/tontti",
            "sopimuksen alku- ja loppupäiväys",
            "sopimusasiakkaan ilmoittamat suoramarkkinointiluvat ja -kiellot",
            # Käyttökohteen tiedot
            "käyttöpaikan tunnus",
            "käyttöpaikan katuosoite, postinumero ja -toimipaikka",
            "asumismuoto ja omistussuhde",
            "jakeluverkonhaltija",
            "sopimusasiakkaan tuote",
            "tuotteen hinta",
            "lämmitysratkaisu",
            "kulutustiedot",
            "Kuopion Energia -konsernin käyttökohteeseen toimittaman laitteen tiedot",
            "mittaustapa",
            "pääsulakkeen koko",
            "liittymän koko",
            "liittämiskohta",
            "jännitetaso",
            "liittymisjohdon pituus",
            "sopimuslämpöteho",
            "sopimusvesivirta",
            "sopimusrakennustilavuus",
            "tieto mahdollisesta pääsystä kiinteistön tekniseen tilaan",
            "mittauslaitteen paikannuskoordinaatit",
            "arkistotunnus",
            "mittauksen etusulakkeen koko",
            "käytön ajoitus",
            "sähkön kulutusarvio tai tiedot kulutuksesta",
            # Laskutus ja maksuliikennetiedot
            "pankkitilinumero",
            "luottotiedot",
            "tuote",
            "hinta",
            "laskun summa",
            "eräpäivä",
            "suorituksen summa ja suorituspäivä",
            "laskutusrytmi",
            "laskutustapa",
            "tiedot maksuista",
            # Muut tiedot
            "asiakaspalveluun saapuneiden puheluiden tallenteet",
            "asiakkaan tallentamat kohteen ja tapahtumien/tehtävien tiedot",
            "palvelujen käyttöön liittyvät tiedot",
            "lainsäädännön mukaiset lupa- ja kieltotiedot",
            "asiakkaiden tyytyväisyystiedot",
            "muut nykyisen tai aikaisemman asiakkaan suostumuksella tai valtuuttamana saadut "
            "tiedot",
            # Suostumukseen perustuvat markkinointitiedot
            "puhelinnumerot",
            "henkilön/asiakkaan ilmoittamat suoramarkkinointiluvat ja -kiellot",
            "tieto asumismuodosta",
            "samassa taloudessa asuvien henkilöiden lukumäärä",
            "sähkön kulutuksen vuosiennuste",
            "henkilön/asiakkaan edustajan tai yhteyshenkilön nimi, henkilötunnus, "
            "puhelinnumero, katuosoite, postinumero ja -toimipaikka",
            # website data of the marketing register
            "selaintie",
            "evästei",
        ],
        "sources": [
            "antamasi tiedot, jotka on koostettu antamistasi kampanja- ja kilpailutiedoista",
            "käymäsi keskustelut asiakaspalvelumme kanssa",
            "muut yhteydenottosi sekä antamasi asiakaspalautteet",
            "Fingrid Datahub Oy",
            "Väestötietojärjestelmä",
            "Yritys- ja yhteisötietojärjestelmä (YTJ)",
            "Suomen Asiakastieto Oy",
            "Fonecta Oy",
            "Itella Asiakkuusmarkkinointi Oy",
            "Kuopion kaupunki",
            "analytiikkapalvelu",
        ],
        "recipients": [
            "viranomaisille",
            "asiakkaan edustajalle (valtakirjalla)",
            "yhteistyökumppaneille",
            "palveluntuottajille",
            "alihankkijoille",
            "tytäryhtiöille",
            "Informaatioteknologiaan liittyvät palveluntarjoajat ja palveluiden tuottajat",
            "Myyntiin ja markkinointiin liittyvä kumppanit",
        ],
        "retention": [
            "sopimusperusteiset tiedot poistetaan asiakasrekisteristä 10 vuoden kuluttua "
            "sopimuksen päättymisestä",
            "suoramarkkinointirekisteristä tiedot poistetaan yhden vuoden kuluttua "
            "käsittelyhetkestä",
            "laskutukseen ja mittaustietoihin perustuvia tietoja säilytetään 10 vuotta",
            "kaikkia suoramarkkinointipuhelutallenteita, asiakaspalvelun tallenteita, "
            "vikailmoituksia",
            "energiapalvelutarjousten ja erilaisten lomakkeiden käsittelystä syntyvän rekisterin "
            "tiedot poistetaan yhden vuoden kuluttua käsittelyhetkestä",
        ],
        "safeguards": [
            "Rekisterin tietoja ei siirretä Euroopan Unionin jäsenvaltioiden alueen tai "
            "Euroopan talousalueen ulkopuolelle ilman voimassaolevan lainsäädännön mukaisia "
            "hyväksyttyjä toimintatapoja, kuten EU:n yleisen tietosuoja-asetuksen mukaisia "
            "mallisopimuksia",
        ],
        "rights": [
            "Sinulla on oikeus saada tietoa siitä, kuka käsittelee henkilötietojasi",
            "vaatia virheellisen tai puutteellisen tiedon oikaisua",
            "turhan tai vanhentuneen tiedon poisto",
            "kieltää tietojesi käyttäminen suoramarkkinointiin, mielipidekyselyihin ja "
            "markkinointitutkimuksiin",
            "Sinulla on oikeus vaatia tietojesi poistamista",
            "Pystyt estämään evästeiden käytön selaimesi asetuksia muuttamalla",
            "kirjallisesti ja allekirjoitettuna",
            "PL 105, 70101 Kuopio",
            "sähköisellä allekirjoituksella",
        ],
    },
    "003_nurmijarvi": {
        "purposes": [
            "asiakassuhteen hoitaminen, hallinta, ylläpito ja kehittäminen, laskutus sekä "
            "maksujen valvonta ja perintä",
            "rekisterinpitäjän ja sen yhteistyökumppaneiden palveluiden toteuttaminen, "
            "ylläpitäminen, kehittäminen ja laadun varmentaminen",
            "kirjeitse, puhelimella, sähköpostilla, tekstiviestillä tai muilla sähköisillä "
            "välineillä tapahtuva rekisterinpitäjän ja sen yhteistyökumppaneiden "
            "asiakasviestintä",
            "edellä mainittujen käyttötarkoitusten edellyttämä palvelujen käytön, asiakkaiden ja "
            "asiakassuhteiden analysointi ja profilointi",
            "väärinkäytösten",
            "muut vastaavat asiakassuhteen hoitamiseen liittyvät tarkoitukset ja tehtävät",
            "Asiakastietoja voidaan käsitellä myös muihin tarkoituksiin, joihin asiakas on "
            "antanut suostumuksen",
        ],
        "legal_bases": [
            "energiatehokkuuslakiin liittyvät ja muut lakisääteiset velvollisuudet",
            "osapuolten välisten sopimusten ja tilausten täyttäminen ja niitä edeltävien "
            "toimenpiteiden toteuttaminen asiakkaan pyynnöstä",
            "rekisterinpitäjän ja kolmansien osapuolten oikeutetut edut",
        ],
        "data_categories": [
            "perustiedot esimerkiksi nimet, kuluttaja-asiakkaan henkilötunnus, äidinkieli",
            "yritysasiakkaiden yhteyshenkilöitä koskevat perustiedot (kuten tiedot "
            "työnantajasta, tehtävästä ja asemasta)",
            "sopimuksia, tilauksia, toimitusta, laskutusta, maksamista, perintää koskevat tiedot",
            "asiakkaalle toimitettavaa palvelua koskevat käyttöpaikan tekniset ja muut tiedot",
            "tiedot yhteydenpidosta asiakkaan kanssa, esim. asiakasviestintä, palautteet, "
            "puhelutallenteet, ja markkinointitoimet",
            "rekisterinpitäjän uutiskirjeiden, verkkopalvelujen sekä mobiilisovellusten ja "
            "mainonnan käyttötiedot",
            "asiakkaan ilmoittamat suoramarkkinointikiellot, sähköistä suoramarkkinointia "
            "koskevat suostumukset",
            "analysointiin ja profilointiin tarvittavat muut tiedot ja niiden tulokset",
            "mahdolliset muut rekisteröidyn suostumuksella kerätyt tiedot",
        ],
        "sources": [
            "asiakkaalta itseltään tarjouspyyntöjen, tilausten, sopimusten tai muiden "
            "asiakassuhteeseen liittyvien kontaktien yhteydessä",
            "evästeitä ja vastaavia käytön seurantatekniikoita",
            "muilta energiamarkkinoiden osapuolilta",
            "luottotietorekister",
            "Väestörekisterikesk",
            "Posti",
        ],
        "recipients": [
            "konserniyhtiö",
            "viranomai",
            "sähkömarkkinoiden osapuol",
            "yhteistyökumppaneille",
            "perintätoimistolle",
            "alihankkij",
        ],
        "retention": [
            "rekisterinpitäjä voi säilyttää anonymisoidut asiakastiedot, joita ei voida yhdistää "
            "asiakkaaseen, hävittää tiedot tai siirtää henkilötietolain 19 §:n sallimat tiedot "
            "rekisterinpitäjän markkinointirekisteriin",
        ],
        "safeguards": [
            "C (2010)593",
            "Euroopan komission hyväksymillä vakiosopimusehdoilla",
        ],
        "rights": [
            "Asiakas voi milloin tahansa peruuttaa sähköiseen suoramarkkinointiin ja muihin "
            "tarkoituksiin antamansa suostumukset",
            "Asiakas voi kieltää tietojensa käyttämisen suoramarkkinointiin",
            "Asiakkaalla on oikeus tarkastaa, mitä häntä koskevia tietoja asiakasrekisteriin on "
            "talletettu",
            "Tietojen tarkastuspyyntö on maksullinen, jos edellisestä tarkastuspyynnöstä on "
            "kulunut alle vuosi",
            "Rekisteröidyllä on oikeus vaatia poistamaan tiedot",
            "asiakkaalla on oikeus saada pääsääntöisesti koneluettavassa muodossa itselleen",
            "Asiakkaalla on oikeus henkilökohtaiseen erityiseen tilanteeseensa liittyen "
            "vastustaa henkilötietojensa käsittelyä",
            "Asiakkaalla on oikeus vaatia henkilötietojensa käsittelyn rajoittamista",
            "Rekisteröidyllä on oikeus tehdä valitus toimivaltaiselle valvontaviranomaiselle",
            "kirjallisesti ja allekirjoitettuna",
            "Tarkastuspyyntö on tehtävä henkilökohtaisesti rekisterinpitäjän luona",
        ],
    },
    "004_valkeakoski": {
        "purposes": [
            "asiakassuhteen hoitaminen ja kehittäminen",
            "tuotteiden ja palveluiden tarjoaminen ja toimitus",
            "maksaminen, maksujen valvonta ja perintä",
            "rekisterinpitäjän tuotteiden ja palveluiden markkinointi ja etämyynti",
            "rekisterinpitäjän liiketoimintojen kehittäminen ja siihen liittyvän "
            "asiakaspalvelun kehittäminen",
            "kirjanpito, raportointi, seuranta, koulutus sekä palveluiden testaaminen, "
            "kehittäminen ja todentaminen",
            "väitteiltä puolustautuminen",
            "Puhelinpalvelussa tallennettuja nauhoitteita voidaan käyttää Valkeakosken Energia "
            "Oy:n liiketoiminnan toteuttamiseen",
        ],
        "legal_bases": [
            "Henkilötietojen käsittely perustuu ensisijaisesti asiakkaan ja Valkeakosken "
            "Energia Oy:n välisen sopimuksen toteuttamiseen",
            "Valkeakosken Energia Oy:n oikeutettu etu ylläpitää ja kehittää asiakassuhteita",
            "sähkönkulutukseen liittyvä henkilötietojen käsittely perustuu Valkeakosken Energia "
            "Oy:tä velvoittavaan sähkömarkkinalakiin (588/2013)",
            "Peruste puheluiden tallentamiselle on Valkeakosken Energia Oy:n oikeutettu etu",
        ],
        "data_categories": [
            "henkilötunnus (yrityksiltä y-tunnus)",
            "osoite- ja yhteystiedot",
            "käyttöpaikkaan liittyvät tiedot",
            "kulutustiedot",
            "asiakkaan omistaman tilan nimi",
            "kiinteistörekisterinumero",
            "suostumuksesta sähköposti, tekstiviesti- ja muilla automaattisilla järjestelmillä "
            "tiedotukseen ja markkinointiin",
            "mahdolliset suoramarkkinointikiellot",
            "henkilön yksilöintitiedot (nimi, henkilötunnus)",
            "osoitetiedot",
            "puhelinnumero",
            "erilaiset syyt, joiden vuoksi asiakas on palvelunumeroon soittanut",
            "Mikäli asiakas kieltäytyy sopimuksen toteuttamista varten tarvittavien "
            "perustietojensa ja kulutustietojen luovuttamisesta",
        ],
        "sources": [
            "Henkilötietoja hankitaan pääsääntöisesti asiakkaalta itseltään (mm. tilausten, "
            "sopimusten ja muiden kontaktien yhteydessä)",
            "Valkeakosken Energia Oy:n lomaketietorekisteri",
            "Tietoja tallentuu myös palveluiden tai tuotteiden käytöstä",
            "Asiakastietoja saadaan myös muilta energiayhtiöiltä sähkömarkkinoiden "
            "tiedonvaihdon sääntöjen mukaisesti",
            "Puhelutallenteiden osalta tiedot kerätään suoraan asiakkaalta puhelun yhteydessä",
        ],
        "recipients": [
            "sähkö- tai kaukolämpöverkon huoltoon ja ylläpitoon osallistuvat palveluntarjoajat",
            "puhelin- ja IT-palveluntarjoaja",
            "Valkeakosken Energia Oy:n käyttämät konsultit tai vuokratyöntekijät",
            "muille sähkömarkkinaosapuolille",
            "viranomaisille",
            "Lupapiste",
            "MailChimp",
        ],
        "retention": [
            "Valkeakosken Energia Oy säilyttää henkilötietoja asiakassuhteen ajan",
            "kirjanpidollisista syistä",
            "enintään 10 vuoden ajan",
            "Puhelintallenteita säilytetään yhden (1) vuoden ajan",
            "Asiakassuhteen päättyessä asiakkaan perustiedot ja tieto aiemmista sopimuksista "
            "voidaan siirtää Valkeakosken Energia Oy:n markkinointirekisteriin",
        ],
        "safeguards": [
            "Kyseessä on yhdysvaltalainen yhtiö, jolloin henkilötietoja siirretään palvelun "
            "kautta Euroopan unionin ja Euroopan talousalueen ulkopuolelle",
            "Henkilötiedot on kuitenkin suojattu henkilötietolain edellyttämällä tavalla",
            "Puhelutallenteita ei luovuteta MailChimpille",
        ],
        "rights": [
            "Rekisteröidyllä on oikeus tarkastaa rekisteriin tallennetut häntä itseään koskevat "
            "henkilötiedot ja saada jäljennös käsiteltävistä henkilötiedoista",
            "Rekisteröidyllä on myös oikeus vaatia henkilötietojensa korjaamista tai poistamista",
            "Rekisteröidyllä on oikeus vastustaa käsittelytoimia",
            "Rekisteröidyllä on oikeus vaatia Valkeakosken Energia Oy:tä rajoittamaan "
            "henkilötietojensa käsittelyä",
            "rekisteröidyllä on oikeus saada tällaiset tiedot itselleen pääsääntöisesti "
            "koneluettavassa muodossa",
            "Edellä mainittuihin rekisteröidyn oikeuksiin liittyvät pyynnöt ovat "
            "lähtökohtaisesti maksuttomia",
            "Mikä tahansa oikeus voidaan evätä laissa säädetyin perustein",
            "Rekisteröidyllä on oikeus tehdä valitus toimivaltaiselle valvontaviranomaiselle",
        ],
    },
}

KINDS = (
    "purposes",
    "legal_bases",
    "data_categories",
    "sources",
    "recipients",
    "retention",
    "safeguards",
    "rights",
)


def squeeze(text: str) -> str:
    """Text without whitespace, soft hyphens or case: PDF line breaks and spacing fall
    anywhere, and a bullet of the original may start a sentence in the notice."""
    return re.sub(r"\s+", "", text.replace("\u00ad", "")).casefold()


def html_text(page: str) -> str:
    """The visible text of the HTML page (tags dropped, entities decoded)."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def register_ids(ctx) -> list[int]:
    with ctx.read() as session:
        return [r.id for r in session.query(Register).order_by(Register.id)]


def missing(needles: dict[str, list[str]], text: str) -> dict[str, list[str]]:
    hay = squeeze(text)
    out = {kind: [s for s in strings if squeeze(s) not in hay] for kind, strings in needles.items()}
    return {kind: strings for kind, strings in out.items() if strings}


@pytest.mark.parametrize("seed", sorted(ORIGINAL))
def test_finnish_notice_states_everything_the_original_states(ctx, seed):
    load_seed(ctx, seed)
    ids = register_ids(ctx)
    needles = ORIGINAL[seed]
    assert set(needles) == set(KINDS) and all(needles.values())
    pdf = notices.render(ctx, ids, "fi", "pdf")
    page = notices.render(ctx, ids, "fi", "html")
    assert isinstance(pdf, bytes) and isinstance(page, str)
    assert missing(needles, pdf_text(pdf)) == {}
    assert missing(needles, html_text(page)) == {}


def test_the_check_can_fail():
    """A statement the notice does not make is reported missing, per kind."""
    assert missing({"rights": ["Oikeus lentää", "nimi"]}, "nimi ja osoite") == {
        "rights": ["Oikeus lentää"]
    }


def headings_of(lang: str) -> set[str]:
    """Every section heading, subheading and right name the notice texts define."""
    t = load_texts(lang)
    return {
        t.doc("title"),
        t.doc("contents"),
        *(t.section(s) for s in SectionId),
        *(t.text(k) for k in ("purposes", "bases", "processors", "rights_howto")),
        *(t.source_kind(k) for k in SourceKind),
        *(t.recipient_kind(k) for k in RecipientKind),
        *(t.security_kind(k) for k in SecurityKind),
        *(t.right_name(r) for r in Right),
    }


def finnish_headings() -> set[str]:
    """The Finnish ones that are not also the Swedish or English wording."""
    return headings_of("fi") - headings_of("sv") - headings_of("en")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("seed", sorted(ORIGINAL))
def test_swedish_and_english_notices_have_no_finnish_headings(ctx, seed, lang):
    load_seed(ctx, seed)
    ids = register_ids(ctx)
    page = notices.render(ctx, ids, lang, "html")
    pdf = pdf_text(notices.render(ctx, ids, lang, "pdf"))
    headings = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", page, flags=re.S)
    shown = [html_lib.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in headings]
    fi_headings = finnish_headings()
    assert len(fi_headings) > 20
    assert [h for h in shown if any(f == re.sub(r"^\d+\.\s*", "", h) for f in fi_headings)] == []
    numbered = [line for line in pdf.splitlines() if re.match(r"^\d{1,2}\. \S", line)]
    assert len(numbered) >= 14
    assert [
        line for line in numbered if re.sub(r"^\d+\.\s*", "", line).strip() in fi_headings
    ] == []
    # the section headings themselves are in the notice's language
    own = load_texts(lang)
    assert own.section(SectionId.CONTROLLER) in page and own.section(SectionId.RIGHTS) in pdf
    # (the register's own texts stay Finnish: only the notice's headings are checked)
