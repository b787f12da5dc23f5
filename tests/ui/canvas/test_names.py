"""Names people can tell apart: campaigns are unique, copies are numbered, and nodes of one
campaign sharing a name are pointed out (the log and journeys name nodes)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from canvas_app.domain.lint import lint_workspace
from canvas_app.editing.controller import FreeNames, unused_name
from canvas_app.ui.main_window import MainWindow


def test_unused_name_numbers_like_a_file_manager() -> None:
    assert unused_name("Nurture", set()) == "Nurture"
    assert unused_name("Nurture", {"nurture"}) == "Nurture (2)"
    assert unused_name("Nurture", {"Nurture", "Nurture (2)"}) == "Nurture (3)"
    assert unused_name("Nurture (2)", {"Nurture", "Nurture (2)"}) == "Nurture (3)"


NAMES = st.lists(st.sampled_from(["Nurture", "nurture", "Nurture (2)", "Nurture (7)", "Goal",
                                   "Goal (2)", "x"]), max_size=25)


@given(NAMES, NAMES)
def test_free_names_in_a_row_match_one_at_a_time(taken: list[str], wanted: list[str]) -> None:
    """Pasting many nodes claims names in a row (fast); each is what unused_name gives
    with every name before it taken, and no two are alike."""
    names = FreeNames(set(taken))
    held = set(taken)
    claimed = []
    for name in wanted:
        expected = unused_name(name, held)
        assert names.claim(name) == expected
        held.add(expected)
        claimed.append(expected.casefold())
    assert len(set(claimed)) == len(claimed)
    assert not set(claimed) & {t.casefold() for t in taken}


def test_ten_thousand_copies_of_one_name_are_numbered_in_order() -> None:
    names = FreeNames({"Sequence"})
    assert [names.claim("Sequence") for _ in range(10_000)][-2:] == [
        "Sequence (10000)", "Sequence (10001)"]


def test_a_campaign_cannot_take_another_campaigns_name(window: MainWindow) -> None:
    controller = window.controller
    said: list[str] = []
    controller.status_message.connect(said.append)
    assert not controller.rename_campaign("shock-nurture", " checkup onboarding ")
    assert controller.workspace.campaign("shock-nurture").name == "Pool Shock Nurture"
    # named as the other campaign is, not as typed
    assert said and 'already named "Checkup Onboarding"' in said[-1]
    assert controller.rename_campaign("shock-nurture", "POOL shock nurture")  # its own name


def test_a_new_campaign_takes_no_name_another_has_in_other_capitals(
        window: MainWindow) -> None:
    """A campaign renamed "campaign 1": New names its campaign "Campaign 2", not a name the
    rename (and the Warnings panel) takes for the same one."""
    controller = window.controller
    assert controller.rename_campaign("shock-nurture", "campaign 1")
    added = controller.new_campaign()
    assert controller.workspace.campaign(added).name == "Campaign 2"


def test_duplicated_campaigns_get_names_of_their_own(window: MainWindow) -> None:
    controller = window.controller
    first = controller.duplicate_campaign("shock-nurture")
    second = controller.duplicate_campaign("shock-nurture")
    names = [controller.campaign(c).name for c in (first, second)]
    assert names == ["Pool Shock Nurture (copy)", "Pool Shock Nurture (copy 2)"]
    third = controller.duplicate_campaign(first)  # a copy of the copy counts on
    assert controller.campaign(third).name == "Pool Shock Nurture (copy 3)"
    names_in_order = [c.name for c in controller.workspace.campaigns]
    assert names_in_order[:4] == ["Pool Shock Nurture", "Pool Shock Nurture (copy)",
                                  "Pool Shock Nurture (copy 2)", "Pool Shock Nurture (copy 3)"]
    assert controller.undo_stack.text(controller.undo_stack.index() - 1) == (
        'Duplicate campaign "Pool Shock Nurture (copy)" as "Pool Shock Nurture (copy 3)"')


def test_nodes_sharing_a_name_in_one_campaign_are_pointed_out(window: MainWindow) -> None:
    controller = window.controller
    cid = window.current_campaign_id()
    controller.rename_node(cid, "post-purchase", "nurture")
    findings = [f for f in lint_workspace(controller.workspace, datetime.now(UTC))
                if "cannot tell them apart" in f.message]
    assert {f.node_id for f in findings} == {"nurture", "post-purchase"}
    assert all(f.severity == "warning" and f.campaign_id == cid for f in findings)
    # the same name in two campaigns is fine: the log names the campaign then
    controller.rename_node(cid, "post-purchase", "Post-purchase")
    other = controller.duplicate_campaign(cid)
    assert not [f for f in lint_workspace(controller.workspace, datetime.now(UTC))
                if "cannot tell them apart" in f.message and f.campaign_id in (cid, other)]


def test_renaming_a_campaign_keeps_the_view(qtbot, window: MainWindow) -> None:
    window.view.set_zoom(0.8)
    window.view.centerOn(300, 200)
    before = (window.view.zoom(), window.view.centre_scene_pos())
    item = window.scene.nodes["nurture"]
    assert window.controller.rename_campaign("shock-nurture", "Shock Nurture 2026")
    assert not window.controller.rename_campaign("shock-nurture", "Checkup Onboarding")
    assert (window.view.zoom(), window.view.centre_scene_pos()) == before
    assert window.scene.nodes["nurture"] is item  # not rebuilt
    window.controller.undo_stack.undo()
    assert window.controller.campaign("shock-nurture").name == "Pool Shock Nurture"
    assert window.view.zoom() == before[0]
