"""The campaign each workspace showed last, kept in the settings, so that reopening a
workspace shows the campaign the user left it on (QA: it always showed the first)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from ..documents import Document, settings_key

KEY = "workspaces/lastCampaign"
KEPT = 30  # workspaces remembered; the one used longest ago is forgotten first


def _all(settings: QSettings) -> dict[str, str]:
    try:
        found = json.loads(str(settings.value(KEY, "{}")))
    except ValueError:  # edited by hand, or by another version: start again
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def remembered(settings: QSettings, document: Document | None) -> str | None:
    """The id of the campaign ``document`` showed last, if known."""
    if document is None:
        return None
    return _all(settings).get(settings_key(document.source))


def remember(settings: QSettings, document: Document | None, campaign_id: str | None) -> None:
    """Notes that ``document`` shows ``campaign_id`` (nothing for an untitled workspace)."""
    if document is None or campaign_id is None:
        return
    kept, key = _all(settings), settings_key(document.source)
    if kept.get(key) == campaign_id:
        return
    kept.pop(key, None)
    kept[key] = campaign_id  # last in: the most recent
    settings.setValue(KEY, json.dumps(dict(list(kept.items())[-KEPT:])))
