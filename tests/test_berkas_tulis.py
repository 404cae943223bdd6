"""The one write path (`berkas.tulis_atomik`): what it refuses, what it keeps, what it cleans."""
from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import shutil
import time
import zipfile

import pytest

from xl_kinerja import berkas
from xl_kinerja.berkas import bersihkan_sisa, periksa_keluaran, tulis_atomik
from xl_kinerja.cli import main
from xl_kinerja.errors import KesalahanBerkas

SATKER = "KPU Kota Contoh"


def _sha(p) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _isi(teks: str):
    return lambda p: p.write_text(teks, encoding="utf-8")


def _sisa(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture(scope="module")
def buku(tmp_path_factory):
    """One generated workbook (copied per test: building it is the slow part)."""
    folder = tmp_path_factory.mktemp("buku")
    assert main(["baru", "--tahun", "2027", "--satker", SATKER, "--keluaran",
                 str(folder / "asli.xlsx")]) == 0
    return folder / "asli.xlsx"


def _jalan(capsys, *argv):
    kode = main([str(a) for a in argv])
    k = capsys.readouterr()
    return kode, k.out, k.err


# ---------------------------------------------------------------- the helper itself
def test_baru_ditulis_dan_tidak_ada_sisa(tmp_path):
    tujuan = tmp_path / "sub" / "a.json"
    assert tulis_atomik(tujuan, _isi("{}")) == tujuan
    assert tujuan.read_text() == "{}" and _sisa(tujuan.parent) == []


def test_tidak_menimpa_tanpa_timpa(tmp_path):
    tujuan = tmp_path / "a.json"
    tujuan.write_text("lama")
    with pytest.raises(KesalahanBerkas, match="sudah ada; gunakan --timpa"):
        tulis_atomik(tujuan, _isi("baru"))
    assert tujuan.read_text() == "lama"


def test_timpa_menyimpan_bak(tmp_path):
    tujuan = tmp_path / "a.json"
    tujuan.write_text("lama")
    tulis_atomik(tujuan, _isi("baru"), timpa=True)
    assert tujuan.read_text() == "baru"
    assert (tmp_path / "a.json.bak").read_text() == "lama"
    assert _sisa(tmp_path) == []


def test_keluaran_sama_dengan_masukan(tmp_path):
    masukan = tmp_path / "t.csv"
    masukan.write_text("x")
    for tujuan in (masukan, tmp_path / "." / "t.csv"):
        with pytest.raises(KesalahanBerkas, match="sama dengan berkas masukan"):
            tulis_atomik(tujuan, _isi("y"), timpa=True, masukan=[masukan])
    tautan = tmp_path / "tautan.csv"
    tautan.symlink_to(masukan)
    with pytest.raises(KesalahanBerkas, match="sama dengan berkas masukan"):
        tulis_atomik(tautan, _isi("y"), timpa=True, masukan=[masukan])
    assert masukan.read_text() == "x"


@pytest.mark.parametrize("kunci", ["~$a.xlsx", ".~lock.a.xlsx#"])
def test_berkas_kunci_dihormati_walau_timpa(tmp_path, kunci):
    tujuan = tmp_path / "a.xlsx"
    tujuan.write_text("lama")
    (tmp_path / kunci).write_text("")
    with pytest.raises(KesalahanBerkas, match=f"berkas kunci {kunci.replace('$', '[$]')}"):
        tulis_atomik(tujuan, _isi("baru"), timpa=True)
    assert tujuan.read_text() == "lama" and not (tmp_path / "a.xlsx.bak").exists()


def test_hanya_baca_dihormati_walau_timpa(tmp_path):
    tujuan = tmp_path / "a.json"
    tujuan.write_text("lama")
    tujuan.chmod(0o444)
    with pytest.raises(KesalahanBerkas, match="hanya-baca"):
        tulis_atomik(tujuan, _isi("baru"), timpa=True)
    assert tujuan.read_text() == "lama"


def test_folder_bernama_xlsx(tmp_path):
    (tmp_path / "X.xlsx").mkdir()
    with pytest.raises(KesalahanBerkas, match="sudah ada folder"):
        tulis_atomik(tmp_path / "X.xlsx", _isi("y"), timpa=True)


def test_symlink_menulis_sasaran_dan_tautan_tetap(tmp_path):
    (tmp_path / "data").mkdir()
    asli = tmp_path / "data" / "a.json"
    asli.write_text("lama")
    tautan = tmp_path / "a.json"
    tautan.symlink_to(asli)
    assert tulis_atomik(tautan, _isi("baru"), timpa=True) == asli
    assert tautan.is_symlink() and asli.read_text() == "baru"
    assert (tmp_path / "data" / "a.json.bak").read_text() == "lama"
    assert not (tmp_path / "a.json.bak").exists()


def test_tautan_keras_ditolak(tmp_path):
    asli = tmp_path / "a.json"
    asli.write_text("lama")
    os.link(asli, tmp_path / "b.json")
    with pytest.raises(KesalahanBerkas, match="2 nama .tautan keras"):
        tulis_atomik(asli, _isi("baru"), timpa=True)
    assert (tmp_path / "b.json").read_text() == asli.read_text() == "lama"


def test_gagal_menulis_tidak_mengubah_apa_pun(tmp_path):
    tujuan = tmp_path / "a.json"
    tujuan.write_text("lama")
    (tmp_path / "a.json.bak").write_text("bak lama")

    def gagal(p):
        p.write_text("setengah")
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(KesalahanBerkas) as e:
        tulis_atomik(tujuan, gagal, timpa=True)
    assert "disk penuh" in str(e.value) and "No space" not in str(e.value)
    assert tujuan.read_text() == "lama" and (tmp_path / "a.json.bak").read_text() == "bak lama"
    assert _sisa(tmp_path) == []


def test_bak_atomik_bak_lama_utuh_bila_salinan_gagal(tmp_path, monkeypatch):
    tujuan = tmp_path / "a.json"
    tujuan.write_text("lama")
    (tmp_path / "a.json.bak").write_text("bak lama")

    def salin_terpotong(src, dst, **_):
        with open(dst, "w") as f:
            f.write("sebag")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(shutil, "copyfile", salin_terpotong)
    with pytest.raises(KesalahanBerkas, match="salinan cadangan tidak dapat dibuat .ruang disk"):
        tulis_atomik(tujuan, _isi("baru"), timpa=True)
    assert tujuan.read_text() == "lama" and (tmp_path / "a.json.bak").read_text() == "bak lama"
    assert _sisa(tmp_path) == []


def test_zipfile_setengah_jadi_tanpa_traceback(tmp_path, capfd):
    """A writer that dies inside ZipFile (disk full) leaves no 'Exception ignored in
    ZipFile.__del__' traceback behind."""
    def tulis_zip(p):
        z = zipfile.ZipFile(p, "w")
        z.writestr("a.xml", "x" * 1000)
        z.fp.write = _penuh  # the central directory cannot be written either
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(KesalahanBerkas, match="disk penuh"):
        tulis_atomik(tmp_path / "z.xlsx", tulis_zip)
    import gc
    gc.collect()
    assert "Exception ignored" not in capfd.readouterr().err
    assert list(tmp_path.iterdir()) == []


def _penuh(*_a):
    raise OSError(errno.ENOSPC, "No space left on device")


# ---------------------------------------------------------------- leftovers of killed runs
def _tua(p, detik=3600):
    t = time.time() - detik
    os.utime(p, (t, t))


def test_sisa_run_yang_mati_dibersihkan(tmp_path):
    tujuan = tmp_path / "b.xlsx"
    tujuan.write_text("isi")
    mati = tmp_path / ".b.xlsx.k3j_x9q2.tmp"
    mati_bak = tmp_path / ".b.xlsx.bak.aaaabbbb.tmp"
    baru = tmp_path / ".b.xlsx.zzzzyyyy.tmp"          # younger than this run: another run's
    asing = tmp_path / ".b.xlsx.milik-saya.tmp"       # not our naming pattern
    lain = tmp_path / ".c.xlsx.aaaabbbb.tmp"          # another file's
    for p in (mati, mati_bak, asing, lain):
        p.write_text("x")
        _tua(p)
    berkunci = tmp_path / ".b.xlsx.qqqqwwww.tmp"       # a writer that is still running
    berkunci.write_text("x")
    _tua(berkunci)
    fd = os.open(berkunci, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        baru.write_text("x")
        os.utime(baru, (berkas._MULAI + 5, berkas._MULAI + 5))
        tulis_atomik(tujuan, _isi("baru"), timpa=True)
    finally:
        os.close(fd)
    assert not mati.exists() and not mati_bak.exists()
    assert baru.exists() and asing.exists() and lain.exists() and berkunci.exists()
    assert bersihkan_sisa(tujuan) == [berkunci]  # its writer has gone now


# ---------------------------------------------------------------- the commands
def test_baru_timpa_menyimpan_bak(tmp_path, buku, capsys):
    tujuan = tmp_path / "k.xlsx"
    shutil.copy(buku, tujuan)
    sha = _sha(tujuan)
    kode, out, err = _jalan(capsys, "baru", "--tahun", 2028, "--satker", SATKER,
                            "--keluaran", tujuan, "--timpa")
    assert (kode, err) == (0, "")
    assert _sha(tmp_path / "k.xlsx.bak") == sha and "k.xlsx.bak" in out


def test_baru_dari_ke_berkas_yang_sama_ditolak(tmp_path, buku, capsys):
    lama = tmp_path / "lama.xlsx"
    shutil.copy(buku, lama)
    sha = _sha(lama)
    kode, _, err = _jalan(capsys, "baru", "--tahun", 2028, "--satker", SATKER, "--dari", lama,
                          "--keluaran", lama, "--timpa")
    assert kode == 2 and "sama dengan berkas masukan" in err and str(lama) in err
    assert _sha(lama) == sha and sorted(p.name for p in tmp_path.iterdir()) == ["lama.xlsx"]


def test_baru_keluaran_folder_xlsx(tmp_path, capsys):
    (tmp_path / "X.xlsx").mkdir()
    kode, _, err = _jalan(capsys, "baru", "--tahun", 2027, "--satker", SATKER,
                          "--keluaran", tmp_path / "X.xlsx")
    assert kode == 2 and "sudah ada folder" in err and "X.xlsx" in err


CSV = ("No;Sasaran;Indikator;Target\n"
       "1;Meningkatnya kualitas perencanaan;Persentase dokumen perencanaan tepat waktu;100%\n")


@pytest.mark.parametrize("kasus", ["keluaran=tabel", "laporan=tabel", "laporan=keluaran"])
def test_impor_tidak_menimpa_masukan(tmp_path, capsys, kasus):
    tabel = tmp_path / ("t.json" if kasus == "keluaran=tabel" else "t.csv")  # CSV text
    tabel.write_text(CSV, encoding="utf-8")
    sha = _sha(tabel)
    keluaran = tabel if kasus == "keluaran=tabel" else tmp_path / "k.json"
    laporan = {"keluaran=tabel": tmp_path / "l.json", "laporan=tabel": tabel,
               "laporan=keluaran": keluaran}[kasus]
    kode, _, err = _jalan(capsys, "impor", tabel, "--jenis", "iku", "--tahun", 2027,
                          "--keluaran", keluaran, "--laporan", laporan, "--timpa")
    assert kode == 2 and ("sama dengan" in err), err
    assert _sha(tabel) == sha and [p.name for p in tmp_path.iterdir()] == [tabel.name]


def test_impor_laporan_tidak_ditimpa_tanpa_timpa(tmp_path, capsys):
    tabel = tmp_path / "t.csv"
    tabel.write_text(CSV, encoding="utf-8")
    laporan = tmp_path / "lap.json"
    laporan.write_text("milik pengguna")
    kode, _, err = _jalan(capsys, "impor", tabel, "--jenis", "iku", "--tahun", 2027,
                          "--keluaran", tmp_path / "k.json", "--laporan", laporan)
    assert kode == 2 and "sudah ada" in err and "lap.json" in err
    assert laporan.read_text() == "milik pengguna" and not (tmp_path / "k.json").exists()
    kode, _, err = _jalan(capsys, "impor", tabel, "--jenis", "iku", "--tahun", 2027,
                          "--keluaran", tmp_path / "k.json", "--laporan", laporan, "--timpa")
    assert kode == 0 and laporan.read_text().startswith("{")
    assert (tmp_path / "lap.json.bak").read_text() == "milik pengguna"


def test_periksa_keluaran_tanpa_efek(tmp_path):
    tujuan = tmp_path / "a.xlsx"
    assert periksa_keluaran(tujuan) == tujuan
    assert list(tmp_path.iterdir()) == []
