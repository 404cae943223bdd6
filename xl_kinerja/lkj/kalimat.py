"""The generated sentences of the LKj, from the data only (numbers through `teks`).

Budget percentages are always "penyerapan anggaran", never "capaian": capaian is a
performance figure. Text the office must complete is a placeholder `isian(...)`, written in
square brackets and highlighted in the document, so nothing invented reads as fact.
"""
from __future__ import annotations

from ..capaian import adalah_sementara
from ..evaluasi import EFISIEN, MEMBAIK, MEMBURUK, TERCAPAI
from .model import IndikatorLkj, LaporanKinerja, SasaranLkj
from .teks import angka, hitungan, persen, poin, rupiah_kata
from .teks import nilai as nilai_teks

AWAL_ISIAN = "[Diisi satker: "


def isian(apa: str) -> str:
    """A placeholder the office replaces: "[Diisi satker: ...]"."""
    return f"{AWAL_ISIAN}{apa}]"


def target(i: IndikatorLkj, v=None) -> str:
    return nilai_teks(i.target if v is None else v, i.jenis, i.satuan, i.target_atas)


def realisasi(i: IndikatorLkj, v=None) -> str:
    return nilai_teks(i.realisasi if v is None else v, i.jenis, i.satuan)


def dengan_predikat(predikat: str | None) -> str:
    """"dengan predikat Berhasil"; before the year is complete (A35) the label says what the
    figure is: progress so far, with no predikat yet."""
    if adalah_sementara(predikat):
        return (f"(kemajuan {predikat} terhadap target tahunan; predikat ditetapkan setelah "
                f"realisasi TW IV diisi)")
    return f"dengan predikat {predikat}"


def ikhtisar(lap: LaporanKinerja) -> list[str]:
    n_ind, n_ok, n_tidak = len(lap.indikator), len(lap.tercapai), len(lap.tidak_tercapai)
    n_sementara = len(lap.sementara)
    p = [f"Pada tahun {lap.tahun}, {lap.satker} menetapkan {hitungan(len(lap.sasaran), 'sasaran')}"
         f" dengan {hitungan(n_ind, 'indikator kinerja')} dalam Perjanjian Kinerja. Dari "
         f"indikator tersebut, {hitungan(n_ok, 'indikator')} tercapai (capaian sekurang-"
         f"kurangnya 100%) dan {hitungan(n_tidak, 'indikator')} tidak tercapai."]
    if n_sementara:
        p[0] += (f" Sebanyak {hitungan(n_sementara, 'indikator')} belum lengkap setahun "
                 f"(realisasi TW IV belum diisi): capaiannya kemajuan terhadap target tahunan "
                 f"dan belum dinilai tercapai atau tidak.")
    n_kosong = n_ind - n_ok - n_tidak - n_sementara
    if n_kosong:
        p[0] += (f" Sebanyak {hitungan(n_kosong, 'indikator')} tidak dinilai (target nol "
                 f"atau realisasi belum diisi).")
    if lap.capaian_satker is not None:
        dasar = "rata-rata capaian sasaran" if lap.dasar == "sasaran" else \
            "rata-rata capaian indikator"
        p.append(f"Capaian kinerja {lap.satker} tahun {lap.tahun} ({dasar}) sebesar "
                 f"{persen(lap.capaian_satker)} {dengan_predikat(lap.predikat_satker)}.")
    if lap.pagu is not None:
        teks = f"Pagu anggaran tahun {lap.tahun} sebesar {rupiah_kata(lap.pagu)}"
        if lap.realisasi_anggaran is not None:
            teks += (f", dengan realisasi {rupiah_kata(lap.realisasi_anggaran)} atau "
                     f"penyerapan anggaran {persen(lap.serapan)}")
        p.append(teks + ".")
    return p


def analisis_1(i: IndikatorLkj) -> str:
    if i.capaian is None:
        if i.realisasi is None:
            return (f"Indikator {i.indikator} dengan target {target(i)} belum memiliki "
                    f"realisasi, sehingga capaiannya belum dapat dihitung.")
        return (f"Indikator {i.indikator} dengan target {target(i)} terealisasi "
                f"{realisasi(i)}; capaian tidak dihitung karena targetnya nol.")
    if adalah_sementara(i.status):
        return (f"Indikator {i.indikator} dengan target {target(i)} terealisasi "
                f"{realisasi(i)} {i.status}, atau kemajuan {persen(i.capaian)} terhadap target "
                f"tahunan; predikat dan status tercapai ditetapkan setelah realisasi TW IV "
                f"diisi.")
    status = "tercapai" if i.status == TERCAPAI else "tidak tercapai"
    return (f"Indikator {i.indikator} dengan target {target(i)} terealisasi {realisasi(i)}, "
            f"sehingga capaian kinerjanya {persen(i.capaian)} dengan predikat {i.predikat} "
            f"({status}).")


def analisis_2(i: IndikatorLkj, tahun: int) -> str:
    if not i.riwayat:
        return (f"Realisasi tahun sebelumnya untuk indikator {i.indikator} belum tercatat di "
                f"buku kerja; perbandingan antartahun: {isian('realisasi tahun-tahun sebelumnya')}.")
    bagian = []
    for r in i.riwayat:
        teks = f"tahun {r.tahun} terealisasi {realisasi(i, r.realisasi)}"
        if r.capaian is not None:
            teks += f" (capaian {persen(r.capaian)})"
        bagian.append(teks)
    arah = {MEMBAIK: "membaik", MEMBURUK: "menurun", "tetap": "tetap sama"}.get(i.tren)
    kal = (f"Indikator {i.indikator}: {'; '.join(bagian)}; tahun {tahun} terealisasi "
           f"{realisasi(i)}")
    if i.capaian is not None:
        kal += f" (capaian {persen(i.capaian)})"
    if arah:
        kal += f", sehingga realisasinya {arah} dibanding tahun {i.riwayat[-1].tahun}"
    return kal + "."


def tanpa_riwayat(s: SasaranLkj) -> str:
    return ("Realisasi tahun-tahun sebelumnya untuk indikator sasaran ini belum tercatat di "
            f"buku kerja; perbandingan antartahun: {isian('realisasi tahun-tahun sebelumnya')}.")


def tanpa_nasional(s: SasaranLkj) -> str:
    return ("Indikator sasaran ini belum memiliki standar nasional atau realisasi KPU RI "
            f"pembanding: {isian('angka nasional bila ada')}.")


def analisis_3(i: IndikatorLkj, tahun: int) -> str:
    if i.tahun_akhir is None or i.target_akhir is None:
        return (f"Target akhir periode IKU untuk indikator {i.indikator} tidak tercatat di "
                f"lembar IKU.")
    if i.capaian_akhir is None:
        return (f"Target akhir periode IKU (tahun {i.tahun_akhir}) indikator {i.indikator} "
                f"adalah {i.target_akhir}; realisasi tahun {tahun} belum dapat dibandingkan.")
    return (f"Terhadap target akhir periode IKU tahun {i.tahun_akhir} sebesar "
            f"{i.target_akhir}, realisasi tahun {tahun} indikator {i.indikator} sebesar "
            f"{realisasi(i)} telah mencapai {persen(i.capaian_akhir)} dari target akhir "
            f"periode.")


def analisis_4(i: IndikatorLkj) -> str:
    if i.nasional is None:
        return (f"Indikator {i.indikator} belum memiliki standar nasional atau realisasi "
                f"KPU RI pembanding: {isian('angka nasional bila ada')}.")
    teks = (f"Standar nasional/realisasi KPU RI untuk indikator {i.indikator} adalah "
            f"{nilai_teks(i.nasional, i.jenis, i.satuan)}, sedangkan realisasi satker "
            f"{realisasi(i)}")
    if i.capaian_nasional is not None:
        teks += f" ({persen(i.capaian_nasional)} dari angka nasional)"
    return teks + "."


def analisis_5(s: SasaranLkj) -> list[str]:
    p = []
    for i in s.indikator:
        for k in i.kendala:
            p.append(f"Kendala ({i.kode}): {k}")
        for k in i.solusi:
            p.append(f"Solusi/tindak lanjut ({i.kode}): {k}")
    if not p:
        p.append(isian("penyebab keberhasilan/kegagalan dan solusi yang telah dilakukan; "
                       "kendala dan solusi belum diisi di lembar Pengukuran"))
    return p


def analisis_6(s: SasaranLkj, aturan: str) -> str:
    if not s.kode_anggaran:
        return ("Baris anggaran yang mendukung sasaran ini belum dipetakan di buku kerja; "
                f"analisis efisiensi: {isian('program/kegiatan dan serapan anggarannya')}.")
    if s.serapan is None or s.capaian is None:
        return (f"Efisiensi belum dapat dinilai karena capaian kinerja sasaran atau "
                f"penyerapan anggaran ({', '.join(s.kode_anggaran)}) belum tersedia.")
    ukuran = (f"selisih capaian kinerja dan penyerapan anggaran {poin(s.nilai_efisiensi)}"
              if aturan == "selisih" else
              f"rasio capaian kinerja terhadap penyerapan anggaran {angka(round(s.nilai_efisiensi, 2))}")
    hasil = "efisien" if s.efisiensi == EFISIEN else "kurang efisien"
    return (f"Capaian kinerja sasaran {persen(s.capaian)} dengan penyerapan anggaran "
            f"{persen(s.serapan)} ({', '.join(s.kode_anggaran)}: realisasi "
            f"{rupiah_kata(s.realisasi_anggaran)} dari pagu {rupiah_kata(s.pagu)}); {ukuran}, "
            f"sehingga penggunaan sumber daya dinilai {hasil}.")


def analisis_7(s: SasaranLkj) -> list[str]:
    p = [f"Kegiatan pendukung {i.kode}: {i.kegiatan}" for i in s.indikator if i.kegiatan]
    if not p:
        p.append(isian("program/kegiatan yang menunjang atau menghambat pencapaian sasaran"))
    return p


def anggaran(lap: LaporanKinerja) -> str:
    if lap.pagu is None:
        return "Pagu anggaran belum diisi di buku kerja."
    teks = (f"Pada tahun {lap.tahun}, pagu anggaran {lap.satker} sebesar "
            f"{rupiah_kata(lap.pagu)}")
    if lap.realisasi_anggaran is not None:
        teks += (f" terealisasi {rupiah_kata(lap.realisasi_anggaran)}, atau penyerapan "
                 f"anggaran {persen(lap.serapan)}")
    return teks + ", dengan rincian per program dan kegiatan sebagai berikut:"


def tidak_tercapai(lap: LaporanKinerja) -> str:
    n = len(lap.tidak_tercapai)
    if not n:
        return (f"Seluruh {hitungan(len(lap.tercapai), 'indikator')} yang dinilai pada tahun "
                f"{lap.tahun} tercapai.")
    return (f"Terdapat {hitungan(n, 'indikator')} yang belum tercapai pada tahun {lap.tahun} "
            f"sebagai berikut:")
