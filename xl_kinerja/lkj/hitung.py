"""The LKj content computed from a workbook's input cells with the core rules.

Every figure goes through the same core functions as the Pengukuran formulas and the rekap:
`capaian` (annual: the latest cumulative realisasi against the annual target), `predikat`
with the workbook's own scale (Referensi), `capaian_per_sasaran`/`capaian_satker` with its
cap, `persen_anggaran`, and the LKj rules of `evaluasi` (tercapai, tren, efisiensi).
"""
from __future__ import annotations

from .. import nama as N
from ..agregat import capaian_per_sasaran, capaian_satker
from ..anggaran import persen_anggaran
from ..capaian import (
    baca_realisasi,
    capaian,
    keterangan_gabungan,
    keterangan_tahunan,
    predikat_tahunan,
)
from ..errors import KesalahanBerkas, KesalahanInput
from ..evaluasi import aturan_efisiensi as _aturan
from ..evaluasi import efisiensi, nilai_efisiensi, tercapai, tren
from ..predikat import predikat
from ..rekap.mesin import DataBuku, _skala, _target_inti, hitung_rekap
from ..target import Target, baca_target
from .baca import Tambahan
from .model import AnggaranLkj, IndikatorLkj, LaporanKinerja, Riwayat, SasaranLkj

TINGKAT_TABEL = ("program", "kegiatan", "jumlah")  # rows of the Realisasi Anggaran table


def _terakhir(nilai: list):
    """The latest non-blank cumulative value (TW IV back to TW I)."""
    for v in reversed(nilai):
        if v is not None:
            return v
    return None


def _tw_terakhir(data: DataBuku) -> int:
    isi = [q for q in range(4) if any(i.realisasi[q] is not None for i in data.indikator)
           or any(b.realisasi[q] is not None for b in data.anggaran)]
    return isi[-1] + 1 if isi else 4


def _capaian(data, ind, target, realisasi, apa: str):
    try:
        return capaian(target, realisasi, ind.polaritas)
    except KesalahanInput as e:
        raise KesalahanBerkas(f"{ind.kode} ({apa}): {e}", berkas=data.berkas,
                              sheet=data.lembar_ukur, baris=ind.baris, nilai=realisasi) from None


def _riwayat_lalu(lalu, kode: str):
    """(tahun, target, realisasi) of last year's workbook for this indicator, or None."""
    if lalu is None:
        return None
    data_l, tamb_l = lalu
    for ind in data_l.indikator:
        if ind.kode == kode:
            return ind, _target_inti(ind, ind.target_tahunan), _terakhir(ind.realisasi)
    return None


def _skalar(target, realisasi):
    """The realisasi on the target's scale (numbers; ordinal grades as ranks)."""
    if realisasi is None or target is None:
        return None
    try:
        t = target if isinstance(target, Target) else baca_target(target)
        if t.jenis == "rentang" and isinstance(realisasi, (int, float)):
            return float(realisasi)
        return baca_realisasi(t, realisasi)
    except KesalahanInput:
        return None


def _indikator(data, ind, tambahan, lalu, nasional, skala, catatan) -> IndikatorLkj:
    t_sel = ind.target_tahunan
    target = _target_inti(ind, t_sel)
    r = _terakhir(ind.realisasi)
    c = _capaian(data, ind, target, r, "capaian tahunan") if t_sel is not None else None
    hasil = IndikatorLkj(
        kode=ind.kode, kode_sasaran=ind.kode_sasaran, indikator=ind.indikator,
        satuan=ind.satuan, jenis=ind.jenis, polaritas=ind.polaritas,
        penanggung_jawab=tambahan.penanggung_jawab.get(ind.kode, ""),
        target=t_sel, target_atas=ind.target_atas, realisasi=r, capaian=c,
        # mid-year (docs/aturan.md A35): "s.d. TW n", no predikat and no Tercapai yet
        predikat=predikat_tahunan(c, ind.realisasi, skala),
        status=None if c is None else keterangan_tahunan(ind.realisasi) or tercapai(c),
        kegiatan=tambahan.kegiatan.get(ind.kode, ""))
    # kendala, solusi, bukti dukung per quarter: the rekap reader's (one reader of them)
    hasil.kendala, hasil.solusi, hasil.bukti = (
        [f"TW {N.romawi(q)}: {v}" for q, v in enumerate(teks, 1) if v]
        for teks in (ind.kendala, ind.solusi, ind.bukti_dukung))
    # (2) earlier years: the IKU sheet's realisasi, last year's workbook when given
    tahun = int(data.tahun)
    riwayat = {}
    for th, v in sorted(tambahan.realisasi.get(ind.kode, {}).items()):
        if th >= tahun:
            continue
        teks = tambahan.iku_target.get(ind.kode, {}).get(th)
        c_l = None
        if teks:
            try:
                c_l = capaian(teks, v, ind.polaritas)
            except KesalahanInput as e:
                catatan.append(f"{ind.kode}: capaian tahun {th} tidak dihitung ({e})")
        riwayat[th] = Riwayat(th, teks, v, c_l)
    ll = _riwayat_lalu(lalu, ind.kode)
    if ll is not None:
        ind_l, t_l, r_l = ll
        c_l = None
        if t_l is not None and r_l is not None:
            try:
                c_l = capaian(t_l, r_l, ind_l.polaritas)
            except KesalahanInput as e:
                catatan.append(f"{ind.kode}: capaian tahun {tahun - 1} tidak dihitung ({e})")
        riwayat[tahun - 1] = Riwayat(tahun - 1, ind_l.target_tahunan, r_l, c_l)
    hasil.riwayat = [riwayat[th] for th in sorted(riwayat)]
    if tahun - 1 in riwayat:  # the trend is against last year
        hasil.tren = tren(_skalar(target, riwayat[tahun - 1].realisasi), _skalar(target, r),
                          ind.polaritas)
    # (3) the last target of the IKU period
    if tambahan.iku_tahun:
        akhir = max(tambahan.iku_tahun)
        teks = tambahan.iku_target.get(ind.kode, {}).get(akhir)
        if teks:
            hasil.tahun_akhir, hasil.target_akhir = akhir, teks
            if r is not None:
                try:
                    hasil.capaian_akhir = capaian(teks, r, ind.polaritas)
                except KesalahanInput as e:
                    catatan.append(f"{ind.kode}: realisasi terhadap target {akhir} tidak "
                                   f"dihitung ({e})")
    # (4) the national figure
    n = (nasional if nasional is not None else tambahan.nasional).get(ind.kode)
    if n is not None and n != "":
        hasil.nasional = n
        if r is not None:
            try:  # one figure: a range indicator compares like a percentage
                hasil.capaian_nasional = capaian(
                    baca_target(n) if isinstance(n, str) else n, r, ind.polaritas)
            except KesalahanInput as e:
                catatan.append(f"{ind.kode}: perbandingan dengan angka nasional tidak "
                               f"dihitung ({e})")
    return hasil


def _peta_bawaan(data: DataBuku, tambahan: Tambahan) -> dict:
    """Sasaran -> budget codes when the workbook maps none: the program row whose uraian is
    the sasaran's program on the IKU sheet."""
    program = {b.uraian.strip().lower(): b.kode for b in data.anggaran
               if b.tingkat == "program" and b.kode}
    peta = {}
    for ks, nama in tambahan.program.items():
        kode = program.get(nama.strip().lower())
        if kode:
            peta[ks] = [kode]
    return peta


def susun_laporan(data: DataBuku, tambahan: Tambahan | None = None, lalu=None, *,
                  aturan_efisiensi: str | None = None, dasar: str = "sasaran",
                  batas_atas: float | None = None, nasional: dict | None = None,
                  peta_anggaran: dict | None = None) -> LaporanKinerja:
    """The LKj of `data` (a `rekap.DataBuku`). `lalu`: (DataBuku, Tambahan) of last year's
    workbook, for analysis 2 and last year's budget; `nasional`: {kode indikator: figure};
    `peta_anggaran`: {kode sasaran: [budget codes]} (default: the sasaran's program)."""
    tambahan = tambahan or Tambahan()
    aturan = _aturan(aturan_efisiensi if aturan_efisiensi is not None
                     else tambahan.aturan_efisiensi)
    skala = _skala(data)
    cap = data.batas_capaian if batas_atas is None else batas_atas
    tw = _tw_terakhir(data)
    lap = LaporanKinerja(
        satker=data.satker, tahun=int(data.tahun), berkas=data.berkas, kertas=tambahan.kertas,
        triwulan=tw, skala=[lbl for _, lbl in skala.kategori], dasar=dasar, batas_capaian=cap,
        aturan_efisiensi=aturan, tahun_lalu=int(lalu[0].tahun) if lalu else None)
    if lap.tahun_lalu is None and any(a is not None for x in tambahan.anggaran_lalu
                                      for a in x):
        lap.tahun_lalu = lap.tahun - 1
    if tw < 4:
        lap.catatan.append(f"realisasi baru terisi sampai TW {N.romawi(tw)}; angka LKj adalah "
                           f"angka sampai triwulan itu")
    # (1)-(4) per indicator, grouped by sasaran in sheet order
    per_kode: dict[str, SasaranLkj] = {}
    pasangan = []
    for ind in data.indikator:
        kunci = ind.kode_sasaran or ind.sasaran
        if kunci not in per_kode:
            per_kode[kunci] = SasaranLkj(kode=kunci, sasaran=ind.sasaran, capaian=None,
                                         predikat=None)
            lap.sasaran.append(per_kode[kunci])
        il = _indikator(data, ind, tambahan, lalu, nasional, skala, lap.catatan)
        per_kode[kunci].indikator.append(il)
        pasangan.append((kunci, il.capaian))
    def _gabungan(c, anggota):
        return None if c is None else (keterangan_gabungan(i.predikat for i in anggota)
                                       or predikat(c, skala))
    for kunci, c in capaian_per_sasaran(pasangan, batas_atas=cap).items():
        per_kode[kunci].capaian = c
        per_kode[kunci].predikat = _gabungan(c, per_kode[kunci].indikator)
    lap.capaian_satker = capaian_satker(pasangan, dasar=dasar, batas_atas=cap)
    lap.predikat_satker = _gabungan(lap.capaian_satker, lap.indikator)
    # counted per predikat of the scale; a provisional "s.d. TW n" is no predikat yet
    lap.jumlah_predikat = {lbl: 0 for lbl in lap.skala}
    for i in lap.indikator:
        if i.predikat in lap.jumlah_predikat:
            lap.jumlah_predikat[i.predikat] += 1
    # budget: the rekap engine's totals at the last quarter with budget realisasi
    tw_a = max([q + 1 for q in range(4) if any(b.realisasi[q] is not None
                                                for b in data.anggaran)] or [4])
    baris = hitung_rekap(data, tw_a).anggaran
    lalu_baris = {}
    if lalu:
        for a in hitung_rekap(lalu[0], _tw_terakhir(lalu[0])).anggaran:
            lalu_baris[a["kode"] or a["tingkat"]] = a
    tabel = [a for a in baris if a["tingkat"] in TINGKAT_TABEL]
    if not lalu and len(tambahan.anggaran_lalu) == len(tabel):
        # the LKj sheet's inputs (filled by `baru --dari`), row for row; JUMLAH = programs
        for a, (p, r) in zip(tabel, tambahan.anggaran_lalu, strict=False):
            if a["tingkat"] == "jumlah":
                prog = [x for x, b in zip(tambahan.anggaran_lalu, tabel, strict=False)
                        if b["tingkat"] == "program"]
                isi_p = [x[0] for x in prog if x[0] is not None]
                isi_r = [x[1] for x in prog if x[1] is not None]
                p, r = (sum(isi_p) if isi_p else None), (sum(isi_r) if isi_r else None)
            lalu_baris[a["kode"] or a["tingkat"]] = {
                "pagu": p, "realisasi": r, "persen": persen_anggaran(p, r)}
    for a in tabel:
        al = lalu_baris.get(a["kode"] or a["tingkat"], {})
        lap.anggaran.append(AnggaranLkj(
            kode=a["kode"], uraian=a["uraian"], tingkat=a["tingkat"], pagu=a["pagu"],
            realisasi=a["realisasi"], persen=a["persen"], sisa=a["sisa"],
            pagu_lalu=al.get("pagu"), realisasi_lalu=al.get("realisasi"),
            persen_lalu=al.get("persen")))
    total = next((a for a in baris if a["tingkat"] == "jumlah"), None)
    if total is None:
        prog = [a for a in baris if a["tingkat"] == "program"]
        total = {"pagu": sum(a["pagu"] or 0 for a in prog),
                 "realisasi": sum(a["realisasi"] or 0 for a in prog)}
    lap.pagu, lap.realisasi_anggaran = total["pagu"], total["realisasi"]
    lap.serapan = persen_anggaran(lap.pagu, lap.realisasi_anggaran)
    # (6) efficiency per sasaran
    peta = peta_anggaran if peta_anggaran is not None else (
        tambahan.kode_anggaran or _peta_bawaan(data, tambahan))
    per_angg = {a["kode"]: a for a in baris if a["kode"]}
    for s in lap.sasaran:
        kode = [k for k in peta.get(s.kode, []) if k in per_angg]
        s.kode_anggaran = kode
        if kode:
            p = [per_angg[k]["pagu"] for k in kode if per_angg[k]["pagu"] is not None]
            r = [per_angg[k]["realisasi"] for k in kode if per_angg[k]["realisasi"] is not None]
            s.pagu = sum(p) if p else None
            s.realisasi_anggaran = sum(r) if r else None
            s.serapan = persen_anggaran(s.pagu, s.realisasi_anggaran)
            s.nilai_efisiensi = nilai_efisiensi(s.capaian, s.serapan, aturan)
            s.efisiensi = efisiensi(s.capaian, s.serapan, aturan)
    return lap
