"""LogLines, the compact log: it reads as the plain list it replaces, and takes far less."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canvas_app.sim import SimResult, Simulation
from canvas_app.sim.core import EngineCore
from canvas_app.sim.log_lines import LogLines, PlainLines
from canvas_app.sim.summary import summary_text

from .helpers import CONTACTS, add, at, camp, delay, email, seq, simulate, tag, tgoal, workspace

# Lines as a log may hold them: any text, a "\n" or a lone surrogate (read from a file) too.
TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()) | st.sampled_from(
    ["\n", "\ud800", "\u2192", "a"]), max_size=12)

OPERATIONS = st.lists(st.one_of(
    st.tuples(st.just("append"), TEXT),
    st.tuples(st.just("reserve"), st.none()),
    st.tuples(st.just("fill"), st.tuples(st.integers(0, 10**6), TEXT, st.booleans())),
    st.tuples(st.just("index"), st.integers(-(10**6), 10**6)),
    st.tuples(st.just("slice"), st.tuples(st.integers(-60, 60) | st.none(),
                                          st.integers(-60, 60) | st.none(),
                                          st.sampled_from([None, 1, 2, -1, -3]))),
    st.tuples(st.just("copy"), st.none()),
), max_size=160)


@settings(max_examples=300, deadline=None)
@given(block=st.integers(1, 6), operations=OPERATIONS)
def test_log_lines_behave_as_a_list(block: int, operations: list[tuple[str, object]]) -> None:
    log, plain = LogLines(block=block), PlainLines()
    pending: list[int] = []
    copies: list[tuple[LogLines, list[str]]] = []
    for name, arg in operations:
        if name == "append":
            assert isinstance(arg, str)
            log.append(arg)
            plain.append(arg)
        elif name == "reserve":
            slot = log.reserve()
            assert slot == plain.reserve()
            pending.append(slot)
        elif name == "fill" and plain:
            assert isinstance(arg, tuple)
            choice, text, reserved = arg
            # mostly a reserved slot, soon (the engine's way); sometimes any line, or late
            slot = (pending.pop(choice % len(pending)) if reserved and pending
                    else choice % len(plain))
            log.fill(slot, text)
            plain.fill(slot, text)
        elif name == "index":
            assert isinstance(arg, int)
            if -len(plain) <= arg < len(plain):
                assert log[arg] == plain[arg]
            else:
                with pytest.raises(IndexError):
                    log[arg]
        elif name == "slice":
            assert isinstance(arg, tuple)
            part = slice(*arg)
            assert log[part] == plain[part]
        elif name == "copy":
            copies.append((log.copy(), list(plain)))
        assert len(log) == len(plain)
    assert list(log) == plain
    assert log == plain and plain == log
    assert [log[i] for i in range(-len(plain), len(plain))] == plain + plain
    for i in range(len(plain) + 1):  # the panel reads log[seen:] as the run goes on
        assert log[i:] == plain[i:]
    for twin, then in copies:  # a copy keeps the lines of its moment
        assert list(twin) == then


def test_reading_while_writing_and_a_slot_that_waits_long() -> None:
    log, plain = LogLines(block=4), PlainLines()
    seen: list[str] = []
    waiting = log.reserve()
    plain.reserve()
    for n in range(40):
        log.append(f"line {n}")
        plain.append(f"line {n}")
        seen += log[len(seen):]  # as the Simulation panel follows a run
    log.fill(waiting, "written at last")  # after its block was sealed
    plain.fill(waiting, "written at last")
    assert seen == [""] + [f"line {n}" for n in range(40)]
    assert log == plain and log[0] == "written at last" and log[:2] == plain[:2]
    with pytest.raises(IndexError):
        log.fill(len(plain), "beyond the end")


def simulate_many(**extra: object) -> tuple[Simulation, SimResult]:
    """A run that writes reserved lines (added to the campaign, a sequence completed, a goal
    achieved) and plain ones, some thousands in all, with an event beyond the horizon."""
    contacts = CONTACTS + [{"id": f"c{n}", "first_name": f"Ann{n}", "last_name": "L\u00e9e",
                            "email": f"c{n}@example.com"} for n in range(400)]
    ws = workspace(camp("c", [seq("nurture", email("Hello \u2192 you"), delay(60), tag("warm"),
                                  email()),
                              tgoal("goal", "warm"), seq("after", email("Thanks"))],
                        "nurture>goal", "goal>after"), contacts=contacts)
    events = [add(at(1 + n // 1440, n // 60 % 24, n % 60), c["id"])
              for n, c in enumerate(contacts)]
    events += [add(at(3), "c1"), add(at(20), "c2")]
    return simulate(ws, *events, until=at(10), **extra)


def test_json_result_is_the_same_with_the_compact_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EngineCore, "log_type", partial(LogLines, block=7))  # many blocks
    compact = simulate_many()[1]
    monkeypatch.setattr(EngineCore, "log_type", PlainLines)
    plain = simulate_many()[1]
    assert type(compact.log) is LogLines and type(plain.log) is list
    assert len(plain.log) > 1000 and all(plain.log)
    assert "horizon reached" in plain.log[-1]
    assert compact.to_json() == plain.to_json()
    assert compact.log == plain.log
    assert summary_text(compact) == summary_text(plain)


def test_the_result_shares_the_runs_sealed_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EngineCore, "log_type", partial(LogLines, block=100))
    sim, result = simulate_many()
    assert isinstance(sim.log, LogLines) and result.log is not sim.log
    assert len(result.log) == len(sim.log) + 1  # the horizon's line, in the result alone
    assert result.log._blocks and all(  # not copied: the very same bytes
        a is b for a, b in zip(result.log._blocks, sim.log._blocks, strict=True))
    assert result.log[:-1] == list(sim.log)


def lines(count: int) -> list[str]:
    """Log lines like a big run's (a population's names, times a few minutes apart)."""
    firsts = ["Theo", "Chloe", "Olga", "Ana", "Ben", "Dev", "Carla", "Yusuf", "Mei", "Ivan"]
    lasts = ["Kim", "Brown", "Haddad", "Diaz", "Okafor", "Patel", "Rossi", "Nguyen", "Berg"]
    out = []
    for n in range(count):
        name = f"{firsts[n * 7 % 10]} {lasts[n * 5 % 9]}"
        stamp = f"2026-04-{1 + n // 4000 % 28:02d} {n // 60 % 24:02d}:{n % 60:02d}"
        out.append(f'{stamp} {name} was added to "Pool Shock Nurture" (scenario event) '
                   '\u2192 entered "Nurture"' if n % 3 else
                   f'{stamp} {name} completed "Nurture" \u2192 waiting at "Bought pool shock"')
    return out


def kept_bytes(make: type) -> int:
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        log = make()
        for line in lines(100_000):
            log.append(line)
        kept = tracemalloc.get_traced_memory()[0] - base
        assert len(log) == 100_000
        return kept
    finally:
        tracemalloc.stop()


def test_a_line_takes_an_order_of_magnitude_less() -> None:
    plain, compact = kept_bytes(PlainLines), kept_bytes(LogLines)
    assert plain / 100_000 > 150  # a str with a "→" in it, and its place in the list
    assert compact * 10 < plain
    assert compact / 100_000 < 20


def test_bench_prints_the_log_side_by_side() -> None:
    """bench/sim_throughput.py --log on a small population (a smoke test: the figures are for
    people, on the full size)."""
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, str(root / "bench" / "sim_throughput.py"), "--log",
                           "--contacts", "5000", "--repeat", "1"],
                          capture_output=True, text=True, cwd=root, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("The exact engine with its log on, 5,000 contacts")
    plain, compact = (line.split() for line in lines[2:4])
    assert plain[:3] == ["list", "of", "str"] and compact[0] == "LogLines"
    assert plain[-4] == compact[-4] and int(compact[-4].replace(",", "")) > 16_000  # lines
    # bytes a line: five blocks sealed of this short log, the rest still strings
    assert float(compact[-2]) < float(plain[-2]) / 3
    assert lines[-1].endswith("same lines: yes")
