"""The app's one colour scheme: light, whatever the desktop's.

The canvas, its icons, badges and charts, and the toolbar's icons are drawn in fixed light
colours; under a dark desktop palette the window's frame turned dark around them and the
toolbar's dark icons all but vanished. Until there is a dark look throughout, the app keeps
Fusion's light palette (these colours are Fusion's own) and tells Qt its scheme is light.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

ACTIVE = {
    Role.WindowText: "#000000", Role.Button: "#efefef", Role.Light: "#ffffff",
    Role.Midlight: "#cacaca", Role.Dark: "#9f9f9f", Role.Mid: "#b8b8b8",
    Role.Text: "#000000", Role.BrightText: "#ffffff", Role.ButtonText: "#000000",
    Role.Base: "#ffffff", Role.Window: "#efefef", Role.Shadow: "#767676",
    Role.Highlight: "#308cc6", Role.HighlightedText: "#ffffff", Role.Link: "#0000ff",
    Role.LinkVisited: "#ff00ff", Role.AlternateBase: "#f7f7f7", Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000", Role.PlaceholderText: "#80000000", Role.Accent: "#308cc6",
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
