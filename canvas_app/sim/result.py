"""The result of a run (R19, C12, C13) and its JSON form (``--json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..io.schema import RESULT_FORMAT
from .commerce import set_label
from .core import log_time
from .log_lines import LogLines
from .model import iso

if TYPE_CHECKING:
    from .engine import Simulation

RESULT_VERSION = 1


@dataclass
class SimResult:
    start: int
    until: int | None
    seed: int | None
    campaign: str | None
    campaigns: dict[str, dict[str, Any]]
    nodes: dict[str, dict[str, Any]]
    contacts: dict[str, dict[str, Any]]
    action_sets: dict[str, int]
    emails_sent: int
    # Reads as a list of str; compact (see LogLines); shares its sealed blocks with the run's
    log: LogLines = field(default_factory=LogLines)
    complete: bool = True
    events_handled: int = 0
    set_labels: dict[str, str] = field(default_factory=dict)  # for people; not in the JSON

    def to_data(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "version": RESULT_VERSION,
            "start": iso(self.start),
            "until": iso(self.until) if self.until is not None else None,
            "seed": self.seed,
            "campaign": self.campaign,
            "complete": self.complete,
            "campaigns": self.campaigns,
            "nodes": self.nodes,
            "contacts": self.contacts,
            "action_sets": self.action_sets,
            "emails_sent": self.emails_sent,
            "log": list(self.log),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_data(), indent=2, ensure_ascii=False) + "\n"

    def counts(self) -> dict[str, dict[str, int]]:
        """Per node, only the numbers (as ``Simulation.counts()`` gives them)."""
        return {node_id: {k: v for k, v in data.items() if isinstance(v, int)}
                for node_id, data in self.nodes.items()}


def node_entry(kind: str, name: str, campaign: str, counts: dict[str, int]) -> dict[str, Any]:
    return {"kind": kind, "name": name, "campaign": campaign, **counts}


def build_result(sim: Simulation) -> SimResult:
    plan = sim.plan
    nodes = {node_id: node_entry(node.kind, node.name, node.campaign,
                                 dict(sim.counts_by_node[node_id]))
             for node_id, node in plan.nodes.items()}
    campaigns = {cid: {"name": cp.name, "contacts": sim.campaign_contacts[cid]}
                 for cid, cp in plan.campaigns.items()}
    contacts: dict[str, dict[str, Any]] = {}
    for c in sim.contacts.values():
        entry: dict[str, Any] = {
            "first_name": c.first_name, "last_name": c.last_name, "email": c.email,
            "position": c.position(), "tags": sorted(c.tags), "contact_type": c.contact_type,
        }
        if c.journey is not None:
            entry["journey"] = [{"at": iso(at), "event": event, "node": node, "detail": detail}
                                for at, event, node, detail in c.journey]
        contacts[c.id] = entry
    # The run's log as it is now, without copying it: the copy shares its sealed blocks
    log = sim.log.copy() if sim.log is not None else LogLines()
    if sim.cancelled:
        log.append(f"{sim.stamp()} the run was cancelled here")
    elif sim.events_beyond_horizon:
        beyond = sim.events_beyond_horizon
        log.append(f"{log_time(sim.until or 0)} horizon reached: {beyond} scenario events "
                   "after it were not simulated")
    return SimResult(sim.start, sim.until, sim.seed, sim.campaign, campaigns, nodes, contacts,
                     dict(sim.action_sets), sim.emails_sent, log, not sim.cancelled,
                     sim.processed,
                     {k: set_label(k, sim.plan.catalog) for k in sim.action_sets})
