"""The Qt-free domain model of Campaign Canvas: catalog, node kinds, campaigns, workspace."""
