"""Progress of a long job on the terminal: a bar on stderr, a summary line at the end.

    with Kemajuan(len(berkas), "Membaca") as k:
        for p in berkas:
            ...
            k.maju(keterangan=p.name)
        k.selesai(f"{len(berkas)} berkas dibaca")

The bar is drawn only when the stream is a terminal (a pipe, a log file or a test sees no
bar and no carriage returns) and at most every `jeda` seconds, so it costs nothing next to
the work. The summary line is always written, terminal or not: it is the job's result.
`total=None` draws a counter instead of a bar (length not known in advance).
"""
from __future__ import annotations

import shutil
import sys
import time

_LEBAR_BAR = 24


def _waktu(detik: float) -> str:
    """Seconds as 'm:ss' (or 'h:mm:ss')."""
    detik = int(round(detik))
    j, sisa = divmod(detik, 3600)
    m, d = divmod(sisa, 60)
    return f"{j}:{m:02d}:{d:02d}" if j else f"{m}:{d:02d}"


class Kemajuan:
    """A progress bar (or counter) on `aliran` (default stderr) while it is a terminal."""

    def __init__(self, total: int | None, label: str = "", *, aliran=None,
                 aktif: bool | None = None, jeda: float = 0.1):
        self.total = total
        self.label = label
        self.aliran = aliran if aliran is not None else sys.stderr
        if aktif is None:
            isatty = getattr(self.aliran, "isatty", None)
            try:
                aktif = bool(isatty and isatty())
            except ValueError:  # a closed stream
                aktif = False
        self.aktif = aktif
        self.jeda = jeda
        self.selesai_n = 0
        self._mulai = time.monotonic()
        self._terakhir = float("-inf")  # the first item always draws
        self._lebar_tulis = 0  # length of the bar line drawn last (to blank it)
        self._ditutup = False

    # -- context manager: an exception still clears the bar line
    def __enter__(self) -> Kemajuan:
        return self

    def __exit__(self, *exc) -> None:
        self._hapus()
        self._ditutup = True

    @property
    def lama(self) -> float:
        """Seconds since the start."""
        return time.monotonic() - self._mulai

    def maju(self, n: int = 1, keterangan: str | None = None) -> None:
        """`n` more items done; `keterangan` (e.g. the file name) is shown after the bar."""
        self.selesai_n += n
        if not self.aktif:
            return
        kini = time.monotonic()
        akhir = self.total is not None and self.selesai_n >= self.total
        if kini - self._terakhir < self.jeda and not akhir:
            return
        self._terakhir = kini
        self._gambar(keterangan)

    def _gambar(self, keterangan: str | None) -> None:
        lama = self.lama
        if self.total:
            bagian = min(1.0, self.selesai_n / self.total)
            isi = int(bagian * _LEBAR_BAR)
            teks = (f"{self.label} [{'#' * isi}{'.' * (_LEBAR_BAR - isi)}] "
                    f"{self.selesai_n}/{self.total} {bagian * 100:3.0f}% {_waktu(lama)}")
            if 0 < self.selesai_n < self.total:
                teks += f" (sisa ~{_waktu(lama / self.selesai_n * (self.total - self.selesai_n))})"
        else:
            teks = f"{self.label} {self.selesai_n} {_waktu(lama)}"
        if keterangan:
            teks += f" {keterangan}"
        teks = teks[:_lebar_layar() - 1]
        self.aliran.write("\r" + teks.ljust(self._lebar_tulis))
        self.aliran.flush()
        self._lebar_tulis = len(teks)

    def _hapus(self) -> None:
        if self.aktif and self._lebar_tulis:
            self.aliran.write("\r" + " " * self._lebar_tulis + "\r")
            self.aliran.flush()
            self._lebar_tulis = 0

    def tulis(self, pesan: str) -> None:
        """A message line (a warning, a skipped file) without breaking the bar."""
        self._hapus()
        print(pesan, file=self.aliran, flush=True)

    def selesai(self, ringkasan: str | None = None, *, aliran=None) -> None:
        """Clear the bar and write the summary line (with the elapsed time) to `aliran`
        (default: the progress stream). Written whether or not it is a terminal."""
        self._hapus()
        self._ditutup = True
        if ringkasan is not None:
            print(f"{ringkasan} ({lama_teks(self.lama)})",
                  file=aliran if aliran is not None else self.aliran, flush=True)


def _lebar_layar() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def lama_teks(detik: float) -> str:
    """Elapsed seconds as the summary line shows them: '2,3 detik', '1:05'."""
    if detik < 60:
        return f"{detik:.1f} detik".replace(".", ",")
    return _waktu(detik)
