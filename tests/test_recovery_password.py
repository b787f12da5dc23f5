"""QA: the recovery snapshot of a workspace on a server database kept the URL with its
password in plain text. It keeps the URL without it (as Open Recent does); the snapshot is
still the document's, typed with the password or not, and restoring it asks for it."""

from __future__ import annotations

from pathlib import Path

from canvas_app.documents import Document
from canvas_app.domain.workspace import Workspace
from canvas_app.recovery import Recovery, other_recoveries

WITH = "postgresql+psycopg://ann:s3cret-pw@db.example.com:5432/shop"
WITHOUT = "postgresql+psycopg://ann@db.example.com:5432/shop"


def test_the_snapshot_keeps_no_password_and_is_still_the_documents(tmp_path: Path) -> None:
    workspace = Workspace()
    workspace.new_campaign("c1", "Spring")
    mine = Recovery(Document(WITH), tmp_path)
    mine.write(workspace)
    text = mine.path.read_text(encoding="utf-8")
    assert "s3cret-pw" not in text and WITHOUT in text
    # the same document, typed with the password or not
    assert Recovery(Document(WITHOUT), tmp_path).path == mine.path
    assert mine.load() == workspace
    assert Recovery(Document(WITHOUT), tmp_path).load() == workspace
    # offered at the next start without the password (it is asked for on restore), and
    # not offered as another document's to the window that has it open
    (found,) = other_recoveries(tmp_path, set())
    assert found.document.source == WITHOUT and found.path == mine.path
    assert other_recoveries(tmp_path, {WITH}) == []


def test_a_file_s_snapshot_is_where_it_always_was(tmp_path: Path) -> None:
    """Sources without a password name their snapshots as before (nothing left behind)."""
    import hashlib

    source = str(tmp_path / "shop.campaign.json")
    key = hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
    assert Recovery(Document(source), tmp_path).path == tmp_path / f"{key}.recovery.json"
