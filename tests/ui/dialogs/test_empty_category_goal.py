"""A purchase goal counting a category with no products: no purchase meets it, and the
Warnings panel, the CLI's lint, the goal's editor and the Catalog's delete question say so
(QA 21: the goal said "No problems in these settings." and nothing warned)."""

from __future__ import annotations

from datetime import UTC, datetime

from canvas_app.domain.catalog import Category
from canvas_app.domain.purchase import empty_category_notes
from canvas_app.ui.dialogs import open_node_editor
from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog
from canvas_app.ui.dialogs.widgets import NO_PROBLEMS

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def goal_findings(workspace) -> list[str]:
    return [f.message for f in workspace.lint(NOW) if f.node_id == "subscribed"]


def only_categories(workspace, *categories: str):
    node = workspace.campaign("checkup-onboarding").node("subscribed")
    node.config.use_products, node.config.products = False, []
    node.config.use_categories, node.config.categories = True, list(categories)
    return node


def test_a_goal_whose_only_category_is_empty_is_warned(workspace) -> None:
    only_categories(workspace, "services")
    assert goal_findings(workspace) == []  # "Weekly Pool Checkup" is in it
    del workspace.catalog.products["checkup"]
    assert goal_findings(workspace) == [
        'No purchase can achieve the goal "Subscribed to checkup": its category "Services" '
        "has no products. Add a product to it in the Catalog, or choose another purchase "
        "option."]


def test_an_empty_category_beside_a_full_one_is_warned_as_matching_nothing(workspace) -> None:
    workspace.catalog.categories["empty"] = Category("empty", "Empty cat")
    only_categories(workspace, "services", "empty")
    [message] = goal_findings(workspace)
    assert message.startswith('The goal "Subscribed to checkup" counts purchases in the '
                              'category "Empty cat", which has no products')
    node = only_categories(workspace, "empty")
    node.config.any_purchase = True  # any purchase meets it: nothing to say
    assert goal_findings(workspace) == []


def test_no_note_without_categories(workspace) -> None:
    node = workspace.campaign("shock-nurture").node("bought-shock")
    assert empty_category_notes(node.name, node.config, workspace.catalog) == []


def test_the_goal_editor_says_it_instead_of_no_problems(qtbot, workspace, undo_stack) -> None:
    only_categories(workspace, "services")
    del workspace.catalog.products["checkup"]
    dialog = open_node_editor(None, workspace, undo_stack, "checkup-onboarding", "subscribed")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.problem_label.text()
    assert "has no products" in text and NO_PROBLEMS not in text
    assert dialog.save_button.isEnabled()  # a warning, not a refusal


def test_deleting_the_last_product_of_a_counted_category_says_so(qtbot, workspace,
                                                                  undo_stack) -> None:
    only_categories(workspace, "services")
    window = CatalogManagerDialog(workspace, undo_stack)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.select("products", "checkup")
    box = window.delete_selected("products")
    assert box.text().endswith(
        "Deleting it also removes it from these places. It is the last product of "
        'the category "Services", which the goal "Subscribed to checkup" counts: no '
        "purchase will match that category then. Delete it anyway?")
    box.reject()
    del workspace.ecommerce.product_action_sets["checkup"]  # its only other use
    box = window.delete_selected("products")
    assert box.text() == (
        'Delete the product "Weekly Pool Checkup"? Nothing else uses it, but it is the last '
        'product of the category "Services", which the goal "Subscribed to checkup" counts: '
        "no purchase will match that category then.")
    box.reject()
    window.select("products", "shock")  # chemicals has others: nothing more to say
    box = window.delete_selected("products")
    assert "last product" not in box.text()
    box.reject()
