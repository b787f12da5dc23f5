"""Contacts kept by a workspace (and listed by scenarios)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


def normalise_name(text: str) -> str:
    return text.strip().casefold()  # C10: trimmed, case-insensitive; inner spaces count


def normalise_email(text: str) -> str:
    return text.strip().casefold()


@dataclass
class Contact:
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    tags: list[str] = field(default_factory=list)
    contact_type: str | None = None

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or self.email or self.id

    def match_key(self) -> tuple[str, str, str]:
        """First name, last name and email as R15 and C10 compare them."""
        return (normalise_name(self.first_name), normalise_name(self.last_name),
                normalise_email(self.email))

    def copy(self) -> Contact:
        return replace(self, tags=list(self.tags))
