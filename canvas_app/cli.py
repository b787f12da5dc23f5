"""The ``canvas-app`` command line (SPEC §6).

``canvas-app [WORKSPACE]`` or ``canvas-app gui [WORKSPACE]`` opens the desktop app;
``validate``, ``import``, ``export`` and ``simulate`` work without a window. Exit codes: 0 on
success, 1 on invalid input (one clear line on stderr, nothing written), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.machinery
import importlib.util
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .cli_output import (  # noqa: F401  (importable from here, as before)
    CLOSED_PIPE_EXIT,
    GuardedOutput,
    OutputError,
    discard_output,
    err,
    one_line,
    output_failed,
)
from .cli_sources import (  # noqa: F401  (importable from here, as before)
    STDOUT,
    WORKSPACE_SOURCE,
    hide_passwords,
    name_problem,
    shown_source,
    sqlite_url_file,
    url_problem,
)

if TYPE_CHECKING:
    from .domain.campaign import Finding
    from .domain.workspace import Workspace

COMMANDS = ("gui", "validate", "import", "export", "simulate")
# Modules that add a subcommand: each has add_parser(subparsers) and run(args) -> int. A
# module is imported only when its command is named on the command line (importing the
# simulation takes about 0.4 s that validate, import and export do not need); otherwise the
# command is listed with its one-line help from PLUGIN_HELP, which must be the module's own
# (a test compares the two).
PLUGIN_COMMANDS = {"simulate": "canvas_app.sim.cli"}
PLUGIN_HELP = {"simulate": "simulate a scenario over a workspace and print what happened"}


def _names_problem(args: argparse.Namespace) -> str | None:
    """The first unusable name among the command's files (simulate checks its own)."""
    checks: dict[str, list[tuple[str, str, str, bool]]] = {
        "gui": [("workspace", "WORKSPACE", WORKSPACE_SOURCE, False)],
        "validate": [("file", "FILE", WORKSPACE_SOURCE, False)],
        "import": [("file", "FILE", "a .campaign.json file", False),
                   ("db", "--db", "a SQLite file or a SQLAlchemy URL", False)],
        "export": [("db", "--db", "a SQLite file or a SQLAlchemy URL", False),
                   ("output", "-o", "a .campaign.json file to write", True)],
    }
    for dest, label, wanted, output in checks.get(args.command, []):
        problem = name_problem(label, getattr(args, dest, None), wanted, output=output)
        if problem is not None:
            return problem
    return None


def _gui_after_bad_name(source: str, problem: str) -> int | None:
    """The app started on a name that is no workspace (a folder, a device, a pipe): where
    windows can be shown, the one line on stderr is followed by the box a workspace that
    did not open gets (Open Another / Open Your Workspace / Quit), so someone starting
    from a launcher sees it; the app then runs on the one chosen. None where no window
    can be shown: the one line alone, as before."""
    from PySide6.QtWidgets import QApplication

    from .app import (
        APPLICATION,
        ORGANIZATION,
        ask_after_failed_start,
        can_show_windows,
        configure_qt,
        display_problem,
        run_gui,
    )
    if QApplication.instance() is None:
        if display_problem() is not None:
            return None
        configure_qt()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if not can_show_windows(app):
        return None
    print(f"canvas-app: {hide_passwords(problem, [source])}", file=sys.stderr)
    if "://" not in source and problem.startswith(f"{source}:"):
        # the box names the file whole, as for every other start that fails (QA 21)
        problem = f"{Path(source).absolute()}{problem[len(source):]}"
    choice = ask_after_failed_start(source, hide_passwords(problem, [source]))
    if choice is None:
        return 1
    if choice:
        return run_gui(choice)
    # "" is your workspace: opened as a start with no argument opens it (seeded with the
    # sample on a first run), not by its URL (an empty store, shown empty).
    return run_gui(None, reopen_last=False)


def cmd_gui(args: argparse.Namespace) -> int:
    from .app import run_gui

    return run_gui(args.workspace)


def finding_places(workspace: Workspace) -> Callable[[Finding], str]:
    """Where a lint finding is, as the file's errors say it (C6): the JSON path of its
    node, or campaign, then the node's id: ``campaigns[0].nodes[2]: (node n-3) ``; ""
    for the workspace's own."""
    campaigns = {c.id: i for i, c in enumerate(workspace.campaigns)}
    nodes = {(c.id, node.id): f"campaigns[{i}].nodes[{j}]"
             for i, c in enumerate(workspace.campaigns) for j, node in enumerate(c.nodes)}

    def place(finding: Finding) -> str:
        if finding.campaign_id not in campaigns:
            return ""
        campaign = f"campaigns[{campaigns[finding.campaign_id]}]"
        if finding.node_id is None:
            return f"{campaign}: "
        path = nodes.get((finding.campaign_id, finding.node_id), campaign)
        return f"{path}: (node {finding.node_id}) "
    return place


def cmd_validate(args: argparse.Namespace) -> int:
    from .domain.counting import counted
    from .sources import open_workspace

    workspace = open_workspace(args.file)  # refuses errors, from a store too (R11)
    shown = shown_source(args.file)  # a URL's password is never printed
    place = finding_places(workspace)
    for finding in workspace.lint():
        print(one_line(f"warning: {shown}: {place(finding)}{finding.message}"))
    nodes = sum(len(c) for c in workspace.campaigns)
    print(f"{one_line(shown)}: valid ({counted(len(workspace.campaigns), 'campaign')}, "
          f"{counted(nodes, 'node')}, {counted(len(workspace.catalog.products), 'product')})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .backups import keep_before_replacing
    from .io import load_workspace
    from .io.atomic import no_folder_words
    from .sources import sqlite_path, store_label
    from .store import Store, StoreError, default_db_url, resolve_url
    from .store.repository import safe_url

    url = resolve_url(args.db) if args.db else default_db_url()
    database = sqlite_path(args.db or url)
    if database is not None and database.lower().endswith(".json"):  # a path or sqlite:///
        raise StoreError(f"{args.db}: --db takes a store (a SQLite .db file or a database "
                         "URL), not a JSON file: to write a store's workspace to a "
                         ".campaign.json, use canvas-app export --db STORE -o FILE")
    _refuse_a_store_as_file(args.file)
    workspace = load_workspace(args.file)
    if database is not None and not Path(database).parent.is_dir():  # as for a file to write
        raise StoreError(f"{args.db or url}: {no_folder_words(Path(database).parent)}")
    if database is not None and not Path(database).exists():
        # a new file: made whole beside it, then renamed (a failed import, a full disk,
        # left an empty file: QA 21); nothing there to keep a copy of
        from .documents import Document, DocumentError

        try:
            Document(database).save(workspace)
        except DocumentError as exc:
            raise StoreError(str(exc)) from None
        return _imported(args, url, workspace, False, None)
    # named as given, as validate and export name it (QA 23d: "sqlite:////tmp/…/trunc.db")
    label = store_label(args.db) if args.db else safe_url(url)
    with Store(url, label=label) as store:
        replaced = not store.is_empty()
        try:
            kept = keep_before_replacing(store, url, workspace) if replaced else None
        except OSError as exc:
            raise StoreError(f"{label}: could not keep a copy of the workspace this "
                             f"import would replace ({exc.strerror or exc}); nothing was "
                             "imported") from exc
        store.save(workspace)
    return _imported(args, url, workspace, replaced, kept)


def _refuse_a_store_as_file(file: str) -> None:
    """A SQLite store given where a .campaign.json file is expected is said to be one, with
    what to do (QA 23d: only "not a text file (it holds binary data)")."""
    import shlex

    from .documents import is_sqlite_file
    from .domain.errors import Problem
    from .io import LoadError

    if is_sqlite_file(Path(file)):
        raise LoadError(file, Problem(
            "", "this is a SQLite store, not a .campaign.json file: to copy its workspace "
                f"to a file, use canvas-app export --db {shlex.quote(file)} -o FILE"))


def _imported(args: argparse.Namespace, url: str, workspace: Workspace, replaced: bool,
              kept: Path | None) -> int:
    """The import's report: where it went, and where the workspace it replaced is kept."""
    from .domain.counting import counted
    from .store.repository import safe_url

    verb = "replaced the workspace in" if replaced else "imported into"
    with _done_before_output(f"{args.file} was imported into {safe_url(url)}"):
        print(f"{args.file}: {verb} {safe_url(url)} "
              f"({counted(len(workspace.campaigns), 'campaign')})")
        if kept is not None:
            print(f"the workspace it replaced was saved to {kept}")
        sys.stdout.flush()
    return 0


@contextlib.contextmanager
def _done_before_output(done: str) -> Iterator[None]:
    """A command's report of what it wrote: if standard output fails (a full disk), its
    one line of failure says what was written all the same (the files stay)."""
    try:
        yield
    except OutputError as exc:
        exc.done = done
        raise


def cmd_export(args: argparse.Namespace) -> int:
    from .data_folder import default_db_url_for_reading
    from .domain.counting import counted
    from .io import save_workspace
    from .sources import missing_file_words, missing_sqlite_file, read_store
    from .store import StoreError, resolve_url
    from .store.repository import safe_url

    # Export only reads: the default store is looked for, the data folder never made.
    url = resolve_url(args.db) if args.db else default_db_url_for_reading()
    missing = missing_sqlite_file(args.db or url)
    if missing is not None:
        raise StoreError(f"{args.db}: {missing_file_words(missing)}" if args.db else
                         f"there is no workspace to export yet ({missing} does not exist): "
                         "open the app or import a file first")
    to_stdout = args.output == STDOUT
    if not to_stdout:
        from .io.atomic import output_problem

        database = sqlite_file_of(url)
        problem = output_problem(Path(args.output), [database] if database else [])
        if problem is not None:
            raise StoreError(f"{args.output}: {problem}")
    workspace = read_store(args.db or url)  # read-only: never migrates or creates tables
    if to_stdout:
        from .io.workspace_file import dumps_workspace

        sys.stdout.write(dumps_workspace(workspace))
        sys.stdout.flush()
    else:
        try:
            save_workspace(workspace, args.output)
        except OSError as exc:  # named as given (write_text_atomic never names its temporary)
            raise StoreError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    shown = "standard output" if to_stdout else args.output
    # With -o -, standard output holds the JSON alone: the report goes to stderr.
    with _done_before_output("" if to_stdout else f"the workspace was exported to {shown}"):
        print(f"exported {safe_url(url)} to {shown} "
              f"({counted(len(workspace.campaigns), 'campaign')})",
              file=sys.stderr if to_stdout else sys.stdout)
        sys.stdout.flush()
    _warn_of_errors(workspace, shown)
    return 0


def sqlite_file_of(url: str) -> str | None:
    """The file of a ``sqlite:///`` URL (None for other databases and in-memory SQLite)."""
    return sqlite_url_file(url)


def _warn_of_errors(workspace: Workspace, output: str) -> None:
    """A store may hold a workspace saved with errors (the app saves work in progress, R11
    refuses it elsewhere): the copy is written whole, and the first error is named."""
    errors = [f for f in workspace.lint() if f.severity == "error"]
    if not errors:
        return
    from .domain.lint import finding_text

    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    print(one_line(f"warning: {output}: {finding_text(workspace, errors[0])}{more}; validate, "
                   "import and simulate refuse it until this is fixed in the app"),
          file=sys.stderr)


def _plugin_present(module_name: str) -> bool:
    """Whether the module exists, found without importing it or its package."""
    parent_name, _, leaf = module_name.rpartition(".")
    try:
        parent = importlib.util.find_spec(parent_name)  # canvas_app is imported already
    except ModuleNotFoundError:
        return False
    if parent is None or parent.submodule_search_locations is None:
        return False
    return importlib.machinery.PathFinder.find_spec(
        leaf, list(parent.submodule_search_locations)) is not None


def build_parser(argv: Sequence[str] | None = None,
                 ) -> tuple[argparse.ArgumentParser, dict[str, Callable[..., int]]]:
    """The parser and each command's handler. A plugin command's module is imported only
    when ``argv`` names it (all are when ``argv`` is None): the others get a stand-in
    listed with the same help, which nothing but their own name on the line selects."""
    parser = argparse.ArgumentParser(
        prog="canvas-app",
        description="Campaign Canvas: design marketing campaigns and simulate them.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, Callable[..., int]] = {}

    p = sub.add_parser("gui", help="open the desktop app (the default)")
    p.add_argument("workspace", nargs="?", metavar="WORKSPACE",
                   help="a .campaign.json file, a SQLite file or a SQLAlchemy URL "
                        "(default: your workspace in the app's data folder)")
    handlers["gui"] = cmd_gui

    p = sub.add_parser("validate", help="check a workspace and print lint warnings")
    p.add_argument("file", metavar="FILE", help="a .campaign.json file, SQLite file or URL")
    handlers["validate"] = cmd_validate

    p = sub.add_parser(
        "import", help="load a .campaign.json file into a store",
        description="Loads a .campaign.json workspace into a store, replacing the workspace "
                    "it holds (which is first copied to the data folder's backups/). A file "
                    "with errors is refused and nothing is written.")
    p.add_argument("file", metavar="FILE", help="the .campaign.json file to load")
    p.add_argument("--db", metavar="URL", help="the store: a SQLAlchemy URL or a SQLite file "
                   "(default: the app's own SQLite file in your data folder)")
    handlers["import"] = cmd_import

    p = sub.add_parser(
        "export", help="write a store's workspace to a .campaign.json file",
        description="Writes the workspace of a store to a .campaign.json file; the store is "
                    "only read.")
    p.add_argument("--db", metavar="URL", help="the store: a SQLAlchemy URL or a SQLite file "
                   "(default: the app's own SQLite file in your data folder)")
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help="the .campaign.json file to write (replaced if it exists; its folder "
                        "must exist); - writes the JSON to standard output")
    handlers["export"] = cmd_export

    for name, module_name in PLUGIN_COMMANDS.items():
        if argv is not None and name not in argv:
            if _plugin_present(module_name):
                sub.add_parser(name, help=PLUGIN_HELP[name])
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(sub)
        handlers[name] = module.run
    return parser, handlers


def _looks_like_a_command(word: str) -> bool:
    """A bare word that is neither a command nor something that could be a workspace (no
    dot, slash or URL, and no such file): a mistyped command."""
    return (word not in COMMANDS and not word.startswith("-") and word.isidentifier()
            and not Path(word).exists())


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and _looks_like_a_command(argv[0]):
        print(f"canvas-app: unknown command {argv[0]!r} (commands: {', '.join(COMMANDS)}; "
              "or give a workspace file to open)", file=sys.stderr)
        return 2
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["gui", *argv]
    parser, handlers = build_parser(argv)
    usage = io.StringIO()  # argparse quotes arguments in its errors: a URL's password too
    try:
        with contextlib.redirect_stderr(usage), \
                contextlib.redirect_stdout(GuardedOutput(sys.stdout)), _told_at_exit():
            args, extra = parser.parse_known_args(argv)
            if extra:  # the command's own usage (QA: it was the top-level one)
                _command_parser(parser, args.command).error(
                    f"unrecognized arguments: {' '.join(extra)}")
            handler = handlers.get(args.command)
            if handler is None:
                parser.error(f"the command {args.command!r} is not available in this build")
    finally:
        sys.stderr.write(hide_passwords(_usage_text(usage.getvalue()), argv))
    try:
        if args.command == "gui":  # (the app writes nothing there)
            return _run(args, handler)
        with contextlib.redirect_stdout(GuardedOutput(sys.stdout)):
            code = _run(args, handler)
            sys.stdout.flush()  # a full disk shows when the buffer is written
        return code
    except _Failed as failed:
        return err(hide_passwords(failed.message, argv))
    except OutputError as exc:
        return output_failed(exc)


@contextlib.contextmanager
def _told_at_exit() -> Iterator[None]:
    """What ``--help`` and ``--version`` printed is flushed before they exit 0; standard
    output that cannot take it exits 1 with one line, as for every command (QA 21: they
    exited 0 on a full disk)."""
    try:
        yield
    except OutputError as exc:  # the text written at once (argparse writes it whole)
        raise SystemExit(output_failed(exc)) from None
    except SystemExit as done:
        if done.code in (0, None):
            try:
                sys.stdout.flush()
            except OutputError as exc:
                raise SystemExit(output_failed(exc)) from None
        raise


def _command_parser(parser: argparse.ArgumentParser,
                    command: str | None) -> argparse.ArgumentParser:
    """The parser of ``command`` (``parser`` itself for none)."""
    for action in parser._actions:  # noqa: SLF001  (argparse keeps its subparsers there)
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:  # noqa: SLF001
            return action.choices[command]
    return parser


# argparse's line for a bad option value: "canvas-app simulate: error: argument --seed: ..."
_BAD_VALUE = re.compile(r"^canvas-app(?: \w+)?: error: argument \S+: ", re.MULTILINE)


def _usage_text(text: str) -> str:
    """What argparse wrote, but a bad option value (``--until garbage``, ``--seed abc``) is
    its one line, without the usage before it: the line says all (still exit 2)."""
    match = _BAD_VALUE.search(text)
    if match is None:
        return text
    return one_line(text[match.start():].splitlines()[0]) + "\n"


class _Failed(Exception):
    """A command's one line of failure, before its passwords are hidden."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _run(args: argparse.Namespace, handler: Callable[..., int]) -> int:
    """Runs the command; a failure is raised as :class:`_Failed` with its one line."""
    problem = _names_problem(args)
    if problem is not None and args.command == "gui":
        shown = _gui_after_bad_name(args.workspace, problem)
        if shown is not None:
            return shown
    if problem is not None:
        raise _Failed(problem)
    from .io import LoadError

    try:
        from .store import StoreError
    except ImportError:  # the store package is optional for JSON-only commands
        StoreError = LoadError  # noqa: N806
    try:
        return int(handler(args))
    except (LoadError, StoreError) as exc:
        raise _Failed(str(exc) + wrong_password_hint(exc)) from None
    except OSError as exc:
        from .data_folder import data_folder_problem

        problem = data_folder_problem(exc, "or give the store with --db URL")
        if problem is not None:
            raise _Failed(f"canvas-app: {problem}") from None
        name = exc.filename or ""
        raise _Failed(f"{name}: {exc.strerror or exc}" if name else str(exc)) from None
    except KeyboardInterrupt:
        raise _Failed("interrupted") from None
    except MemoryError:
        pass  # said below, once what the command had made is freed with the exception
    # (simulate says which population was too big; this is for anything else, such as a
    # file near the size limit read with little memory to spare)
    raise _Failed(f"canvas-app: {args.command}: not enough memory to finish")


if __name__ == "__main__":
    sys.exit(main())


def wrong_password_hint(exc: Exception) -> str:
    """Where the password the server refused came from, on the command line (QA: with no
    password the message says where to give one; with a wrong one it said nothing of
    where to put it right). The window asks again instead, so the store does not say it."""
    try:
        from .store import PasswordRefused
    except ImportError:  # no store: no server to refuse a password
        return ""
    if isinstance(exc, PasswordRefused) and exc.given:
        return " (check the password in the URL, postgresql://USER:PASSWORD@HOST/DATABASE)"
    return ""
