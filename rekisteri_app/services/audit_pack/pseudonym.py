"""What a pseudonymised pack leaves out, decided per field (docs/audit-pack.md lists them).

Cases appear by case number only. A request's persons (names, addresses, e-mails,
phones, customer numbers), its identity evidence, attachments and free texts
(description, notes, reasons, fee reason) never leave the database in a pseudonymised
pack. The one free text the figures need — an extension's reasons, which Art. 12(3)
requires and which describe the work, not the person — is printed with the case's own
identifiers struck out.

The audit events of requests carry the whole case, so their before/after JSON is
withheld and replaced by the names of the fields that changed; events about the
organisation (registers, controllers, processors, settings, templates, letters' hashes)
are copied as stored. Unknown kinds of entity are withheld too, so a new room that
audits personal data is pseudonymised before anyone thinks of it.
"""

from __future__ import annotations

import json
import re
from typing import Any

STRUCK = "[…]"

# Entities whose audit snapshots describe the organisation, never a data subject.
VERBATIM_ENTITIES = frozenset(
    {
        "controller",
        "processor",
        "register",
        "notice",
        "setting",
        "settings",
        "database",
        "letter",  # kind, date, language, channel and the PDF's hash; no address
        "letter_template",
    }
)

_SPLIT = re.compile(r"[,\n;/]+")
_WORD = re.compile(r"\w{3,}")


def _terms(identifiers: tuple[str, ...]) -> list[str]:
    """Every identifier, its comma-separated parts (street, postcode and town of an
    address) and each word of three letters or more (a name's parts), longest first."""
    terms: set[str] = set()
    for value in identifiers:
        value = value.strip()
        if not value:
            continue
        terms.add(value)
        for part in _SPLIT.split(value):
            if len(part.strip()) >= 3:
                terms.add(part.strip())
        terms.update(_WORD.findall(value))
    return sorted(terms, key=lambda t: (-len(t), t))


# Consonant gradation of a name's last syllable (Matti → Matin, Lahti → Lahden).
_GRADATION = {"kk": "k", "pp": "p", "tt": "t", "ht": "hd", "nt": "nn", "lt": "ll", "rt": "rr"}
_MIN_STEM = 4  # shorter stems would strike ordinary words


def inflected_stems(word: str) -> list[str]:
    """Prefixes that a Finnish or Swedish inflected form of the name `word` begins with:
    the name itself (Laakson, Anderssons), -nen names' s-stem (Meikäläinen →
    Meikäläisen, Virtasta), the stem without the final vowel (Saari → Saaren, Mattia) and
    the weak grade of the last syllable (Pekka → Pekan, Matti → Matille, Lahti → Lahden).
    A stem shorter than four letters is left out: it would strike ordinary words."""
    if len(word) < _MIN_STEM or not word.isalpha():
        return []
    stems = {word}
    lower = word.lower()
    if lower.endswith("nen") and len(word) > 4:
        stems.add(word[:-3] + "s")
    if lower[-1] in "aeiouyäö":
        stems.add(word[:-1])
        weak = _GRADATION.get(lower[-3:-1])
        if weak is not None:  # an -i name inflects with -i- or -e- (Matin, Lahden)
            for vowel in {word[-1], "e"} if lower[-1] == "i" else {word[-1]}:
                stems.add(word[:-3] + weak + vowel)
    return [stem for stem in stems if len(stem) >= _MIN_STEM]


def scrub(text: str, identifiers: tuple[str, ...]) -> str:
    """`text` with every occurrence of the identifiers (any letter case) struck out,
    names also in their inflected forms (an over-struck ordinary word is the safe error
    in a pseudonymised pack)."""
    if not text:
        return ""
    terms = _terms(identifiers)
    if not terms:
        return text
    stems = sorted({stem for t in terms for stem in inflected_stems(t)}, key=lambda t: (-len(t), t))
    pattern = re.compile(
        "|".join(
            [rf"(?<!\w){re.escape(stem)}\w*" for stem in stems]
            + [rf"(?<!\w){re.escape(t)}(?!\w)" if t[:1].isalnum() else re.escape(t) for t in terms]
        ),
        re.IGNORECASE,
    )
    return pattern.sub(STRUCK, text)


def changed_fields(before_json: str | None, after_json: str | None) -> list[str]:
    """Top-level fields whose values differ between two snapshots (names only)."""

    def load(value: str | None) -> dict[str, Any]:
        if not value:
            return {}
        try:
            data = json.loads(value)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {"value": data}

    before, after = load(before_json), load(after_json)
    return sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))


def is_verbatim(entity: str) -> bool:
    return entity in VERBATIM_ENTITIES
