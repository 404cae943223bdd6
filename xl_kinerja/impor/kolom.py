"""The tabbed-column reader: rows of a CSV/TSV, an .xlsx sheet or text copied from a Word/PDF
table, whose cells sit in columns named by a header row. It maps every cell to its column's
role, joins rows a page break cut in two, recognises group, budget and total rows, and divides
a cell holding several indicators and targets into one data row per indicator.

Separate from the entry point (tabel.py) and from the line-mode reader (teks_pdf.py): this is
the reading of a table by column position, the one used for every file that has columns.
"""
from __future__ import annotations

import re

from .baca import Baris
from .hasil import BarisData
from .judul import _judul, _nomor_kolom, _sub_judul, galat_tanpa_judul
from .kode import _KODE_DI_TEKS, _KODE_MIRIP, pisah_kode, tingkat_kode
from .satuan import _bagi_satuan, _pakai_satuan, gabung_satuan
from .sel import _AWAL_INDIKATOR, _AWAL_TTD, pisah_indikator, pisah_target

_GRUP = re.compile(r"^([A-Z]|[A-Z]\.\d+|[IVX]+)\.?$")
_NO = re.compile(r"^\d{1,3}\.?$")
_TANDA = {"√", "v", "V", "✓", "✔", "x", "X"}


def interpretasi(baris: list[Baris], berkas: str = "", jenis_tabel: str = "iku",
                 maju=None) -> tuple[list[BarisData], list, list]:
    """Tab/CSV/xlsx rows -> data rows, skipped rows, warnings. With jenis_tabel "anggaran"
    a text row without indicator, target or code is a budget row even without amounts.
    `maju` (optional): called with the number of rows read, every 1.000 rows (progress)."""
    data: list[BarisData] = []
    dilewati: list[tuple[int, str]] = []
    peringatan: list[tuple[int, str]] = []
    kolom: dict[int, str] | None = None
    judul_teks: tuple | None = None
    setelah_judul = False      # right after a (repeated) header: a blank-NO row continues
    sasaran_kini = ""
    program_kini = ""
    kegiatan_kini: dict[str, str] = {}   # kegiatan code -> name, as first seen
    ada_judul = False
    for n, b in enumerate(baris, 1):
        if maju is not None and n % 1000 == 0:
            maju(1000)
        if b.kosong:
            dilewati.append((b.nomor, "baris kosong"))
            continue
        j = _judul(b)
        if j:
            kunci = tuple(s.lower() for s in b.sel if s)
            if kolom is not None and judul_teks and kunci[:3] == judul_teks[:3]:
                dilewati.append((b.nomor, "judul tabel berulang (pindah halaman)"))
            else:
                dilewati.append((b.nomor, "baris judul tabel"))
            kolom, judul_teks, ada_judul = j, kunci, True
            setelah_judul = bool(data)
            continue
        if kolom is None:
            dilewati.append((b.nomor, "di luar tabel (sebelum baris judul)"))
            continue
        sub = _sub_judul(b)
        if sub:
            kolom.update(sub)
            dilewati.append((b.nomor, "baris judul kedua (triwulan/bulan/tahun)"))
            continue
        if _nomor_kolom(b):
            dilewati.append((b.nomor, "baris nomor kolom"))
            continue
        sel, tanda = _sel_per_peran(b, kolom, peringatan)
        no = sel.pop("no", "").strip()
        kode = sel.pop("kode", "").strip()
        uraian = sel.pop("uraian", "")
        indikator = sel.pop("indikator", "")
        sasaran = sel.pop("sasaran", "")
        target = sel.pop("target", "")
        tahun_target = {p.split(":")[1]: sel.pop(p) for p in list(sel) if p.startswith("tahun:")}
        if tahun_target and not target:
            target = next(iter(tahun_target.values()))
        teks_uraian = uraian or sasaran or indikator
        # JUMLAH/TOTAL rows
        if re.match(r"^(sub\s*total|jumlah|total)\b", " ".join(x for x in (no, kode, teks_uraian) if x),
                    re.I) \
                and not re.match(r"^jumlah(?:\s+|\s*/\s*)\w+\s+\w+", indikator or "", re.I) \
                and not (indikator and target and not any(sel.get(k) for k in ("pagu",
                                                                                "realisasi"))):
            # (an indicator "Jumlah dokumen" with its target is no JUMLAH row, nor one named
            # "Jumlah revisi yang ..." or "Jumlah/Terbentuknya Pusat ..." with its realisasi)
            if re.match(r"^(sub\s*total|jumlah|total)\b", kode, re.I):
                teks_uraian, kode = (teks_uraian or kode), ""
            data.append(BarisData(b.nomor, "total", b.sheet, no, kode, sasaran, teks_uraian, target,
                                  dict(sel, uraian=teks_uraian)))
            continue
        # a code written in the No column ("076.01.CQ", "QGE."); a row number such as "100."
        # is not one (program codes start with 0: "076.")
        if not kode and _KODE_MIRIP.match(no) and not (_NO.match(no) and no[0] != "0"):
            kode, no = no, ""
        # code and name in one cell, whichever column: "076.01.CQ Penyelenggaraan Pemilu ..."
        # in the KODE column with URAIAN empty
        if kode and (kd := pisah_kode(kode))[0] and kd[1]:
            kode = kd[0]
            uraian = uraian or kd[1]
        if indikator:
            # budget per output inside an indicator table: the kegiatan code at the start of
            # the Kegiatan cell, the output code at the start of the Indikator cell
            kk, nk = pisah_kode(sel.get("kegiatan", ""))
            if kk:
                if kegiatan_kini.get(kk) != nk:
                    data.append(BarisData(b.nomor, tingkat_kode(kk, program_kini), b.sheet, "",
                                          kk, "", nk, "", {}))
                    kegiatan_kini[kk] = nk
                sel["kegiatan"] = nk
            ko, no_ = pisah_kode(indikator) if not kode else ("", indikator)
            if ko:
                uang_sel = {k: sel.pop(k) for k in ("pagu", "realisasi", "persen", "sisa")
                            if k in sel}
                data.append(BarisData(b.nomor, tingkat_kode(ko, program_kini), b.sheet, no, ko,
                                      "", no_, "", uang_sel))
                setelah_judul = False
                if not target:   # the output is all the row holds
                    if sasaran and not sasaran[:1].islower():
                        sasaran_kini = sasaran
                    continue
                indikator = no_
        nama_anggaran = uraian or sasaran or (sel.get("kegiatan", "") if jenis_tabel == "anggaran"
                                              or not indikator else "")
        if not kode and (m := _KODE_DI_TEKS.match(nama_anggaran)):
            kode = m.group(1)  # "076.01.CQ Program ...", "EBA.994 Layanan Perkantoran"
            if not indikator:
                nama_anggaran = m.group(2)
        uang = any(sel.get(k) for k in ("pagu", "realisasi"))
        if kode and not indikator and not target:
            tingkat = tingkat_kode(kode, program_kini)
            if tingkat == "program":
                program_kini = kode
            data.append(BarisData(b.nomor, tingkat, b.sheet, no, kode, "", nama_anggaran,
                                  "", dict(sel)))
            setelah_judul = False
            continue
        if not indikator and not target and nama_anggaran and \
                (uang or (jenis_tabel == "anggaran" and not _GRUP.match(no))):
            # a budget row without a code ("Program Dukungan Manajemen", "Belanja Barang")
            tingkat = "program" if re.match(r"^program\b", nama_anggaran, re.I) else "kegiatan"
            data.append(BarisData(b.nomor, tingkat, b.sheet, no, "", "", nama_anggaran, "",
                                  dict(sel)))
            setelah_judul = False
            continue
        if _GRUP.match(no) and not indikator:
            data.append(BarisData(b.nomor, "grup", b.sheet, no, kode, "", teks_uraian, "", dict(sel)))
            setelah_judul = False
            continue
        if not (indikator or sasaran or target or uraian or sel or tanda):
            isi = [x for x in b.sel if x]
            if len(isi) == 1 and not _NO.match(isi[0]) and not _GRUP.match(isi[0]):
                # one text cell with no column separator: a title or a signature line
                dilewati.append((b.nomor, "blok tanda tangan" if _AWAL_TTD.match(isi[0]) else
                                 "teks satu sel di luar kolom tabel (judul atau tanda tangan)"))
            else:
                dilewati.append((b.nomor, "baris tanpa isi yang dikenal"))
            continue
        # continuation after a page break: blank NO, text starting in lower case
        lanjutan = setelah_judul and not no and data and (
            (sasaran and sasaran[:1].islower()) or (indikator and indikator[:1].islower())
            or (not sasaran and indikator and not _AWAL_INDIKATOR.match(indikator)))
        setelah_judul = False
        daftar_ind = pisah_indikator(indikator)
        daftar_tgt = pisah_target(target)
        if lanjutan:
            if _sambung_lanjutan(b, data, sasaran, target, daftar_ind, daftar_tgt, peringatan,
                                 dilewati):
                if sasaran:
                    sasaran_kini = f"{sasaran_kini} {sasaran}".strip()
                continue
            if sasaran:
                sasaran_kini = f"{sasaran_kini} {sasaran}".strip()
            sasaran = ""
        elif sasaran and not no and sasaran[:1].islower() and sasaran_kini:
            # the sasaran's text continues on this row (no number, lower case), with an
            # indicator of its own: one sasaran, not two
            baru = f"{sasaran_kini} {sasaran}"
            _sambung_sasaran(data, sasaran_kini, sasaran)
            sasaran_kini, sasaran = baru, ""
        if sasaran:
            sasaran_kini = sasaran
        if not daftar_ind:
            daftar_ind = [""]
        if len(daftar_ind) != len(daftar_tgt) and len(daftar_ind) > 1 or \
                (len(daftar_tgt) > 1 and len(daftar_tgt) != len(daftar_ind)):
            peringatan.append((b.nomor, f"{len(daftar_ind)} indikator tetapi {len(daftar_tgt)} "
                                        f"target dalam satu sel ({target!r})"))
        satuan_sel = sel.get("satuan", "")
        per_satuan = _bagi_satuan(satuan_sel, daftar_tgt, len(daftar_ind)) if satuan_sel else None
        if satuan_sel and per_satuan is None and any(gabung_satuan(x, satuan_sel)[0] != x
                                                     for x in daftar_tgt):
            peringatan.append((b.nomor, f"satuan {satuan_sel!r} untuk {len(daftar_ind)} indikator "
                                        "dalam satu sel tidak dapat dibagi per indikator; "
                                        "diabaikan"))
        for k, nama in enumerate(daftar_ind):
            tgt = _bagian_ke(daftar_tgt, target, len(daftar_ind), k)
            d = BarisData(b.nomor, "indikator", b.sheet, no if k == 0 else "", kode,
                          sasaran_kini, nama, "" if tgt is None else tgt, dict(sel))
            if uraian:
                d.nilai["uraian"] = uraian
            if len(daftar_ind) > 1 and d.nilai.get("realisasi"):
                # one realisasi per indicator, split like the targets (or none when it cannot be)
                bagian = _bagian_ke(pisah_target(d.nilai["realisasi"]), d.nilai["realisasi"],
                                    len(daftar_ind), k)
                if bagian is None:
                    del d.nilai["realisasi"]
                else:
                    d.nilai["realisasi"] = bagian
            for p in tanda:
                d.nilai[p] = "√"
            if tahun_target:
                per_tahun = {}
                for th, teks in tahun_target.items():
                    bagian = _bagian_ke(pisah_target(teks), teks, len(daftar_ind), k)
                    if bagian is not None:
                        per_tahun[th] = bagian
                d.nilai["target_tahun"] = per_tahun
            if satuan_sel:
                _pakai_satuan(d, per_satuan[k] if per_satuan else "", peringatan)
            data.append(d)
    if not ada_judul:
        raise galat_tanpa_judul(berkas)
    return data, dilewati, peringatan


def _sel_per_peran(b: Baris, kolom: dict[int, str], peringatan: list
                   ) -> tuple[dict[str, str], dict[str, bool]]:
    """The row's texts by column role (cells of one role joined), and the schedule columns
    (TW/month) ticked with a mark such as √. Text in a column without a header goes to a
    text role at its right (`_kolom_tanpa_nama`) or is warned about and left out."""
    sel: dict[str, str] = {}
    tanda: dict[str, bool] = {}
    for i, s in enumerate(b.sel):
        p = kolom.get(i)
        if not s:
            continue
        if p and (p.startswith("tw") or re.fullmatch(r"b\d+", p)):
            if s in _TANDA:
                tanda[p] = True
                continue
        if p is None or p in ("jadwal",):
            if s in _TANDA:
                continue
            # text in an unnamed column: belongs to the nearest named text column at right
            p = _kolom_tanpa_nama(kolom, i, b)
            if p is None:
                peringatan.append((b.nomor, f"sel kolom {i + 1} tanpa judul diabaikan: {s!r}"))
                continue
        sel[p] = (sel[p] + " " + s).strip() if p in sel else s
    return sel, tanda


def _sambung_lanjutan(b: Baris, data: list[BarisData], sasaran: str, target: str,
                      daftar_ind: list[str], daftar_tgt: list[str], peringatan: list,
                      dilewati: list) -> bool:
    """A row that continues the last indicator after a page break: its sasaran text and its
    first indicator fragment (not starting with an indicator word) are joined to the rows
    above, and its target fills a missing one. True when nothing of the row is left (it is
    reported as skipped); else `daftar_ind` keeps the new indicators the row also holds."""
    akhir = _indikator_terakhir(data)
    if sasaran and akhir is not None:
        _sambung_sasaran(data, akhir.sasaran, sasaran)
    if daftar_ind and akhir is not None and not _AWAL_INDIKATOR.match(daftar_ind[0]):
        akhir.indikator = f"{akhir.indikator} {daftar_ind.pop(0)}".strip()
        akhir.catatan.append(f"disambung dengan baris {b.nomor}")
    if daftar_ind:
        return False
    if daftar_tgt and akhir is not None and not akhir.target:
        akhir.target = daftar_tgt[0]
    elif daftar_tgt and akhir is not None:
        peringatan.append((b.nomor, f"target {target!r} pada baris sambungan diabaikan"))
    dilewati.append((b.nomor, f"sambungan baris {akhir.nomor if akhir else '?'} "
                              "(tabel terpotong halaman)"))
    return True


def _bagian_ke(pecah: list[str], utuh: str, n: int, k: int) -> str | None:
    """The k-th of n indicators' share of a cell split into `pecah` (pisah_target): its own
    piece when the counts match, the whole cell for a single indicator, else the k-th piece
    if there is one (None when there is not)."""
    if len(pecah) == n:
        return pecah[k]
    if n == 1:
        return utuh
    return pecah[k] if k < len(pecah) else None


def _kolom_tanpa_nama(kolom: dict, i: int, b: Baris) -> str | None:
    # extra trailing columns (PDF extraction shifts cells right): map to the last text roles
    teks_peran = [p for j, p in sorted(kolom.items()) if p in ("kegiatan", "pelaksana", "penanggung_jawab")]
    if not teks_peran:
        return None
    isi = [j for j, s in enumerate(b.sel) if s and s not in _TANDA]
    kanan = [j for j in isi if j >= i]
    # the last text cell is the last text role, the one before it the one before, ...
    pos = len(kanan) - 1
    if pos < len(teks_peran):
        return teks_peran[-1 - pos]
    return None


def _indikator_terakhir(data):
    for d in reversed(data):
        if d.jenis == "indikator":
            return d
    return None


def _sambung_sasaran(data, lama: str, tambahan: str) -> None:
    baru = f"{lama} {tambahan}".strip()
    for d in data:
        if d.jenis == "indikator" and d.sasaran == lama:
            d.sasaran = baru
