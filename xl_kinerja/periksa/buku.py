"""Checking a workbook of ours (recognised by the defined name Info_Format).

The data are read with the rekap engine's reader (`rekap.baca_nilai`, by defined names) and
every number is computed from the INPUT cells with the engine and the core, so a workbook
written by openpyxl and never calculated (no cached values) is checked in full. What is
reported:

- per triwulan with realisasi, the engine's findings (`hitung_rekap(...).temuan`):
  realisasi missing or without a target, capaian far above 100%, realisasi above pagu,
  a subtotal / program / JUMLAH typed over with a number that is not the sum of its rows;
- codes: malformed or incomplete, one code with two names, duplicated rows;
- formula columns (capaian, predikat, persen, sisa): a cell that holds a constant instead of
  its formula (`rumus_ditimpa`, found with or without cached values) and, when the file was
  calculated by Excel/LibreOffice, a cached value that differs from the engine's;
- texts typed over in RKT, PK or Rencana Aksi that differ from Pengukuran's
  (`teks_berbeda`, periksa/teks.py);
- the terbilang of the program table (RKT, PK), compared with the core's terbilang of the
  pagu total: read by its defined names (`nama.py`, names with "Terbilang"); a workbook
  written before those names existed is searched for the text "Terbilang:" on its document
  sheets (those no contract column points to).

Everything is read through the contract reader (`kontrak`, streaming the package once): a
cell is a formula when the sheet XML says so, and its cached value comes with it.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..angka import format_angka, format_persen, sama_angka
from ..aturan import pecahan
from ..jeda import tanpa_gc
from ..ooxml.rujukan import koordinat
from ..ooxml.sel import Sel
from ..rekap import baca_nilai, hitung_rekap
from ..rekap.mesin import anak_anggaran, nama_anggaran
from ..terbilang import terbilang as _terbilang
from .indikator import periksa_indikator, teks_target
from .kode import periksa_kode
from .teks import periksa_teks
from .temuan import Temuan

_AWALAN_TERBILANG = "Terbilang:"
# The fixed-text form written by earlier generator versions:
# =IF(ROUND(D42,0)=5048996000,"Terbilang: ...","Terbilang: (jumlah berubah; ...)")
_TERBILANG_TETAP = re.compile(r'^=IF\(ROUND\([^,]+,0\)=(\d+),"Terbilang:\s*([^"]*)"')
_TERBILANG_KOSONG = re.compile(r'^="Terbilang:\s*(\([^"]*\))"$')


def buku_kerja_kita(path) -> bool:
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    return kontrak.kita(p)


# the terbilang cells' defined names, whatever the generator calls them in nama.py
_NAMA_TERBILANG = tuple(v for k, v in vars(N).items() if k.isupper() and isinstance(v, str)
                        and "Terbilang" in v)
# names whose sheets are data sheets (the old terbilang search skips them)
_NAMA_DATA = (N.UKUR_KODE_INDIKATOR, N.ANGG_KODE, N.REF_SKALA_BATAS, N.INFO_FORMAT,
              N.IKU_TAHUN, N.RENAKSI_KODE_INDIKATOR)


_romawi = N.romawi


def _persen(x):
    return format_persen(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else x


def _tampil(x, jenis: str):
    """A target/realisasi as the sheet shows it: 0.975 -> "97,50%" for persen/rentang."""
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return x
    if pecahan(jenis):
        return _persen(x)
    return format_angka(x, 0 if float(x).is_integer() else 2)


def _rupiah(x) -> str:
    return f"Rp {format_angka(x, 0)}" if isinstance(x, (int, float)) else "kosong"


def _sama(tercatat, dihitung) -> bool:
    """Cached value vs engine value: blank = "" = None; numbers up to noise (A36)."""
    if tercatat == "":
        tercatat = None
    if tercatat is None or dihitung is None:
        return tercatat is None and dihitung is None
    if isinstance(tercatat, bool) or isinstance(dihitung, bool):
        return tercatat == dihitung
    if isinstance(tercatat, (int, float)) and isinstance(dihitung, (int, float)):
        return sama_angka(tercatat, dihitung)
    return str(tercatat).strip() == str(dihitung).strip()


class _Pemeriksa:
    def __init__(self, k: kontrak.Kontrak):
        self.k = k
        self.path = k.berkas
        self.salah = []  # text in numeric input cells: each one a finding, read as blank
        self.data = baca_nilai(k, salah=self.salah)
        self.rekap = [hitung_rekap(self.data, q, dibuat="-") for q in (1, 2, 3, 4)]
        self._terhitung = False  # some formula read has a cached value (Excel/LO saved it)
        self.triwulan_berisi = {q for q in (1, 2, 3, 4) if any(
            x.realisasi[q - 1] is not None for x in self.data.indikator + self.data.anggaran)}
        self.ind = {i.baris: i for i in self.data.indikator}
        self.angg = {b.baris: b for b in self.data.anggaran}

    def sel_per_baris(self, nama: str) -> dict[int, Sel]:
        """{row: Sel} of a one-column defined name (absent name -> {})."""
        if not self.k.ada(nama):
            return {}
        r, sel = self.k.kolom(nama)
        if not self._terhitung:
            self._terhitung = any(s.rumus is not None and s.tersimpan is not None for s in sel)
        return dict(zip(range(r.baris1, r.baris2 + 1), sel, strict=True))

    def koordinat(self, nama: str, baris: int) -> str:
        """The cell of a one-column defined name on a row ("?" when outside it)."""
        if not self.k.ada(nama):
            return "?"
        r = self.k.rentang(nama)
        return r.koordinat(baris) if r.baris1 <= baris <= r.baris2 else "?"

    # ------------------------------------------------------------------ locations
    def lok(self, sheet, baris, kode=None, indikator=None) -> dict:
        return {"berkas": str(self.path), "sheet": sheet, "baris": baris, "kode": kode or None,
                "indikator": indikator or None}

    def lok_ind(self, baris) -> dict:
        i = self.ind[baris]
        return self.lok(self.data.lembar_ukur, baris, i.kode, i.indikator)

    def lok_angg(self, baris) -> dict:
        b = self.angg[baris]
        return self.lok(self.data.lembar_angg, baris, b.kode, b.uraian)

    # ------------------------------------------------------------------ checks
    def semua(self) -> list:
        tak_terbaca = self.angka_tak_terbaca()
        dilewati = {(x.lokasi["sheet"], x.lokasi["baris"]) for x in tak_terbaca}
        # a realisasi cell holding text is reported as such, not again as "not filled in"
        rekap = [x for x in self.temuan_rekap() if not (
            x.aturan == "realisasi_kosong" and (x.lokasi["sheet"], x.lokasi["baris"]) in dilewati)]
        # the text rule first: it scans whole document sheets, which the terbilang cells'
        # names then read from instead of scanning those sheets again
        teks = periksa_teks(self.k, self.data, self.lok)
        return tak_terbaca + self.kode() + self.aturan_indikator() + rekap + \
            self.kolom_rumus() + self.terbilang() + teks

    def aturan_indikator(self) -> list:
        """The indicator-level rules the table checker runs (periksa.indikator: unit vs
        name, target kind vs unit, unreadable target), on each stored annual target written
        as a table writes it, so a table and the workbook made from it agree."""
        tahunan = self.sel_per_baris(N.UKUR_TARGET_TAHUNAN)
        atas = self.sel_per_baris(N.UKUR_TARGET_ATAS)
        t = []
        for i in self.data.indikator:
            sel = tahunan.get(i.baris)
            if sel is None or sel.nilai is None:
                continue
            a = atas.get(i.baris)
            target = teks_target(sel.nilai, i.jenis, i.satuan or "", a.nilai if a else None)
            t += periksa_indikator(self.lok_ind(i.baris), i.indikator, target)
        return t

    def angka_tak_terbaca(self) -> list:
        """Every numeric input cell holding text ("sembilan puluh", "95 %", "-")."""
        t = []
        for e in self.salah:
            if e.baris in self.ind and e.sheet == self.data.lembar_ukur:
                lok = self.lok_ind(e.baris)
            elif e.baris in self.angg and e.sheet == self.data.lembar_angg:
                lok = self.lok_angg(e.baris)
            else:
                lok = self.lok(e.sheet, e.baris)
            t.append(Temuan("angka_tak_terbaca", lok, e.pesan, e.nilai, None))
        return t

    def kode(self) -> list:
        d = self.data
        angg = [(self.lok_angg(b.baris), b.kode, b.uraian,
                 (b.kode, b.uraian.lower(), b.tingkat) if b.kode else None) for b in d.anggaran]
        ind = [(self.lok_ind(i.baris), i.kode, i.indikator,
                (i.kode, i.indikator.lower()) if i.kode else None) for i in d.indikator]
        sas = [(self.lok(d.lembar_ukur, i.baris, i.kode_sasaran, i.sasaran), i.kode_sasaran,
                i.sasaran, None) for i in d.indikator]
        # indicator/sasaran codes are the office's own: only incomplete ones are wrong
        return periksa_kode(angg) + periksa_kode(sas, ketat=False) + \
            periksa_kode(ind, ketat=False)

    def temuan_rekap(self) -> list:
        """The engine's findings, per triwulan with realisasi, as Temuan."""
        t = []
        for q, rk in enumerate(self.rekap, 1):
            R = _romawi(q)
            ukur_ada = any(i.realisasi[q - 1] is not None for i in self.data.indikator)
            ri = {x["baris"]: x for x in rk.indikator}
            ra = {x["baris"]: x for x in rk.anggaran}
            for f in rk.temuan:
                jenis, baris = f["jenis"], f["baris"]
                if jenis == "realisasi_kosong" and ukur_ada:
                    x = ri[baris]
                    t.append(Temuan("realisasi_kosong", self.lok_ind(baris),
                                    f"realisasi TW {R} belum diisi, padahal target triwulan "
                                    f"ada ({_tampil(x['target'], x['jenis'])})", None, None,
                                    "peringatan"))
                elif jenis == "tanpa_target":
                    t.append(Temuan("realisasi_tanpa_target", self.lok_ind(baris),
                                    f"ada realisasi TW {R} tanpa target triwulan (target kosong "
                                    f"= tidak diukur)", ri[baris]["realisasi"], None,
                                    "peringatan"))
                elif jenis == "capaian_janggal":
                    x = ri[baris]
                    t.append(Temuan("capaian_janggal", self.lok_ind(baris),
                                    f"capaian TW {R} {_persen(x['capaian'])} jauh di atas 100% "
                                    f"(realisasi {_tampil(x['realisasi'], x['jenis'])}, target "
                                    f"{_tampil(x['target'], x['jenis'])}); periksa kemungkinan "
                                    f"salah ketik", x["realisasi"],
                                    _persen(x["capaian"]), "peringatan"))
                elif jenis == "persen_mustahil":
                    # the engine's message without its "KODE: " head (the place says it)
                    t.append(Temuan("persen_mustahil", self.lok_ind(baris),
                                    f["pesan"].removeprefix(f"{f['kode']}: "),
                                    _persen(f["tercatat"]), _persen(f["tercatat"] / 100)))
                elif jenis == "realisasi_anggaran_kosong":
                    lok = self.lok_angg(baris) if baris else self.lok(f["sheet"], None)
                    pesan = f["pesan"].removeprefix(
                        f"{nama_anggaran(self.angg[baris])}: ") if baris else f["pesan"]
                    t.append(Temuan("realisasi_anggaran_kosong", lok, pesan, None,
                                    self.angg[baris].pagu if baris else None, "peringatan"))
                elif jenis == "serapan_lebih":
                    x = ra[baris]
                    t.append(Temuan("realisasi_melebihi_pagu", self.lok_angg(baris),
                                    f"realisasi TW {R} {_rupiah(x['realisasi'])} melebihi pagu "
                                    f"{_rupiah(x['pagu'])} ({_persen(x['persen'])})",
                                    x["realisasi"], x["pagu"]))
                # jumlah_tidak_cocok: per value, in _jumlah
            # pagu 0 with realisasi: the engine's percentage is blank (no division), the
            # core's sisa is negative
            for x in rk.anggaran:
                if x["pagu"] == 0 and x["persen"] is None and x["sisa"] is not None \
                        and x["sisa"] < 0:
                    t.append(Temuan("realisasi_melebihi_pagu", self.lok_angg(x["baris"]),
                                    f"realisasi TW {R} {_rupiah(x['realisasi'])} padahal pagu "
                                    f"Rp 0", x["realisasi"], x["pagu"]))
        return self._jumlah() + t

    def _jumlah(self) -> list:
        """Subtotal cells (pagu, realisasi TW n of a program, kegiatan or JUMLAH row) holding
        a number instead of their SUM formula (the reader gives None for a formula). Those
        the engine finds unequal to the sum of their rows are errors (the engine's recorded
        and computed values); the others still equal it (rumus_ditimpa, peringatan)."""
        d = self.data
        anak = anak_anggaran(d.anggaran)
        cek = [(0, "pagu", N.ANGG_PAGU)] + [(q, "realisasi", N.ANGG_REALISASI_TW[q - 1])
                                            for q in sorted(self.triwulan_berisi)]
        t = []
        for i in sorted(anak):
            b = d.anggaran[i]
            aturan = {"program": "total_program_salah", "kegiatan": "total_kegiatan_salah"
                      }.get(b.tingkat, "jumlah_salah")
            for q, apa, nama in cek:
                nilai = b.pagu if q == 0 else b.realisasi[q - 1]
                if nilai is None:  # the formula is intact
                    continue
                rk = self.rekap[max(q, 1) - 1]
                salah = next((f for f in rk.temuan if f["jenis"] == "jumlah_tidak_cocok" and
                              f["baris"] == b.baris and f["kolom"] == apa), None)
                isi = [rk.anggaran[j][apa] for j in anak[i]]
                if salah is None and all(x is None for x in isi):
                    continue  # rows below all blank: nothing to compare with
                label = apa if q == 0 else f"{apa} TW {_romawi(q)}"
                coord = self.koordinat(nama, b.baris)
                if salah:
                    t.append(Temuan(aturan, self.lok_angg(b.baris),
                                    f"sel {coord}: {label} {b.tingkat} tercatat "
                                    f"{_rupiah(salah['tercatat'])} bukan jumlah rinciannya "
                                    f"{_rupiah(salah['dihitung'])} (rumus jumlah ditimpa angka)",
                                    salah["tercatat"], salah["dihitung"]))
                else:
                    t.append(Temuan("rumus_ditimpa", self.lok_angg(b.baris),
                                    f"sel {coord} ({label} {b.tingkat}) berisi nilai tetap, "
                                    f"bukan rumus jumlah; sekarang masih sama dengan jumlah "
                                    f"rinciannya, tetapi tidak lagi mengikuti perubahan",
                                    nilai, sum(x for x in isi if x is not None), "peringatan"))
        return t

    # ------------------------------------------------------------------ formula columns
    def kolom_rumus(self) -> list:
        """Formula columns: constants typed over formulas; stale cached values."""
        sama = lambda v: v  # noqa: E731
        # (name, label, {row: engine row}, key, rule when the cached value differs, display)
        kolom = []
        for q in range(4):
            ri = {x["baris"]: x for x in self.rekap[q].indikator}
            ra = {x["baris"]: x for x in self.rekap[q].anggaran}
            R = _romawi(q + 1)
            kolom += [(N.UKUR_CAPAIAN_TW[q], f"capaian TW {R}", ri, "capaian", "persen_salah",
                       _persen),
                      (N.UKUR_PREDIKAT_TW[q], f"predikat TW {R}", ri, "predikat",
                       "predikat_bertentangan", sama),
                      (N.ANGG_PERSEN_TW[q], f"persentase realisasi TW {R}", ra, "persen",
                       "persen_salah", _persen),
                      (N.ANGG_SISA_TW[q], f"sisa anggaran TW {R}", ra, "sisa", "sisa_salah",
                       sama)]
        # the annual columns: the engine's values with every quarter (the TW IV rekap),
        # the predikat only once TW IV is reported, else "s.d. TW n" (mid-year honesty)
        tahunan = {x["baris"]: x for x in self.rekap[3].indikator}
        kolom += [(N.UKUR_REALISASI_TAHUNAN, "realisasi terakhir", tahunan, None, None, sama),
                  (N.UKUR_CAPAIAN_TAHUNAN, "capaian tahunan", tahunan, "capaian_tahunan",
                   "persen_salah", _persen),
                  (N.UKUR_PREDIKAT_TAHUNAN, "predikat tahunan", tahunan, "predikat_tahunan",
                   "predikat_bertentangan", sama)]
        dibaca = [(k[0], self.sel_per_baris(k[0])) for k in kolom]
        per_nama = dict(dibaca)
        t = []
        for nama, label, baris_mesin, kunci, aturan, tampil in kolom:
            lok_baris = self.lok_angg if nama.startswith("Angg_") else self.lok_ind
            for baris, sel in per_nama[nama].items():
                if baris not in baris_mesin:
                    continue  # a row the engine skips (no code, no name)
                if sel.rumus is not None and (kunci is None or not self._terhitung):
                    continue  # the formula is there, and no cached value to compare
                lok, coord = lok_baris(baris), self.koordinat(nama, baris)
                hitung = baris_mesin[baris][kunci] if kunci else None
                if sel.rumus is None:
                    beda = kunci is None or not _sama(sel.nilai, hitung)
                    isi = "dikosongkan" if sel.nilai is None else \
                        f"berisi nilai tetap {tampil(sel.nilai)!s}"
                    t.append(Temuan("rumus_ditimpa", lok,
                                    f"sel {coord} ({label}) {isi}, bukan rumus; nilai "
                                    f"tidak lagi mengikuti isian"
                                    + (f" (seharusnya {tampil(hitung)})" if kunci and beda
                                       else ""),
                                    tampil(sel.nilai), tampil(hitung),
                                    "galat" if beda else "peringatan"))
                    continue
                tersimpan = sel.tersimpan
                if not _sama(tersimpan, hitung):
                    t.append(Temuan(aturan, lok,
                                    f"sel {coord} ({label}) tersimpan "
                                    f"{tampil(tersimpan)}, menurut aturan {tampil(hitung)}: buku "
                                    f"kerja belum dihitung ulang (perhitungan manual?) atau "
                                    f"rumusnya diubah", tampil(tersimpan), tampil(hitung)))
        return t

    # ------------------------------------------------------------------ terbilang
    def _total_pagu(self):
        baris = self.rekap[0].anggaran
        jumlah = [x["pagu"] for x in baris if x["tingkat"] == "jumlah"]
        if jumlah:
            return jumlah[0]
        program = [x["pagu"] for x in baris if x["tingkat"] == "program" and
                   x["pagu"] is not None]
        return sum(program) if program else None

    def _sel_terbilang(self):
        """(sheet, row, coordinate, Sel) of the terbilang cells: by name, or (older
        workbooks) every "Terbilang:" text or formula on the document sheets."""
        nama = [n for n in _NAMA_TERBILANG if self.k.ada(n)]
        if nama:
            for n in nama:
                r = self.k.rentang(n)
                yield r.lembar, r.baris1, r.koordinat(r.baris1), self.k.tunggal(n)
            return
        data = {self.k.rentang(n).lembar for n in _NAMA_DATA if self.k.ada(n)}
        for lembar in self.k.lembar:
            if lembar in data:
                continue
            for r, baris in sorted(self.k.sel_lembar(lembar).items()):
                for c, s in sorted(baris.items()):
                    v = s.rumus if s.rumus is not None else s.nilai
                    if isinstance(v, str) and _AWALAN_TERBILANG in v:
                        yield lembar, r, koordinat(r, c), s

    def terbilang(self) -> list:
        """The amount in words under the program tables (RKT, PK)."""
        total = self._total_pagu()
        benar = _terbilang(total) if total else None
        t = []
        for lembar, baris, coord, s in self._sel_terbilang():
            lok = self.lok(lembar, baris)
            if s.rumus is not None and s.tersimpan is not None:
                self._terhitung = True
            v = s.rumus if s.rumus is not None else s.nilai
            if not isinstance(v, str):
                v = ""
            m = _TERBILANG_TETAP.match(v)
            k = _TERBILANG_KOSONG.match(v)
            if m:  # fixed text for the total it was written for
                teks, untuk = m.group(2).strip(), int(m.group(1))
                if total is None or untuk != round(total):
                    t.append(Temuan("terbilang_tak_sesuai", lok,
                                    f"sel {coord}: terbilang ditulis untuk "
                                    f"{_rupiah(untuk)}, jumlah pagu sekarang "
                                    f"{_rupiah(total)}", teks, benar))
            elif k:
                if benar:
                    t.append(Temuan("terbilang_tak_sesuai", lok,
                                    f"sel {coord}: terbilang belum ditulis, "
                                    f"padahal jumlah pagu {_rupiah(total)}",
                                    k.group(1), benar))
            elif s.rumus is None:
                teks = v.strip().removeprefix(_AWALAN_TERBILANG).strip()
                if benar is None or " ".join(teks.split()).lower() != benar.lower():
                    t.append(Temuan("terbilang_tak_sesuai", lok,
                                    f"sel {coord}: terbilang tertulis tidak sama "
                                    f"dengan terbilang jumlah pagu {_rupiah(total)}",
                                    teks, benar))
            elif self._terhitung:  # a live formula: its cached text
                harap = f"{_AWALAN_TERBILANG} {benar}" if benar else None
                if harap and not _sama(s.tersimpan, harap):
                    t.append(Temuan("terbilang_tak_sesuai", lok,
                                    f"sel {coord}: terbilang tersimpan tidak "
                                    f"sama dengan terbilang jumlah pagu "
                                    f"{_rupiah(total)}", s.tersimpan, harap))
        return t


def periksa_buku_kerja(path) -> list:
    """Findings (list of `Temuan`) in a workbook made by xl-kinerja; see the module doc.

    Raises KesalahanBerkas when the file is not one of ours or a data cell cannot be read
    (e.g. text in a realisasi cell): the message names the sheet, row and value."""
    # whole document sheets read, every cell an object, none of them a cycle (jeda.py)
    with tanpa_gc(), kontrak.buka(Path(path)) as k:  # checks the format version
        return _Pemeriksa(k).semua()
