"""The app's one colour scheme: light, whatever the desktop's.

The canvas, its icons, badges and charts, and the toolbar's icons are drawn in fixed light
colours; under a dark desktop palette the window's frame turned dark around them and the
toolbar's dark icons all but vanished. Until there is a dark look throughout, the app keeps
Fusion's light palette (these colours are Fusion's own) and tells Qt its scheme is light.

Two of Fusion's colours are darker here, so that text on or in them reaches WCAG's 4.5:1
(accessibility QA):
- the selection's blue (HIGHLIGHT): white on Fusion's #308cc6 was 3.69:1 in every focused
  list and table, highlighted menu item and combo pop-up;
- PLACEHOLDER, the grey of placeholders in fields and of help text (``help_label``, which
  says ``palette(placeholder-text)``): Fusion's half-transparent black came out #7f7f7f on
  white (4.0:1) and #767676 on a group box's #ececec (3.8:1).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# White on it: 5.64:1 (Fusion's #308cc6: 3.69:1); the same blue, a shade deeper. Deeper
# than the 4.5:1 it needs, as Fusion lays a translucent tint over the current row of a list
# that shows the keyboard's focus, text and all: white text there is painted #e5f0fa, which
# on this blue is 4.8:1 (on #1f6fb5 it was 4.5:1).
HIGHLIGHT = "#1c6aae"
# Opaque, so it is the same on every ground: 5.80:1 on white (Base), 5.04:1 on the window's
# #efefef and 4.91:1 on the #ececec inside a group box; still plainly lighter than the
# black of typed text and labels.
PLACEHOLDER = "#5f6670"

ACTIVE = {
    Role.WindowText: "#000000", Role.Button: "#efefef", Role.Light: "#ffffff",
    Role.Midlight: "#cacaca", Role.Dark: "#9f9f9f", Role.Mid: "#b8b8b8",
    Role.Text: "#000000", Role.BrightText: "#ffffff", Role.ButtonText: "#000000",
    Role.Base: "#ffffff", Role.Window: "#efefef", Role.Shadow: "#767676",
    Role.Highlight: HIGHLIGHT, Role.HighlightedText: "#ffffff", Role.Link: "#0000ff",
    Role.LinkVisited: "#ff00ff", Role.AlternateBase: "#f7f7f7", Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000", Role.PlaceholderText: PLACEHOLDER, Role.Accent: HIGHLIGHT,
}
# A list without the keyboard shows its selection dimmed, dark text on light grey-blue (as
# Qt's native styles do): with the Active colours in every list, the palette, Campaigns
# and Warnings all showed the same strong blue, and one could not tell which had the keys.
# (Item views draw their items in the Inactive group while they lack the focus.)
INACTIVE = {
    **ACTIVE,
    Role.Highlight: "#d3dde8", Role.HighlightedText: "#1f2933",
}
DISABLED = {
    **ACTIVE,
    Role.WindowText: "#bebebe", Role.Dark: "#bebebe", Role.Text: "#bebebe",
    Role.ButtonText: "#bebebe", Role.Base: "#efefef", Role.Shadow: "#b1b1b1",
    Role.Highlight: "#919191", Role.Accent: "#919191",
}


def light_palette() -> QPalette:
    palette = QPalette()
    for group, colours in ((Group.Active, ACTIVE), (Group.Inactive, INACTIVE),
                           (Group.Disabled, DISABLED)):
        for role, colour in colours.items():
            palette.setColor(group, role, QColor(colour))
    return palette


def use_light_palette(app: QGuiApplication) -> None:
    """Sets the light palette (an application palette set once stays, whatever the
    desktop's theme does later) and the light colour scheme for what asks Qt for it."""
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())
