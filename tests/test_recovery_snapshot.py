"""A recovery snapshot gives back what was written: the workspace, the stamp the edits
were made against (a file's, a store's, or none) and the base text, names in any script
included. (The snapshot is written with orjson now, without nulls.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.documents import Document, Stamp
from canvas_app.io import load_workspace
from canvas_app.recovery import Recovery

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / \
    "pool-store.campaign.json"


@pytest.mark.parametrize("stamp", [None, Stamp(mtime_ns=1_700_000_000_123_456_789, size=42),
                                   Stamp(revision=7), Stamp(revision=0, mtime_ns=0, size=0)])
def test_a_snapshot_reads_back_as_written(tmp_path: Path, stamp: Stamp | None) -> None:
    workspace = load_workspace(SAMPLE)
    first = workspace.campaigns[0]
    workspace.rename_campaign(first.id, "Bestellungen ✓ — 注文 \U0001f600")
    base = SAMPLE.read_text(encoding="utf-8")
    recovery = Recovery(Document(str(tmp_path / "shop.campaign.json")), tmp_path / "rec")
    recovery.write(workspace, stamp=stamp, base=base)
    assert recovery.load() == workspace
    assert recovery.stamp() == stamp
    assert recovery.base() == base
    data = json.loads(recovery.path.read_text(encoding="utf-8"))
    if stamp is None:
        assert "stamp" not in data
    else:
        assert None not in data["stamp"].values()


def test_a_snapshot_without_a_base_has_none(tmp_path: Path) -> None:
    workspace = load_workspace(SAMPLE)
    recovery = Recovery(Document(str(tmp_path / "shop.campaign.json")), tmp_path / "rec")
    recovery.write(workspace)
    assert recovery.base() is None and recovery.stamp() is None
    assert recovery.load() == workspace
