"""The shared progress helper: a bar only on a terminal, always a summary line."""
from __future__ import annotations

import io

from xl_kinerja.kemajuan import Kemajuan, lama_teks


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_bukan_terminal_hanya_ringkasan():
    aliran = io.StringIO()
    with Kemajuan(3, "Membaca", aliran=aliran) as k:
        for _ in range(3):
            k.maju(keterangan="a.xlsx")
        k.selesai("3 berkas dibaca")
    teks = aliran.getvalue()
    assert "\r" not in teks and "#" not in teks
    assert teks.startswith("3 berkas dibaca (") and teks.endswith(" detik)\n")
    assert k.selesai_n == 3


def test_terminal_bar_lalu_dihapus():
    aliran = _Terminal()
    k = Kemajuan(4, "Membaca", aliran=aliran, jeda=0)
    k.maju(keterangan="satu.xlsx")
    assert "Membaca [######..................] 1/4  25%" in aliran.getvalue()
    assert "satu.xlsx" in aliran.getvalue()
    k.tulis("dilewati: dua.xlsx")
    k.maju(3)
    assert "4/4 100%" in aliran.getvalue()
    k.selesai("4 berkas")
    akhir = aliran.getvalue().rsplit("\r", 1)[1]
    assert akhir.startswith("4 berkas (")
    assert "dilewati: dua.xlsx\n" in aliran.getvalue()


def test_terminal_tanpa_total_penghitung():
    aliran = _Terminal()
    k = Kemajuan(None, "Menulis", aliran=aliran, jeda=0)
    k.maju(2)
    assert "Menulis 2 0:00" in aliran.getvalue()


def test_jeda_membatasi_gambar():
    aliran = _Terminal()
    k = Kemajuan(1000, "x", aliran=aliran, jeda=60)
    for _ in range(999):
        k.maju()
    assert aliran.getvalue().count("\r") <= 1  # first draw only; then throttled
    k.maju()  # the last item always draws
    assert "1000/1000" in aliran.getvalue()


def test_lama_teks():
    assert lama_teks(2.34) == "2,3 detik"
    assert lama_teks(65) == "1:05"
    assert lama_teks(3725) == "1:02:05"
