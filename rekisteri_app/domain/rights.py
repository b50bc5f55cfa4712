"""Which data subject rights a register's legal bases give (GDPR Art. 15-22, 7(3))."""

from __future__ import annotations

from collections.abc import Iterable

from .enums import LegalBasisArticle, Right

_RIGHT_ORDER = tuple(Right)


def applicable_rights(
    bases: Iterable[LegalBasisArticle | None],
    *,
    direct_marketing: bool = False,
    automated_decisions: bool = False,
) -> tuple[Right, ...]:
    """The rights a notice should list for processing on these legal bases.

    Which rights exist follows from the bases (portability only for consent/contract,
    Art. 20(1); objection only for points (e) and (f), Art. 21(1); withdrawal only for
    consent, Art. 7(3)). The notice prints these when the register records no rights of
    its own, and the checker reports recorded rights that fall short of them.
    """
    present = set(bases)
    rights = {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION}
    if present & {LegalBasisArticle.CONSENT, LegalBasisArticle.CONTRACT}:
        rights.add(Right.PORTABILITY)
    if present & {LegalBasisArticle.PUBLIC_TASK, LegalBasisArticle.LEGITIMATE_INTERESTS}:
        rights.add(Right.OBJECTION)
    if direct_marketing:
        rights.add(Right.MARKETING_BAN)
    if LegalBasisArticle.CONSENT in present:
        rights.add(Right.CONSENT_WITHDRAWAL)
    if automated_decisions:
        rights.add(Right.AUTOMATED_DECISION)
    return tuple(r for r in _RIGHT_ORDER if r in rights)
