"""Where personal data may go without further safeguards: the EEA and the adequacy list.

A transfer is only a "third-country transfer" (GDPR Chapter V) when it leaves the EEA, and
it needs no further safeguard when the Commission has found the destination adequate
(Art. 45). Both lists change rarely but do change, so they live here as data with their
sources, and every rule that needs them asks this module instead of keeping its own copy.

Sources, checked November 2026:

- EEA: EU 27 (Treaty on European Union, Art. 52) plus Iceland, Liechtenstein and Norway
  (EEA Agreement).
- Adequacy: European Commission, "Adequacy decisions"
  (https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en),
  with decision numbers and dates from EUR-Lex. Additions since the Commission's 2024 list:
  European Patent Organisation, Implementing Decision (EU) 2025/1382 of 15 July 2025 (the
  first decision for an international organisation); United Kingdom renewed on
  19 December 2025 until 27 December 2031 (after a six-month technical extension adopted
  on 24 June 2025; the OJ numbers of the GDPR extension and renewal acts were not
  verified, so the reference names the 2021 decision); Brazil, Implementing Decision
  (EU) 2026/179 of 26 January 2026 (OJ 28.1.2026).

Country codes and names come from Babel's CLDR data rather than a hand-typed table, so they
follow the CLDR release that ships with Babel.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from babel import Locale

from rekisteri_app.i18n import N_

EU_MEMBER_STATES: frozenset[str] = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip
"""The 27 member states. Greece is GR in ISO 3166-1 (the EU's own "EL" is not ISO)."""

EEA_EFTA_STATES: frozenset[str] = frozenset({"IS", "LI", "NO"})

EEA_COUNTRIES: frozenset[str] = EU_MEMBER_STATES | EEA_EFTA_STATES

EEA_TERRITORIES: frozenset[str] = frozenset({"AX", "GF", "GP", "MQ", "RE", "YT", "MF"})
"""Parts of a member state that ISO 3166-1 codes separately but where the GDPR applies.

Åland (AX) is part of Finland and of the EU; French Guiana, Guadeloupe, Martinique,
Réunion, Mayotte and Saint-Martin are outermost regions (TFEU Art. 349, 355(1)). The
overseas countries and territories (e.g. French Polynesia PF, New Caledonia NC, Greenland
GL), Svalbard and Jan Mayen (SJ, outside the EEA Agreement), the Faroe Islands (FO) and
Gibraltar (GI) are *not* here: sending data there is a third-country transfer.
"""

NON_ISO_TERRITORIES: frozenset[str] = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}
)
"""Two-letter CLDR territory codes that are not officially assigned ISO 3166-1 codes.

Exceptionally reserved (AC, CP, CQ, DG, EA, EU, EZ, IC, TA, UN), user-assigned (QO, XK,
ZZ) or CLDR pseudo-locales (XA, XB). Kosovo (XK) is widely used but not ISO; a transfer
there should be recorded under the code the importer's contract uses.
"""

EUROPEAN_PATENT_ORGANISATION = "EPO"
"""Pseudo-code for the one international organisation with an adequacy decision.

Not an ISO code; accepted only where a transfer destination is asked for.
"""

_ORGANISATION_NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        EUROPEAN_PATENT_ORGANISATION: MappingProxyType(
            {
                "fi": "Euroopan patenttiorganisaatio",
                "sv": "Europeiska patentorganisationen",
                "en": "European Patent Organisation",
            }
        )
    }
)


class AdequacyScope(StrEnum):
    """Whether a decision covers every recipient in the destination or only some."""

    FULL = "full"
    PARTIAL = "partial"


@dataclass(frozen=True)
class AdequacyDecision:
    """One Commission adequacy decision in force (Art. 45(3), or Art. 25(6) of 95/46/EC).

    `scope_note` says whom a partial decision covers (N_-marked English, translated where
    shown); the checker uses it to ask the user to confirm that the importer is covered.
    """

    destination: str
    reference: str
    adopted_on: date
    scope: AdequacyScope = AdequacyScope.FULL
    scope_note: str = ""
    valid_until: date | None = None

    @property
    def is_partial(self) -> bool:
        return self.scope is AdequacyScope.PARTIAL

    def in_force_on(self, day: date) -> bool:
        """False before adoption and after a sunset date (only the UK has one)."""
        if day < self.adopted_on:
            return False
        return self.valid_until is None or day <= self.valid_until


def _decision(
    destination: str,
    reference: str,
    adopted_on: date,
    scope_note: str = "",
    valid_until: date | None = None,
) -> AdequacyDecision:
    scope = AdequacyScope.PARTIAL if scope_note else AdequacyScope.FULL
    return AdequacyDecision(destination, reference, adopted_on, scope, scope_note, valid_until)


_DECISIONS: tuple[AdequacyDecision, ...] = (
    _decision("AD", "Commission Decision 2010/625/EU", date(2010, 10, 19)),
    _decision("AR", "Commission Decision 2003/490/EC", date(2003, 6, 30)),
    _decision("BR", "Commission Implementing Decision (EU) 2026/179", date(2026, 1, 26)),
    _decision(
        "CA",
        "Commission Decision 2002/2/EC",
        date(2001, 12, 20),
        scope_note=N_("only commercial organisations subject to PIPEDA"),
    ),
    _decision("CH", "Commission Decision 2000/518/EC", date(2000, 7, 26)),
    _decision("FO", "Commission Decision 2010/146/EU", date(2010, 3, 5)),
    # The UK decision had a four-year sunset (27.6.2025), was extended to 27.12.2025 on
    # 24.6.2025 and renewed on 19.12.2025 for six years.
    _decision(
        "GB",
        "Commission Implementing Decision (EU) 2021/1772, renewed 19.12.2025",
        date(2021, 6, 28),
        valid_until=date(2031, 12, 27),
    ),
    _decision("GG", "Commission Decision 2003/821/EC", date(2003, 11, 21)),
    _decision("IL", "Commission Decision 2011/61/EU", date(2011, 1, 31)),
    _decision("IM", "Commission Decision 2004/411/EC", date(2004, 4, 28)),
    _decision("JE", "Commission Decision 2008/393/EC", date(2008, 5, 8)),
    _decision(
        "JP",
        "Commission Implementing Decision (EU) 2019/419",
        date(2019, 1, 23),
        scope_note=N_("only business operators subject to the APPI and its Supplementary Rules"),
    ),
    _decision("KR", "Commission Implementing Decision (EU) 2022/254", date(2021, 12, 17)),
    _decision("NZ", "Commission Implementing Decision 2013/65/EU", date(2012, 12, 19)),
    # EU-US Data Privacy Framework. Its validity was challenged in T-553/23 Latombe
    # (dismissed by the General Court on 3.9.2025; appeal pending), so re-check it before
    # relying on it in a new notice.
    _decision(
        "US",
        "Commission Implementing Decision (EU) 2023/1795",
        date(2023, 7, 10),
        scope_note=N_("only organisations certified under the EU-US Data Privacy Framework"),
    ),
    _decision("UY", "Commission Implementing Decision 2012/484/EU", date(2012, 8, 21)),
    _decision(
        EUROPEAN_PATENT_ORGANISATION,
        "Commission Implementing Decision (EU) 2025/1382",
        date(2025, 7, 15),
    ),
)

ADEQUACY_DECISIONS: Mapping[str, AdequacyDecision] = MappingProxyType(
    {decision.destination: decision for decision in _DECISIONS}
)

DPF_DESTINATION = "US"
"""The only destination the EU-US Data Privacy Framework covers."""


def normalise_code(code: str) -> str:
    """Trim and upper-case, so that ' fi ' and 'FI' are the same code."""
    return code.strip().upper()


@cache
def country_codes() -> frozenset[str]:
    """All 249 officially assigned ISO 3166-1 alpha-2 codes, taken from Babel's CLDR data."""
    return frozenset(
        code
        for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in NON_ISO_TERRITORIES
    )


def is_iso_country(code: str) -> bool:
    return normalise_code(code) in country_codes()


def is_valid_destination(code: str) -> bool:
    """A country code or the code of an international organisation we know."""
    normalised = normalise_code(code)
    return normalised in country_codes() or normalised in _ORGANISATION_NAMES


def is_international_organisation(code: str) -> bool:
    return normalise_code(code) in _ORGANISATION_NAMES


def is_eea(code: str) -> bool:
    """True for EEA states and for territories of member states where the GDPR applies."""
    normalised = normalise_code(code)
    return normalised in EEA_COUNTRIES or normalised in EEA_TERRITORIES


def adequacy_for(code: str, on: date | None = None) -> AdequacyDecision | None:
    """The decision covering `code`, or None; with `on`, only if in force that day."""
    decision = ADEQUACY_DECISIONS.get(normalise_code(code))
    if decision is None or (on is not None and not decision.in_force_on(on)):
        return None
    return decision


def country_name(code: str, lang: str) -> str:
    """The localised name (fi, sv or en); the code itself if nothing better is known."""
    normalised = normalise_code(code)
    organisation = _ORGANISATION_NAMES.get(normalised)
    if organisation is not None:
        return organisation.get(lang, organisation["en"])
    return _territories(lang).get(normalised, normalised)


def countries(lang: str) -> list[tuple[str, str]]:
    """(code, name) for every ISO country, sorted for a picker in `lang`."""
    names = _territories(lang)
    pairs = [(code, names.get(code, code)) for code in country_codes()]
    return sorted(pairs, key=lambda pair: _collation_key(pair[1], lang))


@cache
def _territories(lang: str) -> Mapping[str, str]:
    return MappingProxyType(dict(Locale.parse(lang).territories))


_NORDIC_LETTERS = str.maketrans(
    {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"}
)  # "{", "|", "}" follow "z" in code point order


def _collation_key(name: str, lang: str) -> str:
    """Good-enough alphabetical order without ICU: Å, Ä, Ö after Z in Finnish and Swedish.

    Other accented letters sort as their base letter (e.g. "Côte d'Ivoire" under C).
    """
    folded = name.casefold()
    if lang in ("fi", "sv"):
        folded = folded.translate(_NORDIC_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
