"""The workspace row's revision: a counter each save bumps, and when that save was made,
so the app can tell that someone else saved the store since it was opened.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Written by hand to match ``canvas_app/store/models.py``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspace") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="0",
                                   nullable=False))
        batch.add_column(sa.Column("saved_at", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workspace") as batch:
        batch.drop_column("saved_at")
        batch.drop_column("revision")
