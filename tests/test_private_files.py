"""Files that may hold a database URL's password are their owner's only (QA, team store):
the recovery snapshot (it names its source as given) and the settings' folder (recent
workspaces)."""

from __future__ import annotations

import stat
from pathlib import Path

from canvas_app.documents import Document
from canvas_app.io import load_workspace
from canvas_app.recovery import Recovery

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "pool-store.campaign.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_recovery_snapshot_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    recovery = Recovery(Document("postgresql+psycopg://alice:secret@db/team"), folder)
    recovery.write(load_workspace(SAMPLE))
    assert mode(recovery.path) == 0o600
    assert mode(folder) == 0o700  # made for it
    recovery.path.chmod(0o644)  # one written by an older version: made private again
    recovery.write(load_workspace(SAMPLE))
    assert mode(recovery.path) == 0o600


def test_the_settings_folder_is_its_owners_only(qapp) -> None:
    from canvas_app.app import ORGANIZATION, user_settings

    settings = user_settings()
    settings.setValue("recent/probe", "postgresql+psycopg://alice:secret@db/team")
    settings.sync()
    folder = Path(settings.fileName()).parent
    assert folder.name == ORGANIZATION
    assert mode(folder) == 0o700
    settings.remove("recent/probe")
