"""The table checker: findings for a table as it stands (an imported `HasilImpor`), from the
rule families: codes and duplicate rows (kode.py), indicator rules (indikator.py), budget
rows and totals (anggaran.py), worked formula examples (ekspresi.py), and the recorded capaian
and predikat judged with the core.
"""
from __future__ import annotations

from ..angka import format_persen
from ..capaian import baca_realisasi
from ..capaian import capaian as _capaian
from ..errors import KesalahanInput
from ..impor import BarisData, HasilImpor
from ..predikat import SKALA, ambil_skala
from ..predikat import predikat as _predikat
from ..target import baca_target
from .anggaran import periksa_baris_anggaran, periksa_total
from .ekspresi import periksa_formula
from .indikator import periksa_indikator
from .kode import periksa_kode
from .temuan import Temuan, lokasi, persen_tercatat_beda
from .temuan import angka_tercatat as _angka


def skala_periksa(skala="kpu"):
    """(scale for CAPAIAN % columns, scale for NILAI/score columns). The chosen preset replaces
    the default of its own basis: kpu for capaian, sakip for scores."""
    sk = ambil_skala(skala)
    return (sk, SKALA["sakip"]) if sk.basis == "capaian" else (SKALA["kpu"], sk)


def _kunci_baris(d: BarisData) -> tuple:
    """What makes two indicator rows the same row (hashable; nilai may hold dicts)."""
    return (d.kode, d.sasaran, d.indikator, d.target,
            tuple(sorted((k, repr(x)) for k, x in d.nilai.items())))


def periksa_hasil(h: HasilImpor, skala="kpu") -> list[Temuan]:
    """Findings for an imported table. `skala`: a core SKALA preset name (or Skala) for the
    predikat written next to a capaian % (capaian basis) or a score (score basis)."""
    sk_capaian, sk_skor = skala_periksa(skala)
    t: list[Temuan] = periksa_kode(
        (lokasi(h, d), d.kode, d.nilai.get("uraian") or d.indikator,
         _kunci_baris(d) if d.jenis == "indikator" and d.indikator else None)
        for d in h.baris)
    for d in h.baris:
        lok = lokasi(h, d)
        v = d.nilai
        if d.jenis == "indikator":
            t.extend(periksa_indikator(lok, d.indikator, d.target, v.get("satuan") or ""))
        pagu, temuan = periksa_baris_anggaran(lok, v)
        t.extend(temuan)
        if d.jenis == "indikator" and d.target and v.get("realisasi") and pagu is None:
            salah = _realisasi_tak_terbaca(lok, d)
            t.extend(salah)
            if v.get("capaian") and not salah:
                t.extend(_periksa_capaian(lok, d))
        if v.get("predikat") and (v.get("capaian") or v.get("nilai")):
            t.extend(_periksa_predikat(lok, v, sk_capaian, sk_skor))
        for kol in ("formula", "definisi"):
            for ekspr, tulis, nilai in periksa_formula(v.get(kol, "")):
                t.append(Temuan("formula_tidak_sesuai", lok, f"contoh perhitungan {ekspr} = {tulis} "
                                f"tidak benar", tulis, format_persen(nilai) if tulis.endswith("%")
                                else nilai))
    t.extend(periksa_total(h))
    return t


def _realisasi_tak_terbaca(lok: dict, d: BarisData) -> list[Temuan]:
    """A realisasi the core cannot read against its row's target ("xyz", a count against a
    percent target): said, not skipped. A target that is itself unreadable is the
    indicator rules' finding, not this one."""
    try:
        t = baca_target(d.target)
    except KesalahanInput:
        return []
    try:
        baca_realisasi(t, d.nilai["realisasi"])
    except KesalahanInput as e:
        return [Temuan("angka_tak_terbaca", lok, f"{e} (target baris ini: {d.target})",
                       d.nilai["realisasi"], None)]
    return []


def _periksa_capaian(lok: dict, d: BarisData) -> list[Temuan]:
    """A recorded capaian vs the core's capaian of realisasi against target, with the
    indicator's polarity (from its POLARITAS column or inferred at import)."""
    tulis = d.nilai["capaian"]
    try:
        frak = _capaian(d.target, d.nilai["realisasi"], d.nilai.get("polaritas") or "maks")
    except KesalahanInput:
        return []
    des = persen_tercatat_beda(tulis, frak)
    if des is None:
        return []
    return [Temuan("persen_salah", lok, f"capaian tercatat {tulis} tidak sama dengan "
                   f"realisasi/target = {format_persen(frak, des)}", tulis,
                   format_persen(frak, des))]


def _periksa_predikat(lok: dict, v: dict, sk_capaian, sk_skor) -> list[Temuan]:
    """The predikat written next to a capaian % (capaian scale) or a score (score scale)."""
    tercatat = (v.get("capaian") or v.get("nilai")).strip()  # as written: 83,33
    try:
        skor = _angka(tercatat.rstrip("% "))
        sk = sk_capaian if v.get("capaian") else sk_skor
        nilai = skor / 100 if sk.basis == "capaian" and skor is not None else skor
        benar = _predikat(nilai, sk)
    except KesalahanInput:
        return []
    if benar and benar.strip().upper() != v["predikat"].strip().upper():
        return [Temuan("predikat_bertentangan", lok, f"predikat {v['predikat']!r} tidak "
                       f"sesuai skala {sk.nama}: {tercatat} = {benar}", v["predikat"], benar)]
    return []
