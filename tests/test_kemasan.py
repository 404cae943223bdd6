"""Packaging: a NON-editable build (a wheel made from a copy of this tree) holds every
subpackage, the catalog and the add-in, no build script, and setuptools prints no warning
about our metadata; the command line runs without the optional extras (pandas, Pillow);
`python -m xl_kinerja.cli` is the `xl-kinerja` script."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from xl_kinerja.errors import KesalahanXlKinerja

AKAR = Path(__file__).resolve().parent.parent
_BUKAN_SUMBER = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                       "__pycache__", ".hypothesis", ".pytest_cache")
# distutils says this when PYTHONDONTWRITEBYTECODE is set: the environment, not our metadata
_DERAU_LINGKUNGAN = "byte-compiling is disabled"


@pytest.fixture(scope="module")
def roda(tmp_path_factory):
    """(names in the wheel, setuptools' output) of a wheel built from a copy of the tree."""
    d = tmp_path_factory.mktemp("roda")
    shutil.copytree(AKAR, d / "src", ignore=_BUKAN_SUMBER)
    r = subprocess.run(
        [sys.executable, "-W", "always", "-c",
         f"from setuptools import build_meta; build_meta.build_wheel({str(d / 'dist')!r})"],
        cwd=d / "src", capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    (whl,) = (d / "dist").glob("xl_kinerja-*.whl")
    with zipfile.ZipFile(whl) as z:
        return z.namelist(), r.stdout + r.stderr


def test_roda_memuat_setiap_subpaket_katalog_dan_addin(roda):
    nama, _ = roda
    subpaket = {p.parent.relative_to(AKAR).as_posix()
                for p in (AKAR / "xl_kinerja").rglob("__init__.py")}
    assert len(subpaket) >= 11
    assert {s for s in subpaket if f"{s}/__init__.py" not in nama} == set()
    modul = {p.relative_to(AKAR).as_posix() for p in (AKAR / "xl_kinerja").rglob("*.py")}
    assert modul - set(nama) == set(), "modul yang tidak ikut terpasang"
    for berkas in ("xl_kinerja/workbook_templates/katalog_default.json",
                   "xl_kinerja/workbook_templates/__init__.py",
                   "xl_kinerja/macros/xl_kinerja.xlam", "xl_kinerja/macros/__init__.py"):
        assert berkas in nama, berkas
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in nama)


def test_roda_tanpa_skrip_bangun_dan_tes(roda):
    nama, _ = roda
    assert not [n for n in nama if "bangun" in n or n.startswith(("tests/", "benchmarks/",
                                                                 "examples/", "macros/"))]
    assert not [n for n in nama if n.startswith("xl_kinerja/macros/") and n.endswith(".py")
                and not n.endswith("__init__.py")]
    assert "setup.py" not in nama


def test_metadata_tanpa_peringatan(roda):
    nama, keluaran = roda
    peringatan = [b for b in keluaran.splitlines()
                  if "warn" in b.lower() and _DERAU_LINGKUNGAN not in b]
    assert peringatan == []
    (meta,) = [n for n in nama if n.endswith(".dist-info/METADATA")]
    assert meta.startswith("xl_kinerja-0.1.0.dist-info/")  # version from xl_kinerja/versi.py


def test_pandas_dan_pillow_hanya_ekstra():
    teks = (AKAR / "pyproject.toml").read_text(encoding="utf-8")
    bagian = teks.split("[project.optional-dependencies]")
    wajib = bagian[0].split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "pandas" not in wajib and "pillow" not in wajib
    assert 'pandas = ["pandas>=2.0"]' in bagian[1] and 'gambar = ["pillow>=9"]' in bagian[1]


# The CLI's core commands, one after the other in ONE process where `import pandas` and
# `import PIL` fail; prints each command's exit code.
_TANPA_EKSTRA = textwrap.dedent("""
    import json, sys
    sys.modules["pandas"] = None
    sys.modules["PIL"] = None
    from xl_kinerja.cli import main
    print(json.dumps([main(argv) for argv in json.loads(sys.argv[1])]))
""")


def test_perintah_utama_tanpa_pandas_dan_pillow(tmp_path):
    buku = tmp_path / "satker" / "kubu-raya.xlsx"  # a filled workbook: Kubu Raya 2024
    buku.parent.mkdir()
    shutil.copy(AKAR / "examples" / "contoh-rkt-2024-kubu-raya.xlsx", buku)
    baris = [("NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"),
             ("1", "Terwujudnya layanan", "Persentase laporan tepat waktu", "100%")]
    wb = openpyxl.Workbook()
    for isi in baris:
        wb.active.append(isi)
    wb.save(tmp_path / "iku.xlsx")
    doc = Document()
    tabel = doc.add_table(rows=len(baris), cols=4)
    for r, isi in enumerate(baris):
        for c, teks in enumerate(isi):
            tabel.cell(r, c).text = teks
    doc.save(tmp_path / "iku.docx")
    perintah = {
        "baru": ["baru", "--tahun", "2027", "--satker", "KPU Kabupaten Contoh",
                 "--keluaran", "baru.xlsx"],
        "rekap": ["rekap", str(buku), "--triwulan", "4", "--tanpa-cadangan"],
        "lkj": ["lkj", str(buku), "--keluaran", "LKj.docx"],
        "konsolidasi": ["konsolidasi", str(buku.parent), "--triwulan", "4",
                        "--keluaran", "prov.xlsx"],
        "impor csv": ["impor", str(AKAR / "examples" / "tabel" / "realisasi-anggaran-tw2.csv"),
                      "--satker", "KPU Kabupaten Contoh", "--tahun", "2027",
                      "--keluaran", "angg.xlsx"],
        "impor xlsx": ["impor", "iku.xlsx", "--jenis", "iku", "--tahun", "2027",
                       "--keluaran", "iku-xlsx.json"],
        "impor docx": ["impor", "iku.docx", "--jenis", "iku", "--tahun", "2027",
                       "--keluaran", "iku-docx.json"],
        "periksa": ["periksa", str(AKAR / "tests" / "fixtures" / "tabel" / "anggaran-kode-kpu.tsv")],
    }
    r = subprocess.run([sys.executable, "-c", _TANPA_EKSTRA, json.dumps(list(perintah.values()))],
                       cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-3000:]
    kode = dict(zip(perintah, json.loads(r.stdout.splitlines()[-1]), strict=True))
    assert kode == {**dict.fromkeys(perintah, 0), "periksa": kode["periksa"]}, r.stderr[-3000:]
    assert kode["periksa"] in (0, 1)  # 1: findings, a checker's normal result
    for berkas in ("baru.xlsx", "LKj.docx", "prov.xlsx", "angg.xlsx", "iku-xlsx.json",
                   "iku-docx.json"):
        assert (tmp_path / berkas).is_file(), berkas


def test_dataframe_tanpa_pandas_pesan_indonesia(monkeypatch):
    from xl_kinerja import opsional
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(KesalahanXlKinerja, match=r'pandas belum terpasang.*xl-kinerja\[pandas\]'):
        opsional.pandas()


def test_python_m_xl_kinerja_cli():
    """`python -m xl_kinerja.cli` is the `xl-kinerja` script (cli/__main__.py)."""
    r = subprocess.run([sys.executable, "-m", "xl_kinerja.cli", "capaian", "24 Laporan", "20 Laporan"],
                       capture_output=True, text=True, timeout=120, cwd=AKAR)
    assert (r.returncode, r.stdout, r.stderr) == (0, "Capaian: 83,33% (Cukup Berhasil)\n", "")
