"""File > Open Database… and Save to Database…: a server database's address as a form.

The URL is built with SQLAlchemy's ``URL.create`` (which quotes a password's ``@``, ``:``
and ``/``) and shown with its password hidden, so the password is never seen in clear. The
URL line also takes a URL typed or pasted into it: the fields take its parts, its password
goes to the Password field and the line shows ``***`` in its place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from ..store.repository import safe_url
from .dialogs.alt_keys import keep_alt_from_typing
from .dialogs.widgets import help_font, help_label

# (label, SQLAlchemy driver, default port): SQLite files are opened by File > Open.
KINDS: tuple[tuple[str, str, int], ...] = (("PostgreSQL", "postgresql+psycopg", 5432),)
DEFAULT_HOST = "localhost"
MASK = "***"  # a password as the URL line shows it (SQLAlchemy's hide_password)
EXAMPLE = "postgresql://user@host/database"
# other spellings of a kind's database in URLs ("postgres://…", as some hosts give them)
ALIASES = {"postgres": "postgresql"}
# names of databases not offered, for saying so
OTHER_NAMES = {"mysql": "MySQL", "mariadb": "MariaDB", "oracle": "Oracle",
               "mssql": "SQL Server"}
# what is wrong with a text in the URL line, in one short line each (the note under it)
NO_URL = "No URL: paste one here, or fill in the fields above"
NO_KIND = f"Not a database URL: it starts with the kind, like {EXAMPLE}"
BAD_PORT = "Not a database URL: the port after host: is a number (a password ends with @)"
UNREADABLE = "Not a database URL: it is written like postgresql://user:password@host/database"
RAW_AT = "An @ in the user or password is written %40 in a URL"
PORT_RANGE = "The port is a number from 1 to 65535"
# "user:password@" at the start of a URL, the password as SQLAlchemy's parser finds it
_PASSWORD = re.compile(r"\s*[\w+]+://[^:/]*:([^@]*)@")


def _backend(driver: str) -> str:
    """"postgresql" for "postgresql+psycopg" (any driver of the same database)."""
    backend = driver.split("+", 1)[0].lower()
    return ALIASES.get(backend, backend)


def kind_index(driver: str) -> int:
    """The index in :data:`KINDS` of the kind a URL's ``driver`` names, or -1."""
    return next((i for i, (_l, kind, _p) in enumerate(KINDS)
                 if _backend(kind) == _backend(driver)), -1)


def sqlite_hint_text(saving: bool = False) -> str:
    """'A SQLite file (.db)? Use File > Open… (Ctrl+O).'; ``saving`` (Save to Database):
    File > Save As… (QA 21: it said Open there too)."""
    key, entry = (QKeySequence.StandardKey.SaveAs, "Save As…") if saving \
        else (QKeySequence.StandardKey.Open, "Open…")
    keys = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return f"A SQLite file (.db)? Use File > {entry}{f' ({keys})' if keys else ''}."


def offered() -> str:
    """'PostgreSQL is' (the kinds the dialog offers)."""
    labels = [label for label, _d, _p in KINDS]
    return f"{' and '.join(labels)} {'is' if len(labels) == 1 else 'are'}"


def read_url(text: str, saving: bool = False) -> tuple[URL, int] | str:
    """The server database's URL in ``text`` and the index of its kind in :data:`KINDS`;
    or, when ``text`` is not such a URL, what is wrong with it in one short line
    (``saving``: in Save to Database, whose SQLite hint names Save As)."""
    text = text.strip()
    if not text:
        return NO_URL
    if text.lower().startswith("sqlite:") or (
            "://" not in text and text.lower().endswith((".db", ".sqlite", ".sqlite3"))):
        return sqlite_hint_text(saving)
    if "://" not in text:
        return NO_KIND
    try:
        url = make_url(text)
    except ValueError:  # SQLAlchemy read a port that is not a number
        return BAD_PORT
    except Exception:  # SQLAlchemy cannot read it: said, not raised
        return UNREADABLE
    index = kind_index(url.drivername)
    if index < 0:
        backend = _backend(url.drivername)
        name = OTHER_NAMES.get(backend, f'"{backend}"')
        return f"{name} is not offered; {offered()}"
    if url.host and "@" in url.host:
        return RAW_AT
    if url.port is not None and not 1 <= url.port <= 65535:
        return PORT_RANGE
    return url, index


def mask_password(text: str) -> tuple[str, int, int] | None:
    """``text`` with the password of its "user:password@" shown as ``***``, and where the
    password was in ``text`` (start, end); None when it has no password to hide."""
    match = _PASSWORD.match(text)
    if match is None or match.group(1) in ("", MASK):
        return None
    return text[:match.start(1)] + MASK + text[match.end(1):], match.start(1), match.end(1)


class DatabaseDialog(QDialog):
    """Kind, host, port, database, user and password of a server database; :meth:`url`
    is the URL to open or save to (password in it), :meth:`shown_url` the one shown. The
    URL line (``shown``) is made from the fields, and fills them when a URL is typed or
    pasted into it (:meth:`_url_edited`)."""

    def __init__(self, title: str, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        keep_alt_from_typing(self)  # Alt+X typed an "x" into the field (QA 21)
        self.setWindowTitle(title)
        self.saving = title.startswith("Save")  # Save to Database, not Open Database
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
        self.shown.setPlaceholderText(EXAMPLE)
        self.shown.setToolTip("The database's address, made from the fields above (the "
                              "password shows as ***). You can paste a URL here, like "
                              f"{EXAMPLE}: the fields take its parts")
        self.shown.textEdited.connect(self._url_edited)
        self.shown.cursorPositionChanged.connect(self._cursor_moved)
        self.shown.editingFinished.connect(self._left_url_line)
        # what is wrong with the URL typed or pasted; its line is kept while empty, so the
        # dialog does not jump as it comes and goes
        self.url_note = QLabel(self)
        self.url_note.setObjectName("databaseUrlNote")
        self.url_note.setFont(help_font())
        self.url_note.setStyleSheet("color: #b00020;")
        self.url_note.setFixedHeight(self.url_note.fontMetrics().lineSpacing())
        self.url_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # wide enough for a URL, and for the longest note in one line (a longer one, naming
        # a kind not offered, is cut: its tooltip has it whole)
        notes = self.url_note.fontMetrics()
        self.shown.setMinimumWidth(max(
            self.fontMetrics().horizontalAdvance("x") * 60,
            *(notes.horizontalAdvance(note) + 4 for note in (
                NO_URL, NO_KIND, BAD_PORT, UNREADABLE, RAW_AT, PORT_RANGE,
                sqlite_hint_text(self.saving),
                f"MySQL is not offered; {offered()}"))))
        self._url_problem = ""  # the note's text: the URL line holds no URL to take
        self._taking_url = False  # the fields are being filled from the URL line
        self._query: Mapping[str, str | tuple[str, ...]] = {}  # "?sslmode=…": no field
        # where SQLite files go (QA: Kind offers only PostgreSQL, and nothing said why)
        self.sqlite_hint = help_label(sqlite_hint_text(self.saving), "databaseSqliteHint")
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
        form.addRow("UR&L:", self.shown)
        form.addRow("", self.url_note)
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
        order = (self.kind, self.host, self.port, self.database, self.user, self.password,
                 self.shown, self.buttons)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
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
        read = read_url(current, self.saving) if "://" in current else None
        if isinstance(read, tuple):
            self._take(*read)

    def _take(self, url: URL, index: int) -> None:
        """The fields from ``url`` (of the kind at ``index``). A password shown as ``***``
        (the URL line's own, edited) leaves the Password field as it is."""
        self.kind.setCurrentIndex(index)
        self.host.setText(url.host or DEFAULT_HOST)
        self.port.setValue(url.port or KINDS[index][2])
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        if url.password != MASK:
            self.password.setText(str(url.password) if url.password else "")
        self._query = dict(url.query)

    def complete(self) -> bool:
        """Host, database and user are filled (a password may be empty: trust, .pgpass)."""
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def url(self) -> URL:
        return URL.create(str(self.kind.currentData()),
                          username=self.user.text().strip() or None,
                          password=self.password.text() or None,
                          host=self.host.text().strip() or None,
                          port=self.port.value(),
                          database=self.database.text().strip() or None,
                          query=self._query)

    def url_text(self) -> str:
        """The URL to open or save to, password included (quoted)."""
        return self.url().render_as_string(hide_password=False)

    def shown_url(self) -> str:
        """The URL as shown: its password hidden."""
        return safe_url(self.url_text())

    def _changed(self) -> None:
        """A field changed: the URL line is made from the fields again, unless the change
        comes from the URL line being typed in (it stays as the user has it)."""
        if self._taking_url:
            return
        self._url_problem = ""
        self.shown.setText(self.shown_url())
        self._show_state()

    def _url_edited(self, text: str) -> None:
        """Typed or pasted into the URL line: a URL of a kind offered fills the fields, its
        password goes to the Password field and shows as ``***``; any other text is said
        under the line, OK waits, and the fields keep their last good values."""
        read = read_url(text, self.saving)
        if isinstance(read, str):
            self._url_problem = read
            self._show_state()
            return
        self._url_problem = ""
        self._taking_url = True
        try:
            self._take(*read)
        finally:
            self._taking_url = False
        self._hide_password()
        self._show_state()

    def _cursor_moved(self, _old: int, _new: int) -> None:
        self._hide_password()

    def _left_url_line(self) -> None:
        """Enter, or the keyboard gone elsewhere: a password typed in the line is hidden
        wherever the cursor was."""
        self._hide_password(leaving=True)

    def _hide_password(self, leaving: bool = False) -> None:
        """The URL line's password as ``***`` once taken into the Password field: at once
        for a URL pasted or finished with its "@", the cursor kept where it was from the
        end; a password being typed inside the URL, once the cursor or the keyboard leaves
        it (``leaving``; else each letter typed after a ``***`` would be one more star of
        the password)."""
        text = self.shown.text()
        masked = mask_password(text)
        read = read_url(text, self.saving)
        if masked is None or not isinstance(read, tuple) or \
                read[0].password != self.password.text():
            return  # nothing to hide, or not taken (yet): kept as typed
        shown, start, end = masked
        cursor = self.shown.cursorPosition()
        if start <= cursor <= end and not leaving:
            return
        if cursor > end:
            cursor = len(shown) - (len(text) - cursor)
        self.shown.setText(shown)
        self.shown.setCursorPosition(cursor)

    def _show_state(self) -> None:
        """The note under the URL line, and OK: enabled when the URL line holds no wrong
        text and host, database and user are filled."""
        self.url_note.setText(self._url_problem)
        self.url_note.setToolTip(self._url_problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not self._url_problem and self.complete())
