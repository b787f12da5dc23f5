"""The JSON Schemas in resources/schema are exactly what the code builds."""

import json

import jsonschema

from canvas_app.io import load_workspace, schema
from canvas_app.io.workspace_file import workspace_to_data

SAMPLE = schema.SCHEMA_DIR.parent / "samples" / "pool-store.campaign.json"


def test_committed_schema_files_match_the_code(tmp_path):
    written = schema.write_all(tmp_path)
    assert {p.name for p in written} >= {"workspace.schema.json"}
    for path in written:
        committed = schema.SCHEMA_DIR / path.name
        assert committed.exists(), f"run: python -m canvas_app.io.schema ({path.name} missing)"
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{path.name} is stale: run python -m canvas_app.io.schema")


def test_schemas_are_valid_draft_2020_12():
    for path in schema.SCHEMA_DIR.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))


def test_saved_sample_validates_against_the_committed_schema():
    data = workspace_to_data(load_workspace(SAMPLE))
    committed = json.loads((schema.SCHEMA_DIR / "workspace.schema.json").read_text())
    jsonschema.Draft202012Validator(committed).validate(data)
