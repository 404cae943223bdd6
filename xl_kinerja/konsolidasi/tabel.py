"""The consolidated tables, computed from the satkers' rows with the core.

Nothing here reads a file: `susun` takes the workers' results (`HasilSatker`, `Masalah`)
and builds the four tables of the consolidated workbook (Ringkasan, Per indikator,
Anggaran, Belum lapor / bermasalah), the province totals, and their JSON/DataFrame forms.
"""
from __future__ import annotations

import datetime as _dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .. import opsional
from ..agregat import rata_rata_capaian
from ..anggaran import persen_anggaran
from ..angka import format_persen
from ..errors import KesalahanInput
from ..evaluasi import di_bawah_target
from ..nama import romawi
from ..predikat import predikat
from .cocok import Pencocok, kunci_satker
from .hasil import HasilSatker, Masalah

BAGIAN = ("ringkasan", "indikator", "indikator_satker", "tidak_cocok", "anggaran",
          "anggaran_gabungan", "bermasalah")


@dataclass
class Konsolidasi:
    triwulan: int
    tahun: object
    dibuat: str
    satker: list[HasilSatker]               # consolidated satkers, in ranking order
    masalah: list[Masalah]                  # skipped files, missing satkers, notes
    label_predikat: list[str]               # predikat columns, highest category first
    ringkasan: list[dict] = field(default_factory=list)
    total: dict = field(default_factory=dict)
    indikator: list[dict] = field(default_factory=list)       # matched across satkers
    tidak_cocok: list[dict] = field(default_factory=list)     # reported by one satker only
    anggaran: list[dict] = field(default_factory=list)        # per satker program/kegiatan
    anggaran_gabungan: list[dict] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return f"Konsolidasi Rekap Triwulan {romawi(self.triwulan)} Tahun {self.tahun}"

    @property
    def dilewati(self) -> list[Masalah]:
        return [m for m in self.masalah if m.dilewati]

    @property
    def bermasalah(self) -> list[dict]:
        return [m.ke_dict() for m in self.masalah]

    @property
    def indikator_satker(self) -> list[dict]:
        """One row per satker per indicator (long form, for pandas)."""
        baris = []
        for g in self.indikator + self.tidak_cocok:
            for a in g["satker"]:
                baris.append({"kelompok": g["nomor"], "kode_kelompok": g["kode"],
                              "indikator_kelompok": g["indikator"], **a})
        return baris

    def ke_dict(self) -> dict:
        return {"triwulan": self.triwulan, "judul": self.judul, "tahun": self.tahun,
                "dibuat": self.dibuat, "label_predikat": self.label_predikat,
                "ringkasan": self.ringkasan, "total": self.total,
                "indikator": self.indikator, "tidak_cocok": self.tidak_cocok,
                "anggaran": self.anggaran, "anggaran_gabungan": self.anggaran_gabungan,
                "bermasalah": self.bermasalah}

    def baris(self, bagian: str = "ringkasan") -> list[dict]:
        """One table as flat rows (no nested dicts): ringkasan, indikator,
        indikator_satker, tidak_cocok, anggaran, anggaran_gabungan, bermasalah."""
        if bagian not in BAGIAN:
            raise KesalahanInput(f"bagian {bagian!r} tidak dikenal; pilih salah satu: "
                                 + ", ".join(BAGIAN), bagian)
        baris = getattr(self, bagian)
        if bagian == "ringkasan":
            return [_ratakan_predikat(r) for r in baris]
        if bagian in ("indikator", "tidak_cocok"):
            return [{k: v for k, v in g.items() if k != "satker"} for g in baris]
        return list(baris)

    def ke_dataframe(self, bagian: str = "ringkasan"):
        """One table (see `baris`) as a pandas DataFrame."""
        pd = opsional.pandas()
        return pd.DataFrame(self.baris(bagian))

    def ringkasan_layar(self) -> str:
        """The summary line of the CLI."""
        t = self.total
        teks = (f"Konsolidasi TW {romawi(self.triwulan)} {self.tahun}: "
                f"{len(self.satker)} satker dikonsolidasi")
        if t.get("capaian") is not None:
            teks += f", capaian rata-rata {format_persen(t['capaian'])}"
        if t.get("serapan") is not None:
            teks += f", serapan {format_persen(t['serapan'])}"
        lewat = self.dilewati
        teks += f"; {len(lewat)} dilewati/belum lapor" if lewat else "; tidak ada yang dilewati"
        return teks


def _ratakan_predikat(r: dict) -> dict:
    d = {k: v for k, v in r.items() if k != "jumlah_predikat"}
    for lbl, n in r["jumlah_predikat"].items():
        d[f"jumlah_{lbl}"] = n
    return d


def _jumlah(nilai) -> float | None:
    """Sum of the amounts present; None when there are none (blank is not zero)."""
    isi = [v for v in nilai if v is not None]
    return sum(isi) if isi else None


def _selisih(a, b):
    return None if a is None or b is None else a - b


def _sama_semua(nilai):
    """The common value when all are equal, else None."""
    nilai = list(nilai)
    return nilai[0] if nilai and all(v == nilai[0] for v in nilai) else None


def _tahun(t):
    try:
        return int(t)
    except (TypeError, ValueError):
        return t


def _saring(hasil: list[HasilSatker], masalah: list[Masalah], triwulan: int, tahun):
    """Drop files of another year, quarters not filled in, and duplicates (each named)."""
    if tahun is None:
        hitung = Counter(_tahun(h.tahun) for h in hasil)
        tahun = max(hitung, key=lambda t: (hitung[t], str(t))) if hitung else None
    tw = romawi(triwulan)
    pakai = []
    for h in hasil:
        if _tahun(h.tahun) != tahun:
            masalah.append(Masalah("tahun_lain", f"buku kerja tahun {h.tahun}, bukan {tahun}",
                                   berkas=h.berkas, satker=h.satker))
        elif not h.terisi:
            masalah.append(Masalah("triwulan_kosong", f"realisasi TW {tw} belum diisi sama "
                                   f"sekali (kinerja maupun anggaran)", berkas=h.berkas,
                                   satker=h.satker))
        else:
            pakai.append(h)
    per_satker: dict[str, list[HasilSatker]] = {}
    for h in pakai:
        per_satker.setdefault(kunci_satker(h.satker), []).append(h)
    hasil_akhir = []
    for daftar in per_satker.values():
        # the last saved file is the satker's latest version; equal times (a copy): the
        # first in input order
        daftar.sort(key=lambda h: h.indeks)
        daftar.sort(key=lambda h: h.disimpan or "", reverse=True)
        hasil_akhir.append(daftar[0])
        for h in daftar[1:]:
            masalah.append(Masalah("ganda", f"satker {h.satker} juga ada di {daftar[0].berkas} "
                                   f"(disimpan {daftar[0].disimpan or '-'}); yang dipakai "
                                   f"berkas yang terakhir disimpan", berkas=h.berkas,
                                   satker=h.satker))
    return hasil_akhir, tahun


def _peringkat(hasil: list[HasilSatker]) -> list[tuple[int | None, HasilSatker]]:
    """Highest capaian first; equal capaian share a rank (1, 2, 2, 4); no capaian: no rank."""
    urut = sorted(hasil, key=lambda h: (h.capaian_satker is None,
                                        -(h.capaian_satker or 0), h.satker.casefold()))
    hasil_p, sebelumnya, rank = [], None, 0
    for i, h in enumerate(urut, 1):
        if h.capaian_satker is None:
            hasil_p.append((None, h))
            continue
        kunci = round(h.capaian_satker, 9)
        if kunci != sebelumnya:
            rank, sebelumnya = i, kunci
        hasil_p.append((rank, h))
    return hasil_p


def _label(hasil: list[HasilSatker]) -> list[str]:
    label: list[str] = []
    for h in hasil:
        for lbl in h.jumlah_predikat:
            if lbl not in label:
                label.append(lbl)
    return label


def _ringkasan(ks: Konsolidasi, urut) -> None:
    for rank, h in urut:
        tot = h.total_anggaran
        pagu, real, persen = (tot[3], tot[4], tot[5]) if tot else (None, None, None)
        ks.ringkasan.append({
            "peringkat": rank, "satker": h.satker, "capaian": h.capaian_satker,
            "predikat": h.predikat_satker,
            "jumlah_predikat": {lbl: h.jumlah_predikat.get(lbl, 0) for lbl in ks.label_predikat},
            "jumlah_indikator": len(h.indikator), "pagu": pagu, "realisasi": real,
            "serapan": persen, "target_serapan": h.target_serapan,
            "selisih_target": _selisih(persen, h.target_serapan),
            "realisasi_kosong": h.realisasi_kosong, "temuan": h.jumlah_temuan,
            "berkas": h.berkas, "versi_format": h.versi_format, "disimpan": h.disimpan})
    r = ks.ringkasan
    capaian = rata_rata_capaian(x["capaian"] for x in r)
    skala = _sama_semua(h.skala for h in ks.satker)
    pagu, real = _jumlah(x["pagu"] for x in r), _jumlah(x["realisasi"] for x in r)
    serapan = persen_anggaran(pagu, real)
    target = _sama_semua(x["target_serapan"] for x in r)
    ks.total = {
        "jumlah_satker": len(r), "capaian": capaian,
        "predikat": predikat(capaian, skala) if capaian is not None and skala else None,
        "jumlah_predikat": {lbl: sum(x["jumlah_predikat"][lbl] for x in r)
                            for lbl in ks.label_predikat},
        "jumlah_indikator": sum(x["jumlah_indikator"] for x in r),
        "pagu": pagu, "realisasi": real, "serapan": serapan, "target_serapan": target,
        "selisih_target": _selisih(serapan, target),
        "realisasi_kosong": sum(x["realisasi_kosong"] for x in r),
        "temuan": sum(x["temuan"] for x in r),
        "dilewati": len(ks.dilewati)}


def _per_indikator(ks: Konsolidasi) -> None:
    kelompok: dict[tuple, dict] = {}
    for h in sorted(ks.satker, key=lambda h: h.satker.casefold()):
        cocok = Pencocok(h.satker)
        for (_, kode, teks, satuan, jenis, target, real, c, p) in h.indikator:
            k = cocok.kunci(kode, teks)
            g = kelompok.get(k)
            if g is None:
                g = kelompok[k] = {"kode": kode, "indikator": cocok.tanpa_satker(teks),
                                   "satuan": satuan, "satker": []}
            g["satker"].append({"satker": h.satker, "kode": kode, "indikator": teks,
                                "jenis": jenis, "target": target, "realisasi": real, "capaian": c,
                                "predikat": p})
    banyak_satker = len(ks.satker) > 1
    for g in kelompok.values():
        nilai = [a["capaian"] for a in g["satker"] if a["capaian"] is not None]
        bawah = sorted((a for a in g["satker"] if di_bawah_target(a["capaian"])),
                       key=lambda a: a["capaian"])
        g.update({
            "jumlah_satker": len({a["satker"] for a in g["satker"]}),
            "jumlah_berisi": len(nilai),
            "minimum": min(nilai) if nilai else None,
            "median": statistics.median(nilai) if nilai else None,
            "maksimum": max(nilai) if nilai else None,
            "rata_rata": rata_rata_capaian(nilai),
            "jumlah_di_bawah_target": len(bawah),
            "di_bawah_target": [a["satker"] for a in bawah]})
        (ks.tidak_cocok if banyak_satker and g["jumlah_satker"] == 1
         else ks.indikator).append(g)
    for i, g in enumerate(ks.indikator + ks.tidak_cocok, 1):
        g["nomor"] = i
        # keys in a stable order for JSON readers
        g_ = {k: g[k] for k in ("nomor", "kode", "indikator", "satuan", "jumlah_satker",
                                "jumlah_berisi", "minimum", "median", "maksimum", "rata_rata",
                                "jumlah_di_bawah_target", "di_bawah_target", "satker")}
        g.clear()
        g.update(g_)


def _anggaran(ks: Konsolidasi) -> None:
    gabung: dict[tuple, dict] = {}
    for h in ks.satker:
        for kode, uraian, tingkat, pagu, real, persen in h.anggaran:
            ks.anggaran.append({"satker": h.satker, "kode": kode, "uraian": uraian,
                                "tingkat": tingkat, "pagu": pagu, "realisasi": real,
                                "serapan": persen, "target_serapan": h.target_serapan,
                                "selisih_target": _selisih(persen, h.target_serapan)})
            k = (tingkat, kode.strip().upper() if kode else " ".join(uraian.casefold().split()))
            g = gabung.setdefault(k, {"kode": kode, "uraian": uraian, "tingkat": tingkat,
                                      "jumlah_satker": 0, "_pagu": [], "_real": []})
            g["jumlah_satker"] += 1
            g["_pagu"].append(pagu)
            g["_real"].append(real)
    target = ks.total.get("target_serapan")
    for g in gabung.values():
        pagu, real = _jumlah(g.pop("_pagu")), _jumlah(g.pop("_real"))
        persen = persen_anggaran(pagu, real)
        g.update({"pagu": pagu, "realisasi": real, "serapan": persen,
                  "target_serapan": target, "selisih_target": _selisih(persen, target)})
    # programs in first-seen order, each followed by its kegiatan; JUMLAH last
    ks.anggaran_gabungan = [g for g in gabung.values() if g["tingkat"] != "jumlah"] + \
        [g for g in gabung.values() if g["tingkat"] == "jumlah"]


def susun(hasil: list[HasilSatker], masalah: list[Masalah], triwulan: int, *, tahun=None,
          daftar=None, dibuat: str | None = None) -> Konsolidasi:
    """Build the consolidation from the workers' results. `daftar`: the expected satkers
    (EntriDaftar) or None; `tahun` None = the year most files have."""
    masalah = list(masalah)
    hasil, tahun = _saring(sorted(hasil, key=lambda h: h.indeks), masalah, triwulan, tahun)
    if daftar is not None:
        diketahui = {kunci_satker(h.satker) for h in hasil} | \
            {kunci_satker(m.satker) for m in masalah if m.satker}
        diharapkan = {e.kunci for e in daftar}
        for e in daftar:
            if e.kunci not in diketahui:
                masalah.append(Masalah("belum_lapor", f"tidak ada berkas untuk satker ini "
                                       f"(daftar satker baris {e.baris})", satker=e.nama))
        for h in hasil:
            if kunci_satker(h.satker) not in diharapkan:
                masalah.append(Masalah("di_luar_daftar", "satker ini tidak ada di daftar "
                                       "satker; tetap dikonsolidasi", berkas=h.berkas,
                                       satker=h.satker, dilewati=False))
    urut = _peringkat(hasil)
    ks = Konsolidasi(triwulan=triwulan, tahun=tahun,
                     dibuat=dibuat or _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                     satker=[h for _, h in urut], masalah=masalah, label_predikat=_label(hasil))
    _ringkasan(ks, urut)
    _per_indikator(ks)
    _anggaran(ks)
    return ks

