"""The compiled fast schema check and jsonschema (the reference) agree on every file."""

import copy
import json

import fastjsonschema
import jsonschema
from hypothesis import HealthCheck, given, settings

from canvas_app.io.schema import workspace_schema
from canvas_app.io.workspace_file import _fast_validator, workspace_to_data
from tests.io.test_bad_files import BASE, CASES
from tests.strategies import workspaces


def _fast_ok(data: dict) -> bool:
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _reference_ok(data: dict) -> bool:
    return jsonschema.Draft202012Validator(workspace_schema()).is_valid(data)


def test_they_agree_on_every_bad_file_case():
    for name, (mutate, _message) in CASES.items():
        data = copy.deepcopy(BASE)
        mutate(data)
        assert _fast_ok(data) == _reference_ok(data), name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workspaces())
def test_they_agree_on_generated_workspaces(workspace):
    data = json.loads(json.dumps(workspace_to_data(workspace)))
    assert _fast_ok(data) and _reference_ok(data)
