"""``canvas-app simulate WORKSPACE --scenario FILE [...]`` (SPEC §6).

The lead wires it into ``canvas_app/cli.py`` with ``add_parser(subparsers)`` and dispatches
``args.func(args)`` (``func`` is :func:`run`). Bad input prints one line on stderr and
returns 1; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.errors import DomainError, Problem
from ..domain.timeutil import parse_time
from ..domain.workspace import Workspace
from ..io.errors import LoadError


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "simulate", help="simulate a scenario over a workspace and print what happened",
        description="Runs the purchases and events of a scenario through the workspace's "
                    "campaigns and prints a summary (or the result JSON with --json).")
    parser.add_argument("workspace", metavar="WORKSPACE",
                        help="a .campaign.json file, a SQLite file or a SQLAlchemy URL")
    parser.add_argument("--scenario", required=True, metavar="FILE",
                        help="the scenario (.scenario.json)")
    parser.add_argument("--campaign", metavar="ID", help="simulate this campaign alone")
    parser.add_argument("--seed", type=_whole_number, metavar="N",
                        help="seed of the population generator (overrides the scenario's)")
    parser.add_argument("--until", type=_time, metavar="TIME",
                        help="horizon, ISO 8601 (overrides the scenario's)")
    parser.add_argument("--json", action="store_true", help="print the result JSON")
    parser.add_argument("--out", metavar="FILE",
                        help="write the result JSON to FILE too (standard output still "
                             "gets the summary, or the JSON with --json)")
    parser.set_defaults(func=run)


def _whole_number(value: str) -> int:
    """``--seed``: a whole number; anything else is bad usage (exit 2), said in words."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


def _time(value: str) -> str:
    """``--until``: an ISO 8601 time, checked as the command line is read, so that a
    malformed one is bad usage (exit 2) like any other bad option value; kept as given."""
    try:
        parse_time(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def load_any_workspace(arg: str) -> Workspace:
    """A .campaign.json file, a SQLite file or a SQLAlchemy URL (see canvas_app.sources)."""
    from ..sources import open_workspace

    try:
        from ..store import StoreError
    except ImportError:  # the store is optional for JSON workspaces
        return open_workspace(arg)
    from ..cli_sources import shown_source

    try:
        return open_workspace(arg)
    except StoreError as exc:
        text = str(exc)
        shown = shown_source(arg)  # a URL's password is never printed
        # The store names the source in its messages, a URL with its password hidden.
        named = any(text.startswith(name) or f" {name}:" in text for name in {arg, shown})
        raise LoadError("" if named else shown, Problem("", text)) from None


def run(args: argparse.Namespace) -> int:
    from ..cli_output import OutputError, one_line
    from ..cli_sources import hide_passwords, shown_source
    from .engine import Simulation
    from .model import ClockOutOfRange
    from .scenario_file import load_scenario
    from .summary import summary_text

    try:
        _check_names(args)
        if args.out:
            from ..io.atomic import output_problem

            problem = output_problem(Path(args.out), [args.workspace, args.scenario])
            if problem is not None:
                raise LoadError("--out", Problem("", f"{args.out}: {problem}"))
        workspace = load_any_workspace(args.workspace)
        if args.campaign is not None and not workspace.has_campaign(args.campaign):
            raise LoadError("--campaign", Problem("", unknown_campaign(
                workspace, args.campaign, shown_source(args.workspace))))
        until = None
        if args.until is not None:
            try:
                until = parse_time(args.until)
            except ValueError as exc:
                raise LoadError("--until", Problem("", str(exc))) from None
        scenario = load_scenario(args.scenario, workspace)
        if until is not None and until.timestamp() < scenario.start:
            raise LoadError("--until", Problem("", f"{args.until} is before the scenario's "
                                                   "start"))
        wants_json = bool(args.out or args.json)
        out_of_memory = False
        try:
            # The summary reads no journeys: not keeping them saves time and memory on a
            # big population (what happens is the same; journeys are only a record of it).
            sim = Simulation(workspace, scenario, seed=args.seed, campaign=args.campaign,
                             until=until, journeys="all" if wants_json else "none")
            try:
                result = sim.run()
            except ClockOutOfRange as exc:
                raise LoadError(args.scenario, exc.problem) from None
            del sim  # (its contacts and events: the result holds what is printed)
            # The JSON (every journey and log line) only when it is written: for a big
            # population it costs more than the run itself.
            text = result.to_json() if wants_json else ""
            printed = text if args.json else summary_text(result)
        except MemoryError:
            # Said once the run's half-made objects are gone with the exception (leaving
            # this block frees them): a population too big for the memory at hand.
            out_of_memory = True
        if out_of_memory:
            raise LoadError(args.scenario, scenario.memory_problem())
        if args.out:
            from ..io.atomic import write_text_atomic

            try:
                write_text_atomic(Path(args.out), text)
            except OSError as exc:
                raise LoadError("--out", Problem("", f"{args.out}: cannot write: "
                                                     f"{exc.strerror or exc}")) from None
        # --json prints the result JSON (SPEC §6), with --out too: --out adds the file
        try:
            sys.stdout.write(printed)
            if args.out:  # with --json, standard output is for JSON alone: the note goes
                sys.stdout.flush()  # to stderr, after what standard output was to get
                print(f"result JSON written to {args.out}",
                      file=sys.stderr if args.json else sys.stdout)
                sys.stdout.flush()
        except OutputError as exc:  # a full disk: the file was written all the same
            if args.out:
                exc.done = f"the result JSON was written to {args.out}"
            raise
        return 0
    except (LoadError, DomainError) as exc:
        print(one_line(hide_passwords(str(exc), [args.workspace])), file=sys.stderr)
        return 1


def _check_names(args: argparse.Namespace) -> None:
    """Refuses an empty file name (it would name the current folder), a folder given as
    an input, and ``--out -`` (the JSON goes to standard output with --json)."""
    from ..cli_sources import WORKSPACE_SOURCE, name_problem

    for label, value, wanted, output in (
            ("WORKSPACE", args.workspace, WORKSPACE_SOURCE, False),
            ("--scenario", args.scenario, "a .scenario.json file", False),
            ("--out", args.out, "a file to write the result JSON to", True)):
        problem = name_problem(label, value, wanted, output=output)
        if problem is not None:
            # --out's problems all begin "--out: " (QA: a device did not), as its others do
            named = not output or problem.startswith(f"{label}: ")
            raise LoadError("" if named else label, Problem("", problem))
    if args.out == "-":
        raise LoadError("--out", Problem("", "- is not a file: --json alone prints the result "
                                             "JSON on standard output"))


def unknown_campaign(workspace: Workspace, asked: str, source: str) -> str:
    """Why ``--campaign asked`` names no campaign of ``workspace``: a campaign's name given
    for its id says which id; else the ids there are (QA: it named none)."""
    named = [c.id for c in workspace.campaigns if c.name.casefold() == asked.casefold()]
    if named:
        return (f'"{asked}" is the name of the campaign with id "{named[0]}": --campaign '
                f"takes the id (--campaign {named[0]})")
    ids = ", ".join(f'"{c.id}"' for c in workspace.campaigns) or "none"
    return f'no campaign "{asked}" in {source} (its campaigns\' ids: {ids})'


def main(argv: list[str] | None = None) -> int:
    """Runs the subcommand on its own: ``python -m canvas_app.sim.cli simulate ...``, as
    ``canvas-app simulate ...`` runs it (its errors, a full disk or a closed pipe each
    one line, passwords in a URL hidden): the same entry point, not a copy of it."""
    from ..cli import main as app_main

    argv = list(sys.argv[1:] if argv is None else argv)
    return app_main(argv if argv[:1] == ["simulate"] else ["simulate", *argv])


if __name__ == "__main__":
    sys.exit(main())
