"""Counts in words (QA: `validate` printed "valid (1 campaigns, ...)")."""

import json
from pathlib import Path

from canvas_app.cli import main
from canvas_app.domain.counting import counted

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "pool-store.campaign.json"


def test_one_is_singular_and_others_plural_with_thousands_separated():
    assert counted(1, "campaign") == "1 campaign"
    assert counted(0, "node") == "0 nodes"
    assert counted(2, "entry", "entries") == "2 entries"
    assert counted(12500, "contact") == "12,500 contacts"


def test_validate_counts_one_campaign_in_the_singular(tmp_path, capsys):
    data = json.loads(SAMPLE.read_text())
    data["campaigns"] = data["campaigns"][:1]
    data["ecommerce"]["action_sets"] = {}  # they name the campaign removed
    data["ecommerce"]["product_action_sets"] = {}
    path = tmp_path / "one.campaign.json"
    path.write_text(json.dumps(data))
    assert main(["validate", str(path)]) == 0
    nodes = len(data["campaigns"][0]["nodes"])
    assert f"valid (1 campaign, {nodes} nodes, 4 products)" in capsys.readouterr().out
