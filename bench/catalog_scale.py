"""The Catalog window, the Find bar and a PNG export on a large workspace, old way and new
way measured side by side in one run.

The workspace is built as the performance QA's was (31 campaigns: 30 of 300 nodes in rows
of 20 and one of 5,000 in rows of 70, each node linked to the next; a quarter of the nodes
are purchase goals naming one product; 2,000 products in 50 categories, 100 order forms,
50 product action sets). It prints:

- where used: the old way (``where_used`` for one item walks every node), per item and
  for every row of the Catalog window (the time per item times the rows: the loop over
  all of them takes minutes unless ``--all``), against one ``UsageIndex`` built and asked
  for every row; and that the two answer alike;
- Catalog window: opening it (built, filled and shown) and one refresh;
- Find: ``find_nodes`` per key as one types "step 1": cold (names folded afresh: the
  first search after opening) and warm (folded names cached), against the old search,
  which folded every name at every key;
- PNG export of the 300-node campaign: the whole export, and the encoding of its picture
  at Qt's default PNG compression and at the one used (``image_export.PNG_QUALITY``),
  with the file sizes.

Times are the best of a few runs (``--runs``), as wall time, with the workspace left out
of the garbage collector's passes as the app leaves it (``gc.freeze()``). Run offscreen:

    QT_QPA_PLATFORM=offscreen python bench/catalog_scale.py [--quick] [--all]

``--quick`` makes a tenth of the nodes and products.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QImage, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from canvas_app.domain.search import ROW, Match, find_nodes, folded  # noqa: E402
from canvas_app.domain.usage import UsageIndex, where_used  # noqa: E402
from canvas_app.domain.workspace import Workspace  # noqa: E402
from canvas_app.io.workspace_file import workspace_from_data  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KINDS = ("sequence", "purchase_goal", "sequence", "tag_goal")


def workspace_data(campaigns: int, per: int, big: int, products: int) -> dict:
    """The QA's workspace (/tmp/qa_perf/gen.py) as file data, without randomness but
    the products' prices and which product each goal names (a fixed sequence)."""
    categories = [{"id": f"cat{i}", "name": f"Category {i}"} for i in range(50)]
    words = ("Pool", "Spa", "Filter", "Pump", "Chlorine")
    catalog = {
        "categories": categories,
        "products": [{"id": f"p{i}", "name": f"Product number {i} {words[i % 5]}",
                      "category": f"cat{i % 50}", "price": 1.0 + (i * 37) % 300,
                      "billing": "subscription" if i % 20 == 0 else "one_time"}
                     for i in range(products)],
        "order_forms": [{"id": f"form{i}", "name": f"Order form {i}", "legacy": i % 10 == 0}
                        for i in range(100)],
        "payment_types": ["credit_card", "paypal", "cash", "check", "money_order",
                          "adjustment"],
    }
    product_sets = {f"p{i * 7 % products}": [
        {"kind": "apply_tag", "tag": f"Bought p{i * 7}"},
        {"kind": "send_email", "subject": f"Thanks for p{i * 7}", "delay": 60}]
        for i in range(50)}
    ecommerce = {"settings": {"product_actions_for_legacy_and_manual": True},
                 "action_sets": {"successful_purchase": [{"kind": "apply_tag",
                                                          "tag": "Customer"}]},
                 "product_action_sets": product_sets}

    def campaign(cid: str, name: str, n: int, columns: int) -> dict:
        nodes = []
        for i in range(n):
            row, column = divmod(i, columns)
            kind = KINDS[i % 4]
            base = {"id": f"{cid}-n{i}", "kind": kind, "x": column * 240, "y": row * 180}
            label = f"Step {i}" if i % 37 else "Duplicate name"
            if kind == "sequence":
                base |= {"name": f"Seq {label}", "steps": [
                    {"kind": "email", "subject": f"Email {i}"},
                    {"kind": "delay", "duration": "P2D"},
                    {"kind": "apply_tag", "tag": f"T{i}"}], "runs_until_completed": False}
            elif kind == "purchase_goal":
                base |= {"name": f"Bought {label}", "config": {
                    "any_purchase": False, "order_forms": [],
                    "products": [f"p{(i * 7919 + len(cid) * 31) % products}"],
                    "categories": [], "payment_types": "any", "achieved_by": "campaign"}}
            else:
                base |= {"name": f"Tag {label}", "config": {
                    "tags": [f"T{i - 1}" if i % 3 else f"Never {i}"],
                    "achieved_by": "campaign"}}
            nodes.append(base)
        edges = [{"source": f"{cid}-n{i - 1}", "target": f"{cid}-n{i}"}
                 for i in range(1, n) if i % 50]
        return {"id": cid, "name": name, "nodes": nodes, "edges": edges}

    all_campaigns = [campaign(f"c{i}", f"Campaign {i}", per, 20) for i in range(campaigns)]
    all_campaigns.append(campaign("big", "Big one", big, 70))
    return {"format": "campaign-canvas", "version": 1, "catalog": catalog,
            "ecommerce": ecommerce, "contacts": [], "campaigns": all_campaigns}


def best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


# -- where used ---------------------------------------------------------------------------
def catalog_rows(workspace: Workspace) -> list[tuple[str, str]]:
    catalog = workspace.catalog
    return ([("products", i) for i in catalog.products]
            + [("categories", i) for i in catalog.categories]
            + [("order_forms", i) for i in catalog.order_forms]
            + [("payment_types", i) for i in catalog.payment_types])


def bench_usage(workspace: Workspace, runs: int, every: bool) -> None:
    rows = catalog_rows(workspace)
    sample = rows if every else rows[:: max(1, len(rows) // 100)]
    old = best(1, lambda: [where_used(workspace, s, i) for s, i in sample])
    per_item = old / len(sample)
    old_all = old if every else per_item * len(rows)

    def new_way() -> None:
        index = UsageIndex(workspace)
        for section, item_id in rows:
            index.where_used(section, item_id)

    new_all = best(runs, new_way)
    build = best(runs, lambda: UsageIndex(workspace))
    index = UsageIndex(workspace)
    alike = all(index.where_used(s, i) == where_used(workspace, s, i) for s, i in sample)
    print(f"where used, {len(rows):,} catalog rows:")
    print(f"  old: where_used per item {ms(per_item)} (measured on {len(sample):,} items); "
          f"every row {ms(old_all)}{'' if every else ' (per item x rows)'}")
    print(f"  new: UsageIndex built {ms(build)}; built and asked for every row {ms(new_all)}")
    print(f"  ratio old/new for every row: {old_all / new_all:,.0f}x; "
          f"answers alike on {len(sample):,} items: {alike}")


# -- the Catalog window -------------------------------------------------------------------
def bench_catalog_window(workspace: Workspace, runs: int) -> None:
    from canvas_app.ui.dialogs.catalog_manager import CatalogManagerDialog

    app = QApplication.instance()
    stack = QUndoStack()
    dialogs: list[CatalogManagerDialog] = []

    def open_window() -> None:
        dialog = CatalogManagerDialog(workspace, stack)
        dialog.show()
        app.processEvents()
        dialogs.append(dialog)

    opened = best(runs, open_window)
    refreshed = best(runs, lambda: dialogs[-1].refresh())
    rows = sum(t.rowCount() for t in dialogs[-1].tables.values())
    for dialog in dialogs:
        dialog.close()
        dialog.deleteLater()
    app.processEvents()
    print(f"Catalog window ({rows:,} rows): open {ms(opened)}; refresh {ms(refreshed)} "
          "(QA before the index: 23.6 s)")


# -- Find ---------------------------------------------------------------------------------
def _old_folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


def old_find(workspace: Workspace, text: str, first: str | None = None) -> list[Match]:
    """find_nodes before its names were cached (each name folded at every key)."""
    wanted = _old_folded(text)
    if not wanted:
        return []
    campaigns = workspace.campaigns
    ids = [campaign.id for campaign in campaigns]
    start = ids.index(first) if first in ids else 0
    matches: list[Match] = []
    for campaign in campaigns[start:] + campaigns[:start]:
        found = [node for node in campaign.nodes if wanted in _old_folded(node.name)]
        found.sort(key=lambda node: (round(node.y / ROW), node.x, node.id))
        matches.extend(Match(campaign.id, node.id) for node in found)
    return matches


def bench_find(workspace: Workspace, runs: int) -> None:
    nodes = sum(len(c) for c in workspace.campaigns)
    print(f"Find, {nodes:,} nodes, typing \"step 1\" (from the campaign \"big\"):")
    typed = "step 1"
    for n in range(1, len(typed) + 1):
        text = typed[:n]

        def cold(text: str = text) -> None:
            folded.cache_clear()
            find_nodes(workspace, text, "big")

        cold_s = best(runs, cold)
        find_nodes(workspace, text, "big")
        warm_s = best(runs, lambda text=text: find_nodes(workspace, text, "big"))
        old_s = best(runs, lambda text=text: old_find(workspace, text, "big"))
        matches = find_nodes(workspace, text, "big")
        found, alike = len(matches), matches == old_find(workspace, text, "big")
        print(f"  {text!r:10} {found:6,} found: old {ms(old_s)}, cold {ms(cold_s)}, "
              f"warm {ms(warm_s)}; old/warm {old_s / warm_s:.1f}x; alike {alike}")


# -- PNG export ---------------------------------------------------------------------------
def bench_png(workspace: Workspace, runs: int) -> None:
    from canvas_app.editing.controller import Controller
    from canvas_app.ui import image_export
    from canvas_app.ui.canvas import CampaignScene
    from canvas_app.ui.canvas.link_item import LinkItem
    from canvas_app.ui.canvas.node_item import NodeItem

    stack = QUndoStack()
    controller = Controller(workspace, stack)
    scene = CampaignScene(controller)
    scene.show_campaign("c0")
    folder = Path(tempfile.mkdtemp(prefix="catalog_scale_"))
    export = best(runs, lambda: image_export.render_campaign(scene, folder / "c0.png"))
    items = [item for item in scene.items(Qt.SortOrder.AscendingOrder)
             if isinstance(item, (NodeItem, LinkItem))]
    rect = image_export.export_rect(scene)
    image = image_export._png_image(items, rect, image_export.png_scale(rect, 2.0),
                                    lambda _done: None)

    encoded: dict[int, bytes] = {}

    def encode(quality: int) -> int:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert image.save(buffer, "PNG", quality)
        encoded[quality] = bytes(data.data())
        return data.size()

    chosen = image_export.PNG_QUALITY
    times: dict[int, list[float]] = {-1: [], chosen: []}
    sizes: dict[int, int] = {}
    for _ in range(runs):  # alternating, so that the machine's load falls on both
        for quality in times:
            start = time.perf_counter()
            sizes[quality] = encode(quality)
            times[quality].append(time.perf_counter() - start)
    default_s, chosen_s = min(times[-1]), min(times[chosen])
    print(f"PNG export, campaign c0 ({len(workspace.campaign('c0')):,} nodes, "
          f"{image.width():,} x {image.height():,} px): whole export {ms(export)}")
    print(f"  encode at Qt's default: {ms(default_s)}, {sizes[-1] / 1e6:.2f} MB; "
          f"at quality {chosen}: {ms(chosen_s)}, {sizes[chosen] / 1e6:.2f} MB; "
          f"time {chosen_s / default_s:.2f}x, size {sizes[chosen] / sizes[-1]:.2f}x")
    back = QImage.fromData(encoded[chosen], "PNG")
    is_png = encoded[chosen].startswith(PNG_SIGNATURE)
    print(f"  read back: a PNG {is_png}, "
          f"the same pixels {back.convertToFormat(image.format()) == image}")
    scene.detach()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--all", action="store_true",
                        help="time where_used for every row (minutes), not a sample")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    size = (30, 300, 5000, 2000) if not args.quick else (3, 300, 500, 200)
    start = time.perf_counter()
    workspace = workspace_from_data(workspace_data(*size))
    nodes = sum(len(c) for c in workspace.campaigns)
    gc.collect()
    gc.freeze()  # as the app does once a workspace is open (canvas_app/ui/collector.py)
    print(f"workspace: {len(workspace.campaigns)} campaigns, {nodes:,} nodes, "
          f"{len(workspace.catalog.products):,} products, built in "
          f"{time.perf_counter() - start:.1f} s")
    bench_usage(workspace, args.runs, args.all)
    bench_catalog_window(workspace, args.runs)
    bench_find(workspace, args.runs)
    bench_png(workspace, args.runs)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
