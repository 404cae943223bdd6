"""Package faces whose names are imported on first use (PEP 562).

The CLI builds every command's parser at start, and one module of a package is often all a
command needs (`periksa` of a workbook needs `impor.sel`, not the Word reader or the
workbook writer behind `impor`'s face). A face built here re-exports its names without
importing their modules until a name is asked for, so importing one submodule does not
load the whole package.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable


def muka_malas(paket: str, dari: dict[str, str], lingkup: dict
               ) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for the face of package `paket` (its `__name__`):
    `dari` maps each public name to the submodule that defines it; `lingkup` is the face's
    `globals()`, where a name is kept once imported."""
    def __getattr__(nama: str):
        modul = dari.get(nama)
        if modul is None:
            raise AttributeError(f"module {paket!r} has no attribute {nama!r}")
        nilai = getattr(importlib.import_module(f".{modul}", paket), nama)
        lingkup[nama] = nilai
        return nilai

    def __dir__() -> list[str]:
        return sorted(set(lingkup) | set(dari))

    return __getattr__, __dir__
