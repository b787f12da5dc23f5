"""Problems found in a model, located by a JSON-path-like place (C6)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem: ``path`` like ``config.products[0]``, ``message`` in plain words."""

    path: str
    message: str

    def at(self, prefix: str) -> Problem:
        """The same problem with ``prefix`` put in front of its path."""
        if not prefix:
            return self
        if not self.path:
            return Problem(prefix, self.message)
        sep = "" if self.path.startswith("[") else "."
        return Problem(f"{prefix}{sep}{self.path}", self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DomainError(ValueError):
    """Raised when an edit would break a rule; carries the problem."""

    def __init__(self, problem: Problem | str) -> None:
        self.problem = problem if isinstance(problem, Problem) else Problem("", problem)
        super().__init__(str(self.problem))
