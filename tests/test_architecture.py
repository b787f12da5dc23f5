"""House rule 1: the domain, io, store and sim packages never import Qt."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ("domain", "io", "store", "sim")


def _qt_free_modules() -> list[str]:
    modules = []
    for package in QT_FREE:
        folder = ROOT / "canvas_app" / package
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules.append(".".join(parts))
    return modules


def test_qt_free_packages_have_no_qt_import_statements():
    offenders = []
    for package in QT_FREE:
        for path in (ROOT / "canvas_app" / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")
                       for n in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_importing_qt_free_packages_loads_no_qt():
    modules = _qt_free_modules()
    assert "canvas_app.domain.workspace" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    if m.endswith('.migrations.env') or '.migrations.versions' in m:\n"
        "        continue\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == ""


def test_json_only_commands_do_not_load_the_database_libraries(tmp_path):
    """``canvas-app validate x.campaign.json`` waited 1.5 s for SQLAlchemy and Alembic."""
    sample = ROOT / "resources" / "samples" / "pool-store.campaign.json"
    code = ("import sys; from canvas_app.cli import main; "
            f"rc = main(['validate', {str(sample)!r}]); "
            "print('LOADED' if 'sqlalchemy' in sys.modules else 'CLEAN', rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "CLEAN 0", result.stderr


def test_editing_does_not_import_the_ui_at_module_level():
    """Layers point one way: ui -> editing -> domain. The controller opens the editors'
    dialogs through a function-level import (its one entry point, DESIGN), nothing more."""
    offenders = []
    for path in (ROOT / "canvas_app" / "editing").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only
            if isinstance(node, ast.ImportFrom) and node.module and (
                    node.module.startswith("ui") or node.module.startswith("canvas_app.ui")
                    or (node.level >= 2 and node.module.split(".")[0] == "ui")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
