"""The Qt user interface of Campaign Canvas."""
