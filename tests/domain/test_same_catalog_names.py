"""Two products of one name (QA: the sample plus a copy of "mitt" with the id "mitt2" and the
same name): lint warns, as of campaigns of one name, and so of categories, order forms and
payment types shown alike; in the kept lint as in a fresh one, and in `canvas-app validate`.
Lists tell them apart by id (catalog_labels), and a product found by its label is that one."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from canvas_app.cli import main
from canvas_app.domain.action_edit import find_products, product_by_name
from canvas_app.domain.catalog import Category, OrderForm, Product
from canvas_app.domain.catalog_labels import item_labels, product_label, told_apart
from canvas_app.domain.lint import lint_workspace
from canvas_app.domain.lint_cache import LintCache
from canvas_app.domain.workspace import Workspace
from canvas_app.io import load_workspace

NOW = datetime(2026, 3, 1, tzinfo=UTC)
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"
MITT_WARNING = ('2 products are named "Pool Scrubbing Mitt" (ids mitt and mitt2): goal '
                "summaries and the simulation's log cannot tell them apart (lists show their "
                "ids); rename one (Catalog)")


def with_second_mitt() -> Workspace:
    workspace = load_workspace(SAMPLE)
    workspace.catalog.add_product(Product("mitt2", "Pool Scrubbing Mitt", "pool-care", 12.99))
    return workspace


def named(findings) -> list[str]:
    return [f.message for f in findings if " are named " in f.message]


def test_two_products_of_one_name_have_one_warning_of_the_workspace() -> None:
    workspace = load_workspace(SAMPLE)
    assert named(lint_workspace(workspace, NOW)) == []
    workspace = with_second_mitt()
    assert workspace.validate() == []  # valid: a warning, not an error
    found = [f for f in lint_workspace(workspace, NOW) if " are named " in f.message]
    assert [f.message for f in found] == [MITT_WARNING]
    assert found[0].severity == "warning"
    assert found[0].campaign_id is None and found[0].node_id is None  # the workspace's own


def test_categories_order_forms_and_payment_types_alike_are_warned_of_too() -> None:
    workspace = load_workspace(SAMPLE)
    catalog = workspace.catalog
    catalog.add_category(Category("care2", "pool  CARE"))  # capitals and spaces aside
    catalog.add_order_form(OrderForm("classic2", "Classic order form"))
    catalog.payment_types.append("Credit_card")  # shown "Credit card" as credit_card is
    messages = named(lint_workspace(workspace, NOW))
    assert [m.split(":")[0] for m in messages] == [
        '2 categories are named "Pool care" (ids pool-care and care2)',
        '2 order forms are named "Classic Order Form" (ids classic-form and classic2)',
        '2 payment types are named "Credit card" (ids credit_card and Credit_card)']
    assert messages[0].endswith("rename one (Catalog)")
    assert messages[2].endswith("a payment type cannot be renamed: delete one (Catalog) and "
                                "tick the other in the goals that required it")


def test_the_kept_lint_follows_the_catalog() -> None:
    workspace = load_workspace(SAMPLE)
    cache = LintCache(workspace)
    workspace.events.subscribe(cache.changed)
    assert named(cache.findings(NOW)) == []
    after = with_second_mitt().catalog
    workspace.set_catalog(after)
    assert named(cache.findings(NOW)) == [MITT_WARNING]
    assert cache.findings(NOW) == lint_workspace(workspace, NOW)


def test_validate_prints_the_warning(capsys, tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    mitt = dict(data["catalog"]["products"][0], id="mitt2")
    data["catalog"]["products"].append(mitt)
    path = tmp_path / "mitts.campaign.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"warning: {path}: {MITT_WARNING}" in out
    assert out[-1].startswith(f"{path}: valid")


def test_lists_tell_them_apart_by_id_and_a_label_finds_its_own_product() -> None:
    catalog = with_second_mitt().catalog
    labels = item_labels(catalog, "products")
    assert labels["mitt"] == "Pool Scrubbing Mitt"
    assert labels["mitt2"] == "Pool Scrubbing Mitt (mitt2)"
    assert product_label(catalog, "mitt2") == "Pool Scrubbing Mitt (mitt2)"
    assert product_by_name(catalog, "Pool Scrubbing Mitt (mitt2)").id == "mitt2"
    assert product_by_name(catalog, "pool scrubbing mitt").id == "mitt"
    assert product_by_name(catalog, "mitt2").id == "mitt2"  # the only label with it
    assert [p.id for p in find_products(catalog, "mitt")] == ["mitt", "mitt2"]
    assert told_apart([("a", "X"), ("b", "Y"), ("c", "x")]) == {"a": "X", "b": "Y",
                                                               "c": "x (c)"}
