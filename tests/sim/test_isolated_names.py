"""Right-to-left names in the simulation's log and journeys are isolated (FSI ... PDI), so
two Hebrew or Arabic names, or one followed by digits, keep their place in the sentence;
Latin-only workspaces log exactly what they did before."""

from __future__ import annotations

from typing import Any

from canvas_app.domain.names import FSI, PDI, isolated

from .helpers import add, at, camp, email, ev, seq, simulate, tag, tgoal, workspace

HEBREW_CONTACT = ("דנה", "לוי")  # "Dana Levi"
ARABIC_SEQUENCE = "حملة التهيئة"  # "Onboarding campaign"
HEBREW_GOAL = "ביקור נקבע"  # "Visit booked"
HEBREW_CAMPAIGN = "בריכות"  # "Pools"
HEBREW_TAG = "לקוח 2"  # a tag with a digit after the Hebrew word


def named(node: dict[str, Any], name: str) -> dict[str, Any]:
    return {**node, "name": name}


def rtl_workspace() -> Any:
    campaign = camp("c", [named(seq("s", email(), tag(HEBREW_TAG)), ARABIC_SEQUENCE),
                          named(tgoal("g", HEBREW_TAG), HEBREW_GOAL)], "s>g")
    campaign["name"] = HEBREW_CAMPAIGN
    contacts = [{"id": "he", "first_name": HEBREW_CONTACT[0], "last_name": HEBREW_CONTACT[1],
                 "email": "dana@example.com"}]
    return workspace(campaign, contacts=contacts)


def latin_workspace() -> Any:
    return workspace(camp("c", [seq("s", email(), tag("Spa")), tgoal("g", "Spa")], "s>g"))


def bare(text: str, name: str) -> int:
    """How often ``name`` appears in ``text`` without FSI before and PDI after it."""
    return text.count(name) - text.count(isolated(name))


def test_rtl_names_in_log_lines_are_isolated_exactly() -> None:
    sim, result = simulate(rtl_workspace(), add(at(1), "he"),
                           ev(at(2), "apply_tag", contact="he", tag=HEBREW_TAG),
                           ev(at(3), "remove_tag", contact="he", tag=HEBREW_TAG))
    log = "\n".join(result.log)
    contact = " ".join(HEBREW_CONTACT)
    for name in (contact, ARABIC_SEQUENCE, HEBREW_GOAL, HEBREW_CAMPAIGN, HEBREW_TAG):
        assert isolated(name) == FSI + name + PDI
        assert isolated(name) in log, name
        assert bare(log, name) == 0, name  # never written without its isolates
    # the sentence round the names reads as written: contact, then campaign, quoted
    assert any(line.endswith(f'{FSI}{contact}{PDI} was added to "{FSI}{HEBREW_CAMPAIGN}{PDI}" '
                             f'(scenario event) \u2192 entered "{FSI}{ARABIC_SEQUENCE}{PDI}"')
               for line in result.log)
    assert f'{FSI}{contact}{PDI} was given the tag "{FSI}{HEBREW_TAG}{PDI}" (scenario event)' \
        in log or f'{FSI}{contact}{PDI} already has the tag "{FSI}{HEBREW_TAG}{PDI}"' in log
    assert f'{FSI}{contact}{PDI} lost the tag "{FSI}{HEBREW_TAG}{PDI}" (scenario event)' in log


def test_rtl_names_in_journey_details_are_isolated() -> None:
    _, result = simulate(rtl_workspace(), add(at(1), "he"))
    details = [j["detail"] for j in result.contacts["he"]["journey"]]
    text = "\n".join(details)
    assert f'added to "{FSI}{HEBREW_CAMPAIGN}{PDI}" (scenario event)' in details
    assert f'"{FSI}{HEBREW_TAG}{PDI}"' in text
    for name in (ARABIC_SEQUENCE, HEBREW_GOAL, HEBREW_CAMPAIGN, HEBREW_TAG):
        assert bare(text, name) == 0, name


def test_a_latin_workspace_logs_no_isolates() -> None:
    events = (add(at(1), "ana"), ev(at(2), "apply_tag", contact="ben", tag="Spa"),
              ev(at(3), "remove_tag", contact="ben", tag="Spa"))
    _, result = simulate(latin_workspace(), *events)
    log = "\n".join(result.log)
    details = "\n".join(j["detail"] for c in result.contacts.values()
                        for j in c["journey"] or ())
    assert "Ana Diaz was added to \"C\" (scenario event)" in log
    assert "Ben Okafor was given the tag \"Spa\" (scenario event)" in log
    for text in (log, details):
        assert FSI not in text and PDI not in text
