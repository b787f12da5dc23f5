"""Names in any script: one Unicode form compares as another (NFC, NFD), a name is cut
between the characters people see, and a right-to-left name is isolated in a sentence."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from canvas_app.domain.campaign import Campaign, Finding
from canvas_app.domain.lint import finding_place, same_names
from canvas_app.domain.names import (
    FSI,
    LONG_WORD,
    PDI,
    ZWSP,
    breakable,
    fit_width,
    isolated,
    name_key,
    short_name,
    tidy_name,
    without_isolates,
)
from canvas_app.domain.nodes import Node
from canvas_app.domain.workspace import Workspace

ZWJ = "\u200d"
VS16 = "\ufe0f"
SKIN_TONES = "".join(chr(c) for c in range(0x1F3FB, 0x1F400))
FLAG_LETTERS = "".join(chr(c) for c in range(0x1F1E6, 0x1F200))  # regional indicators
HEBREW, ARABIC = "ביקור נקבע", "حملة التهيئة"

# Pieces of names: letters (Latin, CJK, Hebrew, Arabic), combining accents, emoji with
# skin tones, ZWJ sequences, flags, spaces.
pieces = st.sampled_from([
    "a", "e", "Z", "泳", "池", "ב", "ק", "ح", "م", " ", "-", "e\u0301", "o\u0308\u0323",
    "\u0301", "👍", "👍🏽", "👨‍👩‍👧‍👦", "🧑‍🚒", "🇫🇷", "🇯🇵", "❤️", "🏳️‍🌈", "x", "1"])
names = st.lists(pieces, max_size=60).map("".join)


def test_a_name_typed_and_the_same_from_a_macos_file_are_one_name() -> None:
    assert name_key("Cafe\u0301") == name_key("Café")
    nfc = "Café Zoë suivi"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd and name_key(nfc) == name_key(nfd) == name_key("  CAFÉ zoë  SUIVI")
    assert name_key("Cafe") != name_key("Café")  # an accent is a letter of its own


@given(names)
def test_every_unicode_form_of_a_name_has_its_key(name: str) -> None:
    keys = {name_key(unicodedata.normalize(form, name)) for form in ("NFC", "NFD")}
    assert len(keys) == 1
    assert unicodedata.is_normalized("NFC", name_key(name))


def test_compatibility_characters_stay_other_names() -> None:
    # NFKC would make these one name: they are written, and look, otherwise
    assert name_key("Ａ1") != name_key("A1")
    assert name_key("Pool²") != name_key("Pool2")
    assert name_key("①") != name_key("1")


def test_nodes_named_in_two_unicode_forms_are_pointed_out_as_one_name() -> None:
    campaign = Campaign("c", "Spa")
    nfc = "Café Zoë suivi"
    campaign.add_node(Node("typed", "sequence", nfc))
    campaign.add_node(Node("from-mac", "sequence", unicodedata.normalize("NFD", nfc)))
    campaign.add_node(Node("other", "sequence", "Cafe Zoe suivi"))
    assert sorted(f.node_id for f in same_names(campaign)) == ["from-mac", "typed"]


def cut_inside_a_cluster(text: str, at: int) -> bool:
    """Whether cutting ``text`` before index ``at`` splits what people see as one
    character, told from the characters round the cut (not by the library under test)."""
    if at <= 0 or at >= len(text):
        return False
    before, after = text[at - 1], text[at]
    if unicodedata.combining(after) or unicodedata.category(after) in ("Mn", "Me"):
        return True  # an accent taken from its letter
    if after in (ZWJ, VS16) or after in SKIN_TONES or before == ZWJ:
        return True  # inside an emoji sequence
    if after in FLAG_LETTERS:
        run = 0
        while at - 1 - run >= 0 and text[at - 1 - run] in FLAG_LETTERS:
            run += 1
        return run % 2 == 1  # half a flag
    return False


@given(names, st.integers(min_value=1, max_value=45))
def test_short_name_never_splits_a_character(name: str, limit: int) -> None:
    text = tidy_name(name)
    short = short_name(name, limit)
    if short == text:
        return
    assert short.endswith("…")
    kept = short[:-1]
    assert text.startswith(kept)
    assert not cut_inside_a_cluster(text, len(kept))
    # at most the limit of what people see as characters, "…" included
    clusters = 1 + sum(not cut_inside_a_cluster(kept, i) for i in range(1, len(kept)))
    assert clusters + 1 <= max(limit, 2)


def test_short_name_keeps_accents_emoji_and_flags_whole() -> None:
    accent = unicodedata.normalize("NFD", "e" * 38 + "é suivi")
    family = "x" * 37 + "👨‍👩‍👧‍👦 family"
    flag = "x" * 38 + "🇫🇷 France"
    for name in (accent, family, flag):
        short = short_name(name)
        assert short.endswith("…") and name.startswith(short[:-1])
        assert not cut_inside_a_cluster(name, len(short) - 1)
    assert short_name(accent).endswith("e\u0301…")  # the accent stays on its letter


def east_asian_columns(text: str) -> int:
    """Columns by Unicode's own tables: wide and full-width two, accents none."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


@given(st.lists(st.sampled_from(["a", "泳", "池", "ב", "ح", " ", "e\u0301", "Ｚ"]),
                max_size=80).map("".join), st.integers(min_value=2, max_value=50))
def test_fit_width_keeps_within_the_columns(name: str, columns: int) -> None:
    fitted = fit_width(name, columns)
    assert east_asian_columns(fitted) <= columns
    if fitted != tidy_name(name):
        assert fitted.endswith("…") and tidy_name(name).startswith(fitted[:-1])
        assert not cut_inside_a_cluster(tidy_name(name), len(fitted) - 1)


def test_isolated_marks_right_to_left_names_only() -> None:
    assert isolated(HEBREW) == FSI + HEBREW + PDI
    assert isolated(ARABIC) == FSI + ARABIC + PDI
    assert isolated("Summer ٣") == FSI + "Summer ٣" + PDI  # Arabic digits turn text too
    for name in ("Pool Shock Nurture", "泳池冲击剂 🏊", "Café", "123"):
        assert isolated(name) == name  # nothing to turn round
    assert without_isolates(f"{isolated(HEBREW)}, {isolated(ARABIC)}") == f"{HEBREW}, {ARABIC}"


def test_a_name_cannot_end_its_own_isolation_early() -> None:
    """A stray PDI in a name would close the FSI put before it; an isolate the name opens
    would stay open past its end."""
    for name in (f"ab{PDI}{HEBREW}", f"{HEBREW}\u2067x", f"{PDI}{PDI}{HEBREW}\u2066\u2068"):
        marked = isolated(name)
        depth = 0
        for i, ch in enumerate(marked):
            depth += ch in "\u2066\u2067\u2068"
            depth -= ch == PDI
            assert depth > 0 or i == len(marked) - 1  # open from the first to the last
        assert depth == 0


def workspace_with(campaign_name: str, node_name: str) -> tuple[Workspace, Finding]:
    workspace = Workspace()
    campaign = Campaign("c", campaign_name)
    campaign.add_node(Node("n", "sequence", node_name))
    workspace.add_campaign(campaign)
    return workspace, Finding("warning", "has no steps", "n", "c")


def test_a_findings_place_isolates_each_right_to_left_name() -> None:
    workspace, finding = workspace_with(ARABIC, HEBREW)
    place = finding_place(workspace, finding)
    assert place == f"{isolated(ARABIC)} › {isolated(HEBREW)}"
    workspace, finding = workspace_with("Spa", "Welcome")
    assert finding_place(workspace, finding) == "Spa › Welcome"  # no marks for no need


def test_a_findings_place_can_shorten_long_names() -> None:
    long = ("Supercalifragilisticexpialidocious" * 7)[:200]
    workspace, finding = workspace_with(long, HEBREW)
    assert finding_place(workspace, finding) == f"{long} › {isolated(HEBREW)}"
    short = finding_place(workspace, finding, 40)
    assert short == f"{short_name(long, 40)} › {isolated(HEBREW)}"
    assert len(short_name(long, 40)) == 40


@given(st.lists(st.sampled_from(["a", "泳", "e\u0301", "👨‍👩‍👧‍👦", "🇫🇷", " ", "ב"]),
                max_size=120).map("".join))
def test_breakable_adds_only_invisible_breaks_between_characters(text: str) -> None:
    broken = breakable(text)
    assert broken.replace(ZWSP, "") == text
    at = 0
    for part in broken.split(ZWSP)[:-1]:
        at += len(part)
        assert not cut_inside_a_cluster(text, at)
    for word in broken.replace(ZWSP, " ").split():
        assert len(word) <= LONG_WORD  # a long word is broken into its characters
    for word in text.split():
        if len(word) <= LONG_WORD:
            assert word in broken.split()  # ordinary words untouched
