"""Checker: finds the errors real tables carry (see DOMAIN.md and the seeds).

Each finding is a `Temuan` with stable keys: aturan, lokasi (berkas, sheet, baris, kode,
indikator), pesan (Indonesian), tercatat, dihitung, tingkat ("galat" | "peringatan").
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from ..anggaran import TINGKAT_ANGGARAN, jumlah_sesuai, rincian_anggaran
from ..errors import KesalahanInput
from ..impor import BarisData, HasilImpor, impor_tabel
from ..impor.dokumen import impor_dokumen


@dataclass
class Temuan:
    aturan: str
    lokasi: dict
    pesan: str
    tercatat: object = None
    dihitung: object = None
    tingkat: str = "galat"

    def ke_dict(self) -> dict:
        return asdict(self)


def _lokasi(h: HasilImpor, d: BarisData) -> dict:
    return {"berkas": h.berkas, "sheet": d.sheet, "baris": d.nomor, "kode": d.kode or None,
            "indikator": d.indikator or None}


def _angka(teks):
    from ..angka import baca_angka
    if teks in (None, ""):
        return None
    return baca_angka(teks)


def _desimal(teks: str) -> int:
    m = re.search(r"[.,](\d+)\s*%?\s*$", teks.strip())
    if m and not re.search(r"\d\.\d{3}$", teks.strip()):
        return len(m.group(1))
    return 0


# ---- tiny safe arithmetic for Formula Perhitungan worked examples
_TOKEN = re.compile(r"\s*(\d[\d.,]*|[-+*/()%])")


def hitung_ekspresi(teks: str) -> float:
    """Evaluate + - × ÷ / * ( ) and a trailing '× 100%' safely (no eval)."""
    s = teks.replace("×", "*").replace("x", "*").replace("X", "*").replace("÷", "/").replace(":", "/")
    pos = 0
    token = []
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            if s[pos:].strip() == "":
                break
            raise KesalahanInput(f"ekspresi tidak dapat dihitung: {teks!r}", teks)
        token.append(m.group(1))
        pos = m.end()
    i = 0

    def lihat():
        return token[i] if i < len(token) else None

    def ambil():
        nonlocal i
        i += 1
        return token[i - 1]

    def faktor():
        t = ambil() if lihat() is not None else None
        if t == "(":
            v = jumlah()
            if ambil() != ")":
                raise KesalahanInput(f"kurung tidak seimbang: {teks!r}", teks)
        elif t == "-":
            v = -faktor()
        elif t and t[0].isdigit():
            v = _angka(t)
        else:
            raise KesalahanInput(f"ekspresi tidak dapat dihitung: {teks!r}", teks)
        if lihat() == "%":
            ambil()
            v = v / 100
        return v

    def kali():
        v = faktor()
        while lihat() in ("*", "/"):
            op = ambil()
            r = faktor()
            if op == "/" and r == 0:
                raise KesalahanInput(f"pembagian dengan nol: {teks!r}", teks)
            v = v * r if op == "*" else v / r
        return v

    def jumlah():
        v = kali()
        while lihat() in ("+", "-"):
            op = ambil()
            r = kali()
            v = v + r if op == "+" else v - r
        return v

    hasil = jumlah()
    if i != len(token):
        raise KesalahanInput(f"ekspresi tidak dapat dihitung: {teks!r}", teks)
    return hasil


_CONTOH = re.compile(r"(\([^=]*?\)\s*[×x*]\s*100\s*%|[\d(][\d.,\s+\-×x*÷/:()%]*?)\s*=\s*(\d[\d.,]*\s*%?)")


def periksa_formula(teks: str):
    """Yield (expression, written, computed) for worked examples that do not compute."""
    for m in _CONTOH.finditer(teks or ""):
        ekspr, tulis = m.group(1).strip(), m.group(2).strip()
        if not re.search(r"\d", ekspr) or not re.search(r"[+\-×x*÷/:]", ekspr):
            continue
        try:
            nilai = hitung_ekspresi(ekspr)
            tercatat = _angka(tulis.rstrip("% ").strip())
        except KesalahanInput:
            continue
        if tulis.endswith("%"):
            tercatat = tercatat / 100
        des = _desimal(tulis)
        skala = 100 if tulis.endswith("%") else 1
        if round(nilai * skala, des) != round(tercatat * skala, des):
            yield ekspr, tulis, nilai


def skala_periksa(skala="kpu"):
    """(scale for CAPAIAN % columns, scale for NILAI/score columns). The chosen preset replaces
    the default of its own basis: kpu for capaian, sakip for scores."""
    from ..predikat import SKALA, ambil_skala
    sk = ambil_skala(skala)
    return (sk, SKALA["sakip"]) if sk.basis == "capaian" else (SKALA["kpu"], sk)


def _kunci_baris(d: BarisData) -> tuple:
    """What makes two indicator rows the same row (hashable; nilai may hold dicts)."""
    return (d.kode, d.sasaran, d.indikator, d.target,
            tuple(sorted((k, repr(x)) for k, x in d.nilai.items())))


def periksa_hasil(h: HasilImpor, skala="kpu") -> list[Temuan]:
    """Findings for an imported table. `skala`: a core SKALA preset name (or Skala) for the
    predikat written next to a capaian % (capaian basis) or a score (score basis)."""
    from ..angka import format_persen
    from ..target import baca_target
    sk_capaian, sk_skor = skala_periksa(skala)
    # codes and duplicate rows: the pure rules shared with the workbook checker
    t: list[Temuan] = periksa_kode(
        (_lokasi(h, d), d.kode, d.nilai.get("uraian") or d.indikator,
         _kunci_baris(d) if d.jenis == "indikator" and d.indikator else None)
        for d in h.baris)
    for d in h.baris:
        lok = _lokasi(h, d)
        v = d.nilai
        # target
        if d.jenis == "indikator" and d.target:
            try:
                tg = baca_target(d.target)
            except KesalahanInput as e:
                jenis = "angka_ambigu" if "ambigu" in str(e).lower() else "target_tak_terbaca"
                t.append(Temuan(jenis, lok, f"target tidak dapat dibaca: {e}", d.target, None))
                tg = None
            if tg is not None:
                t.extend(_periksa_satuan(lok, d, tg))
        # budget
        try:
            pagu = _angka(v.get("pagu"))
            real = _angka(v.get("realisasi")) if pagu is not None else None
        except KesalahanInput as e:
            t.append(Temuan("angka_ambigu", lok, str(e), v.get("pagu") or v.get("realisasi"), None))
            pagu = real = None
        if pagu is not None and real is not None:
            if real > pagu:
                t.append(Temuan("realisasi_melebihi_pagu", lok, "realisasi melebihi pagu",
                                real, pagu))
            tulis = v.get("persen") or ""
            if tulis and pagu:
                try:
                    rec = _angka(tulis.rstrip("% ").strip())
                except KesalahanInput:
                    rec = None
                if rec is not None:
                    from ..anggaran import persen_anggaran
                    des = _desimal(tulis)
                    frak = persen_anggaran(pagu, real)
                    if frak is not None and round(frak * 100, des) != round(rec, des):
                        t.append(Temuan("persen_salah", lok, f"persentase tercatat {tulis} tidak sama "
                                        f"dengan realisasi/pagu = {format_persen(frak, des)}",
                                        tulis, format_persen(frak, des)))
        # recorded capaian vs realisasi/target (core rule)
        if d.jenis == "indikator" and d.target and v.get("realisasi") and v.get("capaian") \
                and pagu is None:
            from ..capaian import capaian as _capaian
            tulis = v["capaian"]
            try:
                frak = _capaian(d.target, v["realisasi"], v.get("polaritas") or "maks")
                rec = _angka(tulis.rstrip("% ").strip())
            except KesalahanInput:
                frak = rec = None
            if frak is not None and rec is not None:
                des = _desimal(tulis)
                if round(frak * 100, des) != round(rec, des):
                    t.append(Temuan("persen_salah", lok, f"capaian tercatat {tulis} tidak sama dengan "
                                    f"realisasi/target = {format_persen(frak, des)}", tulis,
                                    format_persen(frak, des)))
        # predikat next to a capaian % (capaian scale) or a score (score scale)
        if v.get("predikat") and (v.get("capaian") or v.get("nilai")):
            try:
                from ..predikat import predikat as _predikat
                tercatat = (v.get("capaian") or v.get("nilai")).strip()  # as written: 83,33
                skor = _angka(tercatat.rstrip("% "))
                sk = sk_capaian if v.get("capaian") else sk_skor
                nilai = skor / 100 if sk.basis == "capaian" and skor is not None else skor
                benar = _predikat(nilai, sk)
                if benar and benar.strip().upper() != v["predikat"].strip().upper():
                    t.append(Temuan("predikat_bertentangan", lok, f"predikat {v['predikat']!r} tidak "
                                    f"sesuai skala {sk.nama}: {tercatat} = {benar}", v["predikat"], benar))
            except KesalahanInput:
                pass
        for kol in ("formula", "definisi"):
            for ekspr, tulis, nilai in periksa_formula(v.get(kol, "")):
                t.append(Temuan("formula_tidak_sesuai", lok, f"contoh perhitungan {ekspr} = {tulis} "
                                f"tidak benar", tulis, format_persen(nilai) if tulis.endswith("%")
                                else nilai))
    t.extend(_periksa_total(h))
    return t


def _periksa_satuan(lok: dict, d: BarisData, tg) -> list[Temuan]:
    """Indicator name vs unit ("Persentase ..." counted in Laporan, "Jumlah ..." in %), judged
    on the SATUAN column when the table has one, else on the target's own unit; and a SATUAN
    column that contradicts the target's own unit."""
    from ..impor.satuan import famili_satuan, gabung_satuan
    t = []
    kolom = (d.nilai.get("satuan") or "").strip()
    fam = famili_satuan(kolom)
    nama = d.indikator.lower().lstrip("• ")
    if re.match(r"(persentase|presentase|presentasi|prosentase)\b", nama):
        if fam == "jumlah":
            t.append(Temuan("satuan_bertentangan", lok, f"indikator 'Persentase ...' bersatuan "
                            f"{kolom!r} (kolom SATUAN)", kolom, "%"))
        elif fam is None and tg.jenis == "jumlah" and tg.satuan and tg.satuan != "%":
            t.append(Temuan("satuan_bertentangan", lok, f"indikator 'Persentase ...' "
                            f"bertarget jumlah dengan satuan ({d.target!r})", d.target, "%"))
    elif re.match(r"jumlah\b", nama):
        if fam == "persen":
            t.append(Temuan("satuan_bertentangan", lok, f"indikator 'Jumlah ...' bersatuan "
                            f"{kolom!r} (kolom SATUAN)", kolom, "jumlah dengan satuan"))
        elif fam is None and tg.jenis == "persen":
            t.append(Temuan("satuan_bertentangan", lok, f"indikator 'Jumlah ...' bertarget "
                            f"persentase ({d.target!r})", d.target, "jumlah dengan satuan"))
    konflik = gabung_satuan(d.target, kolom)[1] if kolom else None
    if konflik:
        t.append(Temuan("satuan_kolom_bertentangan", lok, konflik, kolom, tg.satuan or tg.jenis))
    return t




def _jumlah_kolom(baris: list[BarisData], kol: str) -> float | None:
    isi = [_angka(x.nilai.get(kol)) for x in baris if x.nilai.get(kol)]
    return sum(isi) if isi else None


def _periksa_total(h: HasilImpor) -> list[Temuan]:
    """JUMLAH/TOTAL rows = sum of the rows since the previous total (kegiatan level, else
    output, else program); a program = sum of its kegiatan (or outputs), a kegiatan = sum of
    its outputs, the children being the rows below it up to the next row of its level."""
    t = []
    kelompok: list[BarisData] = []
    subtotal: list[BarisData] = []   # totals since the last grand total
    for d in h.baris:
        if d.jenis != "total":
            kelompok.append(d)
            continue
        for kol in ("pagu", "realisasi"):
            try:
                rec = _angka(d.nilai.get(kol))
                hit = None
                for tingkat in (("kegiatan", "indikator"), ("output",), ("program",)):
                    hit = _jumlah_kolom([x for x in kelompok if x.jenis in tingkat], kol)
                    if hit is not None:
                        break
                if hit is None:  # JUMLAH right under its Sub Total rows: their sum
                    hit = _jumlah_kolom(subtotal, kol)
            except KesalahanInput:
                continue
            if rec is not None and hit is not None and not jumlah_sesuai(rec, hit):
                t.append(Temuan("jumlah_salah", _lokasi(h, d), f"{d.indikator or 'JUMLAH'}: "
                                f"{kol} tercatat bukan jumlah barisnya", rec, hit))
        ada_baris = any(x.jenis in ("kegiatan", "indikator", "output", "program")
                        for x in kelompok)
        subtotal = subtotal + [d] if ada_baris else []
        kelompok = []
    for i, daftar in rincian_anggaran([d.jenis for d in h.baris]).items():
        p = h.baris[i]  # a program or kegiatan ("total" rows are checked above)
        anak = [h.baris[j] for j in daftar]
        lv_anak = TINGKAT_ANGGARAN.index(anak[0].jenis)
        nama_anak = "kegiatannya" if lv_anak == 1 else "outputnya"
        for kol in ("pagu", "realisasi"):
            try:
                rec = _angka(p.nilai.get(kol))
                hit = _jumlah_kolom(anak, kol)
            except KesalahanInput:
                continue
            if rec is not None and hit is not None and not jumlah_sesuai(rec, hit):
                t.append(Temuan(f"total_{p.jenis}_salah", _lokasi(h, p), f"{kol} {p.jenis} "
                                f"{p.kode or p.indikator} bukan jumlah {nama_anak}", rec, hit))
    return t


def periksa_berkas(path, jenis: str | None = None, skala="kpu",
                   catatan: list | None = None) -> list[Temuan]:
    """Check a table file as it stands (or a workbook of ours, by its defined names).
    `jenis` None: recognised from the headers; a `catatan` list receives the note saying
    which kind was assumed. `skala`: predikat scale preset for tables (a workbook of ours
    carries its own scale). Raises KesalahanBerkas for unusable input or headers that
    contradict `jenis`, KesalahanInput for an unknown skala."""
    from .buku import buku_kerja_kita, periksa_buku_kerja
    skala_periksa(skala)  # an unknown scale is an error before any file is read
    if buku_kerja_kita(path):
        return periksa_buku_kerja(path)
    if Path(path).suffix.lower() == ".docx":  # every table of the document, each on its own
        dok = impor_dokumen(path, jenis)
        if catatan is not None:
            catatan.extend(f"{path}: {c}" for c in dok.ringkasan())
        return [x for t in dok.dipakai for x in periksa_hasil(t.hasil, skala)]
    h = impor_tabel(path, jenis)
    if catatan is not None:
        catatan.extend(f"{path}: {c}" for c in h.catatan)
    return periksa_hasil(h, skala)


__all__ = ["Temuan", "periksa_berkas", "periksa_hasil", "hitung_ekspresi", "periksa_formula"]


# ---- code rules as pure functions (the workbook checker, periksa.buku, calls these)
_POLA_KODE = re.compile(r"[\dA-Z]+(\.[\dA-Z]+)*")


def kode_salah_bentuk(kode: str, ketat: bool = True) -> bool:
    """True for an incomplete code (`QGE.`, `WA..3355`) or, with `ketat`, one that is not
    dot-separated digits/capitals like the budget codes `076.01.CQ`, `CQ.6709`, `QGE.001`."""
    k = (kode or "").strip()
    if not k:
        return False
    if k.startswith(".") or k.endswith(".") or ".." in k:
        return True
    return ketat and not _POLA_KODE.fullmatch(k)


def periksa_kode(entri, ketat: bool = True) -> list[Temuan]:
    """Findings over rows given as (lokasi, kode, nama, kunci), in row order:
    `kode_tidak_lengkap` (once per code), `kode_nama_ganda` (a code seen earlier with another
    name), `baris_ganda` (same `kunci` as an earlier row; kunci None = not compared)."""
    t: list[Temuan] = []
    salah: set[str] = set()
    kode_nama: dict[str, tuple[str, object]] = {}
    terlihat: dict[object, object] = {}
    for lok, kode, nama, kunci in entri:
        kode, nama = (kode or "").strip(), (nama or "").strip()
        if kode and kode not in salah and kode_salah_bentuk(kode, ketat):
            salah.add(kode)
            t.append(Temuan("kode_tidak_lengkap", lok, f"kode {kode!r} tidak lengkap atau "
                            f"salah bentuk", kode, None))
        if kode and nama:
            if kode in kode_nama and kode_nama[kode][0].lower() != nama.lower():
                t.append(Temuan("kode_nama_ganda", lok, f"kode {kode} dipakai dengan dua nama: "
                                f"{kode_nama[kode][0]!r} (baris {kode_nama[kode][1]}) dan "
                                f"{nama!r}", nama, kode_nama[kode][0]))
            kode_nama.setdefault(kode, (nama, lok.get("baris")))
        if kunci is not None:
            if kunci in terlihat:
                t.append(Temuan("baris_ganda", lok, f"baris sama dengan baris {terlihat[kunci]}",
                                nama, None, "peringatan"))
            terlihat.setdefault(kunci, lok.get("baris"))
    return t
