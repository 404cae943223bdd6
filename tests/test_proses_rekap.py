"""Process-level promises of issue 14, with real processes: kill -9 in the middle of a rekap,
a full disk on every write path (a small tmpfs, as root), two rekaps of one workbook at once.

The workbook must always be the one before or a complete new one, the previous .bak is
never destroyed, and no temporary file outlives the next run.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from xl_kinerja.rekap import baca_nilai

AKAR = Path(__file__).resolve().parent.parent
TABEL = AKAR / "examples" / "tabel" / "realisasi-anggaran-tw2.csv"
ENV = {**os.environ, "PYTHONPATH": str(AKAR)}
PERINTAH = [sys.executable, "-c", "import sys; from xl_kinerja.cli import main; sys.exit(main())"]


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tmp(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _utuh(p: Path) -> bool:
    with zipfile.ZipFile(p) as z:
        if z.testzip() is not None:
            return False
    return bool(baca_nilai(p).indikator)


@pytest.fixture(scope="module")
def buku(tmp_path_factory) -> Path:
    from xl_kinerja.generator import buat_buku_kerja, isi_realisasi, simpan
    wb = buat_buku_kerja(None, 2027, satker="KPU Kota Uji")
    isi_realisasi(wb, kinerja={"K1.1": [0.9, 0.95, None, None]},
                  anggaran={"EBD.952": [30_000_000, 90_000_000, None, None]})
    return simpan(wb, tmp_path_factory.mktemp("proses") / "buku.xlsx")


def _jalan(*argv, cwd=None, timeout=120):
    return subprocess.run([*PERINTAH, *map(str, argv)], capture_output=True, text=True,
                          env=ENV, cwd=cwd, timeout=timeout)


# ---------------------------------------------------------------- kill -9 during the write
@pytest.mark.parametrize("saat", ["tmp_buku", "tmp_bak"])
def test_kill_9_saat_rekap_menulis(buku, tmp_path, saat):
    """The rekap is killed the moment its temporary file (of the workbook, or of the new
    .bak) appears: the workbook is the old one byte for byte or a complete new one, the old
    .bak is intact (or already replaced by a complete copy of the old workbook), and the
    next run removes the killed run's temporary file."""
    d = tmp_path / "kerja"
    d.mkdir()
    p = d / "b.xlsx"
    shutil.copy(buku, p)
    bak = d / "b.xlsx.bak"
    bak.write_bytes(b"cadangan lama milik pengguna")
    awal, bak_awal = _sha(p), _sha(bak)
    pola = ".b.xlsx.bak." if saat == "tmp_bak" else ".b.xlsx."
    terbunuh = 0
    for _ in range(3):
        pr = subprocess.Popen([*PERINTAH, "rekap", str(p), "--triwulan", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        batas = time.monotonic() + 60
        while pr.poll() is None and time.monotonic() < batas:
            if any(n.startswith(pola) and (saat == "tmp_bak" or ".bak." not in n)
                   for n in _tmp(d)):
                os.kill(pr.pid, signal.SIGKILL)
                terbunuh += 1
                break
            time.sleep(0.0005)
        pr.wait(timeout=60)
        # before or after, never between
        assert _sha(p) == awal or _utuh(p)
        assert _sha(bak) in (bak_awal, awal) or _utuh(bak)
        if _sha(p) == awal:
            assert _sha(bak) == bak_awal or _sha(bak) == awal
    assert terbunuh >= 1, "proses tidak pernah tertangkap saat menulis"
    sisa = _tmp(d)
    # the killed run's temporary file is stale once it is older than the next run
    for n in sisa:
        os.utime(d / n, (time.time() - 10,) * 2)
    r = _jalan("rekap", p, "--triwulan", "1")
    assert r.returncode == 0, r.stderr
    assert _tmp(d) == []
    assert _utuh(p) and _utuh(bak)


# ---------------------------------------------------------------- disk full
@pytest.fixture
def tmpfs(tmp_path):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("uji disk penuh memerlukan root (mount tmpfs kecil)")
    m = tmp_path / "penuh"
    m.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(m)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"mount tmpfs tidak diizinkan di sini: {r.stderr.strip()}")
    try:
        yield m
    finally:
        subprocess.run(["umount", "-l", str(m)], check=False)


def _penuhi(folder: Path, sisa: int) -> None:
    """Fill the filesystem until only about `sisa` bytes are free."""
    st = os.statvfs(folder)
    bebas = st.f_bavail * st.f_frsize
    with open(folder / "pengisi", "wb") as f:
        f.write(b"\0" * max(0, bebas - sisa))


def _tanpa_traceback(r):
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert "kesalahan internal" not in r.stderr and "Errno" not in r.stderr, r.stderr


def test_disk_penuh_rekap_di_tempat(buku, tmpfs):
    p = tmpfs / "b.xlsx"
    shutil.copy(buku, p)
    bak = tmpfs / "b.xlsx.bak"
    bak.write_bytes(b"cadangan lama")
    awal = _sha(p)
    for sisa in (8_000, 60_000, 120_000):  # fails while writing the workbook, or the .bak
        _penuhi(tmpfs, sisa)
        r = _jalan("rekap", p, "--triwulan", "1")
        assert r.returncode == 2, r.stdout + r.stderr
        _tanpa_traceback(r)
        assert "disk penuh" in r.stderr and "b.xlsx" in r.stderr, r.stderr
        assert _sha(p) == awal and bak.read_bytes() == b"cadangan lama"
        assert _tmp(tmpfs) == []
        (tmpfs / "pengisi").unlink()


@pytest.mark.parametrize("perintah", ["baru", "impor", "impor_laporan", "rekap_keluaran",
                                      "lkj", "konsolidasi"])
def test_disk_penuh_setiap_jalur_tulis(buku, tmpfs, tmp_path, perintah):
    """Every command that writes a file: on a full disk exit 2 with 'disk penuh' and the
    file named, no traceback (not even from ZipFile.__del__ at exit), nothing left."""
    k = tmp_path / "masukan"
    k.mkdir()
    shutil.copy(buku, k / "b.xlsx")
    argv = {
        "baru": ["baru", "--tahun", "2027", "--satker", "KPU Kota Uji", "--keluaran",
                 tmpfs / "o.xlsx"],
        "impor": ["impor", TABEL, "--satker", "KPU Kota Uji", "--tahun", "2027",
                  "--keluaran", tmpfs / "o.xlsx"],
        "impor_laporan": ["impor", TABEL, "--satker", "KPU Kota Uji", "--tahun", "2027",
                          "--keluaran", k / "o.xlsx", "--laporan", tmpfs / "lap.json"],
        "rekap_keluaran": ["rekap", k / "b.xlsx", "--triwulan", "1", "--keluaran",
                           tmpfs / "o.xlsx"],
        "lkj": ["lkj", k / "b.xlsx", "--keluaran", tmpfs / "o.docx"],
        "konsolidasi": ["konsolidasi", k / "b.xlsx", "--triwulan", "1", "--keluaran",
                        tmpfs / "o.xlsx"],
    }[perintah]
    awal = _sha(k / "b.xlsx")
    _penuhi(tmpfs, 200 if perintah == "impor_laporan" else 4_000)
    r = _jalan(*argv)
    assert r.returncode == 2, r.stdout + r.stderr
    _tanpa_traceback(r)
    assert "disk penuh" in r.stderr, r.stderr
    assert sorted(x.name for x in tmpfs.iterdir()) == ["pengisi"]
    assert _sha(k / "b.xlsx") == awal


def test_disk_penuh_impor_ke_buku_di_tempat(tmpfs):
    """`impor --ke` updates a workbook in place: on a full disk it is left as it was."""
    p = tmpfs / "kubu.xlsx"
    shutil.copy(AKAR / "examples" / "contoh-rkt-2024-kubu-raya.xlsx", p)
    awal = _sha(p)
    _penuhi(tmpfs, 8_000)
    r = _jalan("impor", AKAR / "tests" / "fixtures" / "tabel" /
               "lkj-2023-pengukuran-kubu-raya.tsv", "--ke", p)
    assert r.returncode == 2, r.stdout + r.stderr
    _tanpa_traceback(r)
    assert "disk penuh" in r.stderr and "kubu.xlsx" in r.stderr, r.stderr
    assert _sha(p) == awal
    assert sorted(x.name for x in tmpfs.iterdir()) == ["kubu.xlsx", "pengisi"]


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) tidak terpasang")
def test_disk_penuh_lkj_pdf_tanpa_pdf_setengah_jadi(buku, tmpfs, tmp_path):
    """lkj --pdf: the .docx fits, the PDF (written by LibreOffice elsewhere, then copied
    through the one write path) does not: exit 2, no truncated PDF left."""
    k = tmp_path / "masukan"
    k.mkdir()
    shutil.copy(buku, k / "b.xlsx")
    _penuhi(tmpfs, 80_000)  # the docx is ~50 KB, the PDF ~110 KB
    r = _jalan("lkj", k / "b.xlsx", "--keluaran", tmpfs / "o.docx", "--pdf", timeout=300)
    assert r.returncode == 2, r.stdout + r.stderr
    _tanpa_traceback(r)
    assert "disk penuh" in r.stderr and "o.pdf" in r.stderr, r.stderr
    assert sorted(x.name for x in tmpfs.iterdir()) == ["o.docx", "pengisi"]


# ---------------------------------------------------------------- two rekaps at once
def test_dua_rekap_bersamaan_dengan_cadangan(buku, tmp_path):
    """Two in-place rekaps (with .bak) of one workbook: one wins; the other exits 2 and
    says the file is in use by another run, never that it is 'rusak'. The workbook and
    its .bak are complete workbooks afterwards and no temporary file is left."""
    d = tmp_path / "kerja"
    d.mkdir()
    p = d / "b.xlsx"
    shutil.copy(buku, p)
    kalah = 0
    for _ in range(4):
        proses = [subprocess.Popen([*PERINTAH, "rekap", str(p), "--triwulan", tw],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=ENV) for tw in ("1", "2")]
        hasil = [(pr.wait(timeout=120), pr.communicate()[1]) for pr in proses]
        for kode, err in hasil:
            assert kode in (0, 2), err
            assert "rusak" not in err and "Traceback" not in err, err
            if kode == 2:
                kalah += 1
                assert "bersamaan" in err and "b.xlsx" in err, err
        assert any(kode == 0 for kode, _ in hasil)
        assert _utuh(p) and _utuh(d / "b.xlsx.bak")
    assert _tmp(d) == []
