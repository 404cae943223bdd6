"""Generic OOXML package handling (the .xlsx/.xlsm ZIP): reading a package safely once per
run, streaming worksheet cells with their types, and editing parts by text splices while
copying every other member byte for byte. Nothing here knows about SAKIP or our sheets.
"""
from __future__ import annotations

from .buku import IsiBuku, Lembar, baca_buku
from .paket import BATAS_BAGIAN, BATAS_PAKET, Paket
from .rujukan import huruf_kolom, indeks_kolom, koordinat, urai_area, urai_rujukan, urai_sel
from .sel import SEL_KOSONG, Sel, baca_lembar

__all__ = ["BATAS_BAGIAN", "BATAS_PAKET", "IsiBuku", "Lembar", "Paket", "SEL_KOSONG", "Sel",
           "baca_buku", "baca_lembar", "huruf_kolom", "indeks_kolom", "koordinat",
           "urai_area", "urai_rujukan", "urai_sel"]
