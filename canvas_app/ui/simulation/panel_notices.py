"""The Simulation panel's notices: a few sentences above its tabs about what is true of the
run now (it is of an earlier version of the workspace, the campaign on show is not in it, a
scenario failed to load), newest first, each taken back once no longer true."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton


class Notices:
    """Mixed into :class:`~.panel.SimulationPanel`, which sets these attributes."""

    notice: QLabel
    what_if_button: QPushButton
    _notices: dict[str, tuple[str, bool]]  # kind -> (text, offers the What-If button)

    new_what_if: Callable[[], object]  # ScenarioChoice's

    def _build_notices(self, layout: QBoxLayout) -> None:
        """The notices' row (hidden while there are none), and beside it the way out of a
        scenario written for another workspace: one made for this one."""
        notice_row = QHBoxLayout()
        self._notices = {}
        self.notice = QLabel()
        self.notice.setObjectName("simulationNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        notice_row.addWidget(self.notice, 1)
        self.what_if_button = QPushButton("New What-If Scenario…")
        self.what_if_button.setObjectName("noticeWhatIf")
        self.what_if_button.setToolTip("Make a scenario for this workspace from a form: how "
                                       "many contacts arrive, where, and what they buy")
        self.what_if_button.clicked.connect(lambda _checked=False: self.new_what_if())
        self.what_if_button.hide()
        notice_row.addWidget(self.what_if_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notice_row)

    def _show_notice(self, text: str, kind: str, offer_what_if: bool = False) -> None:
        """Shows a notice of this kind, newest first above any others still true (the run
        is of an earlier version, and this campaign is not in it, say)."""
        self._notices.pop(kind, None)
        self._notices[kind] = (text, offer_what_if)
        self._show_notices()

    def _hide_notice(self, kind: str | None = None) -> None:
        """Takes back the notice of this kind (every notice, when None)."""
        if kind is None:
            self._notices.clear()
        else:
            self._notices.pop(kind, None)
        self._show_notices()

    def has_notice(self, kind: str) -> bool:
        return kind in self._notices

    def _show_notices(self) -> None:
        kinds = list(self._notices)[::-1]
        self.notice.setText("\n\n".join(self._notices[k][0] for k in kinds))
        self.notice.setProperty("kind", kinds[0] if kinds else "")
        self.notice.setVisible(bool(kinds))
        self.what_if_button.setVisible(any(self._notices[k][1] for k in kinds))
