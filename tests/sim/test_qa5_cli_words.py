"""QA 5 of the command line: each line a user gets names what to do (the sample files,
run through :func:`canvas_app.cli.main`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvas_app.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
WORKSPACE = str(SAMPLES / "pool-store.campaign.json")
SCENARIO = str(SAMPLES / "pool-store.scenario.json")


def test_an_unknown_option_shows_the_commands_own_usage(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["simulate", WORKSPACE, "--scenario", SCENARIO, "--bogus"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: canvas-app simulate" in err and "--scenario FILE" in err
    assert "canvas-app simulate: error: unrecognized arguments: --bogus" in err


def test_a_campaigns_name_for_its_id_says_which_id(capsys) -> None:
    assert main(["simulate", WORKSPACE, "--scenario", SCENARIO,
                 "--campaign", "pool shock nurture"]) == 1
    assert capsys.readouterr().err == (
        '--campaign: "pool shock nurture" is the name of the campaign with id '
        '"shock-nurture": --campaign takes the id (--campaign shock-nurture)\n')


def test_an_unknown_campaign_lists_the_ids_there_are(capsys) -> None:
    assert main(["simulate", WORKSPACE, "--scenario", SCENARIO, "--campaign", "x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith('--campaign: no campaign "x" in ')
    assert err.endswith("""(its campaigns' ids: "shock-nurture", "checkup-onboarding")\n""")


def test_a_result_given_as_a_workspace_says_what_it_is(tmp_path: Path, capsys) -> None:
    result = tmp_path / "pool.result.json"
    assert main(["simulate", WORKSPACE, "--scenario", SCENARIO, "--out", str(result)]) == 0
    capsys.readouterr()
    assert main(["validate", str(result)]) == 1
    assert capsys.readouterr().err == (
        f"{result}: format: this is a simulation's result (canvas-app simulate --json, or "
        "Save Result), not a workspace: give the workspace it was run on\n")


@pytest.mark.parametrize(("version", "said"), [
    ('"1"', 'version is the text "1": write the number 1, without quotes'),
    ("7.5", "unsupported version 7.5 (this app reads version 1)"),
    ("2", "version 2 is newer than this app can read (it reads version 1); update "
          "Campaign Canvas")])
def test_a_wrong_version_says_what_to_write(tmp_path: Path, capsys, version: str,
                                            said: str) -> None:
    data = json.loads(Path(WORKSPACE).read_text(encoding="utf-8"))
    text = json.dumps(data, indent=2).replace('"version": 1', f'"version": {version}', 1)
    path = tmp_path / "v.campaign.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}: version: {said}\n"
