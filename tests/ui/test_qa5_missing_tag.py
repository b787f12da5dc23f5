"""A file whose "Apply tag" step or action has no tag opens with the error on it; lint
crashed on it (the tag spelling check read the missing tag as text)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from canvas_app.app import build_main_window

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "pool-store.campaign.json"


def without_tag(data: dict, where: str) -> None:
    if where == "action":
        data["ecommerce"]["product_action_sets"]["shock"][0] = {"kind": "apply_tag"}
    else:
        node = next(n for n in data["campaigns"][0]["nodes"] if n["kind"] == "sequence")
        node["steps"].append({"kind": "apply_tag"})


@pytest.mark.parametrize("where", ["action", "step"])
def test_an_apply_tag_without_its_tag_opens_with_the_error(qtbot, tmp_path: Path,
                                                            where: str) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    without_tag(data, where)
    source = tmp_path / "no-tag.campaign.json"
    source.write_text(json.dumps(data, indent=2), encoding="utf-8")
    shutil.copy(source, tmp_path / "kept.json")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = build_main_window(str(source), settings=settings,
                               recovery_dir=tmp_path / "recovery", offer_recovery=False)
    qtbot.addWidget(window)
    assert window.session.document is not None
    assert window.session.document.source == str(source)
    errors = [f.message for f in window.controller.findings() if f.severity == "error"]
    assert len(errors) == 1 and '"Apply tag" needs a tag' in errors[0]
    assert source.read_bytes() == (tmp_path / "kept.json").read_bytes()  # nothing lost
