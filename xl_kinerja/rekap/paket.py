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

from ..errors import KesalahanBerkas
from ..ooxml.app import app_dengan_lembar
from ..ooxml.bagian import bagian_milik, nama_bebas, relatif, rid_baru, xml_rels
from ..ooxml.buku import buang_calcchain, calcchain_memuat, tambah_lembar
from ..ooxml.gaya import Gaya, bagian_gaya
from ..ooxml.jenis import jenis_buku, jenis_dengan, periksa_paket
from ..ooxml.lembar import LembarBaru
from ..ooxml.paket import Paket, rels_dari
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


def tulis_paket(sumber, tujuan, nama: str, penulis_isi, waktu: str) -> list[str]:
    """Write `tujuan` = `sumber` + worksheet `nama` (replaced if present).

    `penulis_isi(p: LembarBaru)` fills the layout. Returns notes (Indonesian) about what
    changed beyond the rekap sheet (e.g. calcChain dropped)."""
    pk, sendiri = Paket.atau_buka(sumber)
    try:
        return _tulis(pk, Path(tujuan), nama, penulis_isi, waktu_zip(waktu))
    finally:
        if sendiri:
            pk.close()


def _tulis(pk: Paket, tujuan: Path, nama: str, penulis_isi, waktu) -> list[str]:
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
    lama = next((x for x in lembar if x[0] is not None and x[0].lower() == nama.lower()), None)
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

    if rid_lembar is not None:
        ubah[bk] = tambah_lembar(pk, teks_bk, akar_bk, nama, rid_lembar).encode("utf-8")
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
    return catatan
