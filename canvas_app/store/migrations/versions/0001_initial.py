"""The initial tables: a whole workspace.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Written by hand to match ``canvas_app/store/models.py`` (tests/store checks that the
migrated schema and the models agree).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("product_actions_for_legacy_and_manual", sa.Boolean(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_workspace_singleton")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace")),
    )
    # -- catalog
    op.create_table(
        "categories",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("price", sa.Double(), nullable=False),
        sa.Column("billing", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_table(
        "order_forms",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("legacy", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_forms")),
    )
    op.create_table(
        "payment_types",
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_payment_types")),
    )
    # -- e-commerce
    op.create_table(
        "action_sets",
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "name", name=op.f("pk_action_sets")),
    )
    op.create_table(
        "actions",
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("set_name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["scope", "set_name"], ["action_sets.scope", "action_sets.name"],
                                name=op.f("fk_actions_scope_set_name_action_sets"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("scope", "set_name", "position", name=op.f("pk_actions")),
    )
    # -- contacts
    op.create_table(
        "contacts",
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("first_name", sa.Text(), nullable=False),
        sa.Column("last_name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("contact_type", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_contacts")),
    )
    op.create_index(op.f("ix_contacts_id"), "contacts", ["id"])
    op.create_table(
        "contact_tags",
        sa.Column("contact_position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["contact_position"], ["contacts.position"],
                                name=op.f("fk_contact_tags_contact_position_contacts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_position", "position", name=op.f("pk_contact_tags")),
    )
    # -- campaigns
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "nodes",
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("x", sa.Double(), nullable=False),
        sa.Column("y", sa.Double(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_nodes_campaign_id_campaigns"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", "id", name=op.f("pk_nodes")),
    )
    op.create_table(
        "edges",
        sa.Column("campaign_id", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id", "source"], ["nodes.campaign_id", "nodes.id"],
                                name=op.f("fk_edges_campaign_id_source_nodes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id", "target"], ["nodes.campaign_id", "nodes.id"],
                                name=op.f("fk_edges_campaign_id_target_nodes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", "source", "target", name=op.f("pk_edges")),
    )
    op.create_index(op.f("ix_edges_campaign_id_target"), "edges", ["campaign_id", "target"])


def downgrade() -> None:
    op.drop_index(op.f("ix_edges_campaign_id_target"), table_name="edges")
    op.drop_table("edges")
    op.drop_table("nodes")
    op.drop_table("campaigns")
    op.drop_table("contact_tags")
    op.drop_index(op.f("ix_contacts_id"), table_name="contacts")
    op.drop_table("contacts")
    op.drop_table("actions")
    op.drop_table("action_sets")
    op.drop_table("payment_types")
    op.drop_table("order_forms")
    op.drop_table("products")
    op.drop_table("categories")
    op.drop_table("workspace")
