"""Progress on long commands (issue 16): `baru` and `impor` to a workbook advance a bar per
sheet built and for the save, `periksa` of several files a bar per file; on stderr only
while it is a terminal, nothing when it is piped (kemajuan.py)."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from xl_kinerja.cli import main

TABEL = Path(__file__).parent / "fixtures" / "tabel"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def _bar(teks: str, label: str) -> list[str]:
    """The bar lines drawn (each starts with a carriage return and the label)."""
    return [b for b in teks.split("\r") if b.startswith(label + " [")]


def _di_terminal(monkeypatch, argumen: list[str]) -> tuple[int, str]:
    layar = Terminal()
    monkeypatch.setattr(sys, "stderr", layar)
    kode = main(argumen)
    monkeypatch.undo()
    return kode, layar.getvalue()


def test_baru_bilah_per_lembar_di_terminal(tmp_path, monkeypatch, capsys):
    argumen = ["baru", "--tahun", "2027", "--satker", "KPU Kabupaten Contoh", "--keluaran"]
    kode, layar = _di_terminal(monkeypatch, argumen + [str(tmp_path / "a.xlsx")])
    assert kode == 0
    bar = _bar(layar, "Membuat buku kerja")
    # the first step always draws, the last (the save) too; 9 sheets + save = 10 steps
    assert " 1/10 " in bar[0]
    assert bar[0].rstrip().endswith("Referensi")
    assert " 10/10 100% " in bar[-1] and bar[-1].rstrip().endswith("tersimpan")
    assert layar.endswith("\r")  # the bar line is blanked at the end
    assert "Buku kerja dibuat:" in capsys.readouterr().out  # stdout untouched by the bar
    assert main(argumen + [str(tmp_path / "b.xlsx")]) == 0  # piped (capsys): no bar
    assert "\r" not in capsys.readouterr().err


def test_impor_ke_buku_kerja_bilah_di_terminal(tmp_path, monkeypatch, capsys):
    argumen = ["impor", str(TABEL / "rkt-indikator-dan-anggaran.tsv"), "--satker",
               "KPU Kabupaten Contoh", "--keluaran"]
    kode, layar = _di_terminal(monkeypatch, argumen + [str(tmp_path / "a.xlsx")])
    assert kode == 0 and (tmp_path / "a.xlsx").is_file()
    bar = _bar(layar, "Membuat buku kerja")
    assert " 1/10 " in bar[0] and " 10/10 100% " in bar[-1]
    capsys.readouterr()
    assert main(argumen + [str(tmp_path / "b.xlsx")]) == 0
    assert "\r" not in capsys.readouterr().err


def test_periksa_banyak_berkas_bilah_per_berkas(tmp_path, monkeypatch, capsys):
    berkas = [str(TABEL / n) for n in ("anggaran-2025.tsv", "rkt-2024-sasaran-bersambung.tsv",
                                       "iku-target-nol.tsv")]
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan zip")
    kode, layar = _di_terminal(monkeypatch, ["periksa", *berkas, str(rusak)])
    assert kode == 2  # the unusable file: exit 2, the others still checked
    bar = _bar(layar, "Memeriksa")
    assert " 1/4 " in bar[0]
    assert re.search(r" 4/4 100% .*rusak\.xlsx", bar[-1])
    # the error line is written whole between bars, not glued to one
    assert any(b.startswith("kesalahan: ") and "rusak.xlsx" in b for b in layar.split("\r"))
    capsys.readouterr()
    assert main(["periksa", *berkas]) in (0, 1)  # piped: no bar
    assert "\r" not in capsys.readouterr().err
    # a single file: no bar even on a terminal
    _, layar = _di_terminal(monkeypatch, ["periksa", berkas[0]])
    assert "\r" not in layar
