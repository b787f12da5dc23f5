"""Two scenario files of one name in the Scenario box (a sample copied beside the
workspace) each say where they are; they were listed alike, tooltips too (QA 22c)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from canvas_app.ui.simulation.scenario_box import SAMPLES, ScenarioBox


def items(box: ScenarioBox) -> dict[str, tuple[str, str]]:
    """Path -> (text, tooltip) of each scenario listed."""
    return {box.itemData(i): (box.itemText(i), box.itemData(i, Qt.ItemDataRole.ToolTipRole))
            for i in range(box.count()) if box.itemData(i)}


def test_a_sample_copied_beside_the_workspace_is_told_apart(qtbot, tmp_path: Path) -> None:
    box = ScenarioBox(None, folder=tmp_path / "what-ifs")
    qtbot.addWidget(box)
    sample = SAMPLES / "pool-store.scenario.json"
    assert items(box)[str(sample)][0] == "pool-store.scenario.json"  # alone: its name
    work = tmp_path / "work"
    work.mkdir()
    copy = work / sample.name
    shutil.copy(sample, copy)
    box.set_beside(work)
    listed = items(box)
    assert listed[str(sample)][0] == "pool-store.scenario.json (sample)"
    assert listed[str(copy)][0] == "pool-store.scenario.json (in work)"
    assert str(sample) in listed[str(sample)][1] and str(copy) in listed[str(copy)][1]
    texts = [text for text, _tip in listed.values()]
    assert len(texts) == len(set(texts))
    # the what-if sample, alone of its name, keeps its plain name
    assert listed[str(SAMPLES / "pool-store-what-if.scenario.json")][0] == \
        "pool-store-what-if.scenario.json"


def test_a_file_of_a_samples_name_chosen_later_is_told_apart_too(qtbot, tmp_path: Path) -> None:
    """QA 22g: chosen with Open Scenario… (or found when a workspace of that folder was
    opened again) after the list was made, it was listed as the sample is."""
    box = ScenarioBox(None, folder=tmp_path / "what-ifs")
    qtbot.addWidget(box)
    sample = SAMPLES / "pool-store.scenario.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy = elsewhere / sample.name
    shutil.copy(sample, copy)
    box.select(str(copy))
    listed = items(box)
    assert listed[str(copy)][0] == "pool-store.scenario.json (in elsewhere)"
    assert listed[str(sample)][0] == "pool-store.scenario.json (sample)"
    # a file put beside the workspace since it was opened: found when it is opened again
    work = tmp_path / "work"
    work.mkdir()
    box.set_beside(work)
    put = work / "later.scenario.json"
    shutil.copy(sample, put)
    box.set_beside(work)
    assert str(put) in items(box)
