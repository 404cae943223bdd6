"""Capaian (achievement) of one indicator: docs/aturan.md section "Capaian", the single
source of truth.

The Excel formulas the generator writes mirror these expressions term by term (r/t,
MAX(0;2-r/t), ...), so a workbook and this function agree to the last bit.
"""
from __future__ import annotations

from collections.abc import Iterable

from .aturan import JENIS, POLARITAS_BAWAAN, pecahan
from .errors import KesalahanInput
from .nama import ROMAWI
from .predikat import predikat
from .target import PERINGKAT, Target, baca_target

_MAKS = frozenset({"maks", "max", "maksimal", "maksimum", "maximal"})
_MIN = frozenset({"min", "minimal", "minimum"})


def baca_polaritas(polaritas: object) -> str:
    """"maks"/"max"/"Maksimal"/None -> "maks"; "min"/"Minimal" -> "min"."""
    if polaritas is None or (isinstance(polaritas, str) and not polaritas.strip()):
        return "maks"
    if isinstance(polaritas, str):
        p = polaritas.strip().lower()
        if p in _MAKS:
            return "maks"
        if p in _MIN:
            return "min"
    raise KesalahanInput(f'polaritas "{polaritas}" tidak dikenal; gunakan "maks" atau "min"',
                         polaritas)


def _isi(x: float | None, apa: str) -> float:
    """A bound or value a Target of this kind always carries (typed for mypy)."""
    if x is None:
        raise KesalahanInput(f"target tidak lengkap: {apa} kosong")
    return x


def _kosong(x: object) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def _nilai_realisasi(realisasi: object, target: Target) -> float:
    """The realisasi as a number on the target's scale; mismatched kinds are errors."""
    if isinstance(realisasi, bool):
        raise KesalahanInput(f"realisasi {realisasi!r} bukan angka", realisasi)
    if isinstance(realisasi, (int, float)):
        if realisasi != realisasi:
            raise KesalahanInput("realisasi bukan angka (NaN)", realisasi)
        if target.jenis == "ordinal":
            raise KesalahanInput(
                f"target berupa predikat ({target.predikat}); realisasi harus predikat juga, "
                f"bukan angka {realisasi!r}", realisasi)
        nilai = float(realisasi)
    else:
        try:
            r = baca_target(realisasi)  # same grammar as targets
        except KesalahanInput as e:  # the message is about a "target": say "realisasi"
            raise KesalahanInput(e.pesan.replace("target", "realisasi", 1), realisasi) from None
        if target.jenis == "ordinal":
            if r.jenis != "ordinal" or r.keluarga != target.keluarga:
                raise KesalahanInput(
                    f'realisasi "{realisasi}" bukan predikat dari skala yang sama dengan target '
                    f'"{target.predikat}" ({", ".join(PERINGKAT.get(target.keluarga or "", ()))})',
                    realisasi)
            return _isi(r.nilai, "peringkat")
        if r.jenis in ("ordinal", "rentang"):
            raise KesalahanInput(
                f'realisasi "{realisasi}" harus satu angka, bukan predikat atau rentang', realisasi)
        if target.persen != r.persen:
            if target.persen:
                raise KesalahanInput(
                    f'target berupa persentase ("{target.teks}") tetapi realisasi "{realisasi}" '
                    f'tidak; tulis realisasi dengan tanda %, mis. "95%"', realisasi)
            raise KesalahanInput(
                f'realisasi "{realisasi}" berupa persentase tetapi target "{target.teks}" tidak',
                realisasi)
        if (r.satuan and target.satuan and not target.persen
                and r.satuan.lower() != target.satuan.lower()):
            raise KesalahanInput(
                f'satuan berbeda: target "{target.teks}", realisasi "{realisasi}"', realisasi)
        nilai = _isi(r.nilai, "nilai")
    if nilai < 0:
        raise KesalahanInput(f"realisasi {realisasi!r} tidak boleh negatif", realisasi)
    return nilai


def baca_realisasi(target: object, realisasi: object) -> float:
    """The realisasi as a number on the target's scale (persen as a fraction, a count in the
    target's unit, ordinal as its rank), checked against the target's kind exactly as
    `capaian` does; KesalahanInput (Indonesian) when it does not fit."""
    t = target if isinstance(target, Target) else baca_target(target)
    return _nilai_realisasi(realisasi, t)


def capaian(target: object, realisasi: object, polaritas: object = "maks") -> float | None:
    """Capaian as a fraction (0.95), or None where not applicable.

    Target first, realisasi second (the column order of every KPU table). Numbers or text:
    `capaian("24 Laporan", "20 Laporan") == 20/24`, `capaian("BB", "B") == 4/5`.
    None when realisasi is blank, target is blank, or target is 0 with polaritas "maks".
    """
    # Fast path: two plain numbers, "maks" (the common array case from Excel).
    if (type(target) is float or type(target) is int) and \
            (type(realisasi) is float or type(realisasi) is int) and polaritas == "maks":
        if target > 0 and realisasi >= 0:
            return realisasi / target
    if _kosong(realisasi) or _kosong(target):
        return None
    arah = baca_polaritas(polaritas)
    t = target if isinstance(target, Target) else baca_target(target)
    r = _nilai_realisasi(realisasi, t)

    if t.jenis == "ordinal":
        if arah not in JENIS["ordinal"].polaritas:  # the catalog refuses it on load
            raise KesalahanInput("polaritas min tidak berlaku untuk target predikat", polaritas)
        rank = _isi(t.nilai, "peringkat")
        return 1.0 if r >= rank else r / rank
    if t.jenis == "rentang":
        lo, hi = _isi(t.bawah, "batas bawah"), _isi(t.atas, "batas atas")
        if arah == "maks":
            if r > hi:
                return r / hi
            if r < lo:
                return r / lo
            return 1.0
        # "min" mirrors "maks": below the range is better (>1), above is worse.
        if r < lo:
            return 2 - r / lo
        if r > hi:
            return max(0.0, 2 - r / hi)
        return 1.0
    nilai = _isi(t.nilai, "nilai")
    if nilai == 0:
        if arah == "maks":
            return None
        return 1.0 if r == 0 else 0.0
    if arah == "maks":
        return r / nilai
    return max(0.0, 2 - r / nilai)


def realisasi_terakhir(realisasi_tw: Iterable[object]) -> object:
    """The latest non-blank cumulative realisasi (TW IV back to TW I); None when all blank.

    Quarterly realisasi are cumulative, so the latest one reported is the year's so far."""
    terakhir = None
    for r in realisasi_tw:
        if not _kosong(r):
            terakhir = r
    return terakhir


def capaian_tahunan(target: object, realisasi_tw: Iterable[object],
                    polaritas: object = POLARITAS_BAWAAN) -> float | None:
    """Annual capaian: the latest non-blank cumulative realisasi against the annual target
    (the Pengukuran sheet's "Tahunan" columns mirror this). Before TW IV is reported it is
    progress so far, not a result: see `keterangan_tahunan`."""
    return capaian(target, realisasi_terakhir(realisasi_tw), polaritas)


def triwulan_terakhir(realisasi_tw: Iterable[object]) -> int | None:
    """The quarter (1-4) of the latest non-blank cumulative realisasi; None when all blank."""
    terakhir = None
    for q, r in enumerate(realisasi_tw, 1):
        if not _kosong(r):
            terakhir = q
    return terakhir


def label_sementara(triwulan: int) -> str:
    """How the annual columns label progress before the year is complete: "s.d. TW II"."""
    return f"s.d. TW {ROMAWI[triwulan - 1]}"


def keterangan_tahunan(realisasi_tw: Iterable[object]) -> str | None:
    """Mid-year honesty (docs/aturan.md, "Kolom tahunan sebelum akhir tahun"): until the
    year is complete, i.e. the TW IV realisasi is reported, the annual capaian is progress
    "s.d. TW n" against the annual target and there is NO predikat and no Tercapai/Tidak
    Tercapai: the annual predikat cell shows this label instead ("s.d. TW II"). None once
    TW IV is reported (the predikat applies) or while nothing is reported (all blank)."""
    q = triwulan_terakhir(realisasi_tw)
    return None if q is None or q == len(ROMAWI) else label_sementara(q)


def adalah_sementara(teks: object) -> bool:
    """Is `teks` the provisional label of an annual cell ("s.d. TW II", A35), not a predikat
    or Tercapai/Tidak Tercapai?"""
    return teks in {label_sementara(q) for q in range(1, len(ROMAWI))}


def keterangan_gabungan(keterangan: Iterable[str | None]) -> str | None:
    """The label of an average of annual capaian (a sasaran, the satker): provisional while
    any member is, labelled with the latest quarter among the provisional members; None
    when no member is provisional (the predikat applies)."""
    urutan = [label_sementara(q) for q in range(1, len(ROMAWI))]
    ada = [urutan.index(k) for k in keterangan if k in urutan]
    return urutan[max(ada)] if ada else None


def predikat_tahunan(nilai: float | None, realisasi_tw: Iterable[object],
                     skala: object = "kpu") -> str | None:
    """What the annual predikat cell shows: the predikat of the annual capaian once the
    year is complete, the `keterangan_tahunan` label before (None when no capaian)."""
    if nilai is None:
        return None
    return keterangan_tahunan(realisasi_tw) or predikat(nilai, skala)


# A capaian above 150% is far more often a typo (realisasi in the wrong unit, an extra digit,
# "95" typed against a 0.95 target) than a real result: the rekap and checker flag it.
AMBANG_TYPO = 1.5


def capaian_janggal(nilai: float | None, polaritas: object = "maks") -> bool:
    """Is a capaian fraction so far above 100% that it suggests a typo?

    Only for "maks": with "min" the capaian is 2 - r/t, at most 200% (realisasi 0, e.g. no
    complaints at all), a real result; a typo there shows as a low capaian instead."""
    return nilai is not None and nilai > AMBANG_TYPO and baca_polaritas(polaritas) == "maks"


# A percent typed without "%" in LibreOffice/WPS is stored as a hundred times the fraction
# (98 -> 9.800%; Excel's automatic percent entry hides this). No target or realisasi of a
# percent kind is above 1000%: the generator's cell validation refuses such a value, the
# rekap and the checker report it as an error and leave it out of every average.
BATAS_PERSEN = 10.0


def persen_mustahil(nilai: object, jenis: object) -> bool:
    """Is a stored target/realisasi impossible as a percentage (a fraction above
    BATAS_PERSEN, for the kinds stored as fractions: persen, rentang)?"""
    return (isinstance(nilai, (int, float)) and not isinstance(nilai, bool)
            and pecahan(jenis) and nilai > BATAS_PERSEN)
