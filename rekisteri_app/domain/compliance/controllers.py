"""Controller, data protection officer and settings rules (check_controllers,
check_officer, check_settings).

- business-id-missing AMBER: a controller with neither a business ID nor another
  controller's (e.g. a municipal board's municipality) to print; 13(1)(a).
- business-id-invalid RED: a stored business ID that is a placeholder (0000000-0) or
  fails the check digit, e.g. from an older import.
- business-id-duplicate RED: two controllers with one business ID: one of them is a copy
  (name the other company with "business ID as for" instead).
- controller-type-missing AMBER: company, cooperative, municipality … is not recorded;
  letters need it for the Publicity Act (621/1999).
- texts and contact details of controllers, officers and processors: see text_quality.
- supervisory-authority-outdated RED (settings): the authority's name set in the settings
  is not the Ombudsman's, or its address is an old one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rekisteri_app.i18n import N_

from .. import validation
from ..supervisory_authority import ombudsman_names, outdated_mentions
from .model import (
    CheckedContactField,
    CheckedControllerRecord,
    CheckedText,
    Finding,
    FindingCode,
    Label,
    Severity,
    SubjectKind,
    _Collector,
    _filled,
)
from .text_quality import _AUTHORITY_HINT, check_contact_fields, check_texts


def _normal_business_id(value: str) -> str | None:
    try:
        return validation.normalise_business_id(value)
    except validation.ValidationError:
        return None


def check_controllers(controllers: Sequence[CheckedControllerRecord]) -> list[list[Finding]]:
    """Findings per controller, in the order given (business IDs are compared across)."""
    owners: dict[str, list[str]] = {}
    for c in controllers:
        normal = _normal_business_id(c.business_id) if _filled(c.business_id) else None
        if normal:
            owners.setdefault(normal, []).append(c.name)
    out_all: list[list[Finding]] = []
    for c in controllers:
        out = _Collector(SubjectKind.CONTROLLER, c.name)
        if _filled(c.business_id):
            normal = _normal_business_id(c.business_id)
            if normal is None:
                out.add(
                    Severity.RED,
                    FindingCode.BUSINESS_ID_INVALID,
                    N_(
                        "“{value}” is not a valid business ID (a placeholder or a wrong "
                        "check digit)."
                    ),
                    "GDPR Art. 13(1)(a)",
                    _path="$.business_id",
                    value=c.business_id.strip(),
                )
            elif len(owners.get(normal, [])) > 1:
                others = [n for n in owners[normal] if n != c.name] or owners[normal][1:]
                out.add(
                    Severity.RED,
                    FindingCode.BUSINESS_ID_DUPLICATE,
                    N_(
                        "The business ID {business_id} is also recorded for {other}; one "
                        "company's ID was copied. Record the ID of the company that has it, "
                        "and for the other use “business ID as for”."
                    ),
                    "GDPR Art. 13(1)(a)",
                    _path="$.business_id",
                    business_id=normal,
                    other=", ".join(others),
                )
        elif not _filled(c.business_id_from):
            out.add(
                Severity.AMBER,
                FindingCode.BUSINESS_ID_MISSING,
                N_("Controller {controller} has no business ID."),
                "GDPR Art. 13(1)(a)",
                _path="$.business_id",
                controller=c.name,
            )
        if c.controller_type is None:
            out.add(
                Severity.AMBER,
                FindingCode.CONTROLLER_TYPE_MISSING,
                N_(
                    "The type of {controller} (company, cooperative, municipality …) is not "
                    "recorded; letters need it to tell whether the Publicity Act applies."
                ),
                "julkisuuslaki 621/1999 4 §",
                _path="$.controller_type",
                controller=c.name,
            )
        check_texts(c.texts, out)
        check_contact_fields(c.contact_fields, out)
        out_all.append(out.findings)
    return out_all


def check_officer(
    name: str, texts: Iterable[CheckedText], fields: Iterable[CheckedContactField]
) -> list[Finding]:
    """A data protection officer's texts and contact details."""
    out = _Collector(SubjectKind.DPO, name)
    check_texts(texts, out)
    check_contact_fields(fields, out)
    return out.findings


def check_settings(authority: Mapping[str, str]) -> list[Finding]:
    """The supervisory authority as the officer set it (settings authority.*).

    `authority` maps setting keys to their values; only set ones are given.
    """
    out = _Collector(SubjectKind.SETTINGS, "")
    for key, value in authority.items():
        if not _filled(value):
            continue
        path = f"$.settings['{key}']"
        if key.endswith(".name") and value.strip().casefold() not in ombudsman_names():
            out.add(
                Severity.RED,
                FindingCode.SUPERVISORY_AUTHORITY_OUTDATED,
                N_(
                    "The supervisory authority is set as “{words}”, which is not the Data "
                    "Protection Ombudsman. {hint}"
                ),
                "GDPR Art. 13(2)(d), 77",
                _path=path,
                words=value.strip(),
                hint=Label(_AUTHORITY_HINT),
            )
            continue
        for _kind, words in outdated_mentions(value):
            out.add(
                Severity.RED,
                FindingCode.SUPERVISORY_AUTHORITY_OUTDATED,
                N_("“{words}” is an old address of the supervisory authority. {hint}"),
                "GDPR Art. 13(2)(d), 77",
                _path=path,
                words=words,
                hint=Label(_AUTHORITY_HINT),
            )
    return out.findings
