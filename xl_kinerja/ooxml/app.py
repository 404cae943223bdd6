"""docProps/app.xml: the sheet titles Excel lists there."""
from __future__ import annotations

import re

from .paket import Paket
from .skema import NS_VT, RT_APP, RT_WORKSHEET
from .skema import lokal as nama_lokal
from .teks import cari_tag, teks_xml


def app_dengan_lembar(pk: Paket, lembar, rels_bk, nama: str):
    """docProps/app.xml with the new sheet's title (Excel lists sheet titles there).

    Only when its lists are consistent: the worksheets group of HeadingPairs is the one
    whose titles are exactly the workbook's worksheets in order; otherwise (or when the file
    has no titles, as openpyxl/LibreOffice write it) app.xml is left as it is."""
    app = next((pk.ada(t) for _, j, t, _ in pk.rels("") if j == RT_APP and t and pk.ada(t)),
               None)
    if app is None:
        return None
    teks, akar = pk.xml(app)
    kep = akar.find(f"{{*}}HeadingPairs/{{{NS_VT}}}vector")
    jud = akar.find(f"{{*}}TitlesOfParts/{{{NS_VT}}}vector")
    if kep is None or jud is None:
        return None
    jumlah = [int(v[0].text) for v in kep if len(v) and nama_lokal(v[0].tag) == "i4"
              and (v[0].text or "").strip().isdigit()]
    judul = [el.text or "" for el in jud]
    if sum(jumlah) != len(judul) or 2 * len(jumlah) != len(kep):
        return None
    per_id = {r[0]: r for r in rels_bk}
    kerja = [n for n, _, rid in lembar if rid in per_id and per_id[rid][1] == RT_WORKSHEET]
    awal, kelompok = 0, None
    for g, n in enumerate(jumlah):
        if n == len(kerja) and judul[awal:awal + n] == kerja:
            kelompok = g
            break
        awal += n
    if kelompok is None:
        return None
    mk = re.search(r"<(?:\w+:)?HeadingPairs\b.*?</(?:\w+:)?HeadingPairs>", teks, re.S)
    mj = re.search(r"<(?:\w+:)?TitlesOfParts\b.*?</(?:\w+:)?TitlesOfParts>", teks, re.S)
    if mk is None or mj is None:
        return None
    i4 = list(re.finditer(r"(<(?:\w+:)?i4>)\s*(\d+)\s*(</(?:\w+:)?i4>)", mk.group(0)))
    lp = list(re.finditer(r"<(\w+:)?lpstr\s*/>|<(\w+:)?lpstr>.*?</(?:\w+:)?lpstr>",
                          mj.group(0), re.S))
    if len(i4) != len(jumlah) or len(lp) != len(judul):
        return None
    m4 = i4[kelompok]
    seg_k = (mk.group(0)[:m4.start()] + f"{m4.group(1)}{jumlah[kelompok] + 1}{m4.group(3)}"
             + mk.group(0)[m4.end():])
    p = next((g for g in lp[0].groups() if g), "") if lp else "vt:"
    posisi = lp[awal + jumlah[kelompok] - 1].end() if awal + jumlah[kelompok] else \
        cari_tag(mj.group(0), "vector")[0].end()
    seg_j = mj.group(0)[:posisi] + f"<{p}lpstr>{teks_xml(nama)}</{p}lpstr>" + mj.group(0)[posisi:]
    seg_j = re.sub(r'(<(?:\w+:)?vector\b[^>]*\ssize\s*=\s*)(["\'])\d+\2',
                   lambda x: f"{x.group(1)}{x.group(2)}{len(judul) + 1}{x.group(2)}", seg_j,
                   count=1)
    if mk.end() > mj.start():
        return None
    baru = teks[:mk.start()] + seg_k + teks[mk.end():mj.start()] + seg_j + teks[mj.end():]
    return app, baru.encode("utf-8")
