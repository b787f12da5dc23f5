"""The readable summary ``canvas-app simulate`` prints (R19): per-node table, funnel per goal,
action sets, emails sent, and the explaining log (shortened when long)."""

from __future__ import annotations

from ..cli_output import one_line
from ..domain.names import display_width, fit_width, isolated
from .commerce import set_label
from .model import iso
from .result import SimResult

LOG_LINES = 200
# The widest a table's name column gets, in terminal columns: a longer name is cut with "…"
# (a 200-letter node name padded every row of its table to 200 columns and more).
NAME_COLUMNS = 40


def _pad(cell: str, width: int, right: bool) -> str:
    """``cell`` padded with spaces to ``width`` terminal columns (on the left when
    ``right``): a Chinese character takes two columns, an accent written apart none."""
    fill = " " * max(width - display_width(cell), 0)
    return fill + cell if right else cell + fill


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """``rows`` (the first the headings) as aligned lines; the first column holds names,
    cut to :data:`NAME_COLUMNS` columns."""
    rows = [rows[0]] + [[fit_width(one_line(row[0]), NAME_COLUMNS), *row[1:]]
                        for row in rows[1:]]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        cells = [_pad(cell, widths[i], i in right) for i, cell in enumerate(row)]
        out.append("  " + "  ".join(cells).rstrip())
        if n == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    return out


def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def summary_text(result: SimResult, log_lines: int = LOG_LINES) -> str:
    lines: list[str] = []
    horizon = iso(result.until) if result.until is not None else "the last event"
    lines.append(f"Simulation from {iso(result.start)} to {horizon}"
                 + (f", seed {result.seed}" if result.seed is not None else "")
                 + ("" if result.complete else " (CANCELLED before the end)"))
    contacts, events = len(result.contacts), result.events_handled
    lines.append(f"{contacts} contact{'s' if contacts != 1 else ''}, {events} "
                 f"event{'s' if events != 1 else ''} handled")
    for cid, camp in result.campaigns.items():
        lines.append("")
        joined = camp["contacts"]
        lines.append(f'Campaign "{one_line(isolated(camp["name"]))}" ({one_line(cid)}): '
                     f'{joined} contact{"s" if joined != 1 else ""} in it')
        rows = [["node", "kind", "entered", "completed", "removed", "active", "achieved",
                 "waiting"]]
        for node in result.nodes.values():
            if node["campaign"] != cid:
                continue
            if node["kind"] == "sequence":
                rows.append([node["name"], "sequence", str(node["entered"]),
                             str(node["completed"]), str(node["removed"]),
                             str(node["active"]), "", ""])
            else:
                rows.append([node["name"], node["kind"].replace("_", " "), "", "", "", "",
                             str(node["achieved"]), str(node.get("waiting", 0))])
        lines += _table(rows, {2, 3, 4, 5, 6, 7})
        goals = [n for n in result.nodes.values()
                 if n["campaign"] == cid and n["kind"] != "sequence"]
        if goals:
            lines.append("  Funnel (contacts that achieved each goal, of those in the "
                         "campaign):")
            for goal in goals:
                lines.append(f'    {one_line(isolated(goal["name"]))}: {goal["achieved"]} of '
                             f'{camp["contacts"]} '
                             f'({_percent(goal["achieved"], camp["contacts"])})')
    lines.append("")
    lines.append("Action sets fired:")
    if result.action_sets:
        rows = [["action set", "times"]]
        rows += [[result.set_labels.get(k) or set_label(k), str(v)]
                 for k, v in result.action_sets.items()]
        lines += _table(rows, {1})
    else:
        lines.append("  (the workspace has no action sets)")
    lines.append(f"Emails sent: {result.emails_sent}")
    if log_lines:
        lines.append("")
        lines.append("What happened:")
        shown = result.log[:log_lines]
        lines += [f"  {one_line(line)}" for line in shown]  # one entry, one line
        if len(result.log) > len(shown):
            lines.append(f"  ... {len(result.log) - len(shown)} more lines (use --json "
                         "for the whole log)")
    return "\n".join(lines) + "\n"
