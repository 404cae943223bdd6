"""Write the rekap sheet straight into the xlsx package (ZIP), copying everything else as is.

Why not openpyxl: loading and re-saving a whole workbook rewrites every part (slow, and it
drops what openpyxl does not model: VBA, shapes, pivot tables, ...). Here only these parts
change:

- the worksheet "Rekap TW N", its drawing and two native charts (new parts; on a re-run the
  old sheet's parts are removed first and the same part names are used again);
- `[Content_Types].xml` (overrides of those parts), `xl/workbook.xml` and its rels (the
  `<sheet>` entry, only when the sheet is new), `xl/styles.xml` (a bold font and a few
  cell formats, appended at the END of their lists so existing indices stay valid, and
  reused on the next run, so styles do not grow per run);
- `xl/calcChain.xml` is dropped only if it lists formulas of the old rekap sheet (Excel
  rebuilds it silently).

Every other member is copied byte for byte (its compressed data as stored). The generic
package work (reading, text splices, styles, content types, app.xml, the zip writer, the
new sheet's XML) lives in `xl_kinerja.ooxml`; this module decides what the rekap replaces.
A replaced sheet keeps its place among the sheets, a new one goes last, so sheet indices
(`localSheetId` of defined names, `activeTab`) stay valid.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import KesalahanBerkas
from ..ooxml.app import app_dengan_lembar
from ..ooxml.bagian import bagian_milik, nama_bebas, relatif, rid_baru, xml_rels
from ..ooxml.buku import (
    baca_buku,
    buang_calcchain,
    calcchain_memuat,
    nama_lokal_lembar,
    tambah_lembar,
    tambah_nama,
)
from ..ooxml.gaya import Gaya, bagian_gaya
from ..ooxml.jenis import jenis_buku, jenis_dengan, periksa_paket
from ..ooxml.lembar import LembarBaru
from ..ooxml.paket import Paket, rels_dari
from ..ooxml.rujukan import rujukan_lembar
from ..ooxml.sel import Konteks, baca_lembar, teks_bersama
from ..ooxml.skema import (
    CT_CHART,
    CT_DRAWING,
    CT_WORKSHEET,
    NS_MAIN,
    NS_R,
    RT_CHART,
    RT_DRAWING,
    RT_WORKSHEET,
)
from ..ooxml.teks import attr_xml, cari_tag, sisip_akhir
from ..ooxml.zip import PenulisZip, waktu_zip

PenulisPaket = LembarBaru  # the layout target's earlier name (tests, scripts)
__all__ = ["NS_MAIN", "PenulisPaket", "jenis_buku", "tulis_paket"]


def tulis_paket(sumber, tujuan, nama: str, penulis_isi, waktu: str) -> HasilPaket:
    """Write `tujuan` = `sumber` + worksheet `nama`.

    A sheet of that name (any case) is replaced only when the rekap wrote it (the hidden
    sheet-scope name PENANDA_REKAP, or an earlier version's layout); a user's own sheet of
    that name is left alone and the rekap goes to `nama (2)` (or the next free/own name).
    `penulis_isi(p: LembarBaru)` fills the layout. Returns the sheet written and notes
    (Indonesian) about what changed beyond it (e.g. calcChain dropped)."""
    pk, sendiri = Paket.atau_buka(sumber)
    try:
        return _tulis(pk, Path(tujuan), nama, penulis_isi, waktu_zip(waktu))
    finally:
        if sendiri:
            pk.close()


def _tulis(pk: Paket, tujuan: Path, nama_diminta: str, penulis_isi, waktu) -> HasilPaket:
    catatan: list[str] = []
    bk = pk.bagian_buku()
    teks_bk, akar_bk = pk.xml(bk)
    if akar_bk.tag != f"{{{NS_MAIN}}}workbook":
        raise KesalahanBerkas("format buku kerja tidak didukung (bukan SpreadsheetML "
                              "transisional, mis. Strict Open XML); simpan ulang sebagai "
                              "\"Excel Workbook (.xlsx)\"", berkas=pk.path)
    rels_bk = pk.rels(bk)
    per_id = {r[0]: r for r in rels_bk}
    lembar = []
    for el in akar_bk.iter(f"{{{NS_MAIN}}}sheet"):
        lembar.append((el.get("name"), el.get("sheetId"), el.get(f"{{{NS_R}}}id")))
    nama, lama, indeks = _lembar_tujuan(pk, akar_bk, lembar, per_id, nama_diminta)
    if nama != nama_diminta:
        milik = next(x[0] for x in lembar if (x[0] or "").lower() == nama_diminta.lower())
        catatan.append(f"lembar '{milik}' bukan buatan rekap (lembar pengguna) dan "
                       f"dibiarkan; rekap ditulis ke lembar '{nama}'")
    ubah: dict[str, bytes] = {}
    hapus: set[str] = set()
    buang_cc = False
    semua = {n.lower() for n in pk.info}

    if lama is not None:
        rel = per_id.get(lama[2])
        if rel is None or rel[2] is None:
            raise KesalahanBerkas(f"lembar '{nama}' tidak memiliki bagian lembar kerja",
                                  berkas=pk.path)
        if rel[1] != RT_WORKSHEET:
            raise KesalahanBerkas(f"lembar '{nama}' sudah ada tetapi bukan lembar kerja biasa "
                                  "(mis. lembar grafik); ganti namanya dulu", berkas=pk.path)
        bagian_lembar = pk.ada(rel[2]) or rel[2]
        hapus = bagian_milik(pk, bagian_lembar, bk, lama[2])
        buang_cc = calcchain_memuat(pk, rels_bk, lama[1])
        rid_lembar = None
    else:
        bagian_lembar = nama_bebas(semua, "xl/worksheets/sheet{}.xml")
        rid_lembar = rid_baru(rels_bk)
    terpakai = semua - {h.lower() for h in hapus}
    terpakai.add(bagian_lembar.lower())

    # layout -> cells; styles
    p = LembarBaru(nama)
    penulis_isi(p)
    bg = bagian_gaya(pk, bk, rels_bk)
    teks_gaya, akar_gaya = pk.xml(bg)
    gaya_obj = Gaya(teks_gaya, akar_gaya)
    try:
        gaya = {k: gaya_obj.xf(*k) for k in sorted(p.gaya_dipakai(), key=repr)}
    except (ValueError, AttributeError):
        raise KesalahanBerkas("bagian gaya (styles.xml) buku kerja tidak lengkap; tidak "
                              "dapat ditambah dengan aman", berkas=pk.path) from None
    if gaya_obj.ubah:
        ubah[bg] = gaya_obj.teks.encode("utf-8")

    baru: dict[str, bytes] = {}
    override: list[tuple[str, str]] = [(bagian_lembar, CT_WORKSHEET)]
    rid_gambar = None
    if p.daftar_grafik:
        gambar = nama_bebas(terpakai, "xl/drawings/drawing{}.xml")
        grafik = [nama_bebas(terpakai, "xl/charts/chart{}.xml") for _ in p.daftar_grafik]
        rid_gambar = "rId1"
        baru[rels_dari(bagian_lembar)] = xml_rels(
            [("rId1", RT_DRAWING, relatif(bagian_lembar, gambar))])
        baru[gambar] = p.xml_gambar()
        baru[rels_dari(gambar)] = xml_rels(
            [(f"rId{i + 1}", RT_CHART, relatif(gambar, g)) for i, g in enumerate(grafik)])
        override.append((gambar, CT_DRAWING))
        for i, g in enumerate(grafik):
            baru[g] = p.xml_grafik(i)
            override.append((g, CT_CHART))
    baru = {bagian_lembar: p.xml_lembar(gaya, rid_gambar), **baru}

    # [Content_Types].xml: drop overrides of removed parts, add ours at the end
    ct = jenis_dengan(pk, hapus, baru, override)
    if ct is not None:
        ubah[ct[0]] = ct[1]

    teks_bk_baru = teks_bk
    if rid_lembar is not None:
        teks_bk_baru = tambah_lembar(pk, teks_bk, akar_bk, nama, rid_lembar)
    if (PENANDA_REKAP, str(indeks)) not in nama_lokal_lembar(akar_bk):
        # the mark that makes this sheet the rekap's own (replaced on the next run)
        teks_bk_baru = tambah_nama(teks_bk_baru, PENANDA_REKAP,
                                   f"{rujukan_lembar(nama)}!$A$1", indeks, tersembunyi=True)
    if teks_bk_baru != teks_bk:
        ubah[bk] = teks_bk_baru.encode("utf-8")
    if rid_lembar is not None:
        rp = rels_dari(bk)
        teks_r, _ = pk.xml(rp)
        _, pr = cari_tag(teks_r, "Relationships")
        teks_r = sisip_akhir(teks_r, "Relationships", (
            f'<{pr}Relationship Id="{rid_lembar}" Type="{RT_WORKSHEET}" '
            f'Target="/{attr_xml(bagian_lembar)}"/>'))
        ubah[pk.ada(rp)] = teks_r.encode("utf-8")
        app = app_dengan_lembar(pk, lembar, rels_bk, nama)
        if app is not None:
            ubah[app[0]] = app[1]
    if buang_cc:
        buang_calcchain(pk, bk, rels_bk, ubah, hapus)
        catatan.append("rantai hitung (calcChain.xml) dibuang karena memuat rumus lembar "
                       "rekap lama; Excel membangunnya ulang saat berkas dibuka")

    periksa_paket(pk, ubah, baru, hapus)

    # write: source order, edited members in place, new members at the end
    with open(tujuan, "wb") as fo:  # raw copies from the descriptor the package was read from
        zw = PenulisZip(fo, pk.fp)
        tertulis = set()
        for info in pk.zip.infolist():
            n = info.filename
            if n in baru:  # a replaced part keeps its place (stable re-runs)
                zw.tulis(n, baru[n], waktu)
                tertulis.add(n)
            elif n in hapus:
                continue
            elif n in ubah:
                zw.tulis(n, ubah[n], info.date_time)
            else:
                zw.salin(info)
        for n, data in baru.items():
            if n not in tertulis:
                zw.tulis(n, data, waktu)
        zw.tutup(pk.zip.comment)
    return HasilPaket(nama, catatan)


class HasilPaket(NamedTuple):
    lembar: str          # the sheet written (a free name when a user's sheet had the name)
    catatan: list[str]   # notes for the user (Indonesian)


# Sheet-scope hidden defined name on every sheet the rekap writes: only a sheet carrying
# it (or, written by an earlier version, the rekap layout's fixed texts) is replaced.
PENANDA_REKAP = "XlKinerja_LembarRekap"
_BATAS_NAMA = 99


def _tanda_lama(pk: Paket, bagian: str) -> bool:
    """Written by an earlier rekap (before the mark): A1 "Rekap Triwulan ..", A3 "Sumber:",
    A4 "Dibuat:" (the layout's fixed texts)."""
    isi = baca_buku(pk)
    ks = Konteks(teks_bersama(pk, isi.bagian_teks), frozenset(), False)
    sel = baca_lembar(pk, bagian, (1, 1, 1, 4), ks)

    def teks(r):
        s = sel.get(r, {}).get(1)
        return s.nilai if s is not None and s.rumus is None else None
    return _tanda_tata_letak(teks(1), teks(3), teks(4))


def _tanda_tata_letak(a1, a3, a4) -> bool:
    """A sheet an earlier rekap wrote (before the mark): the layout's fixed texts."""
    return isinstance(a1, str) and a1.startswith("Rekap Triwulan ") and a3 == "Sumber:" \
        and a4 == "Dibuat:"


def _lembar_tujuan(pk: Paket, akar_bk, lembar: list, per_id: dict, nama: str):
    """(sheet name, existing sheet to replace or None, its index): `nama`, or when a
    user's own sheet has that name (any case), the first free or own `nama (2)`, ..."""
    ditandai = {int(i) for (n, i) in nama_lokal_lembar(akar_bk) if n == PENANDA_REKAP
                and i.isdigit()}
    for k in range(1, _BATAS_NAMA + 1):
        calon = nama if k == 1 else f"{nama} ({k})"
        i = next((j for j, x in enumerate(lembar) if x[0] is not None and
                  x[0].lower() == calon.lower()), None)
        if i is None:
            return calon, None, len(lembar)
        rel = per_id.get(lembar[i][2])
        bagian = pk.ada(rel[2]) if rel and rel[2] else None
        lembar_kerja = rel is not None and rel[1] == RT_WORKSHEET and bagian is not None
        if lembar_kerja and (i in ditandai or (not ditandai and _tanda_lama(pk, bagian))):
            return lembar[i][0], lembar[i], i
    raise KesalahanBerkas(f"lembar '{nama}' sampai '{nama} ({_BATAS_NAMA})' semuanya lembar "
                          "pengguna; ganti nama salah satunya lalu ulangi", berkas=pk.path)
