"""The workbook part: its sheets, workbook-scope defined names and the parts cells need."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KesalahanBerkas
from .paket import Paket
from .skema import NS_MAIN, NS_MAIN_STRICT, NS_R, RT_SHARED_STRINGS, RT_STYLES, lokal

_NS_R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"


@dataclass
class Lembar:
    nama: str
    sheet_id: str | None
    rid: str | None
    bagian: str | None   # the worksheet part (None: missing, or a chart sheet etc.)
    jenis: str | None    # relationship type of the part


@dataclass
class IsiBuku:
    bagian: str
    lembar: list[Lembar]
    nama: dict[str, str] = field(default_factory=dict)  # workbook scope: name -> reference
    tanggal_1904: bool = False
    bagian_gaya: str | None = None
    bagian_teks: str | None = None  # sharedStrings

    def lembar_bernama(self, nama: str) -> Lembar | None:
        return next((x for x in self.lembar if x.nama == nama), None)


def baca_buku(paket: Paket) -> IsiBuku:
    bk = paket.bagian_buku()
    akar = paket.akar(bk)
    if lokal(akar.tag) != "workbook" or akar.tag[1:].split("}")[0] not in (NS_MAIN,
                                                                             NS_MAIN_STRICT):
        raise KesalahanBerkas("bukan buku kerja Excel (bagian buku kerja tidak dikenal)",
                              berkas=paket.path)
    rels = {r[0]: r for r in paket.rels(bk)}
    lembar, nama, t1904 = [], {}, False
    for el in akar:
        t = lokal(el.tag)
        if t == "workbookPr":
            t1904 = (el.get("date1904") or "").lower() in ("1", "true")
        elif t == "sheets":
            for s in el:
                rid = s.get(f"{{{NS_R}}}id") or s.get(f"{{{_NS_R_STRICT}}}id")
                rel = rels.get(rid)
                bagian = paket.ada(rel[2]) if rel and rel[2] else None
                lembar.append(Lembar(s.get("name") or "", s.get("sheetId"), rid, bagian,
                                     rel[1] if rel else None))
        elif t == "definedNames":
            for dn in el:
                if lokal(dn.tag) == "definedName" and dn.get("localSheetId") is None and \
                        dn.get("name"):
                    nama[dn.get("name")] = (dn.text or "").strip()
    isi = IsiBuku(bk, lembar, nama, t1904)
    for _, jenis, tujuan, _ in rels.values():
        if tujuan and paket.ada(tujuan):
            if jenis == RT_STYLES:
                isi.bagian_gaya = paket.ada(tujuan)
            elif jenis == RT_SHARED_STRINGS:
                isi.bagian_teks = paket.ada(tujuan)
    return isi
