"""Sheet LKj: the figures of BAB III of the Laporan Kinerja as live formulas (no add-in).

Per indicator (1) target, realisasi, capaian, predikat, Tercapai/Tidak Tercapai; (2) last
year's realisasi (IKU) and the trend; (3) realisasi against the last target of the IKU
period; (4) against the national figure (IKU). Per sasaran the capaian and (6) efficiency:
capaian against serapan of the budget lines on IKU "Kode Anggaran Sasaran", with the rule
of Referensi (Ref_AturanEfisiensi). Then the Realisasi Anggaran table per program and
kegiatan with last year's figures (inputs, filled by `baru --dari`).

Every formula is built from generator/rumus.py (the mirrors of the core) plus the mirrors
of evaluasi.py written here; the tests recalculate it with LibreOffice and compare every
cell with `xl_kinerja.lkj` (the core).
"""
from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation

from ... import nama as N
from ...anggaran import rincian_anggaran
from ...aturan import pecahan
from ...evaluasi import (
    ATURAN_EFISIENSI,
    ATURAN_EFISIENSI_BAWAAN,
    EFISIEN,
    TERCAPAI,
    TIDAK_EFISIEN,
    TIDAK_TERCAPAI,
)
from .. import rumus as R
from ..dokumen import teks_ukur
from ..gaya import (
    BINGKAI,
    F_PERSEN,
    F_RUPIAH,
    FONT_SUBJUDUL,
    FONT_TEBAL,
    ISI_SUBTOTAL,
    RATA_KIRI,
    RATA_TENGAH,
    isian,
    judul_kolom,
    judul_lembar,
    rumus,
    tulis_teks,
)
from ..konteks import Konteks
from ..nilai_target import nilai_sel
from ..penamaan import tetapkan, tetapkan_kolom
from ..proteksi import lindungi
from ..tata import (
    A_KODE,
    A_PAGU,
    A_URAIAN,
    BARIS_DATA,
    LEMBAR_ANGG,
    LEMBAR_LKJ,
    LEMBAR_REF,
    LEMBAR_UKUR,
    U_ATAS,
    U_INDIKATOR,
    U_JENIS,
    U_POLARITAS,
    U_REAL_THN,
    U_SASARAN,
    U_TARGET,
    TataAnggaran,
    TataUkur,
    a_tw,
    kol,
    ref_abs,
    rentang_baris,
    tinggi,
    u_tw,
)

# indicator table columns
L_NO, L_KODE, L_INDIKATOR, L_TARGET, L_REAL, L_CAP, L_PRED, L_KET = range(1, 9)
L_REAL_LALU, L_TREN, L_AKHIR, L_AKHIR_ATAS, L_CAP_AKHIR, L_NAS, L_CAP_NAS = range(9, 16)
L_JENIS, L_POL, L_ATAS = 16, 17, 18  # helpers (copies of Pengukuran), outside the print
L_TERAKHIR_CETAK = L_CAP_NAS


def _kosong_atau(x: str) -> str:
    """A reference that stays blank when its cell is blank (a bare =A1 gives 0)."""
    return f'IF({x}="","",{x})'


def tercapai(cap: str) -> str:
    """Mirror of evaluasi.tercapai."""
    return f'IF({cap}="","",IF(ROUND({cap},9)>=1,"{TERCAPAI}","{TIDAK_TERCAPAI}"))'


def tren(lalu: str, ini: str, jenis: str, pol: str) -> str:
    """Mirror of evaluasi.tren on the target's scale (ordinal grades by their rank)."""
    def skalar(x):
        return f'IF({jenis}="ordinal",VLOOKUP({x},{N.REF_PERINGKAT},2,FALSE),{x})'
    a, b = f"ROUND({skalar(lalu)},9)", f"ROUND({skalar(ini)},9)"
    return (f'IF(OR({lalu}="",{ini}=""),"",IF({a}={b},"tetap",'
            f'IF(({b}>{a})=({pol}<>"min"),"membaik","menurun")))')


def nilai_efisiensi(cap: str, ser: str) -> str:
    """Mirror of evaluasi.nilai_efisiensi with the rule of Referensi."""
    return (f'IF(OR({cap}="",{ser}=""),"",IF({N.REF_ATURAN_EFISIENSI}="rasio",'
            f'IF({ser}=0,"",{cap}/{ser}),{cap}-{ser}))')


def efisiensi(cap: str, ser: str) -> str:
    """Mirror of evaluasi.efisiensi (rasio with serapan 0 decides as selisih)."""
    rasio = f'AND({N.REF_ATURAN_EFISIENSI}="rasio",{ser}<>0)'
    return (f'IF(OR({cap}="",{ser}=""),"",IF(IF({rasio},ROUND({cap}/{ser},9)>1,'
            f'ROUND({cap}-{ser},9)>0),"{EFISIEN}","{TIDAK_EFISIEN}"))')


def _aturan_referensi(ws_ref, sandi) -> None:
    """The efficiency rule as an editable cell of Referensi, below its tables."""
    r = ws_ref.max_row + 2
    ws_ref.cell(r, 1, "Aturan efisiensi LKj (selisih: capaian - penyerapan > 0; rasio: "
                      "capaian / penyerapan > 1)").font = FONT_TEBAL
    sel = isian(ws_ref.cell(r, 2))
    tulis_teks(sel, ATURAN_EFISIENSI_BAWAAN)
    isian(sel)
    dv = DataValidation(type="list", formula1='"' + ",".join(ATURAN_EFISIENSI) + '"',
                        allow_blank=False, showErrorMessage=True,
                        errorTitle="Aturan tidak dikenal",
                        error="Pilih selisih atau rasio.")
    ws_ref.add_data_validation(dv)
    dv.add(sel.coordinate)
    tetapkan(ws_ref.parent, N.REF_ATURAN_EFISIENSI, ref_abs(LEMBAR_REF, 2, r))


def _lalu_anggaran(kt: Konteks) -> list[tuple[float | None, float | None]]:
    """(pagu, realisasi) of last year per catalog budget line (the latest cumulative
    quarter), subtotals summed over their rows by the core rule."""
    lalu = kt.tahun - 1
    baris = kt.katalog.anggaran
    nilai = []
    for b in baris:
        real = [v for v in (b.realisasi_tw.get(lalu) or []) if v is not None]
        nilai.append([b.pagu.get(lalu), real[-1] if real else None])
    anak = rincian_anggaran([b.tingkat for b in baris])

    def jumlah(i, k):
        if i not in anak:
            return nilai[i][k]
        isi = [jumlah(j, k) for j in anak[i]]
        isi = [v for v in isi if v is not None]
        return sum(isi) if isi else None
    return [(jumlah(i, 0), jumlah(i, 1)) for i in range(len(baris))]


def bangun_lkj(ws, kt: Konteks, ukur: TataUkur, angg: TataAnggaran, ws_ref) -> None:
    _aturan_referensi(ws_ref, kt.sandi)
    tahun = kt.tahun
    akhir_periode = kt.katalog.periode[1]
    judul_lembar(ws, f"BAHAN LAPORAN KINERJA TAHUN {tahun}", kt.satker.upper(),
                 L_TERAKHIR_CETAK,
                 catatan="Semua angka rumus dari lembar Pengukuran, IKU, Anggaran dan "
                         "Referensi. Sel kuning: target akhir periode dan angka anggaran "
                         "tahun lalu (diisi otomatis; dapat diubah).")
    kepala = [(L_NO, "No", 5), (L_KODE, "Kode", 8), (L_INDIKATOR, "Indikator Kinerja", 36),
              (L_TARGET, "Target", 10), (L_REAL, "Realisasi", 10), (L_CAP, "Capaian", 9),
              (L_PRED, "Predikat", 13), (L_KET, "Keterangan", 13),
              (L_REAL_LALU, f"Realisasi {tahun - 1}", 10), (L_TREN, "Tren", 10),
              (L_AKHIR, f"Target {akhir_periode}", 10), (L_AKHIR_ATAS, "Batas Atas", 8),
              (L_CAP_AKHIR, f"% Target {akhir_periode}", 10),
              (L_NAS, "Nasional / KPU RI", 11), (L_CAP_NAS, "% Nasional", 9),
              (L_JENIS, "Jenis", 8), (L_POL, "Polaritas", 8), (L_ATAS, "Batas Atas TW", 8)]
    for c, teks, lebar in kepala:
        judul_kolom(ws, 4, c, teks, tinggi_gabung=2)
        ws.column_dimensions[kol(c)].width = lebar
    r = BARIS_DATA
    baris_sasaran: dict[str, list[int]] = {}
    pertama: dict[str, int] = {}
    for i, b in enumerate(ukur.baris, 1):
        s, ind = b.sasaran, b.indikator
        baris_sasaran.setdefault(s.kode, []).append(r)
        pertama.setdefault(s.kode, i)
        ws.cell(r, L_NO, i).alignment = RATA_TENGAH
        tulis_teks(ws.cell(r, L_KODE), ind.kode)
        # Pengukuran's text by formula (one source per text, as RKT/PK/Rencana Aksi)
        teks_ukur(ws.cell(r, L_INDIKATOR), b, U_INDIKATOR).alignment = RATA_KIRI
        fmt = F_PERSEN if pecahan(ind.jenis_target) else "[$-421]#,##0.##"

        def ukur_sel(c, baris=b.baris):
            return f"'{LEMBAR_UKUR}'!${kol(c)}${baris}"
        J, P, A = (f"${kol(c)}{r}" for c in (L_JENIS, L_POL, L_ATAS))
        for c, src in ((L_JENIS, U_JENIS), (L_POL, U_POLARITAS), (L_ATAS, U_ATAS),
                       (L_TARGET, U_TARGET), (L_REAL, U_REAL_THN)):
            rumus(ws.cell(r, c), "=" + _kosong_atau(ukur_sel(src)),
                  fmt if c in (L_TARGET, L_REAL, L_ATAS) else None)
        T, Rl, C = (f"{kol(c)}{r}" for c in (L_TARGET, L_REAL, L_CAP))
        rumus(ws.cell(r, L_CAP), "=" + R.capaian(T, Rl, J, P, A), F_PERSEN)
        # mid-year (A35): "s.d. TW n" instead of a predikat or Tercapai/Tidak Tercapai
        tw = [ukur_sel(u_tw(q, 1)) for q in range(1, 5)]
        rumus(ws.cell(r, L_PRED), "=" + R.predikat_tahunan(C, tw)).alignment = RATA_TENGAH
        rumus(ws.cell(r, L_KET), "=" + R.tahunan(C, tw, tercapai(C))).alignment = RATA_TENGAH
        lalu = (f"INDEX({N.IKU_REALISASI},{i},MATCH({tahun - 1},{N.IKU_TAHUN_REALISASI},0))")
        rumus(ws.cell(r, L_REAL_LALU), "=" + _kosong_atau(lalu), fmt)
        rumus(ws.cell(r, L_TREN), "=" + tren(f"{kol(L_REAL_LALU)}{r}", Rl, J, P)
              ).alignment = RATA_TENGAH
        t_akhir = ind.target_tahun(akhir_periode)
        nilai, atas = nilai_sel(t_akhir)
        isian(ws.cell(r, L_AKHIR), fmt).value = nilai
        isian(ws.cell(r, L_AKHIR_ATAS), fmt).value = atas
        rumus(ws.cell(r, L_CAP_AKHIR), "=" + R.capaian(
            f"{kol(L_AKHIR)}{r}", Rl, J, P, f"{kol(L_AKHIR_ATAS)}{r}"), F_PERSEN)
        rumus(ws.cell(r, L_NAS), "=" + _kosong_atau(f"INDEX({N.IKU_NASIONAL},{i})"), fmt)
        # a national figure is one value: a range indicator compares like a percentage
        rumus(ws.cell(r, L_CAP_NAS), "=" + R.capaian(
            f"{kol(L_NAS)}{r}", Rl, f'IF({J}="rentang","persen",{J})', P, '""'), F_PERSEN)
        for c in range(1, L_ATAS + 1):
            ws.cell(r, c).border = BINGKAI
        ws.row_dimensions[r].height = tinggi(ind.nama, 36)
        r += 1
    akhir_ind = r - 1
    tetapkan_kolom(ws.parent, LEMBAR_LKJ, BARIS_DATA, akhir_ind, [
        (N.LKJ_KODE_INDIKATOR, L_KODE), (N.LKJ_CAPAIAN, L_CAP), (N.LKJ_KETERANGAN, L_KET),
        (N.LKJ_TREN, L_TREN), (N.LKJ_CAPAIAN_AKHIR, L_CAP_AKHIR),
        (N.LKJ_CAPAIAN_NASIONAL, L_CAP_NAS)])

    # the quarter whose budget realisasi counts: the last one filled anywhere
    r += 1
    ws.cell(r, L_INDIKATOR, "Triwulan realisasi anggaran (terakhir yang terisi)").font = \
        FONT_TEBAL
    rumus(ws.cell(r, L_TARGET), "=" + _tw_terakhir())
    TW = f"${kol(L_TARGET)}${r}"

    # sasaran: capaian and efficiency
    r += 2
    ws.cell(r, L_KODE, "CAPAIAN SASARAN DAN EFISIENSI").font = FONT_SUBJUDUL
    r += 1
    for c, teks in ((L_NO, "No"), (L_KODE, "Kode"), (L_INDIKATOR, "Sasaran"),
                    (L_TARGET, "Capaian"), (L_REAL, "Predikat"), (L_CAP, "Kode Anggaran"),
                    (L_PRED, "Pagu"), (L_KET, "Realisasi Anggaran"),
                    (L_REAL_LALU, "Penyerapan Anggaran"), (L_TREN, "Nilai Efisiensi"),
                    (L_AKHIR, "Efisiensi")):
        judul_kolom(ws, r, c, teks)
    r += 1
    awal_s = r
    kode_angg = f"{N.ANGG_KODE}"
    realisasi_tw = f"CHOOSE({TW},{','.join(N.ANGG_REALISASI_TW)})"
    for n, s in enumerate(kt.katalog.sasaran, 1):
        rows = baris_sasaran[s.kode]
        ws.cell(r, L_NO, n).alignment = RATA_TENGAH
        tulis_teks(ws.cell(r, L_KODE), s.kode)
        teks_ukur(ws.cell(r, L_INDIKATOR), ukur.baris[pertama[s.kode] - 1], U_SASARAN
                  ).alignment = RATA_KIRI
        rentang = ",".join(rentang_baris(L_CAP, rows))
        cap = f"{kol(L_TARGET)}{r}"
        rumus(ws.cell(r, L_TARGET), "=" + R.rata_rata(rentang), F_PERSEN)
        rumus(ws.cell(r, L_REAL), "=" + R.predikat_gabungan(
            cap, rentang_baris(L_PRED, rows))).alignment = RATA_TENGAH
        rumus(ws.cell(r, L_CAP), "=" + _kosong_atau(
            f"INDEX({N.IKU_KODE_ANGGARAN},{pertama[s.kode]})")).alignment = RATA_KIRI
        daftar = f'","&SUBSTITUTE({kol(L_CAP)}{r}," ","")&","'
        cocok = f'ISNUMBER(SEARCH(","&{kode_angg}&",",{daftar}))*({kode_angg}<>"")'
        ada = f"SUMPRODUCT({cocok},--ISNUMBER({N.ANGG_PAGU}))"
        rumus(ws.cell(r, L_PRED), f'=IF({ada}=0,"",SUMPRODUCT({cocok},{N.ANGG_PAGU}))',
              F_RUPIAH)
        ada_r = f"SUMPRODUCT({cocok},--ISNUMBER({realisasi_tw}))"
        rumus(ws.cell(r, L_KET), f'=IF({ada_r}=0,"",SUMPRODUCT({cocok},{realisasi_tw}))',
              F_RUPIAH)
        ser = f"{kol(L_REAL_LALU)}{r}"
        rumus(ws.cell(r, L_REAL_LALU), "=" + R.persen_anggaran(
            f"{kol(L_PRED)}{r}", f"{kol(L_KET)}{r}"), F_PERSEN)
        rumus(ws.cell(r, L_TREN), "=" + nilai_efisiensi(cap, ser), "[$-421]0.0000")
        rumus(ws.cell(r, L_AKHIR), "=" + efisiensi(cap, ser)).alignment = RATA_TENGAH
        for c in range(1, L_AKHIR + 1):
            ws.cell(r, c).border = BINGKAI
        ws.row_dimensions[r].height = tinggi(s.nama, 36)
        r += 1
    akhir_s = r - 1
    tetapkan_kolom(ws.parent, LEMBAR_LKJ, awal_s, akhir_s, [
        (N.LKJ_KODE_SASARAN, L_KODE), (N.LKJ_CAPAIAN_SASARAN, L_TARGET),
        (N.LKJ_SERAPAN_SASARAN, L_REAL_LALU), (N.LKJ_NILAI_EFISIENSI, L_TREN),
        (N.LKJ_EFISIENSI, L_AKHIR)])
    ws.cell(r, L_INDIKATOR, "CAPAIAN SATKER (rata-rata sasaran)").font = FONT_TEBAL
    rumus(ws.cell(r, L_TARGET), "=" + R.rata_rata(
        f"{kol(L_TARGET)}{awal_s}:{kol(L_TARGET)}{akhir_s}"), F_PERSEN).fill = ISI_SUBTOTAL
    rumus(ws.cell(r, L_REAL), "=" + R.predikat_gabungan(
        f"{kol(L_TARGET)}{r}", [f"{kol(L_REAL)}{awal_s}:{kol(L_REAL)}{akhir_s}"]))
    tetapkan(ws.parent, N.LKJ_CAPAIAN_SATKER, ref_abs(LEMBAR_LKJ, L_TARGET, r))

    # Realisasi Anggaran per program and kegiatan, this year and last year
    r += 2
    ws.cell(r, L_KODE, f"REALISASI ANGGARAN TAHUN {tahun}").font = FONT_SUBJUDUL
    r += 1
    for c, teks in ((L_KODE, "Kode"), (L_INDIKATOR, "Uraian"), (L_TARGET, "Pagu"),
                    (L_REAL, "Realisasi"), (L_CAP, "Penyerapan"),
                    (L_PRED, f"Pagu {tahun - 1}"), (L_KET, f"Realisasi {tahun - 1}"),
                    (L_REAL_LALU, f"Penyerapan {tahun - 1}")):
        judul_kolom(ws, r, c, teks)
    r += 1
    awal_a = r
    lalu = _lalu_anggaran(kt)
    baris_angg = [(i, b) for i, b in enumerate(kt.katalog.anggaran)
                  if b.tingkat in ("program", "kegiatan")]
    jumlah_r = angg.baris[-1] + 1 if angg.baris else BARIS_DATA
    for i, b in [*baris_angg, (None, None)]:
        src = angg.baris[i] if i is not None else jumlah_r

        def angg_sel(c, src=src):
            return f"'{LEMBAR_ANGG}'!${kol(c)}${src}"
        rumus(ws.cell(r, L_KODE), "=" + _kosong_atau(angg_sel(A_KODE)))
        rumus(ws.cell(r, L_INDIKATOR), "=" + _kosong_atau(angg_sel(A_URAIAN))).alignment = \
            RATA_KIRI
        rumus(ws.cell(r, L_TARGET), "=" + _kosong_atau(angg_sel(A_PAGU)), F_RUPIAH)
        pilih = f"CHOOSE({TW},{','.join(angg_sel(a_tw(q, 0)) for q in range(1, 5))})"
        rumus(ws.cell(r, L_REAL), "=" + _kosong_atau(pilih), F_RUPIAH)
        rumus(ws.cell(r, L_CAP), "=" + R.persen_anggaran(f"{kol(L_TARGET)}{r}",
                                                         f"{kol(L_REAL)}{r}"), F_PERSEN)
        if i is not None:
            isian(ws.cell(r, L_PRED), F_RUPIAH).value = lalu[i][0]
            isian(ws.cell(r, L_KET), F_RUPIAH).value = lalu[i][1]
        else:  # JUMLAH: the programs of last year
            prog = [awal_a + k for k, (_, bb) in enumerate(baris_angg) if bb.tingkat == "program"]
            for c in (L_PRED, L_KET):
                rumus(ws.cell(r, c), "=" + R.jumlah([f"{kol(c)}{x}" for x in prog] or ['""']),
                      F_RUPIAH)
        rumus(ws.cell(r, L_REAL_LALU), "=" + R.persen_anggaran(f"{kol(L_PRED)}{r}",
                                                               f"{kol(L_KET)}{r}"), F_PERSEN)
        for c in range(L_KODE, L_REAL_LALU + 1):
            ws.cell(r, c).border = BINGKAI
            if b is None or b.tingkat == "program":
                ws.cell(r, c).font = FONT_TEBAL
        r += 1
    tetapkan_kolom(ws.parent, LEMBAR_LKJ, awal_a, r - 1, [
        (N.LKJ_ANGG_KODE, L_KODE), (N.LKJ_ANGG_PAGU_LALU, L_PRED),
        (N.LKJ_ANGG_REALISASI_LALU, L_KET), (N.LKJ_ANGG_PERSEN, L_CAP)])
    ws.freeze_panes = ws.cell(BARIS_DATA, L_TARGET)
    ws.print_title_rows = "4:5"
    ws.print_area = f"A1:{kol(L_TERAKHIR_CETAK)}{r - 1}"
    for c in (L_JENIS, L_POL, L_ATAS):
        ws.column_dimensions[kol(c)].hidden = True
    lindungi(ws, kt.sandi)


def _tw_terakhir() -> str:
    """The last quarter with any budget realisasi (4 when none): the rekap engine's rule."""
    teks = "4"
    for q in (1, 2, 3, 4):  # TW IV wraps last: checked first
        teks = f"IF(COUNT({N.ANGG_REALISASI_TW[q - 1]})>0,{q},{teks})"
    return teks
