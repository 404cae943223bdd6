"""The rekap data (DataBuku, read by `baca`) and the pure rekap engine (all rules come from
the core)."""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import asdict, dataclass, field
from typing import ClassVar

from .. import nama as N
from .. import opsional
from ..agregat import capaian_per_sasaran, capaian_satker
from ..anggaran import jumlah_sesuai, persen_anggaran, rincian_anggaran, sisa_anggaran
from ..angka import format_angka, format_persen, format_ringkas
from ..aturan import TINGKAT_JUMLAH
from ..capaian import (
    BATAS_PERSEN,
    capaian_janggal,
    capaian_tahunan,
    keterangan_tahunan,
    persen_mustahil,
    predikat_tahunan,
    realisasi_terakhir,
)
from ..capaian import capaian as _capaian
from ..errors import KesalahanBerkas, KesalahanInput
from ..evaluasi import di_bawah_target
from ..predikat import Skala
from ..predikat import predikat as _predikat
from ..target import Target, baca_target

romawi = N.romawi  # re-exported: the rekap writers and the checker use it


@dataclass
class Indikator:
    baris: int
    kode_sasaran: str
    sasaran: str
    kode: str
    indikator: str
    satuan: str | None
    jenis: str
    polaritas: str
    target_atas: float | None
    target: list  # 4 quarterly targets (number, grade text or None)
    realisasi: list  # 4 cumulative realisasi
    # the office's words per quarter (Pengukuran, "Catatan Triwulan"); None = blank or a
    # workbook made before those columns existed
    target_tahunan: object = None  # the annual target (number, grade text or None)
    kendala: list = field(default_factory=lambda: [None] * 4)
    solusi: list = field(default_factory=lambda: [None] * 4)
    bukti_dukung: list = field(default_factory=lambda: [None] * 4)


@dataclass
class BarisAnggaran:
    baris: int
    kode: str
    uraian: str
    tingkat: str
    pagu: float | None
    realisasi: list  # 4 values; None = blank or a formula (computed from children)


@dataclass
class DataBuku:
    berkas: str
    satker: str
    tahun: object
    lembar_ukur: str
    lembar_angg: str
    indikator: list[Indikator]
    anggaran: list[BarisAnggaran]
    skala_batas: list[float]
    skala_predikat: list[str]
    skala_inklusif: bool
    peringkat: list[tuple[str, float]]
    target_serapan: list
    batas_capaian: float | None


@dataclass
class Rekap:
    triwulan: int
    berkas: str
    satker: str
    tahun: object
    dibuat: str
    indikator: list[dict] = field(default_factory=list)
    sasaran: list[dict] = field(default_factory=list)
    capaian_satker: float | None = None
    jumlah_predikat: dict = field(default_factory=dict)
    anggaran: list[dict] = field(default_factory=list)
    target_serapan: float | None = None
    temuan: list[dict] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # notes for the user (e.g. parts dropped)
    # the sheet a file write used (a free name when a user's sheet had the rekap's name);
    # set by rekap_berkas, not part of ke_dict()
    lembar_ditulis: ClassVar[str | None] = None

    @property
    def judul(self) -> str:
        return f"Rekap Triwulan {romawi(self.triwulan)}"

    def ke_dict(self) -> dict:
        d = asdict(self)
        d["judul"] = self.judul
        return d

    def ringkasan(self, temuan_maks: int = 10) -> list[str]:
        """A few Indonesian lines for a terminal or a message box: satker average, counts
        per predikat, budget absorption against the quarter's target, the first findings."""
        baris = [f"{self.judul} - {self.satker}, tahun {self.tahun}"]
        if self.capaian_satker is not None:
            baris.append(f"Capaian rata-rata satker: {format_persen(self.capaian_satker)}")
        else:
            baris.append("Capaian rata-rata satker: - (belum ada realisasi kinerja)")
        baris.append("Indikator per predikat: " + ", ".join(
            f"{p} {n}" for p, n in self.jumlah_predikat.items()))
        lambat = sorted((s for s in self.sasaran if di_bawah_target(s["capaian"])),
                        key=lambda s: s["capaian"])
        if lambat:
            baris.append("Sasaran di bawah target: " + "; ".join(
                f"{s['kode']} {format_persen(s['capaian'])}" for s in lambat[:5]) +
                (f"; dan {len(lambat) - 5} lainnya" if len(lambat) > 5 else ""))
        total = next((a for a in self.anggaran if a.get("tingkat") == "jumlah"), None)
        if total and total.get("persen") is not None:
            teks = (f"Serapan anggaran: {format_persen(total['persen'])} dari pagu Rp "
                    f"{format_angka(total['pagu'], 0)}")
            if self.target_serapan is not None:
                selisih = total["persen"] - self.target_serapan
                teks += (f" (target {format_persen(self.target_serapan)}, selisih "
                         f"{'+' if selisih >= 0 else '-'}{format_persen(abs(selisih))})")
            baris.append(teks)
        if self.temuan:
            baris.append(f"Temuan ({len(self.temuan)}):")
            # errors first; the kendala not yet written are one line (they are many at
            # the end of a year, and would hide the rest)
            kendala = [t for t in self.temuan if t["jenis"] == "kendala_kosong"]
            lain = sorted((t for t in self.temuan if t["jenis"] != "kendala_kosong"),
                          key=lambda t: t.get("tingkat") != "galat")
            baris += [f"  - {teks_temuan(t)}" for t in lain[:temuan_maks]]
            if len(lain) > temuan_maks:
                baris.append(f"  ... dan {len(lain) - temuan_maks} temuan lain "
                             f"(lihat lembar rekap)")
            if kendala:
                kode = [t["kode"] for t in kendala]
                baris.append(f"  - kendala belum ditulis untuk {len(kode)} indikator di bawah "
                             f"target: {', '.join(kode[:8])}"
                             + (f", dan {len(kode) - 8} lainnya" if len(kode) > 8 else "")
                             + f" (kolom Kendala, Catatan Triwulan {romawi(self.triwulan)})")
        else:
            baris.append("Tidak ada temuan.")
        return baris

    def ke_dataframe(self, bagian: str = "indikator"):
        pd = opsional.pandas()
        return pd.DataFrame(getattr(self, bagian))


def teks_temuan(t: dict) -> str:
    """A finding's message as the screen and the rekap sheet show it: an error (a value
    the rekap refused to count) says so first; the rest are warnings."""
    return f"GALAT: {t['pesan']}" if t.get("tingkat") == "galat" else t["pesan"]


# ---------------------------------------------------------------- engine
def _skala(data: DataBuku):
    pasangan = sorted(zip(data.skala_batas, data.skala_predikat, strict=False), key=lambda p: p[0],
                      reverse=True)
    kategori = tuple((b, lbl) for b, lbl in pasangan[:-1]) + ((None, pasangan[-1][1]),)
    return Skala(nama="referensi", kategori=kategori, inklusif=data.skala_inklusif,
                 basis="capaian")


def _target_inti(ind: Indikator, t):
    """Build what the core's capaian() expects for this indicator's target."""
    if ind.jenis == "rentang" and ind.target_atas is not None and isinstance(t, float):
        return Target(jenis="rentang", nilai=None, bawah=t, atas=ind.target_atas)
    if ind.jenis == "ordinal" and isinstance(t, str):
        return baca_target(t)
    return t


def hitung_rekap(data: DataBuku, triwulan: int, batas_atas=None, dasar: str = "sasaran",
                 dibuat: str | None = None) -> Rekap:
    """The rekap for one quarter, computed with the core from the input values only."""
    if not isinstance(triwulan, int) or isinstance(triwulan, bool) or triwulan not in (1, 2, 3, 4):
        raise KesalahanInput(f"triwulan harus 1, 2, 3, atau 4 (bukan {triwulan!r})", triwulan)
    q = triwulan - 1
    cap = data.batas_capaian if batas_atas is None else batas_atas
    skala = _skala(data)
    rk = Rekap(triwulan=triwulan, berkas=data.berkas, satker=data.satker, tahun=data.tahun,
               dibuat=dibuat or _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
    temuan = rk.temuan
    pasangan = []
    rk.jumlah_predikat = {lbl: 0 for lbl in sorted(
        data.skala_predikat, key=lambda lb: -data.skala_batas[data.skala_predikat.index(lb)])}
    for ind in data.indikator:
        t, r = ind.target[q], ind.realisasi[q]
        lokasi = {"sheet": data.lembar_ukur, "baris": ind.baris, "kode": ind.kode}
        c = None
        mustahil = [(apa, v) for apa, v in (("target", t), ("realisasi", r))
                    if persen_mustahil(v, ind.jenis)]
        for apa, v in mustahil:
            temuan.append({**lokasi, "jenis": "persen_mustahil", "tingkat": "galat",
                           "kolom": apa, "tercatat": v,
                           "pesan": f"{ind.kode}: {apa} TW {romawi(triwulan)} tercatat "
                                    f"{format_persen(v)}, tidak mungkin sebagai persen (di "
                                    f"atas {format_angka(BATAS_PERSEN * 100, 0)}%): persen "
                                    f"diketik tanpa tanda %? Ketik {_ketikan(v)}% (bukan "
                                    f"{_ketikan(v)}); indikator ini tidak dihitung dalam "
                                    f"rata-rata"})
        if t is not None and r is None:
            temuan.append({**lokasi, "jenis": "realisasi_kosong",
                           "pesan": f"{ind.kode}: realisasi TW {romawi(triwulan)} belum diisi"})
        elif t is None and r is not None:
            temuan.append({**lokasi, "jenis": "tanpa_target",
                           "pesan": f"{ind.kode}: ada realisasi TW {romawi(triwulan)} tanpa "
                                    f"target triwulan"})
        elif t is not None:
            try:
                c = _capaian(_target_inti(ind, t), r, ind.polaritas)
            except KesalahanInput as e:
                raise KesalahanBerkas(str(e), berkas=data.berkas, sheet=data.lembar_ukur,
                                      baris=ind.baris, nilai=r) from None
            if c is not None and not math.isfinite(c):
                raise KesalahanBerkas(
                    f"capaian {ind.kode} bukan angka terhingga (target {t!r}, realisasi "
                    f"{r!r}: angkanya terlalu besar atau terlalu kecil)", berkas=data.berkas,
                    sheet=data.lembar_ukur, baris=ind.baris, nilai=r)
            if capaian_janggal(c, ind.polaritas) and not mustahil:
                temuan.append({**lokasi, "jenis": "capaian_janggal",
                               "pesan": f"{ind.kode}: capaian {format_persen(c)} jauh di atas "
                                        f"100%; periksa kemungkinan salah ketik"})
        tahunan = _tahunan(data, ind, triwulan, skala)
        p = _predikat(c, skala) if c is not None else None
        if p is not None and not mustahil:
            rk.jumlah_predikat[p] = rk.jumlah_predikat.get(p, 0) + 1
        # an impossible percentage is left out of every average and count (the row still
        # shows what the sheet computes from it, next to the error)
        pasangan.append((ind.kode_sasaran or ind.sasaran, None if mustahil else c))
        rk.indikator.append({"baris": ind.baris, "kode_sasaran": ind.kode_sasaran,
                             "kode": ind.kode, "indikator": ind.indikator, "satuan": ind.satuan,
                             "jenis": ind.jenis, "polaritas": ind.polaritas, "target": t,
                             "realisasi": r, "capaian": c, "predikat": p,
                             "dikecualikan": bool(mustahil), "kendala": ind.kendala[q],
                             "solusi": ind.solusi[q], "bukti_dukung": ind.bukti_dukung[q],
                             **tahunan})
        if not mustahil and di_bawah_target(c) and not ind.kendala[q]:
            temuan.append({**lokasi, "jenis": "kendala_kosong",
                           "pesan": f"{ind.kode}: capaian TW {romawi(triwulan)} "
                                    f"{format_persen(c)} di bawah target, tetapi kendalanya "
                                    f"belum ditulis (kolom Kendala, Catatan Triwulan "
                                    f"{romawi(triwulan)})"})
    kosong = [t for t in temuan if t["jenis"] == "realisasi_kosong"]
    if kosong and all(i.realisasi[q] is None for i in data.indikator):
        # the quarter not started yet: one line, not one per indicator
        temuan[:] = [t for t in temuan if t["jenis"] != "realisasi_kosong"]
        temuan.insert(0, {"sheet": data.lembar_ukur, "baris": None, "kode": None,
                          "jenis": "realisasi_kosong",
                          "pesan": f"belum ada realisasi kinerja TW {romawi(triwulan)} yang "
                                   f"diisi ({len(kosong)} indikator bertarget triwulan ini)"})
    per_sasaran = capaian_per_sasaran(pasangan, batas_atas=cap)
    nama_sasaran = {}
    for ind in data.indikator:
        nama_sasaran.setdefault(ind.kode_sasaran or ind.sasaran, ind.sasaran)
    for kunci, nama in nama_sasaran.items():
        c = per_sasaran.get(kunci)
        rk.sasaran.append({"kode": kunci, "sasaran": nama, "capaian": c,
                           "predikat": _predikat(c, skala) if c is not None else None})
    rk.capaian_satker = capaian_satker(pasangan, dasar=dasar, batas_atas=cap)
    rk.target_serapan = data.target_serapan[q]
    _anggaran(data, q, rk, persen_anggaran, sisa_anggaran)
    return rk


def _tahunan(data: DataBuku, ind: Indikator, triwulan: int, skala) -> dict:
    """The annual columns as Pengukuran shows them when the realisasi up to `triwulan` are
    reported: the latest realisasi against the annual target, and the predikat only once
    TW IV is reported, else the label "s.d. TW n" (core: keterangan_tahunan)."""
    rt = ind.realisasi[:triwulan]
    r = realisasi_terakhir(rt)
    c = None
    if ind.target_tahunan is not None:
        try:
            c = capaian_tahunan(_target_inti(ind, ind.target_tahunan), rt, ind.polaritas)
        except KesalahanInput as e:
            raise KesalahanBerkas(f"{ind.kode} (capaian tahunan): {e}", berkas=data.berkas,
                                  sheet=data.lembar_ukur, baris=ind.baris, nilai=r) from None
    return {"target_tahunan": ind.target_tahunan, "realisasi_tahunan": r,
            "capaian_tahunan": c, "predikat_tahunan": predikat_tahunan(c, rt, skala),
            "keterangan_tahunan": keterangan_tahunan(rt) if c is not None else None}


def _ketikan(v: float) -> str:
    """What the user typed to get the stored fraction `v` (98 for 98.0): "98", "97,5"."""
    return format_ringkas(v, 2)


def anak_anggaran(baris: list) -> dict[int, list[int]]:
    """Which rows each subtotal row sums (indices into `baris`, BarisAnggaran in sheet
    order): the core rule `rincian_anggaran` over their tingkat."""
    return rincian_anggaran([b.tingkat for b in baris])


def _anggaran(data, q, rk, persen_anggaran, sisa_anggaran):
    baris = data.anggaran
    nilai_r = [b.realisasi[q] for b in baris]
    nilai_p = [b.pagu for b in baris]
    anak = anak_anggaran(baris)

    def total(i, nilai, kolom, dicek):
        """Recorded value of row i, or the sum of its rows when blank (a formula); a
        recorded subtotal that is not that sum is a finding (typed over the SUM)."""
        if i not in anak:
            return nilai[i]
        parts = [total(j, nilai, kolom, dicek) for j in anak[i]]
        s = None if all(x is None for x in parts) else sum(x for x in parts if x is not None)
        if nilai[i] is not None and s is not None and not jumlah_sesuai(nilai[i], s) and \
                (i, kolom) not in dicek:
            dicek.add((i, kolom))
            b = baris[i]
            label = kolom if kolom == "pagu" else f"{kolom} TW {romawi(q + 1)}"
            rk.temuan.append({"sheet": data.lembar_angg, "baris": b.baris, "kode": b.kode,
                              "jenis": "jumlah_tidak_cocok", "kolom": kolom,
                              "tercatat": nilai[i], "dihitung": s,
                              "pesan": f"{b.kode or b.uraian}: {label} {b.tingkat} "
                                       f"{format_angka(nilai[i], 0)} tidak sama dengan jumlah "
                                       f"rinciannya {format_angka(s, 0)}"})
        hasil = nilai[i] if nilai[i] is not None else s
        _terhingga(hasil, baris[i], kolom)
        return hasil

    def _terhingga(x, b, kolom):
        """Sums of huge values overflow (pagu 1e308 + 1e308): refused before any write."""
        if x is not None and not math.isfinite(x):
            label = kolom if kolom == "pagu" else f"{kolom} TW {romawi(q + 1)}"
            raise KesalahanBerkas(f"{b.kode or b.uraian}: {label} {b.tingkat} bukan angka "
                                  f"terhingga (jumlah rinciannya terlalu besar)",
                                  berkas=data.berkas, sheet=data.lembar_angg, baris=b.baris)

    dicek = set()
    tgt = data.target_serapan[q]
    for i, b in enumerate(baris):
        pagu = total(i, nilai_p, "pagu", dicek)
        real = total(i, nilai_r, "realisasi", dicek)
        persen = persen_anggaran(pagu, real)
        sisa = sisa_anggaran(pagu, real)
        _terhingga(persen, b, "persentase")
        _terhingga(sisa, b, "sisa")
        rk.anggaran.append({"baris": b.baris, "kode": b.kode, "uraian": b.uraian,
                            "tingkat": b.tingkat, "pagu": pagu, "realisasi": real,
                            "persen": persen, "sisa": sisa,
                            "target_serapan": tgt,
                            "selisih_target": None if persen is None or tgt is None
                            else persen - tgt})
        if persen is not None and persen > 1:
            rk.temuan.append({"sheet": data.lembar_angg, "baris": b.baris, "kode": b.kode,
                              "jenis": "serapan_lebih",
                              "pesan": f"{b.kode or b.uraian}: realisasi anggaran melebihi "
                                       f"pagu ({format_persen(persen)})"})
    _anggaran_kosong(data, q, rk, anak)


def _anggaran_kosong(data, q, rk, anak):
    """Budget rows typed in (not a subtotal) with a pagu but no realisasi, in a quarter
    where something else has realisasi: one finding per row; one for the whole sheet when
    no budget realisasi of the quarter is filled in at all."""
    baris = data.anggaran
    ada = any(i.realisasi[q] is not None for i in data.indikator) or \
        any(b.realisasi[q] is not None for b in baris)
    if not ada:
        return
    isian = [b for i, b in enumerate(baris) if i not in anak and b.tingkat not in TINGKAT_JUMLAH]
    kosong = [b for b in isian if b.pagu and b.realisasi[q] is None]
    if not kosong:
        return
    tw = f"TW {romawi(q + 1)}"
    if all(b.realisasi[q] is None for b in isian):
        rk.temuan.append({"sheet": data.lembar_angg, "baris": None, "kode": None,
                          "jenis": "realisasi_anggaran_kosong",
                          "pesan": f"realisasi anggaran {tw} belum diisi sama sekali "
                                   f"({len(kosong)} baris berpagu, jumlah pagu Rp "
                                   f"{format_angka(sum(b.pagu for b in kosong), 0)}), padahal "
                                   f"realisasi kinerja {tw} sudah diisi"})
        return
    for b in kosong:
        rk.temuan.append({"sheet": data.lembar_angg, "baris": b.baris, "kode": b.kode,
                          "jenis": "realisasi_anggaran_kosong",
                          "pesan": f"{nama_anggaran(b)}: realisasi anggaran {tw} belum diisi "
                                   f"(pagu Rp {format_angka(b.pagu, 0)}); isi 0 bila memang "
                                   f"belum ada yang dibelanjakan"})


def nama_anggaran(b) -> str:
    """A budget row as its findings name it first: "EBD.952 Layanan Perencanaan"."""
    return f"{b.kode} {b.uraian}".strip() if b.kode else b.uraian
