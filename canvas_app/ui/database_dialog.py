"""File > Open Database… and Save to Database…: a server database's address as a form.

The URL is built with SQLAlchemy's ``URL.create`` (which quotes a password's ``@``, ``:``
and ``/``) and shown with its password hidden, so the password is never seen in clear.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from ..store.repository import safe_url
from .dialogs.widgets import help_label

# (label, SQLAlchemy driver, default port): SQLite files are opened by File > Open.
KINDS: tuple[tuple[str, str, int], ...] = (("PostgreSQL", "postgresql+psycopg", 5432),)
DEFAULT_HOST = "localhost"


def _backend(driver: str) -> str:
    """"postgresql" for "postgresql+psycopg" (any driver of the same database)."""
    return driver.split("+", 1)[0]


def sqlite_hint_text() -> str:
    """'A SQLite file (.db)? Use File > Open… (Ctrl+O).'"""
    keys = QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText)
    return f"A SQLite file (.db)? Use File > Open…{f' ({keys})' if keys else ''}."


def looks_read_only(line: QLineEdit) -> None:
    """A read-only field drawn as text on the window, not as a box to type in (QA: the
    URL looked editable and was not): no frame, the window's background and text
    colour; Tab passes it by, a click still selects its text to copy."""
    line.setFrame(False)
    palette = line.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base,
                         palette.color(group, QPalette.ColorRole.Window))
        palette.setColor(group, QPalette.ColorRole.Text,
                         palette.color(group, QPalette.ColorRole.WindowText))
    line.setPalette(palette)
    line.setFocusPolicy(Qt.FocusPolicy.ClickFocus)


class DatabaseDialog(QDialog):
    """Kind, host, port, database, user and password of a server database; :meth:`url`
    is the URL to open or save to (password in it), :meth:`shown_url` the one shown."""

    def __init__(self, title: str, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle(title)
        self.kind = QComboBox(self)
        self.kind.setObjectName("databaseKind")
        for label, driver, _port in KINDS:
            self.kind.addItem(label, driver)
        self.host = self._line("databaseHost", DEFAULT_HOST)
        self.port = QSpinBox(self)
        self.port.setObjectName("databasePort")
        self.port.setRange(1, 65535)
        self.port.setValue(KINDS[0][2])
        self.database = self._line("databaseName")
        self.user = self._line("databaseUser")
        self.password = self._line("databasePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.shown = QLineEdit(self)
        self.shown.setObjectName("databaseUrl")
        self.shown.setReadOnly(True)
        self.shown.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 60)
        self.shown.setToolTip("The database's address, made from the fields above (the "
                              "password shows as ***); it can be selected and copied")
        looks_read_only(self.shown)
        # where SQLite files go (QA: Kind offers only PostgreSQL, and nothing said why)
        self.sqlite_hint = help_label(sqlite_hint_text(), "databaseSqliteHint")
        self.sqlite_hint.setContentsMargins(0, 0, 0, 0)

        self.note = QLabel(self)  # why the dialog came back: the server wants a password
        self.note.setObjectName("databaseNote")
        self.note.setWordWrap(True)
        self.note.hide()

        form = QFormLayout()
        form.addRow("&Kind:", self.kind)
        form.addRow("", self.sqlite_hint)
        form.addRow("&Host:", self.host)
        form.addRow("Po&rt:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&Password:", self.password)
        form.addRow("URL:", self.shown)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.prefill(current)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self._changed()
        (self.database if self.host.text() else self.host).setFocus()

    def whose_password(self) -> str:
        user = self.user.text().strip()
        return f'the password of the user "{user}"' if user else "a password"

    def ask_for_password(self, given: bool) -> None:
        """Says above the form that the server wants a password (none was ``given``, or it
        refused the one given) and puts the keyboard in the password field, its text
        selected (typed over at once)."""
        host, whose = self.host.text().strip(), self.whose_password()
        if given:
            why = f"{host} refused {whose}, or does not know the user. Type it again."
        else:
            why = f"{host} asks for {whose}."
        self.note.setText(why)
        self.note.show()
        self.password.setFocus()
        self.password.selectAll()

    def _line(self, name: str, text: str = "") -> QLineEdit:
        line = QLineEdit(text, self)
        line.setObjectName(name)
        return line

    def prefill(self, current: str) -> None:
        """The fields from ``current`` when it is a server database's URL of a kind the
        dialog offers (its password, if it has one, masked); else left as they are."""
        if "://" not in current:
            return
        try:
            url = make_url(current)
        except Exception:  # not a URL SQLAlchemy reads: nothing to take from it
            return
        index = next((i for i, (_l, driver, _p) in enumerate(KINDS)
                      if _backend(driver) == _backend(url.drivername)), -1)
        if index < 0:
            return
        self.kind.setCurrentIndex(index)
        self.host.setText(url.host or DEFAULT_HOST)
        self.port.setValue(url.port or KINDS[index][2])
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        self.password.setText(str(url.password) if url.password else "")

    def complete(self) -> bool:
        """Host, database and user are filled (a password may be empty: trust, .pgpass)."""
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def url(self) -> URL:
        return URL.create(str(self.kind.currentData()),
                          username=self.user.text().strip() or None,
                          password=self.password.text() or None,
                          host=self.host.text().strip() or None,
                          port=self.port.value(),
                          database=self.database.text().strip() or None)

    def url_text(self) -> str:
        """The URL to open or save to, password included (quoted)."""
        return self.url().render_as_string(hide_password=False)

    def shown_url(self) -> str:
        """The URL as shown: its password hidden."""
        return safe_url(self.url_text())

    def _changed(self) -> None:
        self.shown.setText(self.shown_url())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.complete())
