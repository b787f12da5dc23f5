"""QA 21: counts of thousands are written with separators on the canvas's pills and in
its tooltips, and the paste message counts as the delete message does."""

from __future__ import annotations

from canvas_app.editing.paste_checks import pasted_text
from canvas_app.ui.simulation.overlay import badge_texts, describe_counts


def test_pills_and_tooltips_separate_thousands() -> None:
    assert badge_texts("sequence", {"active": 20857, "completed": 1200, "removed": 40077}) \
        == [("20,857 in", "main"), ("1,200 completed", "muted"),
            ("40,077 left early", "muted")]
    assert badge_texts("purchase_goal", {"achieved": 39807, "waiting": 5}) == [
        ("✓ 39,807", "main"), ("5 waiting", "muted")]
    assert "12,345 achieved" in describe_counts("tag_goal", {"achieved": 12345})


def test_paste_counts_as_delete_does() -> None:
    assert pasted_text("Pasted", 1111, None) == "Pasted 1,111 nodes."
    assert pasted_text("Pasted", 1, None) == "Pasted 1 node."
