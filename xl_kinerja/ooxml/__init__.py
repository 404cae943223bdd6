"""Generic OOXML package handling (the .xlsx/.xlsm ZIP): reading a package safely once per
run, streaming worksheet cells with their types, and editing parts by text splices while
copying every other member byte for byte. Nothing here knows about SAKIP or our sheets.
"""
from __future__ import annotations

from .app import app_dengan_lembar
from .bagian import bagian_milik, nama_bebas, relatif, rid_baru, xml_rels
from .buku import IsiBuku, Lembar, baca_buku, buang_calcchain, calcchain_memuat, tambah_lembar
from .gaya import Gaya, bagian_gaya
from .jenis import jenis_buku, jenis_dengan, periksa_paket
from .lembar import LembarBaru
from .paket import BATAS_BAGIAN, BATAS_PAKET, Paket, pemilik_rels, rels_dari, target_bagian
from .rujukan import huruf_kolom, indeks_kolom, koordinat, rujukan_lembar, urai_area, urai_rujukan, urai_sel
from .sel import SEL_KOSONG, Sel, baca_lembar
from .zip import PenulisZip, waktu_zip

__all__ = ["BATAS_BAGIAN", "BATAS_PAKET", "Gaya", "IsiBuku", "Lembar", "LembarBaru", "Paket",
           "PenulisZip", "SEL_KOSONG", "Sel", "app_dengan_lembar", "bagian_gaya",
           "bagian_milik", "baca_buku", "baca_lembar", "buang_calcchain", "calcchain_memuat",
           "huruf_kolom", "indeks_kolom", "jenis_buku", "jenis_dengan", "koordinat",
           "nama_bebas", "pemilik_rels", "periksa_paket", "relatif", "rels_dari", "rid_baru",
           "rujukan_lembar", "tambah_lembar", "target_bagian", "urai_area", "urai_rujukan",
           "urai_sel", "waktu_zip", "xml_rels"]
