"""bench/sim_throughput.py --setup runs end to end on a small population (a smoke test: the
figures themselves are for people, on the full size)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_setup_bench_prints_a_row_per_checkout() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "sim_throughput.py"), "--setup",
                           "--contacts", "3000", "--repeat", "1", "--against", str(ROOT)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Setting up the exact engine for 3,000 contacts")
    rows = [line.split() for line in lines[2:4]]
    assert rows[0][:2] == ["this", "checkout"] and rows[1][0] == str(ROOT)
    assert all(row[-1] == "3,003" for row in rows)  # the sample's 3 contacts and the 3,000
    assert all(re.fullmatch(r"\d+\.\d\d", row[-3]) for row in rows)  # set-up, in seconds
    assert "as fast" in lines[-1]
