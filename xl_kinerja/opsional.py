"""Optional third-party packages (the extras in pyproject.toml), loaded when a call needs
them: the command line never does, so `pip install xl-kinerja` runs every command without
them, and a library call that needs one says in Indonesian how to install it."""
from __future__ import annotations

import importlib
from types import ModuleType

from .errors import KesalahanXlKinerja


def pandas() -> ModuleType:
    """The pandas module (extra "pandas"), for the `ke_dataframe` calls."""
    try:
        return importlib.import_module("pandas")  # lazy: optional extra, off the CLI path
    except ImportError:
        raise KesalahanXlKinerja(
            'pandas belum terpasang; ke_dataframe() memerlukannya: '
            'pip install "xl-kinerja[pandas]"') from None
