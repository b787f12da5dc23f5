"""canvas-app import / export through a real SQLite file (and PostgreSQL when configured)."""

import json
import os
from pathlib import Path

import pytest

from canvas_app.cli import main
from canvas_app.io import load_workspace, save_workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"


def test_import_then_export_gives_the_same_workspace(tmp_path, capsys):
    db = tmp_path / "team.db"
    out = tmp_path / "exported.campaign.json"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    assert "imported into sqlite:///" in capsys.readouterr().out
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert load_workspace(out) == load_workspace(SAMPLE)
    assert main(["validate", str(db)]) == 0


def test_import_again_says_it_replaced(tmp_path, capsys):
    db = tmp_path / "team.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    capsys.readouterr()
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    assert "replaced the workspace in" in capsys.readouterr().out


def test_bad_file_import_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.campaign.json"
    data = json.loads(SAMPLE.read_text())
    data["campaigns"][0]["nodes"][1]["config"]["products"] = ["nope"]
    bad.write_text(json.dumps(data))
    db = tmp_path / "team.db"
    assert main(["import", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and 'no product "nope" in the catalog' in err[0]
    assert not db.exists()


def test_bad_file_import_leaves_an_existing_store_as_it_was(tmp_path, capsys):
    db = tmp_path / "team.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    before = db.read_bytes()
    bad = tmp_path / "bad.campaign.json"
    bad.write_text("{")
    assert main(["import", str(bad), "--db", str(db)]) == 1
    assert db.read_bytes() == before


def test_export_from_a_missing_sqlite_file_is_one_line(tmp_path, capsys):
    out = tmp_path / "x.campaign.json"
    assert main(["export", "--db", str(tmp_path / "none.db"), "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip().endswith("none.db: no such file")
    assert not out.exists()


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    assert main(["validate", str(junk)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "junk.db" in err and "Traceback" not in err


@pytest.mark.skipif(not os.environ.get("CANVAS_APP_TEST_PG_URL"),
                    reason="CANVAS_APP_TEST_PG_URL is not set")
def test_import_export_through_postgresql(tmp_path, capsys):
    url = os.environ["CANVAS_APP_TEST_PG_URL"]
    out = tmp_path / "from-pg.campaign.json"
    assert main(["import", str(SAMPLE), "--db", url]) == 0
    assert main(["export", "--db", url, "-o", str(out)]) == 0
    assert load_workspace(out) == load_workspace(SAMPLE)
    assert ":***@" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "export", "simulate"])
def test_a_sqlite_url_to_a_missing_file_is_refused_and_creates_nothing(command, tmp_path,
                                                                      capsys):
    db = tmp_path / "nowhere.db"
    url = f"sqlite:///{db}"
    argv = {"validate": ["validate", url],
            "export": ["export", "--db", url, "-o", str(tmp_path / "out.campaign.json")],
            "simulate": ["simulate", url, "--scenario",
                         str(ROOT / "resources" / "samples" / "pool-store.scenario.json")],
            }[command]
    assert main(argv) == 1
    assert capsys.readouterr().err.strip() == f"{url}: no such file"
    assert not db.exists()
    assert not (tmp_path / "out.campaign.json").exists()


def test_import_over_another_workspace_keeps_a_copy_of_it(tmp_path, capsys):
    from canvas_app.backups import default_backup_dir

    db = tmp_path / "team.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    other = load_workspace(SAMPLE)
    other.campaigns[0].name = "Renamed"
    changed = tmp_path / "changed.campaign.json"
    save_workspace(other, changed)
    capsys.readouterr()

    assert main(["import", str(changed), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "replaced the workspace in" in out
    kept = Path(out.strip().splitlines()[-1].split(" saved to ", 1)[1])
    assert kept.parent == default_backup_dir() and kept.name.startswith("team-before-import-")
    assert load_workspace(kept) == load_workspace(SAMPLE)  # what was replaced, whole


def test_importing_the_same_workspace_again_keeps_no_copy(tmp_path, capsys):
    db = tmp_path / "same.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    main(["import", str(SAMPLE), "--db", str(db)])
    assert "saved to" not in capsys.readouterr().out


def test_import_that_cannot_keep_its_copy_imports_nothing(tmp_path, capsys, monkeypatch):
    import canvas_app.backups as backups

    db = tmp_path / "team.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(backups, "default_backup_dir", lambda: blocker / "backups")
    empty = tmp_path / "empty.campaign.json"
    save_workspace(load_workspace(SAMPLE).__class__(), empty)
    capsys.readouterr()

    assert main(["import", str(empty), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert "could not keep a copy of the workspace this import would replace" in err
    assert err.endswith("nothing was imported") and "Traceback" not in err
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "out.campaign.json")]) == 0
    assert load_workspace(tmp_path / "out.campaign.json") == load_workspace(SAMPLE)


def test_export_of_a_workspace_saved_with_errors_writes_it_and_warns(tmp_path, capsys):
    """The app saves work in progress, errors included; export copies it whole and says
    that validate and import will refuse the copy until the error is fixed (R11)."""
    from canvas_app.store import Store

    workspace = load_workspace(SAMPLE)
    goal = workspace.campaign("shock-nurture").node("bought-shock").config
    goal.use_products, goal.products = False, []  # no purchase option left (R11)
    db = tmp_path / "team.db"
    with Store(f"sqlite:///{db}") as store:
        store.save(workspace)
    out = tmp_path / "exported.campaign.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "exported" in captured.out and out.exists()
    warning = captured.err.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith(f"warning: {out}: Pool Shock Nurture")
    assert "no purchase option" in warning[0]
    assert warning[0].endswith("validate, import and simulate refuse it until this is fixed "
                               "in the app")
    assert main(["validate", str(out)]) == 1  # as the warning said


def test_export_of_a_sound_workspace_warns_of_nothing(tmp_path, capsys):
    db = tmp_path / "team.db"
    main(["import", str(SAMPLE), "--db", str(db)])
    capsys.readouterr()
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "x.campaign.json")]) == 0
    assert capsys.readouterr().err == ""


# -- export -o: a place that cannot be written is named as the user gave it ------------------
def _one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and captured.out == "", captured
    return lines[0]


@pytest.fixture
def store(tmp_path, capsys):
    db = tmp_path / "team.db"
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def test_export_to_a_folder_names_it_and_writes_nothing(store, tmp_path, capsys):
    target = tmp_path / "out.campaign.json"
    target.mkdir()
    assert main(["export", "--db", str(store), "-o", str(target)]) == 1
    assert _one_error_line(capsys) == \
        f"{target}: it is a folder, not a file: give a file name"
    assert list(target.iterdir()) == []


def test_export_to_a_read_only_folder_names_the_output(store, tmp_path, capsys, monkeypatch):
    def refusing(prefix="", suffix="", dir=None):  # noqa: A002 - mkstemp's own names
        raise PermissionError(13, "Permission denied", f"{dir}/{prefix}w1gg{suffix}")

    monkeypatch.setattr("canvas_app.io.atomic.tempfile.mkstemp", refusing)
    target = tmp_path / "x.campaign.json"
    assert main(["export", "--db", str(store), "-o", str(target)]) == 1
    assert _one_error_line(capsys) == (f"{target}: cannot write: Permission denied (cannot "
                                       f"create a file in the folder {tmp_path})")
    assert not target.exists()


@pytest.mark.skipif(not os.path.isfile("/proc/version"), reason="needs Linux's /proc")
def test_export_to_proc_names_the_output_not_a_temporary(store, capsys):
    assert main(["export", "--db", str(store), "-o", "/proc/version"]) == 1
    line = _one_error_line(capsys)
    assert line.startswith("/proc/version: cannot write: ") and ".tmp" not in line


# -- small things the command line must say clearly ------------------------------------------
def test_export_to_dash_writes_the_json_to_stdout_and_the_report_to_stderr(store, tmp_path,
                                                                         capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--db", str(store), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["format"] == "campaign-canvas"
    assert captured.err == (f"exported sqlite:///{store} to standard output (2 campaigns)\n")
    assert not (tmp_path / "-").exists()


def test_export_over_its_own_store_is_refused(store, capsys):
    before = store.read_bytes()
    assert main(["export", "--db", str(store), "-o", str(store)]) == 1
    assert _one_error_line(capsys) == \
        f"{store}: it is the input {store}: choose another file for the output"
    assert store.read_bytes() == before


@pytest.mark.parametrize(("argv", "line"), [
    (["validate", ""], "FILE: the name is empty: give a .campaign.json file, a SQLite file "
                       "or a SQLAlchemy URL"),
    (["import", ""], "FILE: the name is empty: give a .campaign.json file"),
    (["import", str(SAMPLE), "--db", " "],
     "--db: the name is empty: give a SQLite file or a SQLAlchemy URL"),
    (["export", "--db", "", "-o", "x.campaign.json"],
     "--db: the name is empty: give a SQLite file or a SQLAlchemy URL"),
    (["export", "-o", ""], "-o: the name is empty: give a .campaign.json file to write"),
    ([""], "WORKSPACE: the name is empty: give a .campaign.json file, a SQLite file or a "
           "SQLAlchemy URL"),
])
def test_an_empty_name_is_said_to_be_empty(argv, line, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an empty name would have opened this folder as a database
    assert main(argv) == 1
    assert _one_error_line(capsys) == line
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_as_a_workspace_is_named_as_a_folder(tmp_path, capsys):
    assert main(["validate", str(tmp_path)]) == 1
    assert _one_error_line(capsys) == (f"{tmp_path}: it is a folder, not a file: give a "
                                       ".campaign.json file, a SQLite file or a SQLAlchemy URL")


@pytest.mark.parametrize("command", ["import", "export"])
def test_help_describes_the_files(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    if command == "import":
        assert "FILE the .campaign.json file to load" in text
    else:
        assert "-o FILE, --output FILE the .campaign.json file to write" in text
        assert "- writes the JSON to standard output" in text
    assert "default: the app's own SQLite file in your data folder" in text
