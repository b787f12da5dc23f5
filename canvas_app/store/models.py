"""The tables of a stored workspace (SQLAlchemy 2 typed declarative).

One database holds one workspace. Every ordered collection keeps its order in a
``position`` column. Settings whose shape depends on a kind (a node's settings, an
action's fields) are JSON documents in the same form as the ``.campaign.json`` file, made by
the domain's own ``to_data`` / ``step_to_data`` and read back by ``from_data`` /
``step_from_data``. The generic :class:`sqlalchemy.JSON` type works on SQLite and PostgreSQL.

Keys follow what the domain guarantees: collections held in a dict or a graph (categories,
products, order forms, action sets, campaigns, nodes of a campaign, links) are keyed by
their ids; plain lists (payment types, actions, contacts, tags) are keyed by position, so
any workspace the domain can hold, even one a check would refuse, can be saved.

``migrations/versions`` must create exactly these tables (a test compares them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Double,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The two scopes of action sets: the default sets (on_login, ...) and the product sets.
DEFAULT_SCOPE = "default"
PRODUCT_SCOPE = "product"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {str: Text, float: Double, int: Integer, bool: Boolean,
                           dict[str, Any]: JSON}


class WorkspaceRow(Base):
    """The single row saying a workspace is stored, with the e-commerce settings."""

    __tablename__ = "workspace"
    __table_args__ = (CheckConstraint("id = 1", name="singleton"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_actions_for_legacy_and_manual: Mapped[bool]
    # Bumped by each save (in its transaction), with the time of that save (ISO, UTC): a
    # save that finds another number than the one its workspace was read at is told.
    revision: Mapped[int] = mapped_column(server_default="0")
    saved_at: Mapped[str | None]


# -- catalog -------------------------------------------------------------------------------
class CategoryRow(Base):
    __tablename__ = "categories"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    # Not a foreign key: the domain may hold a product whose category was removed.
    category: Mapped[str | None]
    price: Mapped[float]
    billing: Mapped[str]


class OrderFormRow(Base):
    __tablename__ = "order_forms"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]
    legacy: Mapped[bool]


class PaymentTypeRow(Base):
    __tablename__ = "payment_types"

    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str]


# -- e-commerce ------------------------------------------------------------------------------
class ActionSetRow(Base):
    """A default set (scope ``default``, name ``on_login`` ...) or a product's set (scope
    ``product``, name = the product id); ``position`` orders the sets of a scope."""

    __tablename__ = "action_sets"

    scope: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]


class ActionRow(Base):
    """One action of a set: ``data`` is ``step_to_data(action)``."""

    __tablename__ = "actions"
    __table_args__ = (
        ForeignKeyConstraint(["scope", "set_name"], ["action_sets.scope", "action_sets.name"],
                             ondelete="CASCADE"),
    )

    scope: Mapped[str] = mapped_column(primary_key=True)
    set_name: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[dict[str, Any]]


# -- contacts --------------------------------------------------------------------------------
class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (Index(None, "id"),)

    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str]
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str]
    contact_type: Mapped[str | None]


class ContactTagRow(Base):
    __tablename__ = "contact_tags"
    __table_args__ = (
        ForeignKeyConstraint(["contact_position"], ["contacts.position"], ondelete="CASCADE"),
    )

    contact_position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    tag: Mapped[str]


# -- campaigns -------------------------------------------------------------------------------
class CampaignRow(Base):
    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str]


class NodeRow(Base):
    """A goal or sequence; ``settings`` is ``node_kind(kind).to_data(config)``."""

    __tablename__ = "nodes"
    __table_args__ = (
        ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], ondelete="CASCADE"),
    )

    campaign_id: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    kind: Mapped[str]
    name: Mapped[str]
    x: Mapped[float]
    y: Mapped[float]
    settings: Mapped[dict[str, Any]]


class EdgeRow(Base):
    """A link from ``source`` to ``target``, two nodes of the same campaign."""

    __tablename__ = "edges"
    __table_args__ = (
        ForeignKeyConstraint(["campaign_id", "source"], ["nodes.campaign_id", "nodes.id"],
                             ondelete="CASCADE"),
        ForeignKeyConstraint(["campaign_id", "target"], ["nodes.campaign_id", "nodes.id"],
                             ondelete="CASCADE"),
        Index(None, "campaign_id", "target"),
    )

    campaign_id: Mapped[str] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]


TABLES = Base.metadata.sorted_tables  # parents before children
