"""PySide6 6.12.0 aborts on Python 3.11 after a few thousand None-returning calls.

This repeats the reproduction from shared/TESTING.md so that an upgrade that brings the bug
back fails CI instead of crashing users.
"""

import subprocess
import sys


def test_many_none_returning_qt_calls_do_not_abort():
    code = (
        "from PySide6 import QtCore, QtGui\n"
        "p = QtCore.QPointF(1, 2)\n"
        "path = QtGui.QPainterPath()\n"
        "for i in range(20000):\n"
        "    p.setX(3.0)\n"
        "    path.lineTo(float(i % 50), 1.0)\n"
        "print('ok', p.x())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "ok 3.0"


def test_pyside6_version_is_in_the_pinned_range():
    import PySide6

    major, minor, patch = (int(x) for x in PySide6.__version__.split(".")[:3])
    assert (6, 11, 3) <= (major, minor, patch) < (6, 12, 0)
