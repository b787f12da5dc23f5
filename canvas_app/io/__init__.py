"""The JSON interchange format (SPEC §6): schemas, loading with located errors, saving."""

from .errors import LoadError
from .workspace_file import (
    load_workspace,
    save_workspace,
    workspace_from_data,
    workspace_to_data,
)

__all__ = ["LoadError", "load_workspace", "save_workspace", "workspace_from_data",
           "workspace_to_data"]
