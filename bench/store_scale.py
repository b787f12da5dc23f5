"""Store speed: save and load a workspace of 10,000 nodes and links, SQLite (and PostgreSQL
when CANVAS_APP_TEST_PG_URL is set), side by side with the JSON file format.

    python bench/store_scale.py [--nodes 1000] [--campaigns 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from canvas_app.io import load_workspace, save_workspace  # noqa: E402
from canvas_app.store import Store  # noqa: E402
from tests.store.test_store import big_workspace  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    best = float("inf")
    value = None
    for _ in range(2):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--nodes", type=int, default=1000, help="nodes per campaign")
    args = parser.parse_args()
    workspace = big_workspace(args.campaigns, args.nodes)
    total = sum(len(c) for c in workspace.campaigns)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.campaign.json"
        save_s, _ = timed(lambda: save_workspace(workspace, path))
        load_s, _ = timed(lambda: load_workspace(path))
        rows.append(("JSON file", save_s, load_s))
        urls = [("SQLite", f"sqlite:///{Path(tmp) / 'big.db'}")]
        if os.environ.get("CANVAS_APP_TEST_PG_URL"):
            urls.append(("PostgreSQL", os.environ["CANVAS_APP_TEST_PG_URL"]))
        for name, url in urls:
            with Store(url) as store:
                save_s, _ = timed(lambda store=store: store.save(workspace))
                load_s, loaded = timed(store.load)
                assert loaded == workspace
            rows.append((name, save_s, load_s))
    print(f"{total} nodes, {total - args.campaigns} links (best of two runs)")
    print(f"{'format':<12} {'save s':>8} {'load s':>8} {'save vs JSON':>13}")
    for name, save_s, load_s in rows:
        print(f"{name:<12} {save_s:8.3f} {load_s:8.3f} {save_s / rows[0][1]:12.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
