"""`--dari`: the office's Referensi settings and signatories carried into the new workbook,
and the report of what was carried and what was reset on purpose.

The indicators, their texts (as edited in Pengukuran), kegiatan, pelaksana, schedule and
budget lines travel through the catalog (dari.py). What the catalog has no place for,
the settings the office edits in Referensi, is copied here cell for cell into the new
workbook's named cells: the absorption target per triwulan, the cap for averages, the
predikat scale (bounds, labels, inclusive or not), the dropdown lists and the
signatories. A setting whose shape differs (a scale with another number of rows) is not
copied and the report says so.
"""
from __future__ import annotations

from .. import kontrak
from .. import nama as N
from .penamaan import tetapkan
from .tata import kol

# (defined name, how the report calls it)
PENGATURAN = [
    (N.REF_TARGET_SERAPAN, "target serapan per triwulan"),
    (N.REF_BATAS_CAPAIAN, "batas capaian untuk rata-rata"),
    (N.REF_SKALA_INKLUSIF, "batas skala predikat inklusif/tidak"),
    (N.REF_SKALA_BATAS, "batas bawah skala predikat"),
    (N.REF_SKALA_PREDIKAT, "label skala predikat"),
    (N.TTD_TEMPAT, "tempat penandatanganan"),
    (N.TTD_NAMA_KETUA, "nama Ketua"),
    (N.TTD_JABATAN_KETUA, "jabatan Ketua"),
    (N.TTD_NAMA_SEKRETARIS, "nama Sekretaris"),
    (N.TTD_JABATAN_SEKRETARIS, "jabatan Sekretaris"),
    (N.TTD_NAMA_ATASAN, "nama Pihak Kedua PK KPU"),
    (N.TTD_JABATAN_ATASAN, "jabatan Pihak Kedua PK KPU"),
]
# dropdown lists: grown or shrunk to the old list (the name is redefined)
DAFTAR = [
    (N.REF_DAFTAR_SATUAN, "daftar satuan"),
    (N.REF_DAFTAR_PENANGGUNG_JAWAB, "daftar penanggung jawab"),
    (N.REF_DAFTAR_PELAKSANA, "daftar pelaksana"),
]
DIATUR_ULANG = [
    "realisasi kinerja dan realisasi anggaran semua triwulan dikosongkan (tahun baru belum "
    "berjalan)",
    "target tahunan dan target triwulan diambil dari matriks IKU untuk tahun baru (target "
    "tahun lalu tidak berlaku lagi)",
    "pagu tahun lalu menjadi draf pagu tahun baru (periksa dan ubah di lembar Anggaran)",
    "tanggal penandatanganan menjadi 2 Januari tahun baru",
]
DIBAWA_KATALOG = ("indikator dan sasaran beserta teksnya di Pengukuran (nama, satuan, "
                  "jenis target, polaritas, penanggung jawab), definisi, formula, sumber data, "
                  "kegiatan, pelaksana, jadwal Rencana Aksi, baris anggaran")


def _sel_baru(wb, nama: str):
    (lembar, ref), = wb.defined_names[nama].destinations
    isi = wb[lembar][ref.replace("$", "")]
    return isi if isinstance(isi, tuple) else ((isi,),)


def bawa_pengaturan(wb, dari) -> list[str]:
    """Copy the old workbook's Referensi settings into `wb`; returns the report lines."""
    dibawa, tidak = [], []
    with kontrak.buka(dari) as k:
        for nama, apa in PENGATURAN:
            if not k.ada(nama) or nama not in wb.defined_names:
                tidak.append(f"{apa} (tidak ada di buku kerja lama)")
                continue
            lama = k.nilai(nama)
            baru = _sel_baru(wb, nama)
            if [len(b) for b in lama] != [len(b) for b in baru]:
                tidak.append(f"{apa} (ukurannya berbeda: {len(lama)} baris lama, "
                             f"{len(baru)} baris baru)")
                continue
            for bl, bb in zip(lama, baru, strict=False):
                for v, sel in zip(bl, bb, strict=False):
                    sel.value = v
            dibawa.append(apa)
        for nama, apa in DAFTAR:
            if not k.ada(nama):
                tidak.append(f"{apa} (tidak ada di buku kerja lama)")
                continue
            isi = [b[0] for b in k.nilai(nama) if b and b[0] not in (None, "")]
            if isi:
                _tulis_daftar(wb, nama, isi)
                dibawa.append(apa)
    laporan = [f"Dibawa dari buku kerja lama: {DIBAWA_KATALOG}; " + ", ".join(dibawa) + "."]
    if tidak:
        laporan.append("Tidak dibawa: " + "; ".join(tidak) + ".")
    laporan.append("Diatur ulang dengan sengaja: " + "; ".join(DIATUR_ULANG) + ".")
    return laporan


def _tulis_daftar(wb, nama: str, isi: list) -> None:
    """Write a dropdown list into its column from its first cell and redefine the name
    (the old workbook's list may be longer than the new default)."""
    (lembar, ref), = wb.defined_names[nama].destinations
    ws = wb[lembar]
    pertama = ws[ref.replace("$", "").split(":")[0]]
    lama = _sel_baru(wb, nama)
    gaya = lama[0][0]._style
    for (sel,) in lama:
        sel.value = None
    for i, v in enumerate(isi):
        sel = ws.cell(pertama.row + i, pertama.column, v)
        sel._style = gaya
        if isinstance(v, str):
            sel.data_type = "s"
    c = kol(pertama.column)
    tetapkan(wb, nama, f"'{lembar}'!${c}${pertama.row}:${c}${pertama.row + len(isi) - 1}")
