"""The case dialog's Identity tab: who the requester proved to be, and how."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.authority import ACCEPTED_EVIDENCE
from ...domain.enums import Authority, AuthorityEvidence, IdentityMethod
from ...domain.identity_code import IdentityDocument
from ...domain.vocabulary import (
    AUTHORITIES,
    AUTHORITY_EVIDENCE,
    DOCUMENTS,
    IDENTITY_METHODS,
    choices,
    label,
)
from ...i18n import _
from ...services import requests as rq
from ...services import settings
from ..formatting import format_date
from .case_summary import esc
from .widgets import DateField, make_combo, scroll_area, select_data, text_or_none


class IdentityTab:
    """The Identity tab: verifications so far, recording one, and the representative's
    authority. Mixed into CaseDialog, which provides what is listed below."""

    # provided by CaseDialog
    ctx: Any
    _apply: Callable[[rq.CaseUpdate, str], bool]

    def _identity_tab(self, today: date) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.identity_info = QLabel()
        self.identity_info.setWordWrap(True)
        self.identity_info.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.identity_info)
        box = QGroupBox(_("Record an identity verification"))
        form = QFormLayout(box)
        self.method = make_combo(choices(IDENTITY_METHODS))
        form.addRow(_("Method"), self.method)
        self.verified_by = QLineEdit(
            settings.get(self.ctx, settings.OFFICER_NAME) or self.ctx.actor
        )
        form.addRow(_("Verified by"), self.verified_by)
        self.verified_on = DateField(today)
        form.addRow(_("Verified on"), self.verified_on)
        self.document_type = make_combo(choices(DOCUMENTS), none=_("— no document —"))
        form.addRow(_("Document seen"), self.document_type)
        self.document_last4 = QLineEdit()
        self.document_last4.setMaxLength(4)
        self.document_last4.setMaximumWidth(80)
        self.document_last4.setToolTip(
            _("Only the last four characters of the document number are kept.")
        )
        form.addRow(_("Last four characters"), self.document_last4)
        self.identity_hetu = QLineEdit()
        self.identity_hetu.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.identity_hetu.setPlaceholderText(_("optional; kept as a hash"))
        form.addRow(_("Personal identity code"), self.identity_hetu)
        self.identity_note = QLineEdit()
        form.addRow(_("Note"), self.identity_note)
        self.verify_button = QPushButton(_("Record verification"))
        self.verify_button.clicked.connect(self.record_identity)
        form.addRow("", self.verify_button)
        layout.addWidget(box)
        # issue 10: a letter that discloses data to a representative waits for this
        self.authority_box = QGroupBox(_("Representative's authority"))
        form = QFormLayout(self.authority_box)
        self.authority_info = QLabel()
        self.authority_info.setWordWrap(True)
        self.authority_info.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.authority_info)
        self.authority_checked = DateField(today)
        form.addRow(_("Checked on"), self.authority_checked)
        self.authority_checked_by = QLineEdit(
            settings.get(self.ctx, settings.OFFICER_NAME) or self.ctx.actor
        )
        form.addRow(_("Checked by"), self.authority_checked_by)
        self.authority_evidence = make_combo([])
        form.addRow(_("Evidence seen"), self.authority_evidence)
        confirmed = QHBoxLayout()
        self.authority_confirmed_on = QCheckBox(_("confirmed by the guardianship authority on"))
        self.authority_confirmed = DateField(today)
        self.authority_confirmed.setEnabled(False)
        self.authority_confirmed_on.toggled.connect(self.authority_confirmed.setEnabled)
        confirmed.addWidget(self.authority_confirmed_on)
        confirmed.addWidget(self.authority_confirmed)
        confirmed.addStretch(1)
        self.authority_confirmed_row = QWidget()
        self.authority_confirmed_row.setLayout(confirmed)
        confirmed.setContentsMargins(0, 0, 0, 0)
        form.addRow("", self.authority_confirmed_row)
        self.authority_note = QLineEdit()
        self.authority_note.setPlaceholderText(_("what the evidence was, if “other”"))
        form.addRow(_("Note"), self.authority_note)
        button = QPushButton(_("Record authority check"))
        button.clicked.connect(self.record_authority)
        form.addRow("", button)
        layout.addWidget(self.authority_box)
        layout.addStretch(1)
        return scroll_area(page)

    def _show_identity(self, v: dict[str, Any]) -> None:
        """Fill the tab from the case view."""
        checks = v["identity_checks"]
        if checks:
            items = "".join(
                f"<li>{esc(format_date(c['verified_on']))} — {esc(c['verified_by'])}: "
                f"{esc(label(IDENTITY_METHODS, c['method']))}"
                + (
                    f", {esc(label(DOCUMENTS, c['document_type']))} …"
                    f"{esc(c.get('document_last4') or '')}"
                    if c.get("document_type")
                    else ""
                )
                + "</li>"
                for c in checks
            )
            title = esc(_("Identity verified"))
            text = f"<b>{title}</b><ul>{items}</ul>"
        else:
            title = esc(_("Identity not verified yet."))
            text = f"<b>{title}</b>"
        if v["identity_code_recorded"]:
            text += (
                "<p style='color:#666'>"
                + esc(
                    _("A personal identity code is recorded for matching (as a keyed hash only).")
                )
                + "</p>"
            )
        self.identity_info.setText(text)
        self.identity_hetu.clear()
        self.document_last4.clear()
        requester = v.get("requester")
        self.authority_box.setVisible(requester is not None)
        if requester is not None:
            self._show_authority(v, requester)

    def record_identity(self) -> bool:
        doc = self.document_type.currentData()
        data = rq.IdentityInput(
            method=IdentityMethod(self.method.currentData()),
            verified_by=self.verified_by.text(),
            verified_on=self.verified_on.value(),
            document_type=None if doc is None else IdentityDocument(doc),
            document_last4=text_or_none(self.document_last4),
            note=text_or_none(self.identity_note),
            hetu=text_or_none(self.identity_hetu),
        )
        ok = self._apply(rq.CaseUpdate(identity=data), _("Identity verification recorded."))
        self.identity_hetu.clear()
        if ok:
            self.identity_note.clear()
        return ok

    def _show_authority(self, v: dict[str, Any], requester: dict[str, Any]) -> None:
        """What is recorded about the authority, and the evidence that fits its kind."""
        kind = v["authority"]
        checked = v.get("authority_checked_on")
        text = esc(
            _("{name} acts by {authority}; checked: {checked}").format(
                name=requester["name"],
                authority=label(AUTHORITIES, kind),
                checked=format_date(checked) if checked else _("not yet"),
            )
        )
        facts = [
            (_("Checked by"), v.get("authority_checked_by")),
            (_("Evidence"), label(AUTHORITY_EVIDENCE, v.get("authority_evidence"))),
            (
                _("Confirmed by the guardianship authority"),
                format_date(v["authority_confirmed_on"])
                if v.get("authority_confirmed_on")
                else None,
            ),
            (_("Note"), v.get("authority_note")),
        ]
        text += "".join(f"<br/>{esc(k)}: {esc(str(x))}" for k, x in facts if x)
        self.authority_info.setText(text)
        current = self.authority_evidence.currentData() or v.get("authority_evidence")
        self.authority_evidence.clear()
        accepted = ACCEPTED_EVIDENCE.get(Authority(kind), frozenset()) if kind != "self" else ()
        for evidence in AuthorityEvidence:
            if evidence in accepted:
                self.authority_evidence.addItem(label(AUTHORITY_EVIDENCE, evidence), evidence.value)
        select_data(self.authority_evidence, current)
        self.authority_confirmed_row.setVisible(kind == Authority.CONTINUING_POA.value)

    def record_authority(self) -> bool:
        """The whole check: date, who, evidence (and DVV's confirmation date)."""
        evidence = self.authority_evidence.currentData()
        if evidence is None:
            return self._apply(
                rq.CaseUpdate(authority_checked_on=self.authority_checked.value()),
                _("Authority check recorded."),
            )
        confirmed = (
            self.authority_confirmed.value()
            if self.authority_confirmed_row.isVisible() and self.authority_confirmed_on.isChecked()
            else None
        )
        check = rq.AuthorityInput(
            self.authority_checked.value(),
            self.authority_checked_by.text().strip(),
            AuthorityEvidence(evidence),
            confirmed,
            text_or_none(self.authority_note),
        )
        return self._apply(rq.CaseUpdate(authority_check=check), _("Authority check recorded."))
