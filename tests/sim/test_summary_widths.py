"""`canvas-app simulate` tables stay aligned in a terminal whatever the script of the names
(a Chinese character takes two columns, an accent written apart none), and a very long
name is cut instead of widening every row."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from canvas_app.sim.cli import run
from canvas_app.sim.summary import NAME_COLUMNS

from .test_result_and_cli import SAMPLE, SCENARIO, args

LONG = ("Supercalifragilisticexpialidocious" * 7)[:200]  # 200 letters, no space
NAMES = {"nurture": "培育序列：夏季泳池准备", "bought-shock": "اشترى صدمة المسبح",
         "post-purchase": "אחרי הרכישה", "subscribed": LONG,
         "onboarding": "Onboarding 🏊", "visit-booked": "ביקור נקבע",
         "visit-follow-up": unicodedata.normalize("NFD", "Café Zoë suivi")}
PRODUCTS = {"Super Sock It Pool Shock": "超级泳池冲击剂 Super Sock It"}


def columns(text: str) -> int:
    """Terminal columns by Unicode's own tables: wide and full-width characters two,
    combining accents none, others one."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def at_columns(line: str) -> list[str]:
    """What each terminal column of ``line`` shows: a character (with its accents), or ""
    for the second column of a wide one."""
    shown: list[str] = []
    for ch in line:
        width = columns(ch)
        if width == 0 and shown:
            shown[-1] += ch
            continue
        shown.append(ch)
        shown += [""] * (width - 1)
    return shown


def tables(summary: str) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Each table of the summary: its columns (start, end) as the dashes under its
    headings show them, and its rows (headings first)."""
    lines = summary.split("\n")
    found = []
    for i, line in enumerate(lines):
        if i and re.fullmatch(r"  -+(  -+)*", line):
            spans = [(m.start(), m.end()) for m in re.finditer(r"-+", line)]
            rows = [lines[i - 1]]
            for row in lines[i + 1:]:
                if not row.startswith("  ") or row.startswith("  Funnel"):
                    break
                rows.append(row)
            found.append((spans, rows))
    return found


@pytest.fixture
def summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for campaign in data["campaigns"]:
        for node in campaign["nodes"]:
            node["name"] = NAMES.get(node["id"], node["name"])
    for product in data["catalog"]["products"]:
        product["name"] = PRODUCTS.get(product["name"], product["name"])
    workspace = tmp_path / "i18n.campaign.json"
    workspace.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run(args(workspace=str(workspace), scenario=str(SCENARIO))) == 0
    return capsys.readouterr().out


def test_every_row_keeps_to_its_columns_measured_in_terminal_columns(summary: str) -> None:
    found = tables(summary)
    assert len(found) == 3  # two campaigns' nodes, the action sets
    names_seen = set()
    for spans, rows in found:
        right_end = spans[-1][1]
        for row in rows:
            shown = at_columns(row)
            assert len(shown) <= right_end  # nothing past the last column
            shown += [" "] * (right_end - len(shown))  # (rows end at their last cell)
            for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
                assert shown[end:start] == [" "] * (start - end), row  # the gaps stay gaps
            cells = ["".join(shown[a:b]).strip() for a, b in spans]
            for (a, b), cell in zip(spans, cells, strict=True):
                if cell.isdigit():  # numbers end at their column's right edge
                    assert "".join(shown[a:b]).endswith(cell), row
            names_seen.add(cells[0])
    for name in [*NAMES.values(), *PRODUCTS.values()]:
        if columns(name) <= NAME_COLUMNS:
            assert any(name in seen for seen in names_seen), name  # whole, in its column


def test_a_name_wider_than_its_column_is_cut_and_the_column_stays_narrow(
        summary: str) -> None:
    spans, rows = next((spans, rows) for spans, rows in tables(summary)
                       if any(row.strip().startswith(LONG[:20]) for row in rows))
    start, end = spans[0]
    assert end - start <= NAME_COLUMNS
    cut = next("".join(at_columns(row)[start:end]).strip() for row in rows
               if row.strip().startswith(LONG[:20]))
    assert cut.endswith("…") and LONG.startswith(cut[:-1]) and columns(cut) <= NAME_COLUMNS
    widest = max(len(at_columns(row)) for row in rows)
    assert widest < 2 * NAME_COLUMNS + 80  # not 200 columns and more for every row
    assert f"{LONG}: " in summary  # the funnel below still names it in full
