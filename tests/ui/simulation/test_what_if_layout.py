"""The What-If form reads like the app's other dialogs (QA): one column of fields, buttons
in sentence case, messages without a full stop at their end."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from canvas_app.ui.main_window import MainWindow
from canvas_app.ui.simulation.what_if_dialog import NO_CAMPAIGN, WhatIfDialog


def field_lefts(dialog: WhatIfDialog) -> dict[str, int]:
    """Each form row's label text -> the left edge of its field, in dialog pixels."""
    out: dict[str, int] = {}
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            left = field.geometry().left()  # a widget's or a row layout's
            out[label.widget().text().replace("&", "")] = left
    return out


def test_every_field_starts_at_one_left_edge(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    dialog.show()
    qtbot.waitExposed(dialog)
    lefts = field_lefts(dialog)
    # Above the purchases and below them.
    for label in ("Description:", "Visitors:", "Added to campaign:", "Paid by:",
                  "Payments:", "Subscriptions:", "Seed:"):
        assert label in lefts, (label, lefts)
    assert len(set(lefts.values())) == 1, lefts
    # The fields themselves, as seen on screen, not only their rows.
    edges = {w.mapTo(dialog, w.rect().topLeft()).x()
             for w in (dialog.description, dialog.payment_type, dialog.start)}
    assert len(edges) == 1, edges
    dialog.reject()


def test_the_buttons_are_in_sentence_case(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    texts = {b.text() for b in dialog.findChildren(QPushButton) if isinstance(b, QWidget)}
    assert {"Add purchase", "Remove", "Create and run"} <= {t.replace("&", "") for t in texts}
    for text in texts:
        words = text.replace("&", "").split()
        assert all(w[:1].islower() or not w[:1].isalpha() for w in words[1:]), text
    dialog.reject()


def test_messages_end_without_a_full_stop_as_the_editors_do(qtbot, window: MainWindow) -> None:
    dialog = window.simulation_panel.new_what_if()
    dialog.show()
    dialog.count.set_text("0")
    assert dialog.problem.text() == "The number of visitors must be at least 1"
    dialog.count.set_text("abc")
    dialog.share.set_text("150")
    dialog.start.set_text("2026-02-30 09:00")
    dialog.add_purchase(dialog.chosen_products()[0])  # one product in two rows
    lines = dialog.problem.text().split("\n")
    assert len(lines) == 4, lines  # the start, the visitors, the share, the two rows
    assert all(line and not line.endswith(".") for line in lines), lines
    dialog.count.set_text("100")
    dialog.share.set_text("80")
    dialog.remove_purchase()
    dialog.start.set_text("2026-03-01 09:00")
    dialog.failure.setValue(80.0)
    dialog.error.setValue(30.0)
    dialog.arrival.setValue(60)
    lines = dialog.problem.text().split("\n")
    assert len(lines) == 2 and all(not line.endswith(".") for line in lines), lines
    dialog.reject()
    assert not NO_CAMPAIGN.endswith(".")


def test_every_field_has_an_alt_key_of_its_own(qtbot, window: MainWindow) -> None:
    """QA: holding Alt showed no underlined letter in the What-If form, as every other
    editor has."""
    from tests.ui.dialogs.test_mnemonic_clashes import check

    dialog = window.simulation_panel.new_what_if()
    dialog.show()
    qtbot.waitExposed(dialog)
    check(dialog, "What-If form")
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"&Description:", "V&isitors:", "Si&mulate for:", "&Seed:"} <= labels
    dialog.reject()
