"""LoadError: one located problem in an input file (C6)."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.errors import Problem


class LoadError(ValueError):
    """Bad input: ``str()`` is one line ``FILE: PATH: MESSAGE``; all problems are kept."""

    def __init__(self, source: str, problems: Sequence[Problem] | Problem) -> None:
        self.source = source
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(self.line())

    @property
    def problem(self) -> Problem:
        return self.problems[0]

    def line(self, problem: Problem | None = None) -> str:
        problem = problem or self.problems[0]
        return f"{self.source}: {problem}" if self.source else str(problem)

    def lines(self) -> list[str]:
        return [self.line(p) for p in self.problems]


def json_path(parts: Sequence[str | int]) -> str:
    """``["campaigns", 0, "nodes", 1]`` -> ``campaigns[0].nodes[1]``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
