"""Growth guards (issue 16): 10x the indicators within 15x the time for the rekap's steps:
streaming the sheet cells, the contract reader's columns, the engine and the sheet writer.
Synthetic inputs built here (no generator, no LibreOffice), least CPU time of five runs."""
from __future__ import annotations

import zipfile

from conftest import cpu_pasangan

from xl_kinerja import kontrak
from xl_kinerja.ooxml.lembar import LembarBaru
from xl_kinerja.rekap.mesin import BarisAnggaran, DataBuku, Indikator, hitung_rekap

KECIL, BESAR = 250, 2500
BATAS = 15


def _paket(path, n: int):
    """A package with one sheet of n rows x 20 columns (numbers, shared strings, inline
    text, formulas with cached values) and one defined name per column."""
    kolom = [chr(65 + i) for i in range(20)]
    baris = []
    for r in range(2, n + 2):
        sel = []
        for i, k in enumerate(kolom):
            if i % 4 == 0:
                sel.append(f'<c r="{k}{r}" t="s"><v>{r % 50}</v></c>')
            elif i % 4 == 1:
                sel.append(f'<c r="{k}{r}" t="inlineStr"><is><t>teks {r}</t></is></c>')
            elif i % 4 == 2:
                sel.append(f'<c r="{k}{r}"><v>{r * 1.5}</v></c>')
            else:
                sel.append(f'<c r="{k}{r}"><f>B{r}*2</f><v>{r * 3}</v></c>')
        baris.append(f'<row r="{r}">{"".join(sel)}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    nr = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    nama = "".join(f"<definedName name=\"Kol_{k}\">'Data'!${k}$2:${k}${n + 1}</definedName>"
                   for k in kolom)
    sst = "".join(f"<si><t>kata {i}</t></si>" for i in range(50))
    isi = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"/>',
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       f'relationships"><Relationship Id="r1" Type="{nr}/officeDocument" '
                       f'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{ns}" xmlns:r="{nr}"><sheets><sheet name="Data" '
                           f'sheetId="1" r:id="r1"/></sheets><definedNames>{nama}'
                           f'</definedNames></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="r1" Type="{nr}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="{nr}/sharedStrings" '
            f'Target="sharedStrings.xml"/></Relationships>'),
        "xl/sharedStrings.xml": f'<sst xmlns="{ns}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><sheetData>{"".join(baris)}'
                                    f'</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in isi.items():
            z.writestr(k, v)
    return path, [f"Kol_{k}" for k in kolom]


def test_pembaca_kontrak_linear(tmp_path):
    def baca(p, nama):
        with kontrak.buka(p, periksa_versi=False) as k:
            return [k.kolom(x)[1] for x in nama]
    (p1, nama), (p2, _) = _paket(tmp_path / "a.xlsx", KECIL), _paket(tmp_path / "b.xlsx", BESAR)
    kol = baca(p2, nama)
    assert len(kol[0]) == BESAR and kol[0][0].nilai == "kata 2"
    assert kol[3][0].rumus == "=B2*2" and kol[3][0].tersimpan == 6  # formula, cache apart
    t1, t2 = cpu_pasangan(lambda: baca(p1, nama), lambda: baca(p2, nama))
    assert t2 <= BATAS * t1, (t1, t2)


def _data(n: int) -> DataBuku:
    ind = [Indikator(baris=6 + i, kode_sasaran=f"S{i // 10}", sasaran=f"Sasaran {i // 10}",
                     kode=f"K{i}", indikator=f"Indikator {i}", satuan="%", jenis="persen",
                     polaritas="maks" if i % 3 else "min", target_atas=None,
                     target=[0.9, 0.9, 0.95, 1.0], realisasi=[0.5, 0.8 + (i % 7) / 100, None,
                                                              None])
           for i in range(n)]
    angg = []
    for p in range(max(1, n // 40)):
        angg.append(BarisAnggaran(len(angg), f"P{p}", "Program", "program", None, [None] * 4))
        for k in range(2):
            angg.append(BarisAnggaran(len(angg), f"K{p}.{k}", "Kegiatan", "kegiatan", None,
                                      [None] * 4))
            for o in range(6):
                angg.append(BarisAnggaran(len(angg), f"O{p}.{k}.{o}", "Output", "output",
                                          1e6, [2e5, 4e5, None, None]))
    angg.append(BarisAnggaran(len(angg), "", "JUMLAH", "jumlah", None, [None] * 4))
    return DataBuku("uji.xlsx", "KPU Uji", 2027, "Pengukuran", "Anggaran", ind, angg,
                    [0, 50, 70, 90], ["Tidak Berhasil", "Kurang Berhasil", "Cukup Berhasil",
                                      "Berhasil"], False, [], [0.2, 0.5, 0.75, 0.95], None)


def test_mesin_dan_penulis_lembar_linear():
    def kerja(d):
        rk = hitung_rekap(d, 2, dibuat="-")
        p = LembarBaru("Rekap TW 2")
        for i, x in enumerate(rk.indikator):
            for c, v in enumerate((x["kode"], x["indikator"], x["capaian"], x["predikat"])):
                p.tulis(8 + i, c + 1, v, "0.00%" if c == 2 else None)
        p.xml_lembar({("0.00%", False): 1}, None)
        return rk
    d1, d2 = _data(KECIL), _data(BESAR)
    assert len(kerja(d2).indikator) == BESAR
    t1, t2 = cpu_pasangan(lambda: kerja(d1), lambda: kerja(d2))
    assert t2 <= BATAS * t1, (t1, t2)
