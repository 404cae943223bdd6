"""Reading by defined name and the pure rekap engine (all rules come from the core)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import nama as N
from ..errors import KesalahanBerkas, KesalahanInput



romawi = N.romawi  # re-exported: the rekap writers and the checker use it


@dataclass
class Indikator:
    baris: int
    kode_sasaran: str
    sasaran: str
    kode: str
    indikator: str
    satuan: str | None
    jenis: str
    polaritas: str
    target_atas: float | None
    target: list  # 4 quarterly targets (number, grade text or None)
    realisasi: list  # 4 cumulative realisasi


@dataclass
class BarisAnggaran:
    baris: int
    kode: str
    uraian: str
    tingkat: str
    pagu: float | None
    realisasi: list  # 4 values; None = blank or a formula (computed from children)


@dataclass
class DataBuku:
    berkas: str
    satker: str
    tahun: object
    lembar_ukur: str
    lembar_angg: str
    indikator: list[Indikator]
    anggaran: list[BarisAnggaran]
    skala_batas: list[float]
    skala_predikat: list[str]
    skala_inklusif: bool
    peringkat: list[tuple[str, float]]
    target_serapan: list
    batas_capaian: float | None


@dataclass
class Rekap:
    triwulan: int
    berkas: str
    satker: str
    tahun: object
    dibuat: str
    indikator: list[dict] = field(default_factory=list)
    sasaran: list[dict] = field(default_factory=list)
    capaian_satker: float | None = None
    jumlah_predikat: dict = field(default_factory=dict)
    anggaran: list[dict] = field(default_factory=list)
    target_serapan: float | None = None
    temuan: list[dict] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # notes for the user (e.g. parts dropped)

    @property
    def judul(self) -> str:
        return f"Rekap Triwulan {romawi(self.triwulan)}"

    def ke_dict(self) -> dict:
        d = asdict(self)
        d["judul"] = self.judul
        return d

    def ringkasan(self, temuan_maks: int = 10) -> list[str]:
        """A few Indonesian lines for a terminal or a message box: satker average, counts
        per predikat, budget absorption against the quarter's target, the first findings."""
        from ..angka import format_angka, format_persen
        baris = [f"{self.judul} - {self.satker}, tahun {self.tahun}"]
        if self.capaian_satker is not None:
            baris.append(f"Capaian rata-rata satker: {format_persen(self.capaian_satker)}")
        else:
            baris.append("Capaian rata-rata satker: - (belum ada realisasi kinerja)")
        baris.append("Indikator per predikat: " + ", ".join(
            f"{p} {n}" for p, n in self.jumlah_predikat.items()))
        lambat = sorted((s for s in self.sasaran if s["capaian"] is not None and
                         s["capaian"] < 1), key=lambda s: s["capaian"])
        if lambat:
            baris.append("Sasaran di bawah target: " + "; ".join(
                f"{s['kode']} {format_persen(s['capaian'])}" for s in lambat[:5]) +
                (f"; dan {len(lambat) - 5} lainnya" if len(lambat) > 5 else ""))
        total = next((a for a in self.anggaran if a.get("tingkat") == "jumlah"), None)
        if total and total.get("persen") is not None:
            teks = (f"Serapan anggaran: {format_persen(total['persen'])} dari pagu Rp "
                    f"{format_angka(total['pagu'], 0)}")
            if self.target_serapan is not None:
                selisih = total["persen"] - self.target_serapan
                teks += (f" (target {format_persen(self.target_serapan)}, selisih "
                         f"{'+' if selisih >= 0 else '-'}{format_persen(abs(selisih))})")
            baris.append(teks)
        if self.temuan:
            baris.append(f"Temuan ({len(self.temuan)}):")
            baris += [f"  - {t['pesan']}" for t in self.temuan[:temuan_maks]]
            if len(self.temuan) > temuan_maks:
                baris.append(f"  ... dan {len(self.temuan) - temuan_maks} temuan lain "
                             f"(lihat lembar rekap)")
        else:
            baris.append("Tidak ada temuan.")
        return baris

    def ke_dataframe(self, bagian: str = "indikator"):
        import pandas as pd  # lazy: keep pandas off the CLI path
        return pd.DataFrame(getattr(self, bagian))


# ---------------------------------------------------------------- reading
_KOLOM_UKUR = [N.UKUR_KODE_SASARAN, N.UKUR_SASARAN, N.UKUR_KODE_INDIKATOR, N.UKUR_INDIKATOR,
               N.UKUR_SATUAN, N.UKUR_JENIS_TARGET, N.UKUR_POLARITAS, N.UKUR_TARGET_ATAS,
               *N.UKUR_TARGET_TW, *N.UKUR_REALISASI_TW]
_KOLOM_ANGG = [N.ANGG_KODE, N.ANGG_URAIAN, N.ANGG_TINGKAT, N.ANGG_PAGU, *N.ANGG_REALISASI_TW]


class _Sumber:
    """Name -> (sheet, first row, list of rows of values) from any backend."""

    def __init__(self, berkas, ambil, salah: list | None = None):
        self.berkas = berkas
        self._ambil = ambil  # name -> (sheet, row0, 2D list) or None
        self.salah = salah   # None: the first unreadable cell raises; a list: collect them all

    def blok(self, nama, kolom=None, baris=None):
        hasil = self._ambil(nama)
        if hasil is None:
            raise KesalahanBerkas(
                f"nama terdefinisi '{nama}' tidak ada; ini bukan buku kerja xl-kinerja atau "
                f"kolomnya telah dihapus/diganti namanya", berkas=self.berkas)
        sheet, r0, nilai = hasil
        if (kolom is not None and any(len(b) != kolom for b in nilai)) or \
                (baris is not None and len(nilai) != baris):
            raise KesalahanBerkas(
                f"nama terdefinisi '{nama}' menunjuk rentang dengan bentuk yang salah "
                f"({len(nilai)} baris x {len(nilai[0]) if nilai else 0} kolom)",
                berkas=self.berkas, sheet=sheet)
        return sheet, r0, nilai

    def kolom(self, nama):
        sheet, r0, nilai = self.blok(nama, kolom=1)
        return sheet, r0, [b[0] for b in nilai]

    def sel(self, nama):
        return self.blok(nama, kolom=1, baris=1)[2][0][0]


def _sumber_openpyxl(wb, berkas):
    from openpyxl.utils.cell import range_boundaries

    def ambil(nama):
        dn = wb.defined_names.get(nama)
        if dn is None:
            return None
        tujuan = list(dn.destinations)
        if len(tujuan) != 1 or tujuan[0][0] not in wb.sheetnames:
            return None
        sheet, ref = tujuan[0]
        ws = wb[sheet]
        c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
        nilai = [[ws.cell(r, c).value for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        return sheet, r1, nilai
    return _Sumber(berkas, ambil)


def _rumus(v) -> bool:
    return isinstance(v, str) and v.startswith("=")


def _teks(v):
    if v is None or _rumus(v):
        return None
    return str(v).strip() or None


def _angka(v, sumber, sheet, baris, nama, boleh_teks=False):
    """A numeric input cell: number, blank or (ordinal) grade text; anything else an error."""
    if v is None or isinstance(v, bool):
        return None if v is None else _salah(v, sumber, sheet, baris, nama)
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        s = v.strip()
        if not s:
            return None
        if boleh_teks and not _rumus(s):
            return s
    return _salah(v, sumber, sheet, baris, nama)


def _salah(v, sumber, sheet, baris, nama):
    e = KesalahanBerkas(f"kolom '{N.label(nama)}' ({nama}) harus berisi angka, bukan teks",
                        berkas=sumber.berkas, sheet=sheet, baris=baris, nilai=v)
    if sumber.salah is None:
        raise e
    sumber.salah.append(e)  # the checker lists every such cell; the value counts as blank
    return None


def _logika(sumber: _Sumber) -> bool:
    """Ref_SkalaInklusif: TRUE/FALSE as a boolean, a number, or the formula LibreOffice
    saves for a boolean cell ("=FALSE()"); blank = false (strict bounds)."""
    sheet, r0, nilai = sumber.blok(N.REF_SKALA_INKLUSIF, kolom=1, baris=1)
    v = nilai[0][0]
    if v is None or isinstance(v, bool):
        return bool(v)
    if isinstance(v, (int, float)):
        return v != 0
    s = str(v).replace(" ", "").upper().lstrip("=").removesuffix("()")
    if s in ("TRUE", "BENAR", "1"):
        return True
    if s in ("FALSE", "SALAH", "0", ""):
        return False
    raise KesalahanBerkas(f"{N.REF_SKALA_INKLUSIF} harus TRUE atau FALSE", berkas=sumber.berkas,
                          sheet=sheet, baris=r0, nilai=v)


def _baca(sumber: _Sumber) -> DataBuku:
    kol = {}
    for nama in _KOLOM_UKUR:
        kol[nama] = sumber.kolom(nama)
    lembar_u, r0, _ = kol[N.UKUR_KODE_INDIKATOR]
    n = len(kol[N.UKUR_KODE_INDIKATOR][2])
    for nama in _KOLOM_UKUR:
        if kol[nama][1] != r0 or len(kol[nama][2]) != n or kol[nama][0] != lembar_u:
            raise KesalahanBerkas(f"kolom '{nama}' tidak sejajar dengan kolom kode indikator",
                                  berkas=sumber.berkas, sheet=kol[nama][0])
    indikator = []
    for i in range(n):
        v = {k: kol[k][2][i] for k in _KOLOM_UKUR}
        kode = _teks(v[N.UKUR_KODE_INDIKATOR])
        if not kode and not _teks(v[N.UKUR_INDIKATOR]):
            continue
        baris = r0 + i
        jenis = (_teks(v[N.UKUR_JENIS_TARGET]) or "jumlah").lower()
        ordinal = jenis == "ordinal"
        indikator.append(Indikator(
            baris=baris, kode_sasaran=_teks(v[N.UKUR_KODE_SASARAN]) or "",
            sasaran=_teks(v[N.UKUR_SASARAN]) or "", kode=kode or "",
            indikator=_teks(v[N.UKUR_INDIKATOR]) or "", satuan=_teks(v[N.UKUR_SATUAN]),
            jenis=jenis, polaritas=(_teks(v[N.UKUR_POLARITAS]) or "maks").lower(),
            target_atas=_angka(v[N.UKUR_TARGET_ATAS], sumber, lembar_u, baris, N.UKUR_TARGET_ATAS),
            target=[_angka(v[t], sumber, lembar_u, baris, t, ordinal) for t in N.UKUR_TARGET_TW],
            realisasi=[_angka(v[t], sumber, lembar_u, baris, t, ordinal)
                       for t in N.UKUR_REALISASI_TW]))
    akol = {nama: sumber.kolom(nama) for nama in _KOLOM_ANGG}
    lembar_a, a0, _ = akol[N.ANGG_KODE]
    anggaran = []
    for i in range(len(akol[N.ANGG_KODE][2])):
        v = {k: akol[k][2][i] if i < len(akol[k][2]) else None for k in _KOLOM_ANGG}
        baris = a0 + i
        tingkat = (_teks(v[N.ANGG_TINGKAT]) or "").lower()
        if not tingkat and not _teks(v[N.ANGG_URAIAN]):
            continue

        def num(x, nm):
            return None if _rumus(x) else _angka(x, sumber, lembar_a, baris, nm)
        anggaran.append(BarisAnggaran(
            baris=baris, kode=_teks(v[N.ANGG_KODE]) or "", uraian=_teks(v[N.ANGG_URAIAN]) or "",
            tingkat=tingkat, pagu=num(v[N.ANGG_PAGU], N.ANGG_PAGU),
            realisasi=[num(v[t], t) for t in N.ANGG_REALISASI_TW]))
    lembar_r, s0, batas = sumber.kolom(N.REF_SKALA_BATAS)
    _, _, label = sumber.kolom(N.REF_SKALA_PREDIKAT)
    if len(label) != len(batas):
        raise KesalahanBerkas(f"'{N.REF_SKALA_PREDIKAT}' tidak sepanjang '{N.REF_SKALA_BATAS}'",
                              berkas=sumber.berkas, sheet=lembar_r)
    skala_batas = [_angka(b, sumber, lembar_r, s0 + i, N.REF_SKALA_BATAS)
                   for i, b in enumerate(batas)]
    _, p0, per = sumber.blok(N.REF_PERINGKAT, kolom=2)
    peringkat = [(str(g), float(k)) for g, k in per if g not in (None, "") and
                 isinstance(k, (int, float))]
    _, t0, serapan = sumber.kolom(N.REF_TARGET_SERAPAN)
    if len(serapan) != 4:
        raise KesalahanBerkas(f"'{N.REF_TARGET_SERAPAN}' harus 4 sel (TW I-IV)",
                              berkas=sumber.berkas, sheet=lembar_r)
    cap = sumber.sel(N.REF_BATAS_CAPAIAN)
    return DataBuku(
        berkas=str(sumber.berkas), satker=_teks(sumber.sel(N.INFO_SATKER)) or "",
        tahun=sumber.sel(N.INFO_TAHUN), lembar_ukur=lembar_u, lembar_angg=lembar_a,
        indikator=indikator, anggaran=anggaran, skala_batas=skala_batas,
        skala_predikat=[str(x) for x in label], skala_inklusif=_logika(sumber),
        peringkat=peringkat,
        target_serapan=[_angka(x, sumber, lembar_r, t0 + i, N.REF_TARGET_SERAPAN)
                        for i, x in enumerate(serapan)],
        batas_capaian=_angka(cap, sumber, lembar_r, None, N.REF_BATAS_CAPAIAN))


# every defined name `_baca` reads (the streaming reader fetches exactly these ranges)
_NAMA_DIBACA = [*_KOLOM_UKUR, *_KOLOM_ANGG, N.REF_SKALA_BATAS, N.REF_SKALA_PREDIKAT,
                N.REF_PERINGKAT, N.REF_TARGET_SERAPAN, N.REF_BATAS_CAPAIAN, N.INFO_SATKER,
                N.INFO_TAHUN, N.REF_SKALA_INKLUSIF]


def _baca_berkas(path: Path, salah: list | None = None) -> DataBuku:
    """Stream only the named ranges (openpyxl read-only, XML through defusedxml).

    One pass per sheet over the rows the names cover; the sheets the rekap does not use
    (IKU, Rencana Aksi, ...) are never parsed. Values are those of a normal openpyxl load
    (formulas as '=...' text, dates as datetime)."""
    from openpyxl.utils.cell import range_boundaries
    from ..berkas import buka_workbook
    wb = buka_workbook(path, read_only=True)
    try:
        tujuan = {}
        for nama in _NAMA_DIBACA:
            dn = wb.defined_names.get(nama)
            if dn is None:
                continue
            d = list(dn.destinations)
            if len(d) != 1 or d[0][0] not in wb.sheetnames:
                continue
            try:
                tujuan[nama] = (d[0][0], range_boundaries(d[0][1].replace("$", "")))
            except (ValueError, TypeError):
                continue
        isi = {}
        for lembar in {t[0] for t in tujuan.values()}:
            kotak = [b for s, b in tujuan.values() if s == lembar]
            c1, r1 = min(b[0] for b in kotak), min(b[1] for b in kotak)
            c2, r2 = max(b[2] for b in kotak), max(b[3] for b in kotak)
            try:
                baris = list(wb[lembar].iter_rows(min_row=r1, max_row=r2, min_col=c1,
                                                  max_col=c2, values_only=True))
            except Exception as e:  # hostile/broken sheet XML (defusedxml refuses bombs)
                raise KesalahanBerkas(f"isi buku kerja tidak dapat dibaca dengan aman "
                                      f"({type(e).__name__}: {e})", berkas=path,
                                      sheet=lembar) from None
            kosong = (None,) * (c2 - c1 + 1)
            baris += [kosong] * (r2 - r1 + 1 - len(baris))  # openpyxl omits trailing rows
            isi[lembar] = (r1, c1, baris)
    finally:
        wb.close()

    def ambil(nama):
        if nama not in tujuan:
            return None
        lembar, (a, b, c, d) = tujuan[nama]
        r0, k0, baris = isi[lembar]
        return lembar, b, [list(baris[r - r0][a - k0:c - k0 + 1]) for r in range(b, d + 1)]
    return _baca(_Sumber(path, ambil, salah))


def baca_nilai(sumber, berkas=None, salah: list | None = None) -> DataBuku:
    """Read a generator workbook (path or openpyxl Workbook) by its defined names.

    A path is streamed (only the named ranges are parsed); `berkas`: the file name used in
    messages when `sumber` is a Workbook. Text in a numeric input cell raises
    KesalahanBerkas, unless `salah` is a list: then each such error is appended to it and
    the cell is read as blank (the checker reports them all at once)."""
    if isinstance(sumber, (str, Path)):
        return _baca_berkas(Path(sumber), salah)
    s = _sumber_openpyxl(sumber, berkas or "(buku kerja)")
    s.salah = salah
    return _baca(s)


def baca_nilai_xlwings(book) -> DataBuku:
    """Same as `baca_nilai`, through a live xlwings Book (xlwings imported by the caller)."""
    def ambil(nama):
        try:
            rng = book.names[nama].refers_to_range
        except Exception:
            return None
        nilai = rng.options(ndim=2).value
        return rng.sheet.name, rng.row, [list(b) for b in nilai]
    return _baca(_Sumber(getattr(book, "fullname", book.name), ambil))


# ---------------------------------------------------------------- engine
def _skala(data: DataBuku):
    from .. import Skala
    pasangan = sorted(zip(data.skala_batas, data.skala_predikat), key=lambda p: p[0],
                      reverse=True)
    kategori = tuple((b, lbl) for b, lbl in pasangan[:-1]) + ((None, pasangan[-1][1]),)
    return Skala(nama="referensi", kategori=kategori, inklusif=data.skala_inklusif,
                 basis="capaian")


def _target_inti(ind: Indikator, t):
    """Build what the core's capaian() expects for this indicator's target."""
    from .. import Target, baca_target
    if ind.jenis == "rentang" and ind.target_atas is not None and isinstance(t, float):
        return Target(jenis="rentang", nilai=None, bawah=t, atas=ind.target_atas)
    if ind.jenis == "ordinal" and isinstance(t, str):
        return baca_target(t)
    return t


def hitung_rekap(data: DataBuku, triwulan: int, batas_atas=None, dasar: str = "sasaran",
                 dibuat: str | None = None) -> Rekap:
    """The rekap for one quarter, computed with the core from the input values only."""
    from .. import capaian as _capaian, capaian_janggal, capaian_per_sasaran, capaian_satker, \
        format_persen, persen_anggaran, predikat as _predikat, sisa_anggaran
    if not isinstance(triwulan, int) or isinstance(triwulan, bool) or triwulan not in (1, 2, 3, 4):
        raise KesalahanInput(f"triwulan harus 1, 2, 3, atau 4 (bukan {triwulan!r})", triwulan)
    q = triwulan - 1
    cap = data.batas_capaian if batas_atas is None else batas_atas
    skala = _skala(data)
    rk = Rekap(triwulan=triwulan, berkas=data.berkas, satker=data.satker, tahun=data.tahun,
               dibuat=dibuat or _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
    temuan = rk.temuan
    pasangan = []
    rk.jumlah_predikat = {lbl: 0 for lbl in sorted(
        data.skala_predikat, key=lambda l: -data.skala_batas[data.skala_predikat.index(l)])}
    for ind in data.indikator:
        t, r = ind.target[q], ind.realisasi[q]
        lokasi = {"sheet": data.lembar_ukur, "baris": ind.baris, "kode": ind.kode}
        c = None
        if t is not None and r is None:
            temuan.append({**lokasi, "jenis": "realisasi_kosong",
                           "pesan": f"{ind.kode}: realisasi TW {romawi(triwulan)} belum diisi"})
        elif t is None and r is not None:
            temuan.append({**lokasi, "jenis": "tanpa_target",
                           "pesan": f"{ind.kode}: ada realisasi TW {romawi(triwulan)} tanpa "
                                    f"target triwulan"})
        elif t is not None:
            try:
                c = _capaian(_target_inti(ind, t), r, ind.polaritas)
            except KesalahanInput as e:
                raise KesalahanBerkas(str(e), berkas=data.berkas, sheet=data.lembar_ukur,
                                      baris=ind.baris, nilai=r) from None
            if capaian_janggal(c, ind.polaritas):
                temuan.append({**lokasi, "jenis": "capaian_janggal",
                               "pesan": f"{ind.kode}: capaian {format_persen(c)} jauh di atas "
                                        f"100%; periksa kemungkinan salah ketik"})
        p = _predikat(c, skala) if c is not None else None
        if p is not None:
            rk.jumlah_predikat[p] = rk.jumlah_predikat.get(p, 0) + 1
        pasangan.append((ind.kode_sasaran or ind.sasaran, c))
        rk.indikator.append({"baris": ind.baris, "kode_sasaran": ind.kode_sasaran,
                             "kode": ind.kode, "indikator": ind.indikator, "satuan": ind.satuan,
                             "jenis": ind.jenis, "polaritas": ind.polaritas, "target": t,
                             "realisasi": r, "capaian": c, "predikat": p})
    kosong = [t for t in temuan if t["jenis"] == "realisasi_kosong"]
    if kosong and all(i.realisasi[q] is None for i in data.indikator):
        # the quarter not started yet: one line, not one per indicator
        temuan[:] = [t for t in temuan if t["jenis"] != "realisasi_kosong"]
        temuan.insert(0, {"sheet": data.lembar_ukur, "baris": None, "kode": None,
                          "jenis": "realisasi_kosong",
                          "pesan": f"belum ada realisasi kinerja TW {romawi(triwulan)} yang "
                                   f"diisi ({len(kosong)} indikator bertarget triwulan ini)"})
    per_sasaran = capaian_per_sasaran(pasangan, batas_atas=cap)
    nama_sasaran = {}
    for ind in data.indikator:
        nama_sasaran.setdefault(ind.kode_sasaran or ind.sasaran, ind.sasaran)
    for kunci, nama in nama_sasaran.items():
        c = per_sasaran.get(kunci)
        rk.sasaran.append({"kode": kunci, "sasaran": nama, "capaian": c,
                           "predikat": _predikat(c, skala) if c is not None else None})
    rk.capaian_satker = capaian_satker(pasangan, dasar=dasar, batas_atas=cap)
    rk.target_serapan = data.target_serapan[q]
    _anggaran(data, q, rk, persen_anggaran, sisa_anggaran)
    return rk


def anak_anggaran(baris: list) -> dict[int, list[int]]:
    """Which rows each subtotal row sums (indices into `baris`, BarisAnggaran in sheet
    order): the core rule `rincian_anggaran` over their tingkat."""
    from ..anggaran import rincian_anggaran
    return rincian_anggaran([b.tingkat for b in baris])


def _anggaran(data, q, rk, persen_anggaran, sisa_anggaran):
    from .. import format_angka, format_persen, jumlah_sesuai
    baris = data.anggaran
    nilai_r = [b.realisasi[q] for b in baris]
    nilai_p = [b.pagu for b in baris]
    anak = anak_anggaran(baris)

    def total(i, nilai, kolom, dicek):
        """Recorded value of row i, or the sum of its rows when blank (a formula); a
        recorded subtotal that is not that sum is a finding (typed over the SUM)."""
        if i not in anak:
            return nilai[i]
        parts = [total(j, nilai, kolom, dicek) for j in anak[i]]
        s = None if all(x is None for x in parts) else sum(x for x in parts if x is not None)
        if nilai[i] is not None and s is not None and not jumlah_sesuai(nilai[i], s) and \
                (i, kolom) not in dicek:
            dicek.add((i, kolom))
            b = baris[i]
            label = kolom if kolom == "pagu" else f"{kolom} TW {romawi(q + 1)}"
            rk.temuan.append({"sheet": data.lembar_angg, "baris": b.baris, "kode": b.kode,
                              "jenis": "jumlah_tidak_cocok", "kolom": kolom,
                              "tercatat": nilai[i], "dihitung": s,
                              "pesan": f"{b.kode or b.uraian}: {label} {b.tingkat} "
                                       f"{format_angka(nilai[i], 0)} tidak sama dengan jumlah "
                                       f"rinciannya {format_angka(s, 0)}"})
        return nilai[i] if nilai[i] is not None else s

    dicek = set()
    tgt = data.target_serapan[q]
    for i, b in enumerate(baris):
        pagu = total(i, nilai_p, "pagu", dicek)
        real = total(i, nilai_r, "realisasi", dicek)
        persen = persen_anggaran(pagu, real)
        rk.anggaran.append({"baris": b.baris, "kode": b.kode, "uraian": b.uraian,
                            "tingkat": b.tingkat, "pagu": pagu, "realisasi": real,
                            "persen": persen, "sisa": sisa_anggaran(pagu, real),
                            "target_serapan": tgt,
                            "selisih_target": None if persen is None or tgt is None
                            else persen - tgt})
        if persen is not None and persen > 1:
            rk.temuan.append({"sheet": data.lembar_angg, "baris": b.baris, "kode": b.kode,
                              "jenis": "serapan_lebih",
                              "pesan": f"{b.kode or b.uraian}: realisasi anggaran melebihi "
                                       f"pagu ({format_persen(persen)})"})
