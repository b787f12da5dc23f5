"""Lint kept between edits: exactly :func:`~canvas_app.domain.lint.lint_workspace`'s findings,
in its order, each part worked out again only when an event touches what it reads.

The Warnings panel, the canvas's badges and Save ask for the findings after every edit;
the whole lint of 12,000 nodes takes about a quarter of a second, a freeze after renaming
one node. What each part of :func:`lint_workspace` reads, and how it is kept here:

- :func:`lint_campaign`: the campaign (its nodes, links, steps), the catalog (a goal's
  settings), whether an e-commerce action adds contacts to it, and ``now`` (a
  ``wait_until`` that has passed, and the minute its message says). One
  :class:`CampaignLint` per campaign, made again after an event of that campaign, a new
  catalog, when an action starts or stops adding contacts to it, or when ``now`` passes one
  of its waits (or, while one has passed, the minute changes). What it finds of each node
  alone (its settings, steps and tags: :class:`~canvas_app.domain.lint.NodeLint`) is kept
  apart, until an event names that node or the catalog changes: an edit of one node of
  10,000 checks that node's settings again, not every node's (the links, names and entry
  nodes are looked at again whole);
- a node id used in two campaigns: every campaign's nodes (and the names of those
  concerned). Looked for at each new result: one union of the campaigns' ids when none
  repeats;
- a node with no name: its campaign alone, kept in its entry;
- contacts with one id, the catalog's own problems and items of one name, incomplete
  actions and keys an action does not use: the contacts, catalog and e-commerce actions.
  Kept until one of them is replaced;
- actions naming a campaign that no longer exists: the actions, product names and which
  campaigns there are. Worked out at each new result (it reads the actions only);
- a tag spelled two ways: every tag step and tag goal of every campaign, and the actions.
  Each entry keeps its campaign's spellings; only when some tag is spelled two ways is the
  whole check run, and its result kept while no tag use (nor a name in its messages)
  changes;
- a tag goal whose tags nothing applies: the tags every campaign's steps and the actions
  apply, every campaign's tag goals and the contacts' tags. Each entry keeps its
  campaign's applied tags and tag goals; what they mean together is worked out at each new
  result.

Events name what changed (:mod:`canvas_app.domain.events`); one this module does not know
drops everything, so a new kind of change is never missed, only slower.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from . import events as ev
from .campaign import Campaign, Finding
from .lint import (
    NodeLint,
    campaigns_added_by_actions,
    dangling_action_findings,
    lint_campaign,
    same_campaign_names,
    same_catalog_names,
    unused_action_keys,
)
from .names import name_key
from .tag_sources import _message as unapplied_message
from .tag_sources import tag_holders
from .tag_spelling import TAG_STEPS, tag_spelling_findings
from .timeutil import utc_minute
from .workspace_lint import (
    action_findings,
    catalog_findings,
    contact_findings,
    repeated_node_findings,
    unnamed_nodes,
)

if TYPE_CHECKING:
    from .events import DomainEvent
    from .nodes import Node
    from .workspace import Workspace

# Events about one campaign (``event.campaign_id``): only its entry is made again.
CAMPAIGN_EVENTS = frozenset({
    ev.NODE_ADDED, ev.NODE_REMOVED, ev.NODES_ADDED, ev.NODES_REMOVED, ev.NODE_CHANGED,
    ev.EDGE_ADDED, ev.EDGE_REMOVED, ev.CAMPAIGN_ADDED, ev.CAMPAIGN_REMOVED,
    ev.CAMPAIGN_CHANGED})
# Of those, the ones about one node (``event.node_id``): only its part (lint.NodeLint) is
# made again; after a campaign added or removed, every part of it is. Links, batches
# (whose nodes have events of their own) and a campaign's new name change no part.
NODE_EVENTS = frozenset({ev.NODE_ADDED, ev.NODE_REMOVED, ev.NODE_CHANGED})
CAMPAIGN_WIDE_EVENTS = frozenset({ev.CAMPAIGN_ADDED, ev.CAMPAIGN_REMOVED})
SETTINGS_EVENTS = frozenset({ev.CATALOG_CHANGED, ev.ECOMMERCE_CHANGED, ev.CONTACTS_CHANGED})


class CampaignLint:
    """One campaign's part of the lint, as it was when made (compared by identity)."""

    def __init__(self, workspace: Workspace, campaign: Campaign, now: datetime,
                 added: set[str], parts: dict[str, NodeLint] | None = None) -> None:
        self.campaign = campaign
        self.campaign_id = campaign.id
        self.added = campaign.id in added
        untils: list[datetime] = []
        if parts is None:
            parts = {}
        self.findings = lint_campaign(workspace, campaign, now, added, untils, parts)
        self.untils = untils
        self.passed = self._passed(now)
        self.minute = utc_minute(now) if self.passed else None
        self.unnamed = [
            Finding("error", f"This {campaign.node(node_id).spec.label.lower()} has no name: "
                    "give it one (select it, then Edit > Rename, or F2)", node_id, campaign.id)
            for node_id in unnamed_nodes(campaign)]  # as workspace_lint.unnamed_node_findings
        # tags: what tag_spelling and tag_sources read of this campaign (each node's part)
        uses: list[tuple] = []  # each node's tag uses, with what their messages name
        applied: set[str] = set()
        self.tag_goals: list[tuple[Node, list[str]]] = []
        for node in campaign.nodes:
            part = parts[node.id]
            if part.tag_use is not None:
                uses.append(part.tag_use)
            if part.applied:
                applied.update(part.applied)
            if part.tag_goal is not None:
                self.tag_goals.append((node, part.tag_goal))
        self.tag_uses = tuple(uses)
        self.applied = applied
        self.applied_folded = {name_key(tag) for tag in self.applied}
        spellings: dict[str, str] = {}  # folded -> a spelling
        self.spelled_two_ways = False
        for _, kind, _, held in uses:
            for tag in (t for _, _, t in held) if kind == "sequence" else held:
                if spellings.setdefault(name_key(tag), tag) != tag:
                    self.spelled_two_ways = True
        self.spellings = spellings

    def _passed(self, now: datetime) -> int:
        """How many of its waits have passed at ``now``: the same number, the same waits."""
        return sum(1 for until in self.untils if until < now)

    def fits(self, campaign: Campaign, now: datetime, added: set[str]) -> bool:
        """Whether its findings are still the campaign's at ``now``."""
        if campaign is not self.campaign or (campaign.id in added) != self.added:
            return False
        if not self.untils:
            return True
        passed = self._passed(now)
        return passed == self.passed and (not passed or utc_minute(now) == self.minute)


class LintCache:
    """A workspace's lint, kept between edits: :meth:`changed` hears every domain event,
    :meth:`findings` answers as ``lint_workspace(workspace, now)`` does."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._campaigns: dict[str, CampaignLint] = {}
        # per campaign id, each node's own findings by node id (lint.NodeLint), kept while
        # no event changes that node or the catalog: an edit re-checks one node's settings
        self._parts: dict[str, dict[str, NodeLint]] = {}
        self._added: set[str] | None = None  # campaigns_added_by_actions
        # the findings of the contacts, catalog and actions: (errors, keys an action does
        # not use, catalog items of one name)
        self._settings: tuple[list[Finding], list[Finding], list[Finding]] | None = None
        self._holders: dict[str, set[int]] | None = None
        self._spelling: tuple[tuple, list[Finding]] | None = None  # (key, findings)
        self._settings_version = 0  # counts new catalogs, action sets and contacts
        self._result: list[Finding] | None = None
        self._result_entries: list[CampaignLint] = []

    def clear(self) -> None:
        self._campaigns.clear()
        self._parts.clear()
        self._added = self._settings = self._holders = self._spelling = None
        self._settings_version += 1
        self._result = None

    def changed(self, event: DomainEvent) -> None:
        name = event.name
        if name in ev.MOVES:  # no finding is about places
            return
        self._result = None
        if name in CAMPAIGN_EVENTS and event.campaign_id is not None:
            self._campaigns.pop(event.campaign_id, None)
            if name in NODE_EVENTS and event.node_id is not None:
                self._parts.get(event.campaign_id, {}).pop(event.node_id, None)
            elif name in CAMPAIGN_WIDE_EVENTS:
                self._parts.pop(event.campaign_id, None)
        elif name in SETTINGS_EVENTS:
            self._settings = None
            self._settings_version += 1
            if name == ev.CATALOG_CHANGED:  # goals' settings are checked against it
                self._campaigns.clear()
                self._parts.clear()
            elif name == ev.ECOMMERCE_CHANGED:
                self._added = None
            else:
                self._holders = None
        else:
            self.clear()

    def findings(self, now: datetime) -> list[Finding]:
        """``lint_workspace(workspace, now)``; the same list as last time when nothing it
        depends on changed."""
        workspace = self.workspace
        if self._added is None:
            self._added = campaigns_added_by_actions(workspace)
        added = self._added
        entries = []
        for campaign in workspace.campaigns:
            entry = self._campaigns.get(campaign.id)
            if entry is None or not entry.fits(campaign, now, added):
                entry = self._campaigns[campaign.id] = CampaignLint(
                    workspace, campaign, now, added, self._parts.setdefault(campaign.id, {}))
            entries.append(entry)
        if len(self._campaigns) > len(entries):  # campaigns deleted
            self._campaigns = {e.campaign_id: e for e in entries}
            self._parts = {e.campaign_id: self._parts.get(e.campaign_id, {}) for e in entries}
        if self._result is not None and len(entries) == len(self._result_entries) and all(
                a is b for a, b in zip(entries, self._result_entries, strict=True)):
            return self._result
        if self._settings is None:
            self._settings = (contact_findings(workspace) + catalog_findings(workspace)
                              + action_findings(workspace), unused_action_keys(workspace),
                              same_catalog_names(workspace))
        errors, unused, same_catalog = self._settings
        findings = [f for entry in entries for f in entry.findings]
        findings += repeated_node_findings(workspace)
        findings += [f for entry in entries for f in entry.unnamed]
        findings += errors
        findings += dangling_action_findings(workspace)
        findings += same_campaign_names(workspace)
        findings += same_catalog
        findings += unused
        findings += self._spelling_findings(entries)
        findings += self._unapplied_tag_goals(entries)
        self._result, self._result_entries = findings, entries
        return findings

    # -- tags ------------------------------------------------------------------------------
    def _spelling_findings(self, entries: list[CampaignLint]) -> list[Finding]:
        """tag_spelling_findings: none unless some tag is spelled two ways (as its
        spelled_two_ways), else the whole check, kept while the tag uses stay as they are."""
        eco = self.workspace.ecommerce
        merged: dict[str, str] = {}
        two_ways = any(entry.spelled_two_ways for entry in entries)
        for entry in entries:
            if two_ways:
                break
            for folded, tag in entry.spellings.items():
                if merged.setdefault(folded, tag) != tag:
                    two_ways = True
                    break
        if not two_ways:
            for actions in [*eco.action_sets.values(), *eco.product_action_sets.values()]:
                for action in actions:
                    tag = action.tag
                    if action.kind in TAG_STEPS and tag and tag.strip() \
                            and merged.setdefault(name_key(tag), tag) != tag:
                        two_ways = True
        if not two_ways:
            return []
        key = (self._settings_version, tuple((e.campaign_id, e.tag_uses) for e in entries))
        if self._spelling is None or self._spelling[0] != key:
            self._spelling = (key, tag_spelling_findings(self.workspace))
        return self._spelling[1]

    def _unapplied_tag_goals(self, entries: list[CampaignLint]) -> list[Finding]:
        """As :func:`~canvas_app.domain.tag_sources.unapplied_tag_goals`, from the
        entries' applied tags and tag goals."""
        eco = self.workspace.ecommerce
        applied = {action.tag for actions in
                   [*eco.action_sets.values(), *eco.product_action_sets.values()]
                   for action in actions if action.kind == "apply_tag"}
        applied = {tag for tag in applied if tag and tag.strip()}
        folded = {name_key(tag) for tag in applied}
        for entry in entries:
            applied |= entry.applied
            folded |= entry.applied_folded
        findings = []
        for entry in entries:
            for node, tags in entry.tag_goals:
                if not tags or any(t in applied or name_key(t) in folded for t in tags):
                    continue
                if self._holders is None:
                    self._holders = tag_holders(self.workspace)
                having = set().union(*(self._holders.get(t, ()) for t in tags))
                findings.append(Finding("warning", unapplied_message(node, tags, len(having)),
                                        node.id, entry.campaign_id))
        return findings
