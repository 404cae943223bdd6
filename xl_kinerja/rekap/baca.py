"""Reading a workbook's rekap inputs (DataBuku) through the contract reader (`kontrak`).

Only the INPUT columns are read as numbers; a formula cell (a subtotal of the Anggaran
sheet) counts as blank whatever value was cached, so a file Excel saved and one it never
opened give the same rekap. Text is text whatever it starts with ("=HYPERLINK(..)" typed as
an indicator name stays that name). Numbers that are not finite (1e999, NaN) are refused
as "bukan angka" with file, sheet and row.
"""
from __future__ import annotations

import math
from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..errors import KesalahanBerkas
from ..jeda import tanpa_gc
from ..ooxml.sel import ANGKA, KOSONG, LOGIKA, RUMUS, SEL_KOSONG, TEKS, Sel
from .mesin import BarisAnggaran, DataBuku, Indikator

_KOLOM_UKUR = [N.UKUR_KODE_SASARAN, N.UKUR_SASARAN, N.UKUR_KODE_INDIKATOR, N.UKUR_INDIKATOR,
               N.UKUR_SATUAN, N.UKUR_JENIS_TARGET, N.UKUR_POLARITAS, N.UKUR_TARGET_ATAS,
               N.UKUR_TARGET_TAHUNAN,
               *N.UKUR_TARGET_TW, *N.UKUR_REALISASI_TW]
_KOLOM_ANGG = [N.ANGG_KODE, N.ANGG_URAIAN, N.ANGG_TINGKAT, N.ANGG_PAGU, *N.ANGG_REALISASI_TW]
_APA = {RUMUS: "rumus", LOGIKA: "nilai logika", "tanggal": "tanggal", "galat": "galat"}


def _teks(s: Sel):
    """A text column: the constant as text; blank and formulas give None."""
    if s.rumus is not None or s.nilai is None:
        return None
    return str(s.nilai).strip() or None


class _Pembaca:
    def __init__(self, k: kontrak.Kontrak, salah: list | None):
        self.k = k
        self.salah = salah  # None: the first unreadable cell raises; a list: collect them

    def galat(self, s: Sel, sheet, baris, nama, sebab: str):
        nilai = s.rumus if s.rumus is not None else s.nilai
        e = KesalahanBerkas(f"kolom '{N.label(nama)}' ({nama}) harus berisi angka{sebab}",
                            berkas=self.k.berkas, sheet=sheet, baris=baris, nilai=nilai)
        if self.salah is None:
            raise e
        self.salah.append(e)  # the checker lists every such cell; the value counts as blank
        return None

    def angka(self, s: Sel, sheet, baris, nama, boleh_teks=False):
        """A numeric input cell: number, blank or (ordinal) grade text; else an error."""
        j = s.jenis
        if j == KOSONG:
            return None
        if j == ANGKA:
            x = float(s.nilai)
            if not math.isfinite(x):
                return self.galat(s, sheet, baris, nama,
                                  f"; {s.nilai!r} bukan angka (tak terhingga atau NaN)")
            return x
        if j == TEKS:
            t = s.nilai.strip()
            if not t:
                return None
            if boleh_teks:
                return t
            return self.galat(s, sheet, baris, nama, ", bukan teks")
        return self.galat(s, sheet, baris, nama, f", bukan {_APA.get(j, j)}")

    def logika(self) -> bool:
        """Ref_SkalaInklusif: TRUE/FALSE as a boolean, a number, or the formula LibreOffice
        saves for a boolean cell ("=FALSE()"); blank = false (strict bounds)."""
        s = self.k.tunggal(N.REF_SKALA_INKLUSIF)
        r = self.k.rentang(N.REF_SKALA_INKLUSIF)
        v = s.rumus if s.rumus is not None else s.nilai
        if v is None or isinstance(v, bool):
            return bool(v)
        if isinstance(v, (int, float)):
            return v != 0
        t = str(v).replace(" ", "").upper().lstrip("=").removesuffix("()")
        if t in ("TRUE", "BENAR", "1"):
            return True
        if t in ("FALSE", "SALAH", "0", ""):
            return False
        raise KesalahanBerkas(f"{N.REF_SKALA_INKLUSIF} harus TRUE atau FALSE",
                              berkas=self.k.berkas, sheet=r.lembar, baris=r.baris1, nilai=v)


_NARASI = (("kendala", N.UKUR_KENDALA_TW), ("solusi", N.UKUR_SOLUSI_TW),
           ("bukti_dukung", N.UKUR_BUKTI_TW))


def _narasi(k: kontrak.Kontrak, indikator: list) -> None:
    """Kendala, solusi and bukti dukung per quarter (text; a number typed there is shown as
    typed) into each indicator, matched by sheet row; absent in workbooks made before
    those columns existed (left None)."""
    per_baris = {i.baris: i for i in indikator}
    for kunci, daftar in _NARASI:
        for q, nama in enumerate(daftar):
            if not k.ada(nama):
                continue
            r, sel = k.kolom(nama)
            for j, s in enumerate(sel):
                ind = per_baris.get(r.baris1 + j)
                if ind is not None and s.rumus is None and s.nilai is not None:
                    v = s.nilai
                    if isinstance(v, float) and v.is_integer():
                        v = int(v)
                    getattr(ind, kunci)[q] = str(v).strip() or None


def _target_tahunan(p: _Pembaca, s: Sel, lembar, baris, ordinal: bool):
    """The annual target: an input, or (a workbook linking it elsewhere) the cached value of
    its formula, None when never calculated."""
    if s.rumus is None:
        return p.angka(s, lembar, baris, N.UKUR_TARGET_TAHUNAN, ordinal)
    v = s.tersimpan
    if isinstance(v, bool) or not isinstance(v, (int, float, str)) or v == "":
        return None
    return float(v) if isinstance(v, (int, float)) else v.strip() or None


def _nilai(s: Sel):
    return s.nilai if s.rumus is None else s.tersimpan


def baca_kontrak(k: kontrak.Kontrak, salah: list | None = None) -> DataBuku:
    """DataBuku from an open contract (see `baca_nilai`)."""
    p = _Pembaca(k, salah)
    kol = {nama: k.kolom(nama) for nama in _KOLOM_UKUR}
    ru, _ = kol[N.UKUR_KODE_INDIKATOR]
    lembar_u, r0, n = ru.lembar, ru.baris1, ru.jumlah_baris
    for nama in _KOLOM_UKUR:
        r = kol[nama][0]
        if r.baris1 != r0 or r.jumlah_baris != n or r.lembar != lembar_u:
            raise KesalahanBerkas(f"kolom '{nama}' tidak sejajar dengan kolom kode indikator",
                                  berkas=k.berkas, sheet=r.lembar)
    sel = {nama: kol[nama][1] for nama in _KOLOM_UKUR}
    indikator = []
    for i in range(n):
        kode = _teks(sel[N.UKUR_KODE_INDIKATOR][i])
        nama_ind = _teks(sel[N.UKUR_INDIKATOR][i])
        if not kode and not nama_ind:
            continue
        baris = r0 + i
        jenis = (_teks(sel[N.UKUR_JENIS_TARGET][i]) or "jumlah").lower()
        ordinal = jenis == "ordinal"
        indikator.append(Indikator(
            baris=baris, kode_sasaran=_teks(sel[N.UKUR_KODE_SASARAN][i]) or "",
            sasaran=_teks(sel[N.UKUR_SASARAN][i]) or "", kode=kode or "",
            indikator=nama_ind or "", satuan=_teks(sel[N.UKUR_SATUAN][i]),
            jenis=jenis, polaritas=(_teks(sel[N.UKUR_POLARITAS][i]) or "maks").lower(),
            target_atas=p.angka(sel[N.UKUR_TARGET_ATAS][i], lembar_u, baris,
                                N.UKUR_TARGET_ATAS),
            target_tahunan=_target_tahunan(p, sel[N.UKUR_TARGET_TAHUNAN][i], lembar_u, baris,
                                           ordinal),
            target=[p.angka(sel[t][i], lembar_u, baris, t, ordinal) for t in N.UKUR_TARGET_TW],
            realisasi=[p.angka(sel[t][i], lembar_u, baris, t, ordinal)
                       for t in N.UKUR_REALISASI_TW]))
    _narasi(k, indikator)
    akol = {nama: k.kolom(nama) for nama in _KOLOM_ANGG}
    ra = akol[N.ANGG_KODE][0]
    lembar_a, a0 = ra.lembar, ra.baris1
    asel = {nama: akol[nama][1] for nama in _KOLOM_ANGG}
    anggaran = []
    for i in range(ra.jumlah_baris):
        v = {nm: asel[nm][i] if i < len(asel[nm]) else SEL_KOSONG for nm in _KOLOM_ANGG}
        baris = a0 + i
        tingkat = (_teks(v[N.ANGG_TINGKAT]) or "").lower()
        if not tingkat and not _teks(v[N.ANGG_URAIAN]):
            continue

        def num(s, nm, baris=baris):  # a formula (subtotal): computed from its rows, never
            return None if s.rumus is not None else p.angka(s, lembar_a, baris, nm)  # cached
        anggaran.append(BarisAnggaran(
            baris=baris, kode=_teks(v[N.ANGG_KODE]) or "", uraian=_teks(v[N.ANGG_URAIAN]) or "",
            tingkat=tingkat, pagu=num(v[N.ANGG_PAGU], N.ANGG_PAGU),
            realisasi=[num(v[t], t) for t in N.ANGG_REALISASI_TW]))
    rs, batas = k.kolom(N.REF_SKALA_BATAS)
    _, label = k.kolom(N.REF_SKALA_PREDIKAT)
    if len(label) != len(batas):
        raise KesalahanBerkas(f"'{N.REF_SKALA_PREDIKAT}' tidak sepanjang '{N.REF_SKALA_BATAS}'",
                              berkas=k.berkas, sheet=rs.lembar)
    # every capaian needs the scale: a bound that is text or blank is an error even for the
    # checker (which otherwise lists such cells and reads them as blank)
    ketat = _Pembaca(k, None)
    skala_batas = []
    for i, b in enumerate(batas):
        x = ketat.angka(b, rs.lembar, rs.baris1 + i, N.REF_SKALA_BATAS)
        if x is None:
            ketat.galat(b, rs.lembar, rs.baris1 + i, N.REF_SKALA_BATAS, " (sel ini kosong)")
        skala_batas.append(x)
    _, per = k.blok(N.REF_PERINGKAT, kolom=2)
    peringkat = [(str(_nilai(g)), float(_nilai(r))) for g, r in per
                 if _nilai(g) not in (None, "") and r.jenis == ANGKA and
                 math.isfinite(r.nilai)]
    rt, serapan = k.kolom(N.REF_TARGET_SERAPAN)
    if len(serapan) != 4:
        raise KesalahanBerkas(f"'{N.REF_TARGET_SERAPAN}' harus 4 sel (TW I-IV)",
                              berkas=k.berkas, sheet=rt.lembar)
    rc = k.rentang(N.REF_BATAS_CAPAIAN)
    tahun = _nilai(k.tunggal(N.INFO_TAHUN))
    if isinstance(tahun, float) and not math.isfinite(tahun):  # would be JSON "Infinity"
        ri = k.rentang(N.INFO_TAHUN)
        raise KesalahanBerkas(f"{N.INFO_TAHUN} berisi {tahun!r}, bukan angka tahun",
                              berkas=k.berkas, sheet=ri.lembar, baris=ri.baris1)
    return DataBuku(
        berkas=str(k.berkas), satker=_teks(k.tunggal(N.INFO_SATKER)) or "",
        tahun=tahun, lembar_ukur=lembar_u, lembar_angg=lembar_a,
        indikator=indikator, anggaran=anggaran, skala_batas=skala_batas,
        skala_predikat=[str(_nilai(x)) for x in label], skala_inklusif=p.logika(),
        peringkat=peringkat,
        target_serapan=[p.angka(x, rt.lembar, rt.baris1 + i, N.REF_TARGET_SERAPAN)
                        for i, x in enumerate(serapan)],
        batas_capaian=p.angka(k.tunggal(N.REF_BATAS_CAPAIAN), rc.lembar, None,
                              N.REF_BATAS_CAPAIAN))


def baca_nilai(sumber, berkas=None, salah: list | None = None) -> DataBuku:
    """Read a generator workbook by its defined names: a path (streamed: only the named
    ranges are parsed), an open `kontrak.Kontrak` or `ooxml.Paket`, or an openpyxl Workbook.

    `berkas`: the file name used in messages when `sumber` is a Workbook. Text in a numeric
    input cell raises KesalahanBerkas, unless `salah` is a list: then each such error is
    appended to it and the cell is read as blank (the checker reports them all at once).
    A workbook of another format version is refused (`kontrak.buka`)."""
    with tanpa_gc():  # tens of thousands of cells read, none of them a cycle
        if isinstance(sumber, kontrak.Kontrak):
            return baca_kontrak(sumber, salah)
        if isinstance(sumber, (str, Path)):
            berkas = None
        with kontrak.buka(sumber, berkas) as k:
            return baca_kontrak(k, salah)


def baca_nilai_xlwings(book) -> DataBuku:
    """Same as `baca_nilai`, through a live xlwings Book (xlwings imported by the caller)."""
    return baca_nilai(book, getattr(book, "fullname", None) or book.name)
