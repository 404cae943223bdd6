"""`periksa_berkas`: which checker a file gets. A workbook of ours (by its defined names) goes
to the workbook checker (buku.py), a Word document is checked table by table, any other table
file as it stands (tabel.py).
"""
from __future__ import annotations

from pathlib import Path

from .buku import buku_kerja_kita, periksa_buku_kerja
from .tabel import periksa_hasil, skala_periksa
from .temuan import Temuan


def periksa_berkas(path, jenis: str | None = None, skala="kpu",
                   catatan: list | None = None) -> list[Temuan]:
    """Check a table file as it stands (or a workbook of ours, by its defined names).
    `jenis` None: recognised from the headers; a `catatan` list receives the note saying
    which kind was assumed (for a Word document: what each table became). `skala`: predikat
    scale preset for tables (a workbook of ours carries its own scale). Raises
    KesalahanBerkas for unusable input or headers that contradict `jenis`, KesalahanInput
    for an unknown skala."""
    skala_periksa(skala)  # an unknown scale is an error before any file is read
    if buku_kerja_kita(path):
        return periksa_buku_kerja(path)
    # the table readers load python-docx (and the Word LKj checker with it): 40 ms of the
    # start of `periksa`, which a workbook of ours never needs
    if Path(path).suffix.lower() == ".docx":  # every table of the document, each on its own
        from ..impor.dokumen import impor_dokumen  # lazy: python-docx, only for Word input
        from .lkj import periksa_lkj  # lazy: python-docx, only for Word input

        dok = impor_dokumen(path, jenis)
        if catatan is not None:
            catatan.extend(f"{path}: {c}" for c in dok.ringkasan())
        return [x for t in dok.dipakai for x in periksa_hasil(t.hasil, skala)] + \
            periksa_lkj(path)  # the text of a hand-written LKj (numbers in words, ...)
    from ..impor import impor_tabel  # lazy: python-docx, only for table input

    h = impor_tabel(path, jenis)
    if catatan is not None:
        catatan.extend(f"{path}: {c}" for c in h.catatan)
        # what the reader changed in a cell (control characters, over-long text)
        catatan.extend(f"{path}, baris {n}: {p}" for n, p in h.peringatan_baca)
    return periksa_hasil(h, skala)
