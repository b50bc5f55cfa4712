"""Finnish personal identity codes (henkilötunnus) and minimised identity evidence.

Validation is `stdnum.fi.hetu` (installed python-stdnum accepts the century signs of
the 2023 reform: - Y X W V U for the 1900s, A B C D E F for the 2000s, + for the
1800s). The register never needs the code itself to find a repeat requester, so it
keeps only a keyed hash (HMAC-SHA256 with a secret key of the installation): equal
codes give equal hashes, and a stolen database cannot be searched by guessing codes
without the key. Error messages never repeat the code, so logs stay clean.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from enum import StrEnum

from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.fi import hetu

from ..i18n import N_, _

MIN_KEY_BYTES = 16
"""A shorter HMAC key would make the hashes guessable; 32 random bytes is the norm."""

# The sign between date and individual number: the reform in force from 1.1.2023
# added Y X W V U and B C D E F next to the traditional + - A. Only used to say *why* a
# code is rejected; stdnum decides validity.
_CENTURY_SIGNS = frozenset("+-YXWVUABCDEF")


class IdentityCodeProblem(StrEnum):
    FORMAT = "format"
    CENTURY_SIGN = "century-sign"
    DATE = "date"
    INDIVIDUAL_NUMBER = "individual-number"
    CHECK_CHARACTER = "check-character"


_PROBLEM_MESSAGES = {
    IdentityCodeProblem.FORMAT: N_(
        "The personal identity code is not in the form DDMMYYCNNNX (11 characters)."
    ),
    IdentityCodeProblem.CENTURY_SIGN: N_(
        "The personal identity code has an unknown century sign "
        "(allowed: + - Y X W V U A B C D E F)."
    ),
    IdentityCodeProblem.DATE: N_("The personal identity code contains an impossible birth date."),
    IdentityCodeProblem.INDIVIDUAL_NUMBER: N_(
        "The personal identity code has an individual number outside 002-899."
    ),
    IdentityCodeProblem.CHECK_CHARACTER: N_(
        "The check character of the personal identity code does not match."
    ),
}


class InvalidIdentityCode(ValueError):
    """A henkilötunnus that stdnum rejects; `problem` says which part is wrong."""

    def __init__(self, problem: IdentityCodeProblem) -> None:
        self.problem = problem
        super().__init__(_(_PROBLEM_MESSAGES[problem]))


class InvalidEvidence(ValueError):
    """Identity evidence that cannot be minimised safely; message translated."""


def normalise_identity_code(code: str) -> str:
    """The compact upper-case form every hash is taken over."""
    return hetu.compact(code)


def _problem(compact: str, error: ValidationError) -> IdentityCodeProblem:
    if isinstance(error, InvalidChecksum):
        return IdentityCodeProblem.CHECK_CHARACTER
    if isinstance(error, InvalidComponent):
        individual = compact[7:10]
        if individual.isdigit() and not 2 <= int(individual) <= 899:
            return IdentityCodeProblem.INDIVIDUAL_NUMBER
        return IdentityCodeProblem.DATE
    if len(compact) == 11 and compact[6] not in _CENTURY_SIGNS:
        return IdentityCodeProblem.CENTURY_SIGN
    return IdentityCodeProblem.FORMAT


def validate_identity_code(code: str) -> str:
    """The normalised code, or InvalidIdentityCode.

    Temporary codes (individual number 900-999) are refused: they identify nobody
    in the population register, so they cannot prove who a requester is.
    """
    compact = normalise_identity_code(code)
    try:
        return hetu.validate(compact)
    except ValidationError as error:
        raise InvalidIdentityCode(_problem(compact, error)) from None


def is_valid_identity_code(code: str) -> bool:
    try:
        validate_identity_code(code)
    except InvalidIdentityCode:
        return False
    return True


def identity_code_hash(code: str, key: bytes) -> str:
    """HMAC-SHA256 (hex) of the validated, normalised code under the secret `key`."""
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValueError(_("The hashing key must be at least 16 bytes."))
    compact = validate_identity_code(code)
    return hmac.new(key, compact.encode("ascii"), hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------- evidence


class IdentityDocument(StrEnum):
    """Kinds of document a requester may show; only the kind and four characters stay."""

    PASSPORT = "passport"
    ID_CARD = "id-card"
    DRIVING_LICENCE = "driving-licence"
    RESIDENCE_PERMIT = "residence-permit"
    OTHER = "other"


EVIDENCE_TAIL = 4
"""How many trailing characters of a document number are kept: never more."""

_SEPARATORS = re.compile(r"[\s\-./]+")


@dataclass(frozen=True)
class DocumentEvidence:
    """What the register keeps of a seen identity document (data minimisation).

    EDPB Guidelines 01/2022 § 74-77: a copy of an ID document is generally not an
    appropriate way to authenticate; keep only what shows the check was done.
    """

    document: IdentityDocument
    number_tail: str

    def __post_init__(self) -> None:
        if len(self.number_tail) != EVIDENCE_TAIL:
            raise InvalidEvidence(_("Only the last four characters of a document number are kept."))


def minimise_document_evidence(document: IdentityDocument, number: str) -> DocumentEvidence:
    """Document type and the last four characters of its number; nothing else.

    A number of four characters or fewer is refused: its "last four" would be all of it.
    """
    compact = _SEPARATORS.sub("", number).upper()
    if len(compact) <= EVIDENCE_TAIL:
        raise InvalidEvidence(_("The document number is too short to be recorded safely."))
    return DocumentEvidence(IdentityDocument(document), compact[-EVIDENCE_TAIL:])
