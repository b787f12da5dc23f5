"""Editing: undo commands that change only the domain, and the controller that makes them."""
