"""Dragging a node in a campaign whose links bend round the nodes in their way.

Campaigns of up to 400 nodes are routed (see canvas_app/ui/canvas/link_routing.py): every
drag step re-routes the dragged node's links and the links it blocks or stops blocking.
This builds campaigns the size of real ones and larger (nodes in rough rows with some
jitter, links between random pairs, so that many links cross other nodes and bend), shows
them at 100 % in a 1280x800 view, and drags the node with the most links 100 steps, each
followed by the repaint the view schedules (as on screen). Measured side by side in one
run: the same drag with routing off (links straight), so the ratio is what routing costs.

    QT_QPA_PLATFORM=offscreen python bench/routed_drag.py [--sizes 40:70 100:230]

Times are per drag step, the best of three drags; "bent" is how many links bend.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import canvas_scale  # noqa: E402  (the drag and the way a campaign is opened)
from PySide6.QtWidgets import QApplication  # noqa: E402

STEPS = 100
VIEW_W, VIEW_H = 1280, 800


def build(nodes: int, links: int, seed: int = 1):
    from canvas_app.domain.campaign import Campaign
    from canvas_app.domain.errors import DomainError
    from canvas_app.domain.nodes import Node
    from canvas_app.domain.workspace import Workspace

    rnd = random.Random(seed)
    workspace = Workspace()
    campaign = workspace.add_campaign(Campaign("big", "Big"))
    columns = max(1, int(nodes ** 0.5 * 1.4))
    for i in range(nodes):
        row, column = divmod(i, columns)
        campaign.add_node(Node(f"n{i}", canvas_scale.KINDS[i % 3], f"Node {i}",
                               column * 170 + rnd.uniform(-30, 30),
                               row * 150 + rnd.uniform(-30, 30)))
    made: set[tuple[int, int]] = set()
    while len(made) < links:
        a, b = rnd.randrange(nodes), rnd.randrange(nodes)
        if a == b or (a, b) in made or (b, a) in made:
            continue
        try:
            campaign.link(f"n{a}", f"n{b}")
        except DomainError:  # a link the rules refuse: pick another pair
            continue
        made.add((a, b))
    return workspace


def step_time(nodes: int, links: int, routed: bool) -> tuple[float, int]:
    """The best of three 100-step drags, per step, and the number of bent links."""
    _stack, _controller, scene, view = canvas_scale.open_campaign(build(nodes, links))
    if not routed:
        scene.router.max_nodes = 0
        for link in scene.links.values():
            link.adjust()
    view.resize(VIEW_W, VIEW_H)
    view.show()
    QApplication.processEvents()
    dragged = max(scene.nodes.values(), key=lambda item: len(item.links))
    view.centerOn(dragged)
    QApplication.processEvents()
    bent = sum(1 for link in scene.links.values() if link.control() is not None)
    best = min(_timed(lambda: canvas_scale.drag(
        view, lambda: view.mapFromScene(dragged.pos()), STEPS)) for _ in range(3))
    view.close()
    return best / STEPS, bent


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["20:30", "40:70", "100:230"],
                        metavar="NODES:LINKS")
    args = parser.parse_args(argv)
    from canvas_app.app import configure_qt

    configure_qt()
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Drag one node {STEPS} steps, {VIEW_W}x{VIEW_H} view at 100 %, per step, best of 3")
    header = f"{'campaign':<22}{'bent':>6}{'routed':>10}{'straight':>10}{'ratio':>8}"
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        nodes, links = (int(part) for part in size.split(":"))
        routed, bent = step_time(nodes, links, routed=True)
        straight, _ = step_time(nodes, links, routed=False)
        print(f"{f'{nodes} nodes, {links} links':<22}{bent:>6}{routed * 1000:>8.1f}ms"
              f"{straight * 1000:>8.1f}ms{routed / straight:>7.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
