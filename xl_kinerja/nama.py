"""Workbook-level defined names: the contract between the generator and every reader.

The generator (`xl_kinerja.generator`) defines each of these names in the workbook it
writes; the rekap, the add-in, the checker and `--dari` find data by these names, never by
cell position. Each column name refers to the data rows of one column (header excluded),
e.g. `Ukur_Realisasi_TW2 = Pengukuran!$P$7:$P$56`; each `Info_*`/`Ref_*` scalar refers to
one cell. Renaming a name is a breaking change: bump `VERSI_FORMAT`.

Conventions every writer and reader follows:
- realisasi per triwulan (kinerja and anggaran) is cumulative to the end of the quarter;
- a blank quarterly target means "not measured that quarter" (no capaian, not zero);
- capaian cells hold fractions (0.95) with a percent format; blank where not applicable.
"""
from __future__ import annotations

# Written into the workbook (Info_Format cell) so tools can tell a workbook of ours.
VERSI_FORMAT = "xl-kinerja/1"

TRIWULAN = (1, 2, 3, 4)
ROMAWI = ("I", "II", "III", "IV")  # how documents number the quarters: "Triwulan II"


def romawi(tw: int) -> str:
    """2 -> "II"."""
    return ROMAWI[tw - 1]


def per_tw(awalan: str) -> tuple[str, ...]:
    """`per_tw("Ukur_Target")` -> ("Ukur_Target_TW1", ..., "Ukur_Target_TW4")."""
    return tuple(f"{awalan}_TW{n}" for n in TRIWULAN)


# --- identity (single cells, sheet Referensi or the cover) ---------------------------
INFO_FORMAT = "Info_Format"          # text VERSI_FORMAT
INFO_SATKER = "Info_Satker"          # "KPU Kabupaten Contoh"
INFO_TAHUN = "Info_Tahun"            # 2027 (number)

# --- Pengukuran Kinerja (sheet "Pengukuran"), one row per indikator ------------------
UKUR_KODE_SASARAN = "Ukur_KodeSasaran"
UKUR_SASARAN = "Ukur_Sasaran"
UKUR_KODE_INDIKATOR = "Ukur_KodeIndikator"
UKUR_INDIKATOR = "Ukur_Indikator"
UKUR_SATUAN = "Ukur_Satuan"
UKUR_JENIS_TARGET = "Ukur_JenisTarget"      # persen | jumlah | skor | ordinal | rentang
UKUR_POLARITAS = "Ukur_Polaritas"           # maks | min
UKUR_PENANGGUNG_JAWAB = "Ukur_PenanggungJawab"
UKUR_TARGET_TAHUNAN = "Ukur_TargetTahunan"  # number (persen as fraction) or grade text
UKUR_TARGET_ATAS = "Ukur_TargetAtas"        # upper bound for jenis rentang, else blank
UKUR_TARGET_TW = per_tw("Ukur_Target")      # quarterly targets (input; blank = not measured)
UKUR_REALISASI_TW = per_tw("Ukur_Realisasi")  # input, cumulative
UKUR_CAPAIAN_TW = per_tw("Ukur_Capaian")      # formula
UKUR_PREDIKAT_TW = per_tw("Ukur_Predikat")    # formula
UKUR_CAPAIAN_TAHUNAN = "Ukur_CapaianTahunan"  # formula: latest realisasi vs annual target
UKUR_PREDIKAT_TAHUNAN = "Ukur_PredikatTahunan"

# --- Realisasi Anggaran (sheet "Anggaran"), one row per program/kegiatan/output ------
ANGG_KODE = "Angg_Kode"
ANGG_URAIAN = "Angg_Uraian"
ANGG_TINGKAT = "Angg_Tingkat"        # program | kegiatan | output | jumlah
ANGG_PAGU = "Angg_Pagu"
ANGG_REALISASI_TW = per_tw("Angg_Realisasi")  # input, cumulative
ANGG_PERSEN_TW = per_tw("Angg_Persen")        # formula realisasi / pagu
ANGG_SISA_TW = per_tw("Angg_Sisa")            # formula pagu - realisasi

# --- Referensi (editable data the formulas read) ------------------------------------
REF_SKALA_BATAS = "Ref_SkalaBatas"        # ascending lower bounds (percent points)
REF_SKALA_PREDIKAT = "Ref_SkalaPredikat"  # labels, same rows as Ref_SkalaBatas
REF_SKALA_INKLUSIF = "Ref_SkalaInklusif"  # single cell: TRUE when bounds are ">=", else ">"
REF_PERINGKAT = "Ref_Peringkat"           # 2 columns: grade text, rank within its family
REF_TARGET_SERAPAN = "Ref_TargetSerapan"  # 4 cells: absorption target per TW (fractions)
REF_BATAS_CAPAIAN = "Ref_BatasCapaian"    # single cell: cap for averages, blank = uncapped

# --- added by the generator (issue 3); additive, no rename ---------------------------
# Pengukuran: the latest non-blank cumulative realisasi (TW IV back to TW I), formula;
# Ukur_CapaianTahunan compares it with Ukur_TargetTahunan.
UKUR_REALISASI_TAHUNAN = "Ukur_RealisasiTahunan"
# Referensi: dropdown lists (one column each, editable) read by data validation.
REF_DAFTAR_SATUAN = "Ref_DaftarSatuan"
REF_DAFTAR_POLARITAS = "Ref_DaftarPolaritas"
REF_DAFTAR_JENIS_TARGET = "Ref_DaftarJenisTarget"
REF_DAFTAR_PENANGGUNG_JAWAB = "Ref_DaftarPenanggungJawab"
REF_DAFTAR_PELAKSANA = "Ref_DaftarPelaksana"
REF_DAFTAR_TANDA = "Ref_DaftarTanda"          # the schedule mark "√"
# Grades of one family, lowest first: f"{REF_DAFTAR_PERINGKAT}_{keluarga}" for each
# keluarga of xl_kinerja.PERINGKAT, e.g. "Ref_DaftarPeringkat_sakip" (rows of Ref_Peringkat).
REF_DAFTAR_PERINGKAT = "Ref_DaftarPeringkat"
# IKU sheet (5-year matrix, text as in the decree): used by `baru --dari`.
IKU_TAHUN = "Iku_Tahun"                  # one header row: the years (numbers)
IKU_TARGET = "Iku_Target"                # target texts, rows x years (same columns as Iku_Tahun)
IKU_PROGRAM = "Iku_Program"
IKU_SASARAN = "Iku_Sasaran"
IKU_INDIKATOR = "Iku_Indikator"
IKU_SATUAN = "Iku_Satuan"
IKU_PENANGGUNG_JAWAB = "Iku_PenanggungJawab"
IKU_POLARITAS = "Iku_Polaritas"
IKU_TINGKAT = "Iku_TingkatPK"            # kpu | sekretariat (which PK lists the sasaran)
IKU_KODE_SASARAN = "Iku_KodeSasaran"
IKU_KODE_INDIKATOR = "Iku_KodeIndikator"
IKU_DEFINISI = "Iku_DefinisiOperasional"
IKU_FORMULA = "Iku_Formula"
IKU_SUMBER_DATA = "Iku_SumberData"
# Rencana Aksi sheet
RENAKSI_KODE_INDIKATOR = "Renaksi_KodeIndikator"
RENAKSI_KEGIATAN = "Renaksi_Kegiatan"
RENAKSI_PELAKSANA = "Renaksi_Pelaksana"
RENAKSI_JADWAL_TW = "Renaksi_JadwalTW"        # 4 columns TW I-IV, mark "√" or blank
RENAKSI_JADWAL_BULAN = "Renaksi_JadwalBulan"  # 12 columns month 1-12

# How a user sees the input columns named above (messages name the column, not the name).
_LABEL = {
    UKUR_TARGET_TAHUNAN: "Target tahunan", UKUR_TARGET_ATAS: "Batas atas target (rentang)",
    ANGG_PAGU: "Pagu", REF_SKALA_BATAS: "Batas skala predikat (lembar Referensi)",
    REF_TARGET_SERAPAN: "Target serapan (lembar Referensi)",
    REF_BATAS_CAPAIAN: "Batas atas capaian (lembar Referensi)",
    **{n: f"Target TW {r}" for n, r in zip(UKUR_TARGET_TW, ROMAWI, strict=False)},
    **{n: f"Realisasi TW {r}" for n, r in zip(UKUR_REALISASI_TW, ROMAWI, strict=False)},
    **{n: f"Realisasi anggaran TW {r}" for n, r in zip(ANGG_REALISASI_TW, ROMAWI, strict=False)},
}


def label(nama: str) -> str:
    """The column a defined name covers, as its header reads ("Realisasi TW II")."""
    return _LABEL.get(nama, nama)

# --- program tables of RKT and PK (single cells; added by the generator) -------------
# The JUMLAH of the program/anggaran table and the live "Terbilang: ..." text under it.
RKT_JUMLAH_ANGGARAN = "Rkt_JumlahAnggaran"
RKT_TERBILANG = "Rkt_Terbilang"
PK_JUMLAH_ANGGARAN_KPU = "Pk_JumlahAnggaran_KPU"
PK_TERBILANG_KPU = "Pk_Terbilang_KPU"
PK_JUMLAH_ANGGARAN_SEKRETARIAT = "Pk_JumlahAnggaran_Sekretariat"
PK_TERBILANG_SEKRETARIAT = "Pk_Terbilang_Sekretariat"

# --- signatories (Referensi, single cells; RKT, PK and Rencana Aksi show them by formula,
# so the printed documents carry no input cell) ------------------------------------------
TTD_TEMPAT = "Ttd_Tempat"                  # place of signing ("Sungai Raya")
TTD_TANGGAL = "Ttd_Tanggal"                # date of signing, as printed ("2 Januari 2027")
TTD_NAMA_KETUA = "Ttd_NamaKetua"
TTD_JABATAN_KETUA = "Ttd_JabatanKetua"
TTD_NAMA_SEKRETARIS = "Ttd_NamaSekretaris"
TTD_JABATAN_SEKRETARIS = "Ttd_JabatanSekretaris"
TTD_NAMA_ATASAN = "Ttd_NamaAtasan"         # Pihak Kedua of the PK KPU
TTD_JABATAN_ATASAN = "Ttd_JabatanAtasan"

# --- Laporan Kinerja (issue 12; additive) ---------------------------------------------
# Pengukuran: the office's own words per indicator and triwulan (input text), quoted by
# the LKj (causes, solutions) and shown by the rekap for the quarter.
UKUR_KENDALA_TW = per_tw("Ukur_Kendala")
UKUR_SOLUSI_TW = per_tw("Ukur_Solusi")          # solusi / tindak lanjut
UKUR_BUKTI_TW = per_tw("Ukur_BuktiDukung")      # a link or a file name
# IKU: realisasi per year of the period and the baseline year before it (input; same kind
# of value as Pengukuran: persen as a fraction, ordinal as grade text), and the national
# figure ("standar nasional / realisasi KPU RI") per indicator.
IKU_TAHUN_REALISASI = "Iku_TahunRealisasi"  # one header row: baseline year, then the period
IKU_REALISASI = "Iku_Realisasi"             # rows x years (same columns as Iku_TahunRealisasi)
IKU_NASIONAL = "Iku_Nasional"
# Referensi: the efficiency rule of the LKj ("selisih" or "rasio"; evaluasi.py).
REF_ATURAN_EFISIENSI = "Ref_AturanEfisiensi"
IKU_KODE_ANGGARAN = "Iku_KodeAnggaran"      # budget codes serving the sasaran ("076.01.WA, ...")
# LKj sheet (formulas, read by the tests and by readers of the figures)
LKJ_KODE_INDIKATOR = "Lkj_KodeIndikator"
LKJ_CAPAIAN = "Lkj_Capaian"
LKJ_KETERANGAN = "Lkj_Keterangan"              # Tercapai / Tidak Tercapai
LKJ_TREN = "Lkj_Tren"
LKJ_CAPAIAN_AKHIR = "Lkj_CapaianAkhirPeriode"
LKJ_CAPAIAN_NASIONAL = "Lkj_CapaianNasional"
LKJ_KODE_SASARAN = "Lkj_KodeSasaran"
LKJ_CAPAIAN_SASARAN = "Lkj_CapaianSasaran"
LKJ_SERAPAN_SASARAN = "Lkj_SerapanSasaran"
LKJ_NILAI_EFISIENSI = "Lkj_NilaiEfisiensi"
LKJ_EFISIENSI = "Lkj_Efisiensi"
LKJ_CAPAIAN_SATKER = "Lkj_CapaianSatker"
LKJ_ANGG_KODE = "Lkj_AnggKode"                 # program/kegiatan rows and JUMLAH
LKJ_ANGG_PERSEN = "Lkj_AnggPersen"
LKJ_ANGG_PAGU_LALU = "Lkj_AnggPaguLalu"        # input: last year's pagu (baru --dari)
LKJ_ANGG_REALISASI_LALU = "Lkj_AnggRealisasiLalu"
