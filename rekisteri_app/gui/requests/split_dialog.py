"""Splitting a case into one per controller: which controllers get a case of their own,
and why. One call to `services.requests.split_case`; a refusal stays in the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import requests as rq
from ...services.context import ServiceError
from .widgets import MessageLine


class SplitDialog(QDialog):
    """Tick the controllers that get a new case for the same letter."""

    def __init__(self, ctx: Any, view: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = view["case_number"]
        self.new_case: str | None = None
        self.setWindowTitle(_("Split case {case}").format(case=self.case))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The controllers ticked get a case of their own for the same letter, with "
                "the registers only they keep. Both timelines refer to each other."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.controllers = QListWidget()
        for c in view.get("controllers") or []:
            item = QListWidgetItem(c["name"])
            item.setData(Qt.ItemDataRole.UserRole, c["key"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.controllers.addItem(item)
        layout.addWidget(self.controllers)
        layout.addWidget(QLabel(_("Reason (required)")))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(60)
        layout.addWidget(self.reason)
        self.message = MessageLine()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Split"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            self.controllers.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.controllers.count())
            if self.controllers.item(i).checkState() == Qt.CheckState.Checked
        )

    def accept(self) -> None:
        try:
            self.new_case = rq.split_case(
                self.ctx, self.case, self.chosen(), self.reason.toPlainText()
            )
        except ServiceError as exc:
            self.message.error(str(exc))
            return
        super().accept()
