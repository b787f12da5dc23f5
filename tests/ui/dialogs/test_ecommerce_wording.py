"""The E-Commerce Actions window says where each default set runs, no more than the engine
does (R13-R15, C10; QA: "Runs each time an order is placed and the payment succeeds" also
promised manual, legacy and API orders), where the reference article keeps the legacy
setting, and the article's tip about purchase goals."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from canvas_app.domain.ecommerce import DEFAULT_SETS, LEGACY_SETTING_LABEL
from canvas_app.sim import Simulation, scenario_from_data
from canvas_app.ui.dialogs.action_set import ActionSetDialog
from canvas_app.ui.dialogs.ecommerce_actions import EcommerceActionsDialog

ORDER_SETS = ("contact_creation", "successful_purchase", "failed_purchase", "error_purchase")
CHANNELS = ("shopping_cart", "order_form", "legacy_order_form", "manual_order", "api")


def shown_descriptions(qtbot, workspace, undo_stack) -> dict[str, str]:
    window = EcommerceActionsDialog(workspace, undo_stack)
    qtbot.addWidget(window)
    texts = {label.text() for label in window.findChildren(QLabel)}
    return {name: description for name, (_label, description) in DEFAULT_SETS.items()
            if description in texts}


def channels_that_run(workspace, key: str) -> set[str]:
    """The channels on which the engine runs set ``key`` for a new buyer's order, placed
    with the outcome the set is about."""
    outcome = {"failed_purchase": "failed", "error_purchase": "error"}.get(key, "success")
    ran = set()
    for channel in CHANNELS:
        events = [{"at": "2026-01-02T09:00:00Z", "type": "purchase",
                   "contact": {"first_name": "Zed", "last_name": "Q", "email": "z@q.com"},
                   "channel": channel, "order_id": "o-1", "products": ["mitt"],
                   "payment_type": "credit_card", "outcome": outcome}]
        if channel in ("order_form", "legacy_order_form"):
            forms = workspace.catalog.order_forms.values()
            events[0]["order_form"] = next(f.id for f in forms
                                           if f.legacy == (channel == "legacy_order_form"))
        scenario = scenario_from_data({"start": "2026-01-01T00:00:00Z", "events": events},
                                      workspace, "scenario.json")
        if Simulation(workspace, scenario).run().action_sets.get(key):
            ran.add(channel)
    return ran


def test_each_order_set_says_the_channels_the_engine_runs_it_for(qtbot, workspace,
                                                                  undo_stack):
    shown = shown_descriptions(qtbot, workspace, undo_stack)
    assert set(shown) == set(DEFAULT_SETS)
    for key in ORDER_SETS:
        assert channels_that_run(workspace, key) == {"shopping_cart", "order_form"}, key
        assert "through the shopping cart or an order form" in shown[key], shown[key]
        assert "order form order" not in shown[key]  # QA1: it read as a stutter
    assert "not for an order paid later" in shown["successful_purchase"]  # pending, failed
    assert "paid or not" in shown["contact_creation"]  # C10: whatever the outcome


def test_the_legacy_setting_names_the_articles_menu_and_what_api_orders_run(
        qtbot, workspace, undo_stack):
    window = EcommerceActionsDialog(workspace, undo_stack)
    qtbot.addWidget(window)
    assert window.legacy_check.text().replace("&", "") == LEGACY_SETTING_LABEL
    help_text = window.findChild(QLabel, "legacyHelp").text()
    assert "E-Commerce > Settings > Products" in help_text
    assert "E-Commerce > Settings > Products" in window.legacy_check.toolTip()
    assert "API orders" in help_text


def test_the_successful_purchase_editor_recommends_a_purchase_goal(qtbot, workspace):
    tips = {}
    for key in DEFAULT_SETS:
        dialog = ActionSetDialog(workspace, key)
        qtbot.addWidget(dialog)
        tip = dialog.findChild(QLabel, "purchaseGoalTip")
        tips[key] = tip.text() if tip is not None else None
    assert [k for k, tip in tips.items() if tip] == ["successful_purchase"]
    assert "purchase goal" in tips["successful_purchase"]
    assert "canvas" in tips["successful_purchase"]
