"""The panel's words for what becomes of a sequence's contacts, one set everywhere (badges,
tooltips, charts, journeys): SPEC's "completed" stays; its "removed" (a goal took the
contact out before the last step, R5) reads "left early"."""

COMPLETED = "completed"
LEFT_EARLY = "left early"
WAITING_AT = "waiting at"


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]
