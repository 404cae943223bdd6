"""Build the yearly workbook: one sheet per document (see README, bagian "baru").

Sheets: IKU, RKT, PK KPU, PK Sekretariat, Rencana Aksi, Pengukuran, Anggaran, Referensi.
Pengukuran, Anggaran and Referensi hold the data (inputs and formulas); the document
sheets (RKT, PK, Rencana Aksi) link their targets and amounts to them, so a value is
entered once. Every data column a program reads has a workbook-level name (nama.py).

Each sheet has its own builder (package `lembar`); this module only orders them and
hands each the layout the earlier ones returned.
"""
from __future__ import annotations

from openpyxl import Workbook

from ..errors import KesalahanInput
from ..jeda import tanpa_gc
from ..katalog import Katalog
from ..predikat import SKALA
from .bawa import bawa_pengaturan
from .cetak import atur_cetak
from .dari import gabung_dari
from .konteks import Konteks, bentuk_satker, provinsi
from .lembar import (
    bangun_anggaran,
    bangun_iku,
    bangun_pengukuran,
    bangun_pk,
    bangun_referensi,
    bangun_renaksi,
    bangun_rkt,
    cetak_pengukuran,
)
from .lembar.lkj import bangun_lkj
from .percepat import percepat
from .tata import (
    KERTAS,
    LEMBAR,
    LEMBAR_ANGG,
    LEMBAR_IKU,
    LEMBAR_LKJ,
    LEMBAR_PK_KPU,
    LEMBAR_PK_SEKRETARIAT,
    LEMBAR_REF,
    LEMBAR_RENAKSI,
    LEMBAR_RKT,
    LEMBAR_UKUR,
)


def _bangun(kt: Konteks, kemajuan=None) -> Workbook:
    wb = Workbook()
    ws0 = wb.active
    ws = {judul: wb.create_sheet(judul) for judul in LEMBAR}
    wb.remove(ws0)
    percepat(wb)

    def jadi(judul: str, hasil=None):
        """One sheet built: the progress bar (if any) moves on, naming it."""
        if kemajuan is not None:
            kemajuan.maju(keterangan=judul)
        return hasil

    daftar_peringkat = jadi(LEMBAR_REF, bangun_referensi(ws[LEMBAR_REF], kt))
    ukur = jadi(LEMBAR_UKUR, bangun_pengukuran(ws[LEMBAR_UKUR], kt, daftar_peringkat))
    angg = jadi(LEMBAR_ANGG, bangun_anggaran(ws[LEMBAR_ANGG], kt))
    jadi(LEMBAR_IKU, bangun_iku(ws[LEMBAR_IKU], kt))
    skala = {LEMBAR_RKT: jadi(LEMBAR_RKT, bangun_rkt(ws[LEMBAR_RKT], kt, ukur, angg)),
             LEMBAR_PK_KPU: jadi(LEMBAR_PK_KPU,
                                 bangun_pk(ws[LEMBAR_PK_KPU], kt, "kpu", ukur, angg)),
             LEMBAR_PK_SEKRETARIAT: jadi(LEMBAR_PK_SEKRETARIAT, bangun_pk(
                 ws[LEMBAR_PK_SEKRETARIAT], kt, "sekretariat", ukur, angg))}
    jadi(LEMBAR_RENAKSI, bangun_renaksi(ws[LEMBAR_RENAKSI], kt, ukur))
    jadi(LEMBAR_LKJ, bangun_lkj(ws[LEMBAR_LKJ], kt, ukur, angg, ws[LEMBAR_REF]))
    skala[LEMBAR_UKUR] = cetak_pengukuran(ws[LEMBAR_UKUR], kt.kertas)
    for judul, lembar in ws.items():
        atur_cetak(lembar, kt.kertas, kt.tahun, skala.get(judul))
    wb.active = wb.sheetnames.index(LEMBAR_UKUR)
    wb.properties.creator = "xl-kinerja"
    wb.properties.title = f"Kinerja {kt.tahun} - {kt.satker}"
    wb.calculation.fullCalcOnLoad = True
    return wb


# progress steps of building and saving one workbook: one per sheet, then the save
LANGKAH_BUKU = len(LEMBAR) + 1


def _skala(skala: str):
    if skala not in SKALA:
        raise KesalahanInput(f"skala predikat {skala!r} tidak dikenal (pilih: "
                             f"{', '.join(SKALA)})", teks=skala)
    if SKALA[skala].basis != "capaian":
        raise KesalahanInput(f"skala {skala!r} menilai skor, bukan capaian; pilih skala "
                             "capaian (mis. kpu atau permendagri)", teks=skala)
    return SKALA[skala]


def buat_buku_kerja(katalog: Katalog | None, tahun: int, *, satker: str, kertas: str = "A4",
                    sandi: str | None = None, dari=None, skala: str = "kpu",
                    laporan: list[str] | None = None, kemajuan=None) -> Workbook:
    """Build the year's workbook (openpyxl `Workbook`, not saved; see `simpan`).

    `katalog` None = the embedded default (or, with `dari`, the old workbook's catalog).
    `dari` = last year's workbook made by xl-kinerja: its indicators, texts, schedule and
    anggaran rows are carried into `tahun` with every realisasi blank, and its Referensi
    settings and signatories (bawa.py); `laporan`, a list, receives the lines saying what
    was carried, what was not and what was reset on purpose. `kemajuan` (a
    `kemajuan.Kemajuan`) moves on once per sheet built (`LANGKAH_BUKU` - 1 steps; the last
    step is the caller's: saving).
    """
    if isinstance(tahun, bool) or not isinstance(tahun, int):
        try:
            tahun = int(str(tahun).strip())
        except ValueError:
            raise KesalahanInput(f"tahun {tahun!r} bukan angka tahun", teks=tahun) from None
    if not satker or not str(satker).strip():
        raise KesalahanInput("nama satker wajib diisi (mis. \"KPU Kabupaten Contoh\")",
                             teks=satker)
    kertas = str(kertas).upper()
    if kertas not in KERTAS:
        raise KesalahanInput(f"kertas {kertas!r} tidak dikenal (pilih A4 atau F4)", teks=kertas)
    bawaan = katalog is None and dari is None
    if dari is not None:
        katalog = gabung_dari(katalog, dari, tahun)
    elif katalog is None:
        katalog = Katalog.bawaan()
    katalog.periksa_tahun(tahun)
    skala_ = _skala(skala)
    satker = bentuk_satker(satker)
    if provinsi(satker) and bawaan and laporan is not None:
        laporan.append("Catatan: katalog bawaan disusun untuk KPU Kabupaten/Kota (tidak ada "
                       "katalog bawaan KPU Provinsi); periksa indikatornya atau berikan "
                       "katalog provinsi dengan --iku. Pihak Kedua PK KPU: Ketua KPU RI; "
                       "tempat penandatanganan diisi di Referensi.")
    with tanpa_gc():
        wb = _bangun(Konteks(katalog, tahun, satker, kertas, sandi or None, skala_), kemajuan)
    if dari is not None:  # the Referensi settings have no place in the catalog
        catatan = bawa_pengaturan(wb, dari)
        if laporan is not None:
            laporan.extend(catatan)
    return wb


__all__ = ["buat_buku_kerja", "LANGKAH_BUKU", "KERTAS", "LEMBAR", "LEMBAR_ANGG", "LEMBAR_IKU",
           "LEMBAR_PK_KPU", "LEMBAR_PK_SEKRETARIAT", "LEMBAR_REF", "LEMBAR_RENAKSI",
           "LEMBAR_RKT", "LEMBAR_UKUR"]
