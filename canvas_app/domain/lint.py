"""Lint: warnings about a campaign that would surprise its builder (R2, R4).

- a node no entry node or goal leads to (a loop of sequences nothing enters; a goal
  is reached by a contact achieving it, R4);
- an entry goal left on "contacts in this campaign" when nothing adds contacts to it;
- a ``wait_until`` step whose time has passed (contacts go straight through);
- a goal whose settings are invalid (R11), and a sequence with no steps;
- a sequence or goal linked to nothing in a campaign with other links: a sequence is an entry
  node (R3), so every contact added to the campaign would start it; a goal has nothing after
  it to move contacts on to and nothing before it to stop (R5), so achieving it changes no
  one's path. Either is rarely what a node just dropped there means;
- nodes of one campaign with the same name, capitals and spaces aside
  (:func:`canvas_app.domain.names.name_key`); campaigns, and products, categories, order
  forms or payment types of the catalog, with the same name;
- a tag goal whose tags no step or action applies (:mod:`canvas_app.domain.tag_sources`);
- an e-commerce action that names a campaign that no longer exists;
- a step or action holding a key its kind does not use (a ``delay`` on an email step,
  written by hand or by another tool): kept, ignored, and said;
- a tag spelled with other capitals or spaces in another place, which never meets it
  (:mod:`canvas_app.domain.tag_spelling`);
- as errors, everything else :meth:`Workspace.validate` refuses (a node id used in two
  campaigns, contacts with one id, a node with no name, catalog ids and payment types given
  twice, a product in a category the catalog lacks, actions of an unknown set or product or
  missing a value): :mod:`canvas_app.domain.workspace_lint`, from the same checks. A
  workspace validate() refuses has at least one lint error, and one with no lint error
  passes validate() (tests/domain/test_lint_validate_agree.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from .campaign import Campaign, Finding
from .names import alike, isolated, name_key, short_name
from .nodes import goal_kinds
from .purchase import empty_category_notes
from .steps import ACTION_KINDS, STEP_KINDS
from .tag_spelling import TAG_STEPS
from .timeutil import utc_minute

if TYPE_CHECKING:
    from .nodes import Node
    from .workspace import Workspace


def campaigns_added_by_actions(workspace: Workspace) -> set[str]:
    """Campaign ids that some e-commerce action adds contacts to."""
    eco = workspace.ecommerce
    all_sets = list(eco.action_sets.values()) + list(eco.product_action_sets.values())
    return {a.campaign for actions in all_sets for a in actions
            if a.kind == "add_to_campaign" and a.campaign}


class NodeLint:
    """What :func:`lint_campaign` finds about one node alone, from its settings, steps and
    name and the catalog: its settings' problems, and for a sequence the warnings of its
    own (no steps, keys a step does not use) with the times of its ``wait_until`` steps,
    whose warning depends on ``now`` and is made at each lint. Also what the checks of
    tags across the workspace read of it (``tag_use``, ``applied``, ``tag_goal``). A cache
    keeps these while the node and the catalog stay as they are
    (:mod:`canvas_app.domain.lint_cache`)."""

    __slots__ = ("applied", "errors", "node", "steps", "tag_goal", "tag_use", "untils",
                 "warnings")

    def __init__(self, workspace: Workspace, campaign_id: str, node: Node) -> None:
        self.node = node
        self.errors = [Finding("error", problem.message, node.id, campaign_id)
                       for problem in node.spec.validate(node.config, workspace.catalog)]
        # a valid purchase goal's options no purchase can meet (a category with no products)
        self.warnings = [] if self.errors or node.kind != "purchase_goal" else [
            Finding("warning", note, node.id, campaign_id)
            for note in empty_category_notes(isolated(node.name), node.config,
                                             workspace.catalog)]
        # a sequence's own warnings, in order: (a finding, None) or (None, (step, until))
        self.steps: list[tuple[Finding | None, tuple[int, datetime] | None]] = []
        self.untils: list[datetime] = []
        # its tags: (id, kind, name, the tags or tag steps held) when it holds any; the tags
        # its steps apply; a tag goal's tags, once each
        self.tag_use: tuple | None = None
        self.applied: tuple[str, ...] = ()
        self.tag_goal: list[str] | None = None
        if node.kind == "tag_goal":
            tags = tuple(tag for tag in node.config.tags if tag.strip())
            if tags:
                self.tag_use = (node.id, node.kind, node.name, tags)
            self.tag_goal = list(dict.fromkeys(tags))
        if node.kind != "sequence":
            return
        steps = node.config.steps
        held = tuple((i, step.kind, step.tag) for i, step in enumerate(steps)
                     if step.kind in TAG_STEPS and (step.tag or "").strip())
        if held:
            self.tag_use = (node.id, node.kind, node.name, held)
        self.applied = tuple(step.tag for step in steps
                             if step.kind == "apply_tag" and step.tag and step.tag.strip())
        if not steps:
            self.steps.append((Finding("warning", f'"{isolated(node.name)}" has no steps',
                                       node.id, campaign_id), None))
        for i, step in enumerate(steps):
            unused = step.unused_keys(action=False)
            if unused:
                self.steps.append((Finding(
                    "warning", f'"{isolated(node.name)}" step {i + 1} '
                    f"({STEP_KINDS[step.kind][0]}) has {quoted_keys(unused)}, which this kind "
                    "of step does not use: kept as the file had it, and ignored"
                    + (" (only e-commerce actions wait before they run: add a Delay step "
                       "before it)" if "delay" in unused else ""), node.id, campaign_id), None))
            if step.kind == "wait_until" and step.until is not None:
                self.untils.append(step.until)
                self.steps.append((None, (i, step.until)))

    def step_findings(self, campaign_id: str, now: datetime) -> list[Finding]:
        """The sequence's own warnings at ``now`` (a wait whose time has passed)."""
        findings = []
        for finding, wait in self.steps:
            if finding is not None:
                findings.append(finding)
                continue
            assert wait is not None
            i, until = wait
            if until < now:
                findings.append(Finding(
                    "warning", f'"{isolated(self.node.name)}" step {i + 1} waits until '
                    f"{utc_minute(until)} UTC, which has passed (it is now "
                    f"{utc_minute(now)} UTC): live contacts will "
                    "go straight through (a simulation that runs before that time still "
                    "holds them)", self.node.id, campaign_id))
        return findings


def lint_campaign(workspace: Workspace, campaign: Campaign, now: datetime,
                  added: set[str], untils: list[datetime] | None = None,
                  parts: dict[str, NodeLint] | None = None) -> list[Finding]:
    """The findings of one campaign: what it reads is the campaign, the catalog (a goal's
    settings), whether ``campaign.id`` is in ``added`` and ``now`` (a ``wait_until`` that
    has passed). ``untils``, when given, gets the time of every ``wait_until`` step, so a
    cache can tell whether another ``now`` gives the same findings; ``parts``, when given,
    holds each node's :class:`NodeLint` by id, used while it is of the same node object
    (the cache drops a part when an event changes its node or the catalog) and filled in
    (:mod:`canvas_app.domain.lint_cache`)."""
    findings: list[Finding] = []

    def warn(message: str, node_id: str | None = None, severity: str = "warning") -> None:
        findings.append(Finding(severity, message, node_id, campaign.id))

    nodes = campaign.nodes
    if parts is None:
        parts = {}
    node_parts = []
    for node in nodes:
        part = parts.get(node.id)
        if part is None or part.node is not node:
            part = parts[node.id] = NodeLint(workspace, campaign.id, node)
        node_parts.append(part)
        findings += part.errors
        findings += part.warnings
    for node_id in sorted(campaign.unreachable()):
        warn(f'"{isolated(campaign.node(node_id).name)}" cannot be reached: no entry node or goal '
             "leads to it", node_id)
    goals = goal_kinds()
    if campaign.id not in added:
        for node_id in campaign.entry_nodes():
            node = campaign.node(node_id)
            if node.kind in goals and getattr(node.config, "achieved_by", None) == "campaign":
                warn(f'"{isolated(node.name)}" starts the campaign but only counts contacts '
                     "already in it, and no action adds contacts to this campaign: set it to any "
                     "contact, or add contacts with an \"Add to campaign\" action "
                     "(E-Commerce Actions)", node_id)
    for node in stray_nodes(campaign, nodes):
        what = ("achieving it moves no contact on and stops no sequence"
                if node.kind in goals else "it starts for every contact added to the campaign")
        warn(f'"{isolated(node.name)}" is not linked to anything, so {what}: link it into '
             "the flow, or delete it if it is not wanted", node.id)
    for part in node_parts:
        if part.steps:
            if untils is not None:
                untils += part.untils
            findings += part.step_findings(campaign.id, now)
    findings += same_names(campaign, nodes)
    return findings


def quoted_keys(keys: list[str]) -> str:
    """'"delay"', or '"delay" and "subject"': a step's keys in a sentence."""
    quoted = [f'"{k}"' for k in keys]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def stray_nodes(campaign: Campaign, nodes: list[Node] | None = None) -> list[Node]:
    """Sequences and goals with no links at all, in a campaign where some nodes are
    linked. A campaign of one node, or of unlinked nodes only, is still being started:
    nothing to point out yet. ``nodes``: the campaign's, when the caller has them."""
    after, before = campaign.graph._succ, campaign.graph._pred  # the graph's own dicts
    if not any(after.values()):  # no link at all (number_of_edges() counts them all)
        return []
    kinds = goal_kinds() | {"sequence"}
    return [n for n in (campaign.nodes if nodes is None else nodes)
            if n.kind in kinds and not after[n.id] and not before[n.id]]


def same_names(campaign: Campaign, nodes: list[Node] | None = None) -> list[Finding]:
    """Nodes of one campaign that share a name, capitals and spaces aside (as catalog
    items are compared): the log, journeys and charts name nodes, so they could not be
    told apart, and the canvas does not show a double space."""
    findings = []
    for same in alike(campaign.nodes if nodes is None else nodes, _name_of):
        for node in same:
            findings.append(Finding(
                "warning", f'{len(same)} nodes of this campaign are named '
                f'"{isolated(same[0].name)}": the simulation\'s log and journeys cannot tell '
                "them apart; rename one", node.id, campaign.id))
    return findings


def _name_of(item: Node | Campaign) -> str:
    return item.name


def same_campaign_names(workspace: Workspace) -> list[Finding]:
    """Campaigns that share a name, capitals and spaces aside: the window refuses a second
    one, but a merge of a teammate's save can bring one in (QA: two "Summer Sale" and no
    word). One warning on each."""
    return [Finding("warning", f'{len(same)} campaigns are named "{isolated(same[0].name)}": '
                    "the campaign list and the simulation's log, journeys and charts cannot "
                    "tell them apart; rename one", campaign_id=campaign.id)
            for same in alike(workspace.campaigns, _name_of) for campaign in same]


# section -> (its items in a sentence, what to do about two of one name)
_SAME_CATALOG_NAMES = {
    "products": ("products", "rename one (Catalog)"),
    "categories": ("categories", "rename one (Catalog)"),
    "order_forms": ("order forms", "rename one (Catalog)"),
    "payment_types": ("payment types", "a payment type cannot be renamed: delete one "
                      "(Catalog) and tick the other in the goals that required it"),
}


def same_catalog_names(workspace: Workspace) -> list[Finding]:
    """Products (categories, order forms, payment types as their labels read) that share a
    name, capitals and spaces aside, as campaigns are compared: the Catalog refuses a
    second one, but a file can hold one (QA: a copy of "Pool Scrubbing Mitt" with another
    id, and no word). Lists tell them apart by their ids
    (:mod:`canvas_app.domain.catalog_labels`); goal summaries and the simulation's log
    name them by name. One warning for each name, in the catalog's order."""
    from .catalog_labels import LABEL_SECTIONS, item_names
    from .workspace_lint import listed

    findings = []
    for section in LABEL_SECTIONS:
        items, fix = _SAME_CATALOG_NAMES[section]
        for same in alike(item_names(workspace.catalog, section), _second):
            ids = listed([item_id for item_id, _name in same])
            findings.append(Finding(
                "warning", f'{len(same)} {items} are named "{isolated(same[0][1])}" (ids '
                f"{ids}): goal summaries and the simulation's log cannot tell them "
                f"apart (lists show their ids); {fix}"))
    return findings


def _second(pair: tuple[str, str]) -> str:
    return pair[1]


def lint_workspace(workspace: Workspace, now: datetime) -> list[Finding]:
    from .tag_sources import unapplied_tag_goals
    from .tag_spelling import tag_spelling_findings
    from .workspace_lint import workspace_errors

    added = campaigns_added_by_actions(workspace)
    findings: list[Finding] = []
    for campaign in workspace.campaigns:
        findings += lint_campaign(workspace, campaign, now, added)
    findings += workspace_errors(workspace)
    findings += dangling_action_findings(workspace)
    findings += same_campaign_names(workspace)
    findings += same_catalog_names(workspace)
    findings += unused_action_keys(workspace)
    findings += tag_spelling_findings(workspace)
    findings += unapplied_tag_goals(workspace)
    return findings


def dangling_action_findings(workspace: Workspace) -> list[Finding]:
    """An e-commerce action naming a campaign the workspace no longer has: reads the
    actions, the catalog (a product's name) and which campaigns there are."""
    from .campaign_usage import dangling_campaign_actions

    findings = []
    for ref in dangling_campaign_actions(workspace):
        where = ref.where[0].upper() + ref.where[1:]
        findings.append(Finding(
            "error", f'{where.rsplit(" it", 1)[0]} campaign "{isolated(ref.campaign)}", which no '
            "longer exists: edit or remove that action (E-Commerce Actions)"))
    return findings


def unused_action_keys(workspace: Workspace) -> list[Finding]:
    """E-commerce actions holding a key their kind does not use: reads the actions and the
    catalog (a product's name)."""
    findings: list[Finding] = []
    eco = workspace.ecommerce
    action_sets = [(f'Action set "{isolated(name)}"', actions)
                   for name, actions in eco.action_sets.items()]
    product_name = workspace.catalog.product_name
    action_sets += [(f'The action set of product "{isolated(product_name(p))}"', actions)
                    for p, actions in eco.product_action_sets.items()]
    for label, actions in action_sets:
        for i, action in enumerate(actions):
            unused = action.unused_keys(action=True)
            if unused:
                findings.append(Finding(
                    "warning", f"{label}, action {i + 1} ({ACTION_KINDS[action.kind][0]}), "
                    f"has {quoted_keys(unused)}, which this kind of action does not use: "
                    "kept as the file had it, and ignored"))
    return findings


def ordered_findings(workspace: Workspace, findings: Iterable[Finding],
                     names: dict[str, str] | None = None,
                     limit: int | None = None) -> list[Finding]:
    """``findings`` in the one order the Warnings panel lists them in, whatever the edits
    that led here (a node restored by Undo comes back to its place, not last): errors
    first, then the workspace's own findings (no campaign), then each campaign's in the
    campaign list's order; in a campaign, its own findings (no node), then by node name as
    people read it (capitals and spaces aside, "Goal 2" before "Goal 10"), then node id
    (names alike); one node's findings keep lint's order (errors of its settings first).

    By name, not by place on the canvas: moving nodes changes no finding, so the list
    need not be sorted again while nodes are dragged, and a name is what each line shows.
    ``names`` keeps :func:`sort_text` of the names seen, for the next call; with
    ``limit``, only the first ``limit`` findings are given, and the nodes of the kinds
    and campaigns that come after them are not looked at (a panel lists 500 of tens of
    thousands after every edit).
    """
    findings = list(findings)
    names = {} if names is None else names
    campaign_places: dict[str | None, str] = {None: ""}  # the workspace's own: first
    for rank, campaign in enumerate(workspace.campaigns):
        campaign_places[campaign.id] = f"{rank:06d}"
    if limit is not None and limit < len(findings):
        findings = first_groups(findings, campaign_places, limit)
    # each finding's place as one string, compared in C: its kind ("error" < "warning"),
    # its campaign's rank, its node's name as sorted, the node's id. (Comprehensions, not
    # map() and attrgetter: three to six times quicker on these findings.)
    wanted = {f.node_id for f in findings}
    in_campaigns = {f.campaign_id for f in findings}
    places: dict[str | None, str] = {}
    found = 0
    for campaign in workspace.campaigns:  # quicker than looking each node up by its id
        if campaign.id not in in_campaigns:
            continue
        prefix = campaign_places[campaign.id]
        for node in campaign.nodes:
            if node.id in wanted:
                found += 1
                text = names.get(node.name)
                if text is None:
                    text = names[node.name] = sort_text(node.name)
                places[node.id] = f"{prefix}\1{text}\0{node.id}"
    if len(places) < found:  # a node id in two campaigns (an invalid file, shown): rare
        keys = [f.severity + node_place(workspace, f, campaign_places, names)
                for f in findings]
    else:  # a finding about no node has its campaign's place; a campaign gone: last
        keys = [f.severity + (places.get(f.node_id) or campaign_places.get(f.campaign_id, LAST))
                for f in findings]
    ordered = [findings[i] for i in sorted(range(len(findings)), key=keys.__getitem__)]
    return ordered if limit is None else ordered[:limit]


def first_groups(findings: list[Finding], campaign_places: dict[str | None, str],
                 limit: int) -> list[Finding]:
    """The findings of the first groups (kind, then campaign, in the order of
    :func:`ordered_findings`) that hold the first ``limit`` findings, as found."""
    groups = [f.severity + campaign_places.get(f.campaign_id, LAST) for f in findings]
    counts = Counter(groups)
    chosen: set[str] = set()
    total = 0
    for group in sorted(counts):
        chosen.add(group)
        total += counts[group]
        if total >= limit:
            break
    if len(chosen) == len(counts):
        return findings
    return [f for f, group in zip(findings, groups, strict=True) if group in chosen]


LAST = "\uffff"  # the place of a finding about a campaign no longer there


def node_place(workspace: Workspace, finding: Finding, campaign_places: dict[str | None, str],
               names: dict[str, str]) -> str:
    """The place of ``finding`` in :func:`ordered_findings`, worked out for itself."""
    place = campaign_places.get(finding.campaign_id, LAST)
    if finding.node_id and finding.campaign_id and workspace.has_campaign(finding.campaign_id):
        campaign = workspace.campaign(finding.campaign_id)
        if campaign.has_node(finding.node_id):
            name = campaign.node(finding.node_id).name
            text = names.get(name)
            if text is None:
                text = names[name] = sort_text(name)
            place += f"\1{text}\0{finding.node_id}"
    return place


_NUMBER = re.compile(r"\d+")


def sort_text(name: str) -> str:
    """A name as people sort it, as one string: capitals and spaces aside, and numbers by
    their value ("Goal 2" before "Goal 10": numbers are padded with zeros)."""
    return _NUMBER.sub(lambda m: m.group().rjust(20, "0"), name_key(name))


def as_sentences(message: str) -> str:
    """A finding's message to follow other sentences (as in a tooltip): a capital first
    letter and a full stop at the end. A one-sentence finding has no full stop of its own,
    as a compiler's or a linter's message (and R11's, which the editors show too): a line
    in a list; one of several sentences ends with one (:func:`lint_workspace`)."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def finding_place(workspace: Workspace, finding: Finding, limit: int | None = None) -> str:
    """Where a finding is, by names: ``Campaign › Node``, ``Campaign``, or "" (the
    workspace as a whole). Each name is :func:`~canvas_app.domain.names.isolated`: two
    Hebrew or Arabic names read "Campaign › Node" too, not "Node › Campaign". ``limit``:
    each name cut to that many characters with "…" (a list of findings; a 200-letter
    campaign name began every line of it)."""
    def shown(name: str) -> str:
        return isolated(name if limit is None else short_name(name, limit))

    where = ""
    if finding.campaign_id and workspace.has_campaign(finding.campaign_id):
        campaign = workspace.campaign(finding.campaign_id)
        where = shown(campaign.name)
        if finding.node_id and campaign.has_node(finding.node_id):
            name = campaign.node(finding.node_id).name  # a file may give one none
            where = f"{where} › {shown(name) if name.strip() else '(no name)'}"
    return where


def finding_text(workspace: Workspace, finding: Finding) -> str:
    """A finding as people read it: ``Campaign › Node: message`` (names, not ids)."""
    where = finding_place(workspace, finding)
    return f"{where}: {finding.message}" if where else finding.message
