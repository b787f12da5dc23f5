"""Campaign rules: joining and leaving campaigns, sequences, goals (R3-R7, C7-C9, C14)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..domain.names import isolated
from ..domain.timeutil import describe_duration
from .core import RESUME, Deferred, EngineCore
from .model import duration_seconds, iso, to_seconds
from .plan import NodePlan
from .state import IN, REMOVED, ContactState

# What one event sets off (a sequence completes and enters the next, whose steps apply a tag
# that achieves a goal, which enters a sequence, ...) runs as work items on a stack
# (EngineCore.pending_work), not as nested calls: a chain of thousands of sequences needs no
# deeper Python stack. Each item is what a nested call was, and the stack takes them depth
# first, so effects and log lines come in the same order as the calls made them.
STEPS = 0  # (STEPS, contact, sequence plan, index): run the sequence's steps from index on
ENTER = 1  # (ENTER, contact, node id, came from, parts): enter a node, add its words to parts
ACHIEVE = 2  # (ACHIEVE, contact, goal plan, how, membership, joining): see achieve
FILL = 3  # (FILL, slot, text, parts): write a reserved log line once its parts are known

Work = tuple[Any, ...]


class MovementRules(EngineCore):
    # -- the work stack -----------------------------------------------------------------
    def work(self, base: int) -> None:
        """Does the items on the stack above height ``base``, each with all it sets off
        before the next, as nested calls would (see STEPS); returns when they are done."""
        stack = self.pending_work
        if len(stack) <= base:
            return
        pop, run_steps, enter = stack.pop, self.run_steps, self.enter
        while len(stack) > base:
            item = pop()
            kind = item[0]
            if kind == STEPS:
                run_steps(item[1], item[2], item[3])
            elif kind == ENTER:
                item[4].append(enter(item[1], item[2], item[3]))
            elif kind == ACHIEVE:
                self.achieve_item(item[1], item[2], item[3], item[4], item[5])
            else:
                self.fill(item[1], item[2], item[3])

    def push_entries(self, c: ContactState, node_ids: Sequence[str], came_from: str | None,
                     slot: int, text: str, parts: list[str]) -> None:
        """Puts on the stack: entering ``node_ids`` in order, then writing the line at
        ``slot``: ``text`` and ``parts``, the words of what came before and of each entry."""
        stack = self.pending_work
        stack.append((FILL, slot, text, parts))
        for node_id in reversed(node_ids):
            stack.append((ENTER, c, node_id, came_from, parts))

    # -- campaigns (R3, C9) -------------------------------------------------------------
    def add_to_campaign(self, c: ContactState, campaign_id: str, how: str) -> None:
        plan = self.plan.campaigns.get(campaign_id)
        if plan is None:
            name = isolated(self.plan.campaign_name(campaign_id))
            self.say(f'{isolated(c.name)} was not added to "{name}" '
                     f"({how}): that campaign is left out of this run")
            return
        state = c.membership.get(campaign_id)
        if state == IN:
            self.say(f'{isolated(c.name)} is already in "{isolated(plan.name)}" ({how}): '
                     "nothing to do")
            return
        if state is None:
            self.count_campaign_contact(campaign_id)
        c.membership[campaign_id] = IN
        self.journey(c, "added", None, f'added to "{isolated(plan.name)}" ({how})')
        slot = self.reserve()
        base = len(self.pending_work)
        self.push_entries(c, plan.entries, None, slot,
                          f'{isolated(c.name)} was added to "{isolated(plan.name)}" ({how})', [])
        self.work(base)

    def remove_from_campaign(self, c: ContactState, campaign_id: str, how: str) -> None:
        plan = self.plan.campaigns.get(campaign_id)
        name = self.plan.campaign_name(campaign_id)
        if plan is None or c.membership.get(campaign_id) != IN:
            why = ("that campaign is left out of this run" if plan is None
                   else "not in this campaign")
            self.say(f'{isolated(c.name)} was not removed from "{isolated(name)}" ({how}): {why}')
            return
        c.membership[campaign_id] = REMOVED
        self.journey(c, "removed_from_campaign", None, f'removed from "{isolated(name)}" ({how})')
        parts = []
        for node_id in plan.nodes:
            if node_id in c.active:
                parts.append(self.leave_sequence(c, node_id, "removed from the campaign"))
            elif node_id in c.waiting:
                del c.waiting[node_id]
                self.bump(node_id, "waiting", -1)
                parts.append(f'stopped waiting at "{isolated(self.node_name(node_id))}"')
        self.say(f'{isolated(c.name)} was removed from "{isolated(name)}" ({how})'
                 + "".join(f" \u2192 {p}" for p in parts))

    # -- nodes ----------------------------------------------------------------------------
    def enter(self, c: ContactState, node_id: str, came_from: str | None) -> str:
        """Enters a node (R5, R6); returns the words for the log line of the cause. A
        sequence's steps are put on the stack, to run next (a work item, see STEPS)."""
        node = self.plan.nodes[node_id]
        if node.is_goal:
            if node_id in c.achieved:
                return f'passed {node.label} (already achieved)'
            if node_id in c.waiting:
                return f'waits at {node.label}'
            c.waiting[node_id] = None
            self.bump(node_id, "waiting")
            self.journey(c, "waiting", node_id, f'waits at {node.label}', came_from, node_id)
            return f'waits at {node.label}'
        if node_id in c.entered:
            self.journey(c, "skipped_reentry", node_id,
                         f'{node.label} was entered before: a sequence is entered once')
            return f'skipped {node.label} (entered before)'
        c.entered.add(node_id)
        c.active[node_id] = 0
        self.bump(node_id, "entered")
        self.bump(node_id, "active")
        self.journey(c, "entered", node_id, f'entered {node.label}', came_from, node_id)
        self.pending_work.append((STEPS, c, node, 0))
        return f'entered {node.label}'

    def leave_sequence(self, c: ContactState, node_id: str, why: str) -> str:
        step = c.active.pop(node_id)
        node = self.plan.nodes[node_id]
        self.bump(node_id, "removed")
        self.bump(node_id, "active", -1)
        where = f"at step {step + 1} of {len(node.steps)}"
        self.journey(c, "removed", node_id, f'left {node.label} {where}: {why}', node_id)
        return f'left {node.label} {where}'

    # -- sequences (R6) -------------------------------------------------------------------
    def run_steps(self, c: ContactState, node: NodePlan, index: int) -> None:
        """The steps from ``index`` on, until one waits (a work item, see STEPS: what they
        set off is put on the stack, with the steps after the one that set it off below)."""
        steps = node.steps
        total = len(steps)
        # words only when someone keeps them
        track = c.journey is not None or bool(self.movements) or self.log is not None
        active = c.active
        while index < total:
            if active.get(node.id) is None:
                return  # a goal downstream removed the contact (C8)
            active[node.id] = index
            step = steps[index]
            kind = step.kind
            where = f'{node.label} step {index + 1}' if track else ""
            if kind == "delay":
                seconds = duration_seconds(step.duration)
                if seconds > 0:
                    if track:
                        self.journey(c, "step", node.id, f"{where}: waits "
                                     f"{describe_duration(step.duration)}")
                    self.schedule(self.now + seconds, RESUME, c.id, node.id, index + 1)
                    return
            elif kind == "wait_until":
                until = to_seconds(step.until) if step.until is not None else self.now
                if until > self.now:
                    if track:
                        self.journey(c, "step", node.id, f"{where}: waits until {iso(until)}")
                    self.schedule(until, RESUME, c.id, node.id, index + 1)
                    return
                if track:
                    self.journey(c, "step", node.id,
                                 f"{where}: {iso(until)} has passed, goes straight through")
            elif kind == "email":
                self.count_email()
                if track:
                    self.journey(c, "email_sent", node.id, f'{where}: "{step.subject}"')
            elif kind == "apply_tag":
                tag = step.tag or ""
                if tag not in c.tags:  # (else C7: nothing happens)
                    if self.give_tag(c, tag, where, None, node.id) is not None:
                        if self.pause_for_goal(c, node, tag, index):
                            return  # goes on once the instant's goals are checked (C8)
                    else:
                        goals = self.tag_goal_work(c, tag, where)
                        if goals:  # checked now; the next steps wait below them
                            stack = self.pending_work
                            stack.append((STEPS, c, node, index + 1))
                            stack.extend(reversed(goals))
                            return
            elif kind == "remove_tag":
                self.remove_tag(c, step.tag or "", where, node.id)
            elif kind == "notify_team":
                if track:
                    self.journey(c, "notify_team", node.id, f'{where}: "{step.message}"')
            elif kind == "set_contact_type":
                self.set_contact_type(c, step.contact_type, where, node.id)
            index += 1
        if active.get(node.id) is not None:
            self.complete(c, node)

    def pause_for_goal(self, c: ContactState, node: NodePlan, tag: str, index: int) -> bool:
        """A step's tag whose goals wait for an action set's goals (R16): when one of
        those goals is downstream of the sequence, the contact waits at this step until it
        is checked, so that reaching it cancels the remaining steps (R5, C8)."""
        deferring = self.deferring
        if deferring is None or deferring[0] != c.id:
            return False
        if not any(node.id in goal.upstream_sequences
                   for goal in self.plan.tag_goals.get(tag, ())):
            return False
        deferring[1].paused.append((node.id, index + 1))
        return True

    def resume(self, c: ContactState, node_id: str, index: int) -> None:
        """A sequence's steps from ``index`` on, and all they set off."""
        if node_id in c.active:
            base = len(self.pending_work)
            self.run_steps(c, self.plan.nodes[node_id], index)
            self.work(base)

    def complete(self, c: ContactState, node: NodePlan) -> None:
        """Leaves the sequence after its last step; entering its successors is put on the
        stack (part of the STEPS work item that ran the last step)."""
        del c.active[node.id]
        self.bump(node.id, "completed")
        self.bump(node.id, "active", -1)
        self.journey(c, "completed", node.id, f'completed {node.label}', node.id)
        slot = self.reserve()
        self.push_entries(c, node.successors, node.id, slot,
                          f'{isolated(c.name)} completed {node.label}', [])

    # -- tags (R7, C7) ----------------------------------------------------------------
    def apply_tag(self, c: ContactState, tag: str, how: str,
                  deferred: Deferred | None) -> Deferred | None:
        """Applies a tag; its tag goals are checked now, or later when ``deferred`` (R16).
        Returns where the check waits (None when it was done, or there was nothing to do)."""
        if tag in c.tags:
            return None  # C7: a tag the contact already has achieves nothing
        deferred = self.give_tag(c, tag, how, deferred)
        if deferred is None:
            self.tag_goals(c, tag, how)
        return deferred

    def give_tag(self, c: ContactState, tag: str, how: str,
                 deferred: Deferred | None, node: str | None = None) -> Deferred | None:
        """Gives the contact a tag it does not have; returns where the check of its goals
        waits (R16), or None when the caller checks them now. ``node``: the sequence whose
        step gives it (its journey's step names it, as an email's does), None for an
        action set or a scenario event."""
        c.tags.add(tag)
        self.journey(c, "tag_applied", node, f'"{isolated(tag)}" ({how})')
        if deferred is None and self.deferring is not None and self.deferring[0] == c.id:
            deferred = self.deferring[1]
        if deferred is not None:
            deferred.tags.append((tag, how))
        return deferred

    def tag_goals(self, c: ContactState, tag: str, how: str) -> None:
        """Checks the goals of a tag just applied (R7), and does all they set off."""
        goals = self.tag_goal_work(c, tag, how)
        if goals:
            stack = self.pending_work
            base = len(stack)
            stack.extend(reversed(goals))
            self.work(base)

    def tag_goal_work(self, c: ContactState, tag: str, how: str) -> list[Work]:
        """The ACHIEVE work items of a tag just applied: its tag goals, upstream ones first
        (see :meth:`in_link_order`)."""
        goals = self.plan.tag_goals.get(tag)
        if not goals:
            return []
        before = dict(c.membership)  # who may achieve them is settled before any is achieved
        joining = self.joined_by(c, goals, before)
        how = f'tag "{isolated(tag)}" by {how}'
        return [(ACHIEVE, c, goal, how, before, joining)
                for goal in self.in_link_order(goals)]

    def joined_by(self, c: ContactState, goals: Iterable[NodePlan],
                  before: dict[str, str]) -> frozenset[str]:
        """The campaigns the contact is not in (``before``) that achieving ``goals``, the
        ones one event reaches, makes it join (R3)."""
        return frozenset(goal.campaign for goal in goals
                         if before.get(goal.campaign) != IN
                         and self.eligible(c, goal, before) is None)

    def remove_tag(self, c: ContactState, tag: str, how: str, node: str | None = None) -> None:
        if tag in c.tags:
            c.tags.discard(tag)
            self.journey(c, "tag_removed", node, f'"{isolated(tag)}" ({how})')

    def set_contact_type(self, c: ContactState, contact_type: str | None, how: str,
                         node: str | None = None) -> None:
        c.contact_type = contact_type
        self.journey(c, "contact_type_set", node, f"{contact_type} ({how})")

    # -- goals (R4, R5, C8, C14) ----------------------------------------------------------
    def eligible(self, c: ContactState, goal: NodePlan,
                 membership: dict[str, str] | None = None) -> str | None:
        """None when the contact may achieve the goal, else why not (R4). ``membership``
        is the contact's campaigns as they were before the event that reaches several goals
        at once: joining a campaign through one of them must not make another eligible
        (the result would depend on the order goals are stored in)."""
        if goal.achieved_by == "any_contact":
            return None
        state = (c.membership if membership is None else membership).get(goal.campaign)
        if state == IN:
            return None
        name = isolated(self.plan.campaigns[goal.campaign].name)
        return f'removed from "{name}"' if state == REMOVED else f'not in "{name}"'

    def achieve(self, c: ContactState, goal: NodePlan, how: str,
                membership: dict[str, str] | None = None,
                joining: frozenset[str] = frozenset()) -> None:
        """R5 for an eligible contact (R4), else the log says why not; and all it sets off.
        ``membership`` and ``joining`` are for an event that reaches several goals at once:
        the contact's campaigns before it, and those it joins through them (see
        :meth:`joined_by`)."""
        base = len(self.pending_work)
        self.achieve_item(c, goal, how, membership, joining)
        self.work(base)

    def achieve_item(self, c: ContactState, goal: NodePlan, how: str,
                     membership: dict[str, str] | None, joining: frozenset[str]) -> None:
        """:meth:`achieve` as a work item (see ACHIEVE): entering the goal's successors is
        put on the stack."""
        why_not = self.eligible(c, goal, membership)
        if why_not is not None:
            if goal.campaign in joining:
                # it joins through another goal this same order or tag reaches: say so,
                # or the log contradicts the contact then waiting in the campaign
                event = "order" if how.startswith("order ") else "tag"
                why_not += f" before this {event} (it joined with it, through another goal)"
            self.journey(c, "not_eligible", goal.id, f"{how}: {why_not}")
            self.say(f'{isolated(c.name)} did not achieve {goal.label} ({how}): {why_not}')
            return
        again = goal.id in c.achieved
        if again:
            self.journey(c, "achieved_again", goal.id, f"{how} (counted once)", None, goal.id)
        else:
            c.achieved.add(goal.id)
            self.bump(goal.id, "achieved")
            self.journey(c, "achieved", goal.id, how, None, goal.id)
        slot = self.reserve()
        parts: list[str] = []
        if c.membership.get(goal.campaign) != IN:
            if goal.campaign not in c.membership:
                self.count_campaign_contact(goal.campaign)
            c.membership[goal.campaign] = IN  # C9: no start at the entry nodes
            parts.append(f'joined "{isolated(self.plan.campaigns[goal.campaign].name)}"')
        for seq_id in goal.upstream_sequences:
            if seq_id in c.active and not self.plan.nodes[seq_id].runs_until_completed:
                parts.append(self.leave_sequence(c, seq_id, f'achieved {goal.label}'))
        if goal.id in c.waiting:
            del c.waiting[goal.id]
            self.bump(goal.id, "waiting", -1)
        verb = "achieved again" if again else "achieved"
        self.push_entries(c, goal.successors, goal.id, slot,
                          f'{isolated(c.name)} {verb} {goal.label} ({how})', parts)

    # -- goals one event reaches at once (R5, R17) ----------------------------------------
    def in_link_order(self, goals: Sequence[NodePlan]) -> Sequence[NodePlan]:
        """``goals`` (of one event, grouped by campaign as the plan lists them) in the order
        they are achieved, which does not depend on the order nodes are stored in: campaign
        by campaign as the plan orders them; within a campaign, upstream before downstream.
        Repeatedly, of the goals not yet taken, those that no other goal not yet taken is
        upstream of (links lead from it to them, directly or through other nodes, and none
        lead back: goals on a common loop do not count as upstream of each other) are
        candidates, and the one with the smallest node id (compared as text) goes next.
        So a goal whose successors a later goal's R5 would remove the contact from is
        achieved first, as it would be if the two events came one after the other."""
        if len(goals) < 2:
            return goals
        key = tuple(goal.id for goal in goals)
        known = self.link_order_cache.get(key)
        if known is not None:
            nodes = self.plan.nodes
            return [nodes[goal_id] for goal_id in known]
        out: list[NodePlan] = []
        group: list[NodePlan] = []
        for goal in goals:
            if group and goal.campaign != group[0].campaign:
                out += self.upstream_first(group)
                group = []
            group.append(goal)
        out += self.upstream_first(group)
        if len(self.link_order_cache) < 4096:
            self.link_order_cache[key] = tuple(goal.id for goal in out)
        return out

    def upstream_first(self, goals: list[NodePlan]) -> list[NodePlan]:
        """Goals of one campaign in the order :meth:`in_link_order` says."""
        if len(goals) < 2:
            return goals
        left = sorted(goals, key=lambda goal: goal.id)
        reach = {goal.id: self.reach_of(goal.id) for goal in left}
        out: list[NodePlan] = []
        while left:
            for goal in left:  # smallest id first; there is always a goal none is above
                if not any(other is not goal and goal.id in reach[other.id]
                           and other.id not in reach[goal.id] for other in left):
                    break
            out.append(goal)
            left.remove(goal)
        return out

    def reach_of(self, node_id: str) -> frozenset[str]:
        """The nodes that links lead to from ``node_id``, directly or through other nodes
        (itself only on a loop)."""
        known = self.reach_cache.get(node_id)
        if known is None:
            nodes = self.plan.nodes
            seen: set[str] = set()
            todo = list(nodes[node_id].successors)
            while todo:
                n = todo.pop()
                if n not in seen:
                    seen.add(n)
                    todo.extend(nodes[n].successors)
            known = self.reach_cache[node_id] = frozenset(seen)
        return known
