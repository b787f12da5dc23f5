"""Over Time's Lines submenu from the keyboard with many lines (QA: a campaign of 13 nodes;
the tenth entry's number began with the first's "1", and entries past the tenth had no
letter at all): every entry has a letter of its own, none Show All Lines's "A"."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from canvas_app.ui.simulation.timeline_legend import line_entry

LETTERED = 35  # 1-9, 0, then B to Z


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def test_every_lines_entry_has_a_letter_of_its_own(qtbot) -> None:
    count = LETTERED
    texts = [line_entry(number, f"Sequence {number} (in it)") for number in range(1, count + 1)]
    letters = [mnemonic(text) for text in texts]
    assert all(letters), texts
    assert len(set(letters)) == len(letters), letters
    assert mnemonic("Show &All Lines") not in letters
    assert letters[:10] == [f"Alt+{n}" for n in "1234567890"]
    assert letters[10:13] == ["Alt+B", "Alt+C", "Alt+D"]
    # the tenth reads "10", its 0 the letter; an "&" in a name is no letter
    assert texts[9] == "1&0 Sequence 10 (in it)"
    assert mnemonic(line_entry(11, "Tom & Jerry (achieved)")) == "Alt+B"
    # past the letters: its number, no letter (Up and Down reach it)
    assert mnemonic(line_entry(count + 1, "x")) == ""
