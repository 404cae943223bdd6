"""Every table of a Word document at once: each table (word.py) imported on its own (its own
header, kind and rows), then united into one result for a catalog or a workbook, saying which
table became what and which was skipped, and why.

An LKj or an RKT document holds several tables: the PK/RKT indicators, the Pengukuran with
realisasi, the budget, and tables that are none of these (organisation, staff). An indicator
that an earlier table already holds (the Pengukuran repeats the PK) is not imported twice:
its realisasi completes the earlier row, and a different target is warned about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import KesalahanBerkas
from .baca import Baris
from .baris import impor_baris
from .hasil import HasilImpor
from .jenis import NAMA_JENIS
from .katalog import _tebak_tahun, ke_katalog
from .polaritas import catatan_polaritas
from .word import TabelWord, baca_tabel_word, pendek


@dataclass
class TabelDiimpor:
    tabel: TabelWord
    hasil: HasilImpor | None    # None: skipped
    alasan: str = ""            # why it was skipped


@dataclass
class HasilDokumen:
    berkas: str
    tabel: list[TabelDiimpor]
    tahun: int | None
    satker: str = ""
    jenis: str | None = None
    catatan: list[str] = field(default_factory=list)

    @property
    def dipakai(self) -> list[TabelDiimpor]:
        return [t for t in self.tabel if t.hasil is not None]

    def ringkasan(self) -> list[str]:
        """One line per table: what it became, or why it was skipped."""
        baris = []
        for t in self.tabel:
            if t.hasil is None:
                baris.append(f"{t.tabel.posisi}: dilewati: {t.alasan}")
                continue
            h = t.hasil
            n_ind = sum(len(s["indikator"]) for s in h.katalog["sasaran"])
            isi = []
            if n_ind:
                isi.append(f"{len(h.katalog['sasaran'])} sasaran, {n_ind} indikator")
            if h.katalog["anggaran"]:
                isi.append(f"{len(h.katalog['anggaran'])} baris anggaran")
            if t.alasan:
                isi.append(t.alasan)
            baris.append(f"{t.tabel.posisi}: {NAMA_JENIS[h.jenis]}"
                         f"{': ' + '; '.join(isi) if isi else ''}")
        return baris

    def gabungan(self) -> HasilImpor:
        """One HasilImpor of all the tables used: their rows in document order, an
        indicator already seen in an earlier table taken once (realisasi carried to it), the
        catalog built from the union. Skipped rows and warnings name their table."""
        if not self.dipakai:
            raise KesalahanBerkas("tidak ada tabel yang dapat diimpor di dokumen Word ini: "
                                  + "; ".join(self.ringkasan()), berkas=self.berkas)
        baris, dilewati, peringatan, judul, judul_tabel = [], [], [], [], {}
        baca: list[tuple[int, str]] = []  # cells the reader cleaned, per table
        terlihat: dict[str, object] = {}
        for t in self.dipakai:
            h, nama = t.hasil, t.tabel.nama
            judul_tabel[nama] = h.judul
            judul += h.judul
            dilewati += [(n, f"{nama}: {a}") for n, a in h.baris_dilewati]
            baca += [(n, f"{nama}: {a}") for n, a in h.peringatan_baca]
            peringatan += [(n, f"{nama}: {a}") for n, a in h.peringatan
                           if "tidak dimasukkan ke katalog" not in a]  # said again below
            sama = lengkap = 0
            for d in h.baris:
                kunci = _kunci_nama(d.indikator) if d.jenis == "indikator" else None
                if kunci and kunci in terlihat:
                    lama = terlihat[kunci]
                    sama += 1
                    if d.nilai.get("realisasi") and not lama.nilai.get("realisasi"):
                        lama.nilai["realisasi"] = d.nilai["realisasi"]
                        lama.nilai["realisasi_dari"] = nama
                        lengkap += 1
                    if d.target and lama.target and _kunci_nama(d.target) != \
                            _kunci_nama(lama.target):
                        peringatan.append((d.nomor, f"{nama}: target {d.target!r} berbeda "
                                                    f"dengan {lama.sheet} baris {lama.nomor} "
                                                    f"({lama.target!r}) untuk indikator "
                                                    f"{pendek(d.indikator)!r}"))
                    continue
                if kunci:
                    terlihat[kunci] = d
                baris.append(d)
            if sama:
                t.alasan = (f"{sama} indikator sudah ada di tabel sebelumnya (dipakai sekali"
                            + (f"; realisasi {lengkap} indikator diambil dari tabel ini"
                               if lengkap else "") + ")")
        kode_baris: dict[tuple, str] = {}
        per_nama = []
        katalog = ke_katalog(baris, self.tahun, self.satker, per_nama, kode_baris)
        for n, a in per_nama:
            d = next((x for x in baris if x.nomor == n), None)
            peringatan.append((n, f"{d.sheet if d else '?'}: {a}"))
        jenis = self.jenis or next((t.hasil.jenis for t in self.dipakai
                                    if t.hasil.katalog["sasaran"]), self.dipakai[0].hasil.jenis)
        return HasilImpor(jenis, self.berkas, katalog, baris, dilewati, peringatan, self.tahun,
                          self.ringkasan() + self.catatan, judul, kode_baris, judul_tabel,
                          catatan_polaritas(baris), peringatan_baca=baca)


def _kunci_nama(teks: str) -> str:
    return re.sub(r"[\s•]+", " ", (teks or "").lower()).strip(" .")


def _konteks(tabel: list[TabelWord], i: int) -> list[Baris]:
    """The paragraphs above table i, nearest first (the title the table stands under is
    read before the document's own title)."""
    teks = [p for t in reversed(tabel[:i + 1]) for p in reversed(t.konteks)]
    return [Baris(0, [p], mentah=[p]) for p in teks[:60]]


def impor_dokumen(path, jenis: str | None = None, tahun: int | None = None,
                  satker: str = "", polaritas_bawaan: str | None = None) -> HasilDokumen:
    """Every table of a .docx imported on its own: `HasilDokumen.tabel` says for each table
    what it became (or why it was skipped), `.gabungan()` unites them. `jenis` applies to
    the indicator tables (a budget table stays a budget table); a table whose headers
    contradict it is skipped with the reason."""
    tabel = baca_tabel_word(path)
    if not tabel:
        raise KesalahanBerkas("dokumen Word tidak berisi tabel", berkas=path)
    if tahun is None:  # one year for the document: its title, else the first table naming one
        semua = [Baris(0, [p]) for t in tabel for p in t.konteks]
        tahun = _tebak_tahun(semua) or next(
            (th for t in tabel if (th := _tebak_tahun(t.baris))), None)
    hasil = []
    for i, t in enumerate(tabel):
        konteks = _konteks(tabel, i)
        try:
            try:
                h = impor_baris(t.baris, str(path), jenis, tahun, satker, "\t", konteks,
                                polaritas_bawaan)
            except KesalahanBerkas as e:
                if jenis is None or "tanpa kolom INDIKATOR" not in e.pesan:
                    raise
                # --jenis names the indicator tables; the budget table stays a budget table
                h = impor_baris(t.baris, str(path), "anggaran", tahun, satker, "\t",
                                konteks)
            hasil.append(TabelDiimpor(t, h))
        except KesalahanBerkas as e:
            hasil.append(TabelDiimpor(t, None, e.pesan))
    return HasilDokumen(str(path), hasil, tahun, satker, jenis)


__all__ = ["HasilDokumen", "TabelDiimpor", "impor_dokumen"]
