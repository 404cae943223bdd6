"""Property: import never produces something the tool itself refuses.

Tables are generated in the shapes of the real documents (tests/fixtures/seeds and
tests/fixtures/tabel): NO/SASARAN/INDIKATOR/TARGET with or without SATUAN, POLARITAS and a
REALISASI column, or an IKU with five target years; number styles `1.200`, `82.5%`, `97,5%`,
`0`, units, grades, ranges, blank and unreadable cells, sasaran continued on the next row,
several indicators in one cell, budget rows with codes in the KODE cell or in front of the
name. For every table: `impor` either refuses it with a KesalahanBerkas that names the file,
or every catalog it writes loads in `baru` (Katalog.dari_dict and buat_buku_kerja for each
year all its indicators have a target) and every workbook it writes passes `rekap`
(baca_nilai + hitung_rekap for TW I-IV).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_kinerja.errors import KesalahanBerkas
from xl_kinerja.generator import buat_buku_kerja, simpan
from xl_kinerja.impor import impor_tabel, ke_buku_kerja, periksa_katalog
from xl_kinerja.katalog import Katalog
from xl_kinerja.rekap import baca_nilai, hitung_rekap

CONTOH = 40   # examples per run (each builds and reads up to one workbook)

NAMA = st.sampled_from([
    "Persentase dokumen perencanaan yang disusun tepat waktu",
    "Persentase laporan monitoring dan evaluasi yang akuntabel",
    "Persentase pegawai yang dijatuhi hukuman disiplin",
    "Persentase pemilih yang berhak tetapi tidak masuk dalam daftar pemilih",
    "Jumlah revisi rencana kerja", "Jumlah laporan keuangan yang tepat waktu",
    "Jumlah kegiatan pendidikan pemilih", "Jumlah sengketa proses pemilu",
    "Nilai SAKIP", "Opini BPK atas Laporan Keuangan", "Indeks kepuasan layanan",
    "Tingkat partisipasi pemilih", "Terbentuknya pusat pendidikan pemilih",
])
TARGET = st.sampled_from([
    "100%", "82.5%", "97,5%", "0,5%", "0%", "0", "1.200", "1.200 orang", "12 Laporan",
    "24 Laporan", "2 Kali", "551 Badan Adhoc", "79", "3,5", "BB", "A", "WTP", "80 - 90%",
    "", "sesuai jadwal", "1,200", "12", "5 Dokumen",
])
SATUAN = st.sampled_from(["", "%", "Laporan", "Orang", "Indeks", "Nilai", "Kali", "Dokumen",
                          "Predikat"])
SASARAN = st.sampled_from([
    "Meningkatnya kualitas perencanaan", "Terwujudnya tata kelola keuangan yang akuntabel",
    "Meningkatnya partisipasi pemilih", "Terselenggaranya Pemilu yang demokratis"])
LANJUTAN = st.sampled_from(["dan penganggaran kinerja", "yang tertib dan efisien"])
REALISASI = st.sampled_from(["", "95%", "95,5", "9 Laporan", "B", "1.100", "seratus"])


@st.composite
def tabel_indikator(draw):
    satuan = draw(st.booleans())
    polaritas = draw(st.booleans())
    realisasi = draw(st.booleans())
    judul = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
    if satuan:
        judul.append("SATUAN")
    if polaritas:
        judul.append("POLARITAS")
    if realisasi:
        judul.append("REALISASI S.D. TW II")
    baris = [draw(st.sampled_from(["RENCANA KINERJA TAHUNAN TAHUN 2024",
                                   "PERJANJIAN KINERJA TAHUN 2026", "RKT TAHUN 2027"]))]
    baris += ["\t".join(judul), "\t".join(f"({i})" for i in range(1, len(judul) + 1))]
    for no in range(1, draw(st.integers(1, 5)) + 1):
        for k in range(draw(st.integers(1, 3))):
            sas = draw(SASARAN) if k == 0 else (draw(LANJUTAN) if k == 1 and draw(st.booleans())
                                                else "")
            nama, target = draw(NAMA), draw(TARGET)
            if draw(st.integers(0, 5)) == 0:   # two indicators in one cell
                nama, target = f"• {nama} • {draw(NAMA)}", f"{target} {draw(TARGET)}"
            sel = [f"{no}." if k == 0 else "", sas, nama, target]
            if satuan:
                sel.append(draw(SATUAN))
            if polaritas:
                sel.append(draw(st.sampled_from(["", "maks", "min", "negatif", "?"])))
            if realisasi:
                sel.append(draw(REALISASI))
            baris.append("\t".join(sel))
    if draw(st.booleans()):
        baris += _anggaran(draw)
    return "\n".join(baris) + "\n"


def _anggaran(draw):
    """Budget rows under an indicator table (a PAGU column of their own)."""
    baris = ["KODE\tURAIAN\tPAGU\tREALISASI TW II\t%"]
    for p, prog in enumerate(["076.01.WA Program Dukungan Manajemen",
                              "076.01.CQ Program Penyelenggaraan Pemilu"][:draw(
                                  st.integers(1, 2))]):
        keg = f"{'WA' if p == 0 else 'CQ'}.{3355 + p}"
        pagu = draw(st.sampled_from([1_000_000, 2_500_000]))
        dua = draw(st.booleans())
        baris.append(f"{prog}\t\t{pagu:,}".replace(",", ".") + "\t\t")
        baris.append(f"{keg}\tPelaksanaan {p}\t" + f"{pagu:,}".replace(",", ".") + "\t\t")
        bagian = [pagu // 2, pagu - pagu // 2] if dua else [pagu]
        for j, b in enumerate(bagian):
            kode = draw(st.sampled_from([f"EBA.99{j}", "QGE.", f"QGE.00{j + 1}"]))
            real = draw(st.sampled_from(["", f"{b // 2:,}".replace(",", ".")]))
            baris.append(f"{kode} Layanan {j}\t\t" + f"{b:,}".replace(",", ".") + f"\t{real}\t")
    return baris


@st.composite
def tabel_iku(draw):
    baris = ["INDIKATOR KINERJA UTAMA", "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\t\t\t\t",
             "\t\t\t2025\t2026\t2027\t2028\t2029"]
    for no in range(1, draw(st.integers(1, 4)) + 1):
        for k in range(draw(st.integers(1, 2))):
            nol = draw(st.integers(0, 3))    # plain zeros in the years before an election
            target = draw(TARGET)
            tahun = ["0" if j < nol else target for j in range(5)]
            baris.append("\t".join([f"{no}." if k == 0 else "", draw(SASARAN) if k == 0 else "",
                                    draw(NAMA), *tahun]))
    return "\n".join(baris) + "\n"


def _baru_menerima(kat: dict) -> None:
    """What `baru --iku` does with a catalog: load it, build a workbook for each year all its
    indicators have a target in."""
    k = Katalog.dari_dict(kat)
    for th in k.tahun_periode():
        if all(th in i.target for _, i in k.semua_indikator()):
            buat_buku_kerja(k, th, satker="KPU Kabupaten Uji")


def _periksa_satu(teks: str, folder: Path, tahun: int | None = None) -> None:
    path = folder / "tabel.tsv"
    path.write_text(teks, encoding="utf-8")
    try:
        h = impor_tabel(path, tahun=tahun)
    except KesalahanBerkas as e:
        assert e.berkas is not None and str(path) in str(e)
        return
    if any(s["indikator"] for s in h.katalog["sasaran"]):
        try:
            periksa_katalog(h)        # what `impor --keluaran x.json` checks before writing
        except KesalahanBerkas as e:  # refused, nothing written: the message names the file
            assert str(path) in str(e), e
        else:
            _baru_menerima(h.katalog)                  # the catalog impor writes (.json)
    try:
        wb, _ = ke_buku_kerja(h, "KPU Kabupaten Uji")  # the workbook impor writes (.xlsx)
    except KesalahanBerkas as e:
        assert str(path) in str(e), e
        return
    out = simpan(wb, folder / "hasil.xlsx", timpa=True)
    data = baca_nilai(out)
    for q in (1, 2, 3, 4):
        hitung_rekap(data, q)


@settings(max_examples=CONTOH, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(tabel_indikator(), tabel_iku()), st.sampled_from([None, 2025, 2027]))
def test_impor_tidak_pernah_menghasilkan_yang_ditolak(teks, tahun):
    with tempfile.TemporaryDirectory() as d:   # tahun: as `impor --tahun`
        _periksa_satu(teks, Path(d), tahun)


def test_contoh_dari_bentuk_nyata(tmp_path):
    # the shapes the generator draws, one fixed instance each (a regression anchor)
    _periksa_satu("RKT TAHUN 2024\nNO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tSATUAN\n"
                  "1.\tMeningkatnya kualitas perencanaan\tJumlah revisi rencana kerja\t0\t\n"
                  "\tdan penganggaran kinerja\tPersentase dokumen tepat waktu\t97,5%\t%\n",
                  tmp_path)


def test_dua_indikator_satu_sel_satu_realisasi(tmp_path):
    # found by the property test: two indicators in one cell ("1.200 orang BB") and one
    # realisasi: it is the first indicator's (the rule of split targets), and the count's
    # 95,5 went into the grade's cell (one catalog code per row, the second overwrote it)
    teks = ("RENCANA KINERJA TAHUNAN TAHUN 2024\nNO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\t"
            "TARGET\tREALISASI S.D. TW II\n1.\tMeningkatnya kualitas perencanaan\t• Jumlah "
            "pemilih terlatih • Nilai SAKIP\t1.200 orang BB\t95,5\n")
    _periksa_satu(teks, tmp_path)
    h = impor_tabel(tmp_path / "tabel.tsv")
    assert [(d.kode_katalog, d.target, d.nilai.get("realisasi")) for d in h.baris] == [
        ("S1.1", "1.200 orang", "95,5"), ("S1.2", "BB", None)]


def test_predikat_dengan_polaritas_min(tmp_path):
    # found by the property test: a grade target with POLARITAS min; rekap refused the
    # workbook ("polaritas min tidak berlaku untuk target predikat")
    teks = ("RENCANA KINERJA TAHUNAN TAHUN 2024\nNO\tSASARAN STRATEGIS\tINDIKATOR KINERJA\t"
            "TARGET\tPOLARITAS\tREALISASI S.D. TW II\n1.\tMeningkatnya kualitas perencanaan\t"
            "Nilai SAKIP\tBB\tmin\tB\n")
    _periksa_satu(teks, tmp_path)
    h = impor_tabel(tmp_path / "tabel.tsv")
    assert h.katalog["sasaran"][0]["indikator"][0]["polaritas"] == "maks"
    assert h.peringatan == [(3, "polaritas min tidak berlaku untuk target predikat indikator "
                                "'Nilai SAKIP'; dipakai maks")]
