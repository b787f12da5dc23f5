"""Saving a workspace of 10,000 nodes and as many links: the json module (indent=2, as the
files were written before) against orjson (what ``dumps_workspace`` uses now), in one run.

Prints, best of a few runs each: building the file's data from the model
(``workspace_to_data``), turning it into text the old way and the new way, the ratio of
the two, and a whole save to a temporary folder (data, text, atomic write with fsync) both
ways. It also checks that both texts read back as the same data and the new text
loads as the same workspace.

    python bench/save_scale.py [--nodes 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from canvas_app.domain.campaign import Campaign  # noqa: E402
from canvas_app.domain.nodes import Node  # noqa: E402
from canvas_app.domain.steps import Step  # noqa: E402
from canvas_app.domain.workspace import Workspace  # noqa: E402
from canvas_app.io import load_workspace, save_workspace, workspace_to_data  # noqa: E402
from canvas_app.io.atomic import write_text_atomic  # noqa: E402
from canvas_app.io.workspace_file import dumps_json  # noqa: E402

COLUMNS = 100
STEP_X, STEP_Y = 240.0, 180.0
KINDS = ("sequence", "purchase_goal", "sequence", "tag_goal")


def build_workspace(n: int) -> Workspace:
    """n nodes in rows of COLUMNS, a chain of links through them and one from the last
    back to the first: n links (as bench/canvas_scale.py builds it, without Qt). So that
    the file loads and holds what real ones do, each sequence has an email (its subject
    not ASCII) and a delay, and each tag goal a tag."""
    workspace = Workspace()
    campaign = workspace.add_campaign(Campaign("big", "Big"))
    for i in range(n):
        row, col = divmod(i, COLUMNS)
        if row % 2:
            col = COLUMNS - 1 - col
        node = Node(f"n{i}", KINDS[i % len(KINDS)], f"Node {i}", col * STEP_X, row * STEP_Y)
        if node.kind == "sequence":
            node.config.steps = [Step(kind="email", subject=f"Bienvenue à bord n°{i}"),
                                 Step(kind="delay", duration=timedelta(days=1))]
        elif node.kind == "tag_goal":
            node.config.tags = ["customer"]
        campaign.add_node(node)
    for i in range(n - 1):
        campaign.link(f"n{i}", f"n{i + 1}")
    campaign.link(f"n{n - 1}", "n0")
    return workspace


def best(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def old_dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    workspace = build_workspace(args.nodes)
    links = len(workspace.campaigns[0].edges)

    data_s, data = best(args.repeat, lambda: workspace_to_data(workspace))
    old_s, old_text = best(args.repeat, lambda: old_dumps(data))
    new_s, new_text = best(args.repeat, lambda: dumps_json(data))
    if json.loads(new_text) != json.loads(old_text):
        print("the two texts do not hold the same data", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.campaign.json"
        save_s, _ = best(args.repeat, lambda: save_workspace(workspace, path))
        old_path = Path(tmp) / "old.campaign.json"
        old_save_s, _ = best(args.repeat, lambda: write_text_atomic(
            old_path, old_dumps(workspace_to_data(workspace))))
        if load_workspace(path) != workspace:
            print("the saved file does not load as the same workspace", file=sys.stderr)
            return 1
    print(f"{args.nodes} nodes, {links} links; best of {args.repeat} runs; "
          f"{len(new_text.encode('utf-8')) / 1e6:.1f} MB of JSON "
          f"({'the same text' if new_text == old_text else 'the same data'} both ways)")
    print(f"{'workspace_to_data':<36} {data_s * 1000:9.1f} ms")
    print(f"{'text, old: json.dumps(indent=2)':<36} {old_s * 1000:9.1f} ms")
    print(f"{'text, new: orjson OPT_INDENT_2':<36} {new_s * 1000:9.1f} ms")
    print(f"{'old / new':<36} {old_s / new_s:9.1f}x")
    print(f"{'whole save, old (data+text+write)':<36} {old_save_s * 1000:9.1f} ms")
    print(f"{'whole save, new: save_workspace':<36} {save_s * 1000:9.1f} ms")
    print(f"{'old / new':<36} {old_save_s / save_s:9.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
