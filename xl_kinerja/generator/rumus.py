"""Excel formula texts that mirror the core rules (one function per rule).

Every formula here is the spreadsheet form of a core function and is tested against it
(tests/test_generator_libreoffice*.py): same arithmetic, same blanks.
Only Excel 2010 functions (IF, OR, AND, MAX, VLOOKUP, INDEX, SUMPRODUCT, ROUND, SUM,
COUNT, SUMIF, COUNTIF; terbilang adds TEXT, MID, CHOOSE, INT, TRIM, PROPER); nothing
volatile; every formula reads a fixed number of cells
(the Referensi tables are a handful of rows), so the cost per row is constant.
Formulas are stored in the file's own syntax (English names, ',' separators); Excel and
LibreOffice show them with the user's separators (';' on an Indonesian PC).
"""
from __future__ import annotations

from ..aturan import JENIS
from ..capaian import label_sementara
from ..nama import REF_BATAS_CAPAIAN, REF_PERINGKAT, REF_SKALA_BATAS, REF_SKALA_INKLUSIF, REF_SKALA_PREDIKAT


def _peringkat(sel: str) -> str:
    return f"VLOOKUP({sel},{REF_PERINGKAT},2,FALSE)"


def _jenis_disimpan(jenis: str, simpan: str) -> str:
    """Excel test "the kind in cell `jenis` is stored as `simpan`" (from the rule table)."""
    uji = [f'{jenis}="{j.kode}"' for j in JENIS.values() if j.simpan == simpan]
    if not uji:
        return "FALSE"
    return uji[0] if len(uji) == 1 else f"OR({','.join(uji)})"


def capaian(target: str, realisasi: str, jenis: str, polaritas: str, atas: str) -> str:
    """Mirror of `xl_kinerja.capaian(target, realisasi, polaritas)`.

    - blank target or realisasi -> "" (not applicable);
    - predikat (ordinal): 1 when rank(realisasi) >= rank(target), else rank(r)/rank(t);
    - rentang (target = lower bound, `atas` = upper bound, not blank): maks: inside -> 1,
      above -> r/hi, below -> r/lo; min mirrors it: below -> 2 - r/lo, above ->
      max(0, 2 - r/hi), inside -> 1. A rentang row whose upper bound is blank holds a
      single target (e.g. 0 in a year with nothing planned) and follows the rules below;
    - min: target 0 -> 1 if r = 0 else 0; otherwise max(0, 2 - r/t);
    - maks: target 0 -> "" (not applicable); otherwise r/t.
    """
    t, r, a, p = target, realisasi, atas, polaritas
    return (
        f'IF(OR({r}="",{t}=""),"",'
        f'IF({_jenis_disimpan(jenis, "predikat")},'
        f'IF({_peringkat(r)}>={_peringkat(t)},1,{_peringkat(r)}/{_peringkat(t)}),'
        f'IF(AND({_jenis_disimpan(jenis, "rentang")},{a}<>""),'
        f'IF({p}="min",IF({r}<{t},2-{r}/{t},IF({r}>{a},MAX(0,2-{r}/{a}),1)),'
        f'IF({r}>{a},{r}/{a},IF({r}<{t},{r}/{t},1))),'
        f'IF({p}="min",IF({t}=0,IF({r}=0,1,0),MAX(0,2-{r}/{t})),'
        f'IF({t}=0,"",{r}/{t})))))'
    )


def predikat(sel_capaian: str) -> str:
    """Mirror of `xl_kinerja.predikat(capaian, skala)` for a capaian-basis scale.

    The Referensi table lists lower bounds ascending (percent points) with their labels;
    the category is the number of bounds below the value (or at the value when the scale
    is inclusive), at least the first row. Compared as ROUND(capaian*100, 9) like the core.
    """
    v = f"ROUND({sel_capaian}*100,9)"
    return (f'IF({sel_capaian}="","",INDEX({REF_SKALA_PREDIKAT},MAX(1,SUMPRODUCT('
            f'({REF_SKALA_BATAS}<{v})+{REF_SKALA_INKLUSIF}*({REF_SKALA_BATAS}={v})))))')


def realisasi_terakhir(sel_tw: list[str]) -> str:
    """Mirror of `xl_kinerja.capaian.realisasi_terakhir`: the latest non-blank cumulative
    realisasi (TW IV back to TW I), else "". The annual capaian is `capaian` over it
    (`xl_kinerja.capaian.capaian_tahunan`)."""
    teks = '""'
    for sel in sel_tw:  # TW I first: the last wrap is TW IV
        teks = f'IF({sel}<>"",{sel},{teks})'
    return teks


def _label_sementara(diisi: list[str], lain: str) -> str:
    """`diisi[q - 1]` is an Excel test "quarter q shows provisional progress"; the label of
    the latest such quarter (TW III back to TW I), else `lain`."""
    teks = lain
    for q, uji in enumerate(diisi, 1):  # TW I first: the outer wrap is the latest quarter
        teks = f'IF({uji},"{label_sementara(q)}",{teks})'
    return teks


def tahunan(sel_capaian: str, sel_tw: list[str], selesai: str) -> str:
    """Mirror of `xl_kinerja.capaian.keterangan_tahunan` around an annual verdict: blank
    without a capaian; `selesai` (the predikat, Tercapai/Tidak Tercapai) once TW IV realisasi
    is reported; before that the label "s.d. TW n" of the latest reported quarter."""
    awal = sel_tw[:-1]
    return (f'IF({sel_capaian}="","",IF({sel_tw[-1]}<>"",{selesai},'
            + _label_sementara([f'{s}<>""' for s in awal], '""') + "))")


def predikat_tahunan(sel_capaian: str, sel_tw: list[str]) -> str:
    """Mirror of `xl_kinerja.capaian.predikat_tahunan`: no red "Tidak Berhasil" mid-year."""
    return tahunan(sel_capaian, sel_tw, predikat(sel_capaian))


def predikat_gabungan(sel_capaian: str, rentang_predikat: list[str]) -> str:
    """Mirror of `keterangan_gabungan` + predikat for an average of annual capaian (a
    sasaran, the satker): the latest provisional label among its members' annual predikat
    cells (`rentang_predikat`), else the predikat of the average."""
    def ada(q: int) -> str:
        return "+".join(f'COUNTIF({r},"{label_sementara(q)}")' for r in rentang_predikat) + ">0"
    return (f'IF({sel_capaian}="","",'
            + _label_sementara([ada(q) for q in range(1, 4)], predikat(sel_capaian)) + ")")


def rata_rata(rentang: str) -> str:
    """Mirror of `xl_kinerja.rata_rata_capaian(nilai, batas_atas=Ref_BatasCapaian)`.

    Blanks ("" from capaian formulas) are skipped; with a cap every value above it
    counts as the cap.
    """
    cap = REF_BATAS_CAPAIAN
    return (f'IF(COUNT({rentang})=0,"",IF({cap}="",AVERAGE({rentang}),'
            f'(SUMIF({rentang},"<="&{cap})+{cap}*COUNTIF({rentang},">"&{cap}))'
            f'/COUNT({rentang})))')


def persen_anggaran(pagu: str, realisasi: str) -> str:
    """Mirror of `xl_kinerja.persen_anggaran(pagu, realisasi)`."""
    return f'IF(OR({pagu}="",{realisasi}=""),"",IF({pagu}=0,"",{realisasi}/{pagu}))'


def sisa_anggaran(pagu: str, realisasi: str) -> str:
    """Mirror of `xl_kinerja.sisa_anggaran(pagu, realisasi)`."""
    return f'IF(OR({pagu}="",{realisasi}=""),"",{pagu}-{realisasi})'


def jumlah(sel: list[str]) -> str:
    """Subtotal of child rows: blank while every child is blank, else their sum."""
    daftar = ",".join(sel)
    return f'IF(COUNT({daftar})=0,"",SUM({daftar}))'


_SATUAN = ("", "satu ", "dua ", "tiga ", "empat ", "lima ", "enam ", "tujuh ", "delapan ",
           "sembilan ")
_SKALA = ("", "ribu ", "juta ", "miliar ", "triliun ")


def _pilih(digit: str, teks) -> str:
    """The text for a digit character "0".."9" (CHOOSE over its value)."""
    return f"CHOOSE({digit}+1,{','.join(chr(34) + t + chr(34) for t in teks)})"


def terbilang(sel: str) -> str:
    """Mirror of `xl_kinerja.terbilang(x)` ("Title Case ... Rupiah") for a whole number of
    rupiah 0 < x < 10^15, written with Excel 2010 functions only, so a PK prints its amount in
    words without the add-in and stays right when the pagu is edited later.

    The digits are read from TEXT(x,"000000000000000") (15 characters, exact for whole
    numbers below 10^15): arithmetic such as INT(x/10) is not, because Excel and LibreOffice
    round results to 15 significant digits before INT. Each group of three digits is
    hundreds + tens/teens + units + scale; a ribu group "001" is "seribu".
    Returns "" for blank or 0 and an explanatory text for what has no terbilang here
    (negative, fractional, too large) rather than a wrong one.
    """
    angka = f'TEXT({sel},"{"0" * 15}")'

    def digit(pos: int) -> str:  # pos: 1..15 from the left
        return f"MID({angka},{pos},1)"

    bagian = []
    for k in range(4, -1, -1):
        awal = 13 - 3 * k  # first of the group's three positions
        r, p, s = digit(awal), digit(awal + 1), digit(awal + 2)
        ratus = _pilih(r, ["", "seratus "] + [t + "ratus " for t in _SATUAN[2:]])
        belas = _pilih(s, ["sepuluh ", "sebelas "] + [t + "belas " for t in _SATUAN[2:]])
        puluh = _pilih(p, ["", ""] + [t + "puluh " for t in _SATUAN[2:]])
        kata = f'{ratus}&IF({p}="1",{belas},{puluh}&{_pilih(s, _SATUAN)})'
        if k == 0:
            bagian.append(kata)
            continue
        grup = f"MID({angka},{awal},3)"
        if k == 1:
            kata = f'IF({grup}="001","seribu ",{kata}&"{_SKALA[k]}")'
        else:
            kata = f'{kata}&"{_SKALA[k]}"'
        bagian.append(f'IF({grup}="000","",{kata})')
    return (f'IF(OR({sel}="",{sel}=0),"",IF(OR({sel}<0,{sel}>=1E15,{sel}<>INT({sel})),'
            f'"(jumlah bukan rupiah bulat positif di bawah 1.000 triliun; '
            f'tulis terbilang secara manual)",PROPER(TRIM({"&".join(bagian)})&" rupiah")))')
