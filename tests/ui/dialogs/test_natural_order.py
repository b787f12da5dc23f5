"""Names with numbers are listed as a person counts ("Bulk product 2" before "Bulk product
10"), in the Catalog, the purchase goal's lists and E-Commerce Actions; E-Commerce Actions'
"Products that have actions" is alphabetical too (QA 23b: in the order the sets were made)."""

from __future__ import annotations

from canvas_app.domain.catalog import Product
from canvas_app.domain.search import natural_key
from canvas_app.domain.steps import Step
from canvas_app.ui.dialogs import open_ecommerce_actions
from canvas_app.ui.dialogs.catalog_table import catalog_order

NAMES = ["Bulk product 10", "bulk product 2", "Bulk product 1", "Bulk product 1b", "Bulk"]
COUNTED = ["Bulk", "Bulk product 1", "Bulk product 1b", "bulk product 2", "Bulk product 10"]


def test_numbers_in_names_count_as_numbers() -> None:
    assert natural_key("Size 2") < natural_key("Size 10") < natural_key("Size 10a")
    assert natural_key("12 Pack") > natural_key("2 Pack")
    assert sorted(NAMES, key=lambda name: catalog_order(name, "")) == COUNTED


def test_e_commerce_actions_lists_products_and_their_sets_in_that_order(
        qtbot, workspace, undo_stack) -> None:
    for i, name in enumerate(NAMES):
        workspace.catalog.add_product(Product(f"bulk-{i}", name))
    for i in (0, 1, 2):  # sets made for 10, 2, 1: in that order
        workspace.ecommerce.product_action_sets[f"bulk-{i}"] = [Step("send_email",
                                                                     subject="Hi")]
    window = open_ecommerce_actions(None, workspace, undo_stack)
    qtbot.addWidget(window)
    model = window._product_model
    listed = [model.item(row).text() for row in range(model.rowCount())]
    assert [name for name in listed if "ulk" in name] == COUNTED
    sets = [window.product_sets.item(row).text()
            for row in range(window.product_sets.count())]
    bulk = [text.split(" (")[0] for text in sets if "ulk" in text]
    assert bulk == ["Bulk product 1", "bulk product 2", "Bulk product 10"]
    assert sets == sorted(sets, key=lambda text: catalog_order(text.split(" (")[0], ""))
