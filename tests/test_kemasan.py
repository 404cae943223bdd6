"""Packaging: the package list in pyproject.toml is written by hand (the top-level
workbook_templates/ and macros/ folders ship as xl_kinerja.* through package-dir, which
setuptools' find cannot see), so a new subpackage must be listed or `pip install .`
ships without it (generator.lembar once did: `baru` failed after a non-editable install)."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent


def test_setiap_subpaket_terdaftar_di_pyproject():
    proyek = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
    terdaftar = set(proyek["tool"]["setuptools"]["packages"])
    ada = {".".join(p.parent.relative_to(AKAR).parts)
           for p in (AKAR / "xl_kinerja").rglob("__init__.py")}
    assert ada - terdaftar == set(), "tambahkan ke [tool.setuptools] packages di pyproject.toml"


def test_python_m_xl_kinerja_cli():
    """`python -m xl_kinerja.cli` is the `xl-kinerja` script: output and exit codes."""
    def jalan(*argumen):
        return subprocess.run([sys.executable, "-m", "xl_kinerja.cli", *argumen],
                              capture_output=True, text=True, timeout=120, cwd=AKAR)
    r = jalan("capaian", "24 Laporan", "20 Laporan")
    assert (r.returncode, r.stdout, r.stderr) == (0, "Capaian: 83,33% (Cukup Berhasil)\n", "")
    r = jalan("capaian", "x", "1")
    assert r.returncode == 2 and r.stderr.startswith('kesalahan: target "x" tidak dapat dibaca')
    assert "Traceback" not in r.stderr
