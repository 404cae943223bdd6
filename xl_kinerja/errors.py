"""Error types. Every message is Indonesian and names what the user must look at.

The CLI turns any `KesalahanXlKinerja` into a one-line message and a non-zero exit, so
library code raises these (never bare ValueError/KeyError) for anything a user can cause.
"""
from __future__ import annotations


class KesalahanXlKinerja(Exception):
    """Base of every error a user can cause (bad input, bad file)."""

    kode_keluar = 2


class KesalahanInput(KesalahanXlKinerja, ValueError):
    """A value (target, realisasi, angka, argument) that cannot be used.

    `teks` is the offending value as the user wrote it, so callers that know the
    location (file, sheet, row) can wrap it in a `KesalahanBerkas`.
    """

    def __init__(self, pesan: str, teks: object = None):
        super().__init__(pesan)
        self.pesan = pesan
        self.teks = teks


class KesalahanBerkas(KesalahanXlKinerja):
    """A problem tied to a place in a file: file, sheet, row (1-based) and value."""

    def __init__(self, pesan: str, berkas: object = None, sheet: str | None = None,
                 baris: int | None = None, nilai: object = None):
        self.pesan = pesan
        self.berkas = berkas
        self.sheet = sheet
        self.baris = baris
        self.nilai = nilai
        super().__init__(self._lengkap())

    def _lengkap(self) -> str:
        lokasi = []
        if self.berkas is not None:
            lokasi.append(f"berkas {self.berkas}")
        if self.sheet:
            lokasi.append(f"sheet '{self.sheet}'")
        if self.baris:
            lokasi.append(f"baris {self.baris}")
        teks = f"{', '.join(lokasi)}: {self.pesan}" if lokasi else self.pesan
        if self.nilai is not None:
            teks += f" (nilai: {self.nilai!r})"
        return teks
