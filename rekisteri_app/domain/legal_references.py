"""Finnish statute references: numbers, the laws a utility cites, and the repealed ones.

Old privacy notices still justify processing with the Personal Data Act
(henkilötietolaki 523/1999), which the Data Protection Act (tietosuojalaki 1050/2018)
repealed on 1 January 2019. The checker must find such references in free text written in
Finnish, Swedish or English without mistaking general words like "henkilötietolainsäädäntö"
(personal data legislation) for the act, so the matching below is by whole inflected word.

Statute names are proper names in three official forms, not UI text, so they are kept as
per-language data here instead of going through gettext.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

FIRST_STATUTE_YEAR = 1860
"""The Finnish statute series (Suomen asetuskokoelma) starts in 1860."""

LAST_STATUTE_YEAR = 2199
"""A generous upper bound: no clock is read here, and a number like 588/2013 must parse."""


@dataclass(frozen=True, order=True)
class StatuteNumber:
    """A number in the Finnish statute series, written "588/2013" (number/year)."""

    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.number}/{self.year}"


_NUMBER_RE = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*(\d{4})(?![\d/])")
_EU_PREFIX_RE = re.compile(r"\((?:EU|EY|EC|EG|ETY|EEC|EEG|EUVL|EUT)\)\s*(?:N:o|nro|No)?\s*$",
                           re.IGNORECASE)  # fmt: skip


def parse_statute_number(text: str) -> StatuteNumber:
    """Parse exactly one statute number; raise ValueError for anything else."""
    match = _NUMBER_RE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a statute number: {text!r}")
    number, year = int(match.group(1)), int(match.group(2))
    if number < 1 or not FIRST_STATUTE_YEAR <= year <= LAST_STATUTE_YEAR:
        raise ValueError(f"not a statute number: {text!r}")
    return StatuteNumber(year=year, number=number)


def find_statute_numbers(text: str) -> list[StatuteNumber]:
    """Every statute number in `text`, in order, skipping EU acts like "(EU) 2016/679"."""
    found: list[StatuteNumber] = []
    for match in _NUMBER_RE.finditer(text):
        if _EU_PREFIX_RE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        try:
            found.append(parse_statute_number(match.group(0)))
        except ValueError:
            continue
    return found


# Case endings of the Finnish word "laki" after the stem "la": laki, lain, lakia, lakiin,
# laissa, laista, laille, lailla, lailta, lakina, laiksi, laitta, and the plurals. Word
# boundaries make "henkilötietolainsäädäntö" (lain + säädäntö) fall outside the pattern.
_LAKI_ENDINGS = (
    r"(?:ki|in|kia|kiin|issa|ista|ille|illa|ilta|kina|iksi|itta|it|kien|keja|eissa|eista"
    r"|eihin|eille|eilla|eilta|ein)(?:kin|kaan|kään|han|hän)?"
)
# Swedish "lag": lag, lagen, lagens, lags.
_LAG_ENDINGS = r"(?:en|ens|s)?"


def _fi_law(stem: str) -> str:
    """Pattern for the inflected forms of a Finnish compound ending in -laki."""
    return rf"\b{stem}la{_LAKI_ENDINGS}\b"


def _sv_law(stem: str) -> str:
    return rf"\b{stem}lag{_LAG_ENDINGS}\b"


def _phrase(words: str) -> str:
    return r"\b" + r"\s+".join(re.escape(word) for word in words.split()) + r"\b"


@dataclass(frozen=True)
class Statute:
    """A Finnish act with its official names and the patterns that find it in free text."""

    key: str
    number: StatuteNumber
    names: Mapping[str, str]
    patterns: tuple[str, ...]
    repealed_on: date | None = None
    replaced_by: StatuteNumber | None = None

    def name(self, lang: str) -> str:
        """The name in fi, sv or en (Finnish if the language is unknown)."""
        return self.names.get(lang, self.names["fi"])

    def citation(self, lang: str) -> str:
        """E.g. "sähkömarkkinalaki (588/2013)", the form a notice prints."""
        return f"{self.name(lang)} ({self.number})"

    def is_repealed(self, on: date | None = None) -> bool:
        """Repealed at all (no `on`), or already repealed on the given day."""
        if self.repealed_on is None:
            return False
        return on is None or on >= self.repealed_on

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.key)


def _statute(
    key: str,
    number: str,
    fi: str,
    sv: str,
    en: str,
    patterns: tuple[str, ...],
    repealed_on: date | None = None,
    replaced_by: str | None = None,
) -> Statute:
    return Statute(
        key=key,
        number=parse_statute_number(number),
        names=MappingProxyType({"fi": fi, "sv": sv, "en": en}),
        patterns=patterns,
        repealed_on=repealed_on,
        replaced_by=parse_statute_number(replaced_by) if replaced_by else None,
    )


PERSONAL_DATA_ACT = _statute(
    "personal-data-act",
    "523/1999",
    "henkilötietolaki",
    "personuppgiftslag",
    "Personal Data Act",
    (
        _fi_law("henkilötieto"),
        r"\bHe[Tt]iL\b",
        _sv_law("personuppgifts"),
        _phrase("Personal Data Act"),
    ),
    repealed_on=date(2019, 1, 1),
    replaced_by="1050/2018",
)

DATA_PROTECTION_ACT = _statute(
    "data-protection-act",
    "1050/2018",
    "tietosuojalaki",
    "dataskyddslag",
    "Data Protection Act",
    (_fi_law("tietosuoja"), _sv_law("dataskydds"), _phrase("Data Protection Act")),
)

STATUTES: tuple[Statute, ...] = (
    _statute(
        "electricity-market-act",
        "588/2013",
        "sähkömarkkinalaki",
        "elmarknadslag",
        "Electricity Market Act",
        (_fi_law("sähkömarkkina"), _sv_law("elmarknads"), _phrase("Electricity Market Act")),
    ),
    _statute(
        "natural-gas-market-act",
        "587/2017",
        "maakaasumarkkinalaki",
        "naturgasmarknadslag",
        "Natural Gas Market Act",
        (
            _fi_law("maakaasumarkkina"),
            _sv_law("naturgasmarknads"),
            _phrase("Natural Gas Market Act"),
        ),
    ),
    _statute(
        "energy-efficiency-act",
        "1429/2014",
        "energiatehokkuuslaki",
        "energieffektivitetslag",
        "Energy Efficiency Act",
        (
            _fi_law("energiatehokkuus"),
            _sv_law("energieffektivitets"),
            _phrase("Energy Efficiency Act"),
        ),
    ),
    _statute(
        "consumer-protection-act",
        "38/1978",
        "kuluttajansuojalaki",
        "konsumentskyddslag",
        "Consumer Protection Act",
        (
            _fi_law("kuluttajansuoja"),
            _sv_law("konsumentskydds"),
            _phrase("Consumer Protection Act"),
        ),
    ),
    DATA_PROTECTION_ACT,
    _statute(
        "accounting-act",
        "1336/1997",
        "kirjanpitolaki",
        "bokföringslag",
        "Accounting Act",
        (_fi_law("kirjanpito"), _sv_law("bokförings"), _phrase("Accounting Act")),
    ),
    # Named "tietoyhteiskuntakaari" (Information Society Code) until the 2021 amendment.
    _statute(
        "electronic-communications-services-act",
        "917/2014",
        "laki sähköisen viestinnän palveluista",
        "lag om tjänster inom elektronisk kommunikation",
        "Act on Electronic Communications Services",
        (
            _phrase("sähköisen viestinnän palveluista"),
            r"\btietoyhteiskuntakaa(?:ri|ren|rta|reen|ressa|resta|relle|rella|rena|reksi)\b",
            _phrase("tjänster inom elektronisk kommunikation"),
            r"\binformationssamhällsbalk(?:en|ens)?\b",
            _phrase("Act on Electronic Communications Services"),
            _phrase("Information Society Code"),
        ),
    ),
    _statute(
        "water-services-act",
        "119/2001",
        "vesihuoltolaki",
        "lag om vattentjänster",
        "Water Services Act",
        (
            _fi_law("vesihuolto"),
            r"\blag(?:en)?\s+om\s+vattentjänster\b",
            _phrase("Water Services Act"),
        ),
    ),
    _statute(
        "measuring-instruments-act",
        "707/2011",
        "mittauslaitelaki",
        "mätinstrumentlag",
        "Measuring Instruments Act",
        (_fi_law("mittauslaite"), _sv_law("mätinstrument"), _phrase("Measuring Instruments Act")),
    ),
    _statute(
        "credit-information-act",
        "527/2007",
        "luottotietolaki",
        "kreditupplysningslag",
        "Credit Information Act",
        (_fi_law("luottotieto"), _sv_law("kreditupplysnings"), _phrase("Credit Information Act")),
    ),
    PERSONAL_DATA_ACT,
)

_BY_KEY: Mapping[str, Statute] = MappingProxyType({s.key: s for s in STATUTES})
_BY_NUMBER: Mapping[StatuteNumber, Statute] = MappingProxyType({s.number: s for s in STATUTES})
_COMPILED: dict[str, re.Pattern[str]] = {
    s.key: re.compile("|".join(f"(?:{p})" for p in s.patterns), re.IGNORECASE) for s in STATUTES
}


def _compiled(key: str) -> re.Pattern[str]:
    return _COMPILED[key]


def statute_by_key(key: str) -> Statute | None:
    return _BY_KEY.get(key)


def statute_by_number(number: StatuteNumber | str) -> Statute | None:
    """The catalogued statute with that number, or None (the catalogue is small)."""
    if isinstance(number, str):
        try:
            number = parse_statute_number(number)
        except ValueError:
            return None
    return _BY_NUMBER.get(number)


@dataclass(frozen=True)
class StatuteMention:
    """Where in a text a statute is cited, by name or by number."""

    statute: Statute
    start: int
    end: int
    text: str


def find_statutes(text: str) -> list[StatuteMention]:
    """Every catalogued statute cited in `text`, by name or number, in text order."""
    mentions: list[StatuteMention] = []
    for statute in STATUTES:
        for match in statute.regex.finditer(text):
            mentions.append(StatuteMention(statute, match.start(), match.end(), match.group(0)))
    for match in _NUMBER_RE.finditer(text):
        if _EU_PREFIX_RE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        try:
            statute = statute_by_number(parse_statute_number(match.group(0)))
        except ValueError:
            continue
        if statute is not None:
            mentions.append(StatuteMention(statute, match.start(), match.end(), match.group(0)))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def cited_statutes(text: str) -> list[Statute]:
    """The distinct statutes cited in `text`, in order of first mention."""
    seen: dict[str, Statute] = {}
    for mention in find_statutes(text):
        seen.setdefault(mention.statute.key, mention.statute)
    return list(seen.values())


def find_repealed_references(text: str, on: date | None = None) -> list[StatuteMention]:
    """Mentions of statutes that are repealed (on the given day, or at all)."""
    return [m for m in find_statutes(text) if m.statute.is_repealed(on)]


def cites_repealed_personal_data_act(text: str) -> bool:
    """True when `text` cites henkilötietolaki 523/1999 in any of its fi/sv/en forms."""
    return any(m.statute is PERSONAL_DATA_ACT for m in find_statutes(text))


# How the window names the EU acts and courts cited in findings and legal grounds
# ("GDPR Art. 46(2)(c); Decision (EU) 2021/914 Art. 4"): proper names in each official
# form, like the statutes above, so kept here as data rather than as gettext messages.
_CITATION_WORDS: Mapping[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "fi": (
            ("GDPR", "tietosuoja-asetus"),
            ("Decision (EU)", "päätös (EU)"),
            ("CJEU", "unionin tuomioistuin"),
            ("Art.", "art."),
        ),
        "sv": (
            ("GDPR", "dataskyddsförordningen"),
            ("Decision (EU)", "beslut (EU)"),
            ("CJEU", "EU-domstolen"),
            ("Art.", "art."),
        ),
        "en": (),
    }
)
_CITATION_RE = re.compile(r"\bGDPR\b|Decision \(EU\)|\bCJEU\b|\bArt\.")


def localise_citation(text: str, lang: str) -> str:
    """A citation written in English in the code ("GDPR Art. 17(3)(b)") as the officer
    reads it in `lang` ("tietosuoja-asetus art. 17(3)(b)"); numbers stay as they are."""
    words = dict(_CITATION_WORDS.get(lang, ()))
    if not words or not text:
        return text
    return _CITATION_RE.sub(lambda match: words.get(match.group(0), match.group(0)), text)
