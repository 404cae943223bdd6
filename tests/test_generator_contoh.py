"""examples/: the committed workbooks are what examples/buat_contoh.py produces."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from xl_kinerja import nama as N

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def contoh(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("buat_contoh", ROOT / "examples" / "buat_contoh.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    d = tmp_path_factory.mktemp("contoh")
    for nama in ("katalog-kubu-raya-2024.json", "katalog-metro-2024.json"):
        (d / nama).write_bytes((ROOT / "examples" / nama).read_bytes())
    return mod.buat(d)


def _nilai(path):
    wb = openpyxl.load_workbook(path)
    hasil = {}
    for nama in (N.UKUR_KODE_INDIKATOR, N.UKUR_TARGET_TAHUNAN, *N.UKUR_TARGET_TW,
                 *N.UKUR_REALISASI_TW, N.ANGG_KODE, N.ANGG_PAGU, *N.ANGG_REALISASI_TW):
        (lembar, ref), = wb.defined_names[nama].destinations
        hasil[nama] = [r[0].value for r in wb[lembar][ref.replace("$", "")]]
    return hasil


def test_contoh_sama_dengan_hasil_skrip(contoh):
    for baru in contoh:
        lama = ROOT / "examples" / baru.name
        assert lama.exists(), f"{lama} belum di-commit; jalankan examples/buat_contoh.py"
        assert _nilai(lama) == _nilai(baru), baru.name


def test_contoh_berisi_data_dokumen_asli(contoh):
    kr = _nilai(ROOT / "examples" / "contoh-rkt-2024-kubu-raya.xlsx")
    assert len(kr[N.UKUR_KODE_INDIKATOR]) == 62          # 43 sasaran of the Kubu Raya RKT
    i = kr[N.UKUR_KODE_INDIKATOR].index("S3.2")          # Opini BPK target WTP
    assert kr[N.UKUR_TARGET_TAHUNAN][i] == "WTP"
    assert all(v is not None for v in kr[N.UKUR_REALISASI_TW[3]])  # full year reported
    mt = _nilai(ROOT / "examples" / "contoh-renaksi-2024-kota-metro.xlsx")
    assert len(mt[N.UKUR_KODE_INDIKATOR]) == 22          # 7 KPU + 15 Sekretaris rows
    assert set(mt[N.UKUR_REALISASI_TW[3]]) == {None}     # reported up to TW III
    i = mt[N.UKUR_KODE_INDIKATOR].index("S8.1")          # 551 Badan Adhoc
    assert mt[N.UKUR_TARGET_TAHUNAN][i] == 551
