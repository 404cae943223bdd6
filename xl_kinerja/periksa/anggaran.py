"""Budget rules on a table as it stands: a recorded percentage vs realisasi/pagu at its
shown precision, realisasi above pagu, JUMLAH/TOTAL/Subtotal rows, and program/kegiatan rows
that are not the sum of the rows below them (the core's `rincian_anggaran` says which).
"""
from __future__ import annotations

from ..anggaran import TINGKAT_ANGGARAN, jumlah_sesuai, persen_anggaran, rincian_anggaran
from ..angka import format_persen
from ..errors import KesalahanInput
from ..impor import BarisData, HasilImpor
from .temuan import Temuan, lokasi, persen_tercatat_beda
from .temuan import angka_tercatat as _angka


def periksa_baris_anggaran(lok: dict, v: dict) -> tuple[float | None, list[Temuan]]:
    """(pagu, findings) of one row's PAGU / REALISASI / % cells."""
    t = []
    try:
        pagu = _angka(v.get("pagu"))
        real = _angka(v.get("realisasi")) if pagu is not None else None
    except KesalahanInput as e:
        return None, [Temuan("angka_ambigu", lok, str(e), v.get("pagu") or v.get("realisasi"),
                             None)]
    if pagu is None or real is None:
        return pagu, t
    if real > pagu:
        t.append(Temuan("realisasi_melebihi_pagu", lok, "realisasi melebihi pagu", real, pagu))
    tulis = v.get("persen") or ""
    if tulis and pagu:
        frak = persen_anggaran(pagu, real)
        des = persen_tercatat_beda(tulis, frak)
        if des is not None:
            t.append(Temuan("persen_salah", lok, f"persentase tercatat {tulis} tidak sama "
                            f"dengan realisasi/pagu = {format_persen(frak, des)}",
                            tulis, format_persen(frak, des)))
    return pagu, t


def _jumlah_kolom(baris: list[BarisData], kol: str) -> float | None:
    isi = [_angka(x.nilai.get(kol)) for x in baris if x.nilai.get(kol)]
    return sum(isi) if isi else None


def periksa_total(h: HasilImpor) -> list[Temuan]:
    """JUMLAH/TOTAL rows = sum of the rows since the previous total (kegiatan level, else
    output, else program); a program = sum of its kegiatan (or outputs), a kegiatan = sum of
    its outputs, the children being the rows below it up to the next row of its level."""
    t = []
    kelompok: list[BarisData] = []
    subtotal: list[BarisData] = []   # totals since the last grand total
    for d in h.baris:
        if d.jenis != "total":
            kelompok.append(d)
            continue
        for kol in ("pagu", "realisasi"):
            try:
                rec = _angka(d.nilai.get(kol))
                hit = None
                for tingkat in (("kegiatan", "indikator"), ("output",), ("program",)):
                    hit = _jumlah_kolom([x for x in kelompok if x.jenis in tingkat], kol)
                    if hit is not None:
                        break
                if hit is None:  # JUMLAH right under its Sub Total rows: their sum
                    hit = _jumlah_kolom(subtotal, kol)
            except KesalahanInput:
                continue
            if rec is not None and hit is not None and not jumlah_sesuai(rec, hit):
                t.append(Temuan("jumlah_salah", lokasi(h, d), f"{d.indikator or 'JUMLAH'}: "
                                f"{kol} tercatat bukan jumlah barisnya", rec, hit))
        ada_baris = any(x.jenis in ("kegiatan", "indikator", "output", "program")
                        for x in kelompok)
        subtotal = subtotal + [d] if ada_baris else []
        kelompok = []
    for i, daftar in rincian_anggaran([d.jenis for d in h.baris]).items():
        p = h.baris[i]  # a program or kegiatan ("total" rows are checked above)
        anak = [h.baris[j] for j in daftar]
        lv_anak = TINGKAT_ANGGARAN.index(anak[0].jenis)
        nama_anak = "kegiatannya" if lv_anak == 1 else "outputnya"
        for kol in ("pagu", "realisasi"):
            try:
                rec = _angka(p.nilai.get(kol))
                hit = _jumlah_kolom(anak, kol)
            except KesalahanInput:
                continue
            if rec is not None and hit is not None and not jumlah_sesuai(rec, hit):
                t.append(Temuan(f"total_{p.jenis}_salah", lokasi(h, p), f"{kol} {p.jenis} "
                                f"{p.kode or p.indikator} bukan jumlah {nama_anak}", rec, hit))
    return t


