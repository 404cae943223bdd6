"""An older LKj / Pengukuran table -> the IKU history of an existing workbook (one past year).

`impor TABEL --ke BUKU.xlsx` fills, for the year the table speaks of, the realisasi column of
the IKU sheet (names `Iku_TahunRealisasi` / `Iku_Realisasi`, read through `kontrak`) that the
LKj's trend analysis reads. The year: `--tahun`, else the year in the realisasi header
("Realisasi 2023", "REALISASI T.A 2023"), else the document's ("PENGUKURAN KINERJA TAHUN
2023"); it must be a year of the IKU period before the workbook's own year, or the baseline
year before the period. Indicators are matched by code, then by normalised name (the
office's name at the end ignored; sasaran decides between equal names). Each figure is read
against the indicator's own target kind by the core (`nilai_realisasi`).

Nothing is dropped or replaced silently: every row not matched or not readable is named, a
value that differs from one already in the workbook stops the import (nothing written)
unless `timpa`, and then each replaced value is named. The workbook is changed in place by
text splices of the IKU sheet's cells only (every other part byte for byte), written
atomically with the old file kept as BUKU.xlsx.bak.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import kontrak
from .. import nama as N
from ..angka import format_persen, format_ringkas, sama_angka
from ..aturan import pecahan
from ..berkas import tulis_atomik
from ..errors import KesalahanBerkas, KesalahanInput
from ..ooxml.buku import baca_buku
from ..ooxml.isi import ganti_sel, hitung_saat_dibuka, tulis_dengan_ubahan
from ..ooxml.paket import Paket
from ..target import Target, baca_target
from .buku import judul_realisasi, nilai_realisasi, triwulan_dari_judul
from .hasil import HasilImpor
from .judul import _peran_judul
from .polaritas import kunci_nama
from .sel import pendek

_TAHUN = re.compile(r"\b(20\d\d)\b")
_KOSONG = ("-", "–", "—", "--")  # how tables mark "no figure"


@dataclass
class HasilRiwayat:
    """What `isi_riwayat` did (or, when `tulis=False`, would do) to the IKU history."""
    tahun: int
    berkas: str
    kolom: str                                                # "IKU!O5:O66"
    diisi: list[tuple[str, object]] = field(default_factory=list)    # (kode, value) new
    sama: list[str] = field(default_factory=list)                    # already that value
    diganti: list[tuple[str, object, object]] = field(default_factory=list)  # kode, old, new
    berbeda: list[tuple[int, str, str, object, object]] = field(default_factory=list)
    tidak_dipakai: list[tuple[int, str]] = field(default_factory=list)   # (line, reason)
    tanpa_nilai: list[str] = field(default_factory=list)  # IKU codes the table left blank
    ditulis: bool = False

    def pesan(self) -> list[str]:
        """The report, in Indonesian, one line each."""
        baris = [f"Realisasi {self.tahun} ke lembar IKU ({self.kolom}): {len(self.diisi)} "
                 f"diisi, {len(self.sama)} sudah sama, {len(self.diganti)} diganti, "
                 f"{len(self.tidak_dipakai)} baris tabel tidak dipakai"]
        baris += [f"  diganti {k}: {_tampil(lama)} -> {_tampil(baru)}"
                  for k, lama, baru in self.diganti]
        baris += [f"  baris {n}: {alasan}" for n, alasan in self.tidak_dipakai]
        if self.tanpa_nilai:
            kode = ", ".join(self.tanpa_nilai[:10]) + (" ..." if len(self.tanpa_nilai) > 10
                                                       else "")
            baris.append(f"  {len(self.tanpa_nilai)} indikator IKU tanpa realisasi {self.tahun} "
                         f"dari tabel ini: {kode}")
        return baris


def _tampil(v) -> str:
    if isinstance(v, tuple):  # (value, kind) as kept for messages
        v, jenis = v
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return format_persen(v) if pecahan(jenis) else format_ringkas(v)
    return repr(v) if isinstance(v, str) else str(v)


def _teks(v) -> str:
    return "" if v is None else str(v).strip()


def _sama(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            not isinstance(a, bool) and not isinstance(b, bool):
        return sama_angka(a, b)
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return False


def _tahun_baris(h: HasilImpor, d) -> tuple[int | None, str]:
    """(year named in the realisasi header of the row's own table, that header)."""
    judul = judul_realisasi(h, _tabel(d)) or ""
    m = _TAHUN.search(judul)
    return (int(m.group(1)) if m else None), judul


def _tabel(d):
    """The table the row's realisasi came from (a Word document has many)."""
    return d.nilai.get("realisasi_dari", d.sheet)


def _kolom_realisasi(h: HasilImpor, d) -> list[str]:
    """Every realisasi header of the row's table ("Realisasi 2023", "Realisasi 2024" in a
    trend table: their figures arrive joined in one cell, which year is which is unknown)."""
    judul = h.judul_tabel.get(_tabel(d), h.judul) if _tabel(d) is not None else h.judul
    return [j for j in judul if _peran_judul(j) == "realisasi"]


def _pilih_tahun(h: HasilImpor, baris, tahun: int | None) -> int:
    if tahun is not None:
        return tahun
    dari_judul = sorted({t for t, _ in (_tahun_baris(h, d) for d in baris) if t})
    if len(dari_judul) == 1:
        return dari_judul[0]
    if len(dari_judul) > 1:
        raise KesalahanBerkas(f"tabel memuat realisasi beberapa tahun "
                              f"({', '.join(map(str, dari_judul))}); pilih satu dengan --tahun",
                              berkas=h.berkas)
    if h.tahun:
        return h.tahun
    raise KesalahanBerkas("tahun realisasi tabel tidak diketahui (judul kolom tanpa tahun, "
                          "mis. 'Realisasi 2023', dan dokumen tanpa 'TAHUN 2023'); berikan "
                          "--tahun", berkas=h.berkas)


class _Iku:
    """The IKU rows of the workbook: codes, names, targets and the history block."""

    def __init__(self, k: kontrak.Kontrak):
        self.berkas = k.berkas
        try:
            self.tahun_buku = int(k.tunggal(N.INFO_TAHUN).tersimpan)
        except (TypeError, ValueError):
            raise KesalahanBerkas("tahun buku kerja (Info_Tahun) tidak terbaca",
                                  berkas=k.berkas) from None
        if not (k.ada(N.IKU_TAHUN_REALISASI) and k.ada(N.IKU_REALISASI)):
            raise KesalahanBerkas("buku kerja ini belum mempunyai kolom riwayat realisasi di "
                                  "lembar IKU (dibuat xl-kinerja versi lama); buat ulang dengan "
                                  "'xl-kinerja baru --dari' lalu impor lagi", berkas=k.berkas)
        self.tahun = []
        for v in k.nilai(N.IKU_TAHUN_REALISASI)[0]:
            self.tahun.append(int(v) if isinstance(v, (int, float)) and
                              not isinstance(v, bool) else None)
        self.rentang, self.sel = k.blok(N.IKU_REALISASI, kolom=len(self.tahun))
        n = self.rentang.jumlah_baris
        self.kode = [_teks(s.nilai) for s in k.kolom(N.IKU_KODE_INDIKATOR)[1]][:n]
        self.nama = [_teks(s.nilai) for s in k.kolom(N.IKU_INDIKATOR)[1]][:n]
        self.sasaran = [_teks(s.nilai) for s in k.kolom(N.IKU_SASARAN)[1]][:n]
        if not len(self.kode) == len(self.nama) == len(self.sasaran) == n:
            raise KesalahanBerkas("kolom lembar IKU (kode, indikator, sasaran, realisasi) tidak "
                                  "sama panjang; nama terdefinisinya telah diubah",
                                  berkas=k.berkas, sheet=self.rentang.lembar)
        th_target = [int(v) if isinstance(v, (int, float)) else None
                     for v in k.nilai(N.IKU_TAHUN)[0]]
        self.target = [{t: _teks(v) for t, v in zip(th_target, b, strict=False)
                        if t and _teks(v)}
                       for b in k.nilai(N.IKU_TARGET)][:n]
        self.per_kode: dict[str, int] = {}
        self.per_nama: dict[str, list[int]] = {}
        for i, (kd, nm) in enumerate(zip(self.kode, self.nama, strict=False)):
            if kd:
                self.per_kode.setdefault(kd.casefold(), i)
            if nm:
                self.per_nama.setdefault(kunci_nama(nm), []).append(i)

    def cocokkan(self, d) -> tuple[int | None, str]:
        """(IKU row index, '') or (None, reason)."""
        if d.kode and d.kode.casefold() in self.per_kode:
            return self.per_kode[d.kode.casefold()], ""
        calon = self.per_nama.get(kunci_nama(d.indikator), [])
        if len(calon) > 1 and d.sasaran:
            calon = [i for i in calon if kunci_nama(self.sasaran[i]) == kunci_nama(d.sasaran)]
        if len(calon) == 1:
            return calon[0], ""
        if len(calon) > 1:
            kode = ", ".join(self.kode[i] for i in calon)
            return None, (f"nama indikator {pendek(d.indikator)!r} ada pada beberapa baris IKU "
                          f"({kode}); tambahkan kolom KODE di tabel")
        return None, f"indikator {pendek(d.indikator)!r} tidak ada di lembar IKU buku kerja ini"

    def target_untuk(self, i: int, tahun: int) -> Target | None:
        """The target the realisasi is read against: that year's, else the workbook year's,
        else the first one the indicator has."""
        t = self.target[i]
        for teks in (t.get(tahun), t.get(self.tahun_buku), *t.values()):
            if teks:
                try:
                    return baca_target(teks)
                except KesalahanInput:
                    continue
        return None


def _periksa_tahun(iku: _Iku, tahun: int) -> int:
    """The history column of `tahun`; KesalahanBerkas (Indonesian) when it has none."""
    periode = [t for t in iku.tahun[1:] if t]
    dasar = iku.tahun[0]
    teks_periode = f"{min(periode)}-{max(periode)}" if periode else "-"
    if tahun == iku.tahun_buku:
        raise KesalahanBerkas(
            f"tahun {tahun} adalah tahun buku kerja ini: realisasinya diisi di lembar "
            f"Pengukuran (kolom Realisasi TW), bukan riwayat IKU; impor tabel ini tanpa --ke "
            f"untuk membuat buku kerja {tahun}", berkas=iku.berkas)
    if tahun > iku.tahun_buku:
        raise KesalahanBerkas(f"tahun {tahun} sesudah tahun buku kerja ini ({iku.tahun_buku}); "
                              "riwayat IKU hanya untuk tahun yang sudah lewat",
                              berkas=iku.berkas)
    if tahun not in iku.tahun:
        raise KesalahanBerkas(
            f"tahun {tahun} di luar periode IKU buku kerja ini ({teks_periode}) dan bukan "
            f"tahun dasarnya ({dasar}); lembar IKU hanya memuat realisasi tahun-tahun itu",
            berkas=iku.berkas)
    return iku.tahun.index(tahun)


def isi_riwayat(h: HasilImpor, buku, *, tahun: int | None = None, timpa: bool = False,
                tulis: bool = True, masukan=()) -> HasilRiwayat:
    """Fill the realisasi of one past year from the imported table `h` into the IKU sheet
    of workbook `buku` (see the module doc). `tahun`: the year (default: from the table).
    With differing values already in the workbook: KesalahanBerkas listing them, unless
    `timpa`. `tulis=False`: only report. `masukan`: input files the workbook must not be."""
    buku = Path(buku)
    baris = [d for d in h.baris if d.jenis == "indikator" and d.indikator]
    dengan = [d for d in baris if _teks(d.nilai.get("realisasi"))]
    if not dengan:
        raise KesalahanBerkas("tabel ini tidak memuat kolom REALISASI indikator yang terisi; "
                              "riwayat IKU diisi dari tabel Pengukuran/LKj (INDIKATOR, TARGET, "
                              "REALISASI)", berkas=h.berkas)
    th = _pilih_tahun(h, dengan, tahun)
    with Paket(buku) as pk:
        k = kontrak.buka(pk, buku)
        iku = _Iku(k)
        q = _periksa_tahun(iku, th)
        r = iku.rentang
        kolom = f"{r.lembar}!{r.koordinat(r.baris1, q)}:{r.koordinat(r.baris2, q)}"
        hasil = HasilRiwayat(th, str(buku), kolom)
        baru: dict[int, tuple[int, object]] = {}   # IKU row -> (table line, value)
        for d in dengan:
            teks = _teks(d.nilai["realisasi"])
            if len(kolom_r := _kolom_realisasi(h, d)) > 1:
                hasil.tidak_dipakai.append((d.nomor, "tabel dengan beberapa kolom realisasi ("
                                                     + ", ".join(map(repr, kolom_r)) + "): "
                                                     "angkanya tergabung dalam satu sel; impor "
                                                     "tabel dengan satu kolom realisasi"))
                continue
            th_d, judul = _tahun_baris(h, d)
            if th_d is not None and th_d != th:
                hasil.tidak_dipakai.append((d.nomor, f"realisasi tahun {th_d} (judul kolom "
                                                     f"{judul!r}), bukan {th}"))
                continue
            if th_d is None and h.tahun and h.tahun != th:  # "Realisasi" of a 2025 document
                hasil.tidak_dipakai.append((d.nomor, f"judul kolom {judul!r} tanpa tahun di "
                                                     f"dokumen tahun {h.tahun}: realisasi "
                                                     f"{h.tahun}, bukan {th}"))
                continue
            tw = triwulan_dari_judul(judul) if judul else None
            if tw is not None and tw < 4:
                hasil.tidak_dipakai.append((d.nomor, f"judul kolom {judul!r} adalah realisasi "
                                                     f"TW {N.romawi(tw)}, bukan realisasi "
                                                     f"tahunan"))
                continue
            i, alasan = iku.cocokkan(d)
            if i is None:
                hasil.tidak_dipakai.append((d.nomor, alasan))
                continue
            if i in baru:
                hasil.tidak_dipakai.append((d.nomor, f"indikator {iku.kode[i]} sudah diisi dari "
                                                     f"baris {baru[i][0]}"))
                continue
            if teks in _KOSONG:
                hasil.tidak_dipakai.append((d.nomor, f"realisasi indikator {iku.kode[i]} kosong "
                                                     f"({teks!r})"))
                continue
            target = iku.target_untuk(i, th)
            if target is None:
                hasil.tidak_dipakai.append((d.nomor, f"indikator {iku.kode[i]} tanpa target "
                                                     f"yang terbaca di lembar IKU"))
                continue
            try:
                nilai = nilai_realisasi(teks, target, "%" in judul)
            except KesalahanInput as e:
                hasil.tidak_dipakai.append((d.nomor, f"realisasi {teks!r} indikator "
                                                     f"{iku.kode[i]} tidak terbaca: {e}"))
                continue
            baru[i] = (d.nomor, nilai, target.jenis)
        if not baru:
            alasan = "; ".join(f"baris {n}: {a}" for n, a in hasil.tidak_dipakai[:5])
            raise KesalahanBerkas(f"tidak ada realisasi {th} dari tabel ini yang dapat diisi ke "
                                  f"lembar IKU ({alasan}"
                                  f"{' ...' if len(hasil.tidak_dipakai) > 5 else ''})",
                                  berkas=h.berkas)
        ubah: dict[tuple[int, int], object] = {}
        for i, (nomor, nilai, jenis) in baru.items():
            sel = iku.sel[i][q]
            ref = f"{r.lembar}!{r.koordinat(r.baris1 + i, q)}"
            if sel.adalah_rumus:
                raise KesalahanBerkas(f"sel {ref} (realisasi {th} {iku.kode[i]}) berisi rumus; "
                                      "tidak ditimpa", berkas=buku, sheet=r.lembar)
            lama = sel.nilai
            if lama is None or lama == "":
                hasil.diisi.append((iku.kode[i], nilai))
            elif _sama(lama, nilai):
                hasil.sama.append(iku.kode[i])
                continue
            elif timpa:
                hasil.diganti.append((iku.kode[i], (lama, jenis), (nilai, jenis)))
            else:
                hasil.berbeda.append((nomor, iku.kode[i], ref, (lama, jenis), (nilai, jenis)))
                continue
            ubah[(r.baris1 + i, r.kolom1 + q)] = nilai
        hasil.tanpa_nilai = [kd for i, kd in enumerate(iku.kode)
                             if kd and i not in baru and iku.sel[i][q].nilai in (None, "")]
        if hasil.berbeda:
            rincian = "; ".join(f"{kd} ({ref}): {_tampil(lama)} di buku kerja, {_tampil(nb)} "
                                f"di tabel baris {n}"
                                for n, kd, ref, lama, nb in hasil.berbeda)
            raise KesalahanBerkas(
                f"{len(hasil.berbeda)} realisasi {th} di lembar IKU berbeda dengan tabel: "
                f"{rincian}. Tidak ada yang ditulis; ulangi dengan --timpa untuk menggantinya",
                berkas=buku, sheet=r.lembar)
        if not ubah or not tulis:
            return hasil
        isi_buku = baca_buku(pk)
        lembar = isi_buku.lembar_bernama(r.lembar)
        if lembar is None or lembar.bagian is None:
            raise KesalahanBerkas(f"lembar '{r.lembar}' tidak mempunyai bagian lembar kerja",
                                  berkas=buku)
        teks_lembar, _ = pk.xml(lembar.bagian)
        teks_bk, _ = pk.xml(isi_buku.bagian)
        bagian = {lembar.bagian: ganti_sel(teks_lembar, ubah, berkas=buku,
                                           lembar=r.lembar).encode("utf-8"),
                  isi_buku.bagian: hitung_saat_dibuka(teks_bk).encode("utf-8")}

        def tulis_ke(tmp):
            tulis_dengan_ubahan(pk, tmp, bagian)
            if pk.berubah():
                raise KesalahanBerkas("berkas diubah oleh program lain selama impor berjalan; "
                                      "tidak ditimpa, jalankan ulang perintahnya", berkas=buku)
        tulis_atomik(buku, tulis_ke, di_tempat=True, masukan=masukan)
        hasil.ditulis = True
    return hasil
