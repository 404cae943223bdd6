"""The workbook part: its sheets, workbook-scope defined names and the parts cells need."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KesalahanBerkas
from .paket import Paket, rels_dari
from .skema import (
    NS_MAIN,
    NS_MAIN_STRICT,
    NS_R,
    RT_CALCCHAIN,
    RT_SHARED_STRINGS,
    RT_STYLES,
    lokal,
)
from .teks import attr_xml, awalan_ns, cari_tag, hapus_tag_kosong, sisip_akhir, teks_xml

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


def tambah_lembar(pk, teks: str, akar, nama: str, rid: str) -> str:
    ids = [int(el.get("sheetId")) for el in akar.iter(f"{{{NS_MAIN}}}sheet")
           if (el.get("sheetId") or "").isdigit()]
    sid = max(ids, default=0) + 1
    m_lembar, p = cari_tag(teks, "sheets")
    m_akar, _ = cari_tag(teks, "workbook")
    # only a prefix declared on <workbook> or <sheets> reaches a new <sheet> (openpyxl
    # declares xmlns:r on each <sheet>, out of scope for a new sibling)
    pr = awalan_ns((m_akar.group(0) if m_akar else "") + m_lembar.group(0), NS_R)
    if pr:
        rid_attr = f'{pr}:id="{rid}"'
    else:
        rid_attr = f'xmlns:xlkr="{NS_R}" xlkr:id="{rid}"'
    return sisip_akhir(teks, "sheets",
                        f'<{p}sheet name="{attr_xml(nama)}" sheetId="{sid}" {rid_attr}/>')


def calcchain_memuat(pk, rels_bk, sheet_id) -> bool:
    """Does calcChain.xml list formulas of sheet `sheet_id` (attribute i, inherited)?"""
    cc = next((pk.ada(t) for _, j, t, _ in rels_bk if j == RT_CALCCHAIN and t and pk.ada(t)),
              None)
    if cc is None:
        return False
    _, akar = pk.xml(cc)
    i = None
    for el in akar:
        i = el.get("i", i)
        if i == sheet_id:
            return True
    return False


def buang_calcchain(pk, bk, rels_bk, ubah, hapus):
    for rid, j, t, _ in rels_bk:
        if j == RT_CALCCHAIN and t and pk.ada(t):
            hapus.add(pk.ada(t))
            rp = pk.ada(rels_dari(bk))
            teks = ubah[rp].decode("utf-8") if rp in ubah else pk.xml(rp)[0]
            ubah[rp] = hapus_tag_kosong(teks, "Relationship",
                                         lambda a, rid=rid: a.get("Id") == rid).encode("utf-8")
            ct = pk.ada("[Content_Types].xml")
            teks_ct = ubah[ct].decode("utf-8") if ct in ubah else pk.xml(ct)[0]
            ubah[ct] = hapus_tag_kosong(
                teks_ct, "Override",
                lambda a, t=t: a.get("PartName", "").lower() == "/" + t.lower()).encode("utf-8")


def nama_lokal_lembar(akar_bk) -> dict[tuple[str, str], str]:
    """Sheet-scope defined names of a parsed workbook part: (name, localSheetId) -> ref."""
    hasil = {}
    for el in akar_bk:
        if lokal(el.tag) == "definedNames":
            for dn in el:
                if dn.get("localSheetId") is not None and dn.get("name"):
                    hasil[(dn.get("name"), dn.get("localSheetId"))] = (dn.text or "").strip()
    return hasil


# CT_Workbook children that come before <definedNames> (ECMA-376 18.2.27), last first
_SEBELUM_NAMA = ("externalReferences", "functionGroups", "sheets")


def tambah_nama(teks: str, nama: str, rujukan: str, lembar_ke: int | None = None,
                tersembunyi: bool = False) -> str:
    """workbook.xml text with one more defined name (sheet scope when `lembar_ke`)."""
    _, p = cari_tag(teks, "workbook")
    atribut = f'name="{attr_xml(nama)}"'
    if lembar_ke is not None:
        atribut += f' localSheetId="{lembar_ke}"'
    if tersembunyi:
        atribut += ' hidden="1"'
    m, pd = cari_tag(teks, "definedNames")
    if m is not None:
        return sisip_akhir(teks, "definedNames",
                           f"<{pd}definedName {atribut}>{teks_xml(rujukan)}</{pd}definedName>")
    isi = (f"<{p}definedNames><{p}definedName {atribut}>{teks_xml(rujukan)}</{p}definedName>"
           f"</{p}definedNames>")
    for anak in _SEBELUM_NAMA:
        m, pa = cari_tag(teks, anak)
        if m is None:
            continue
        if m.group(0).endswith("/>"):
            akhir = m.end()
        else:
            tutup = f"</{pa}{anak}>"
            akhir = teks.index(tutup, m.end()) + len(tutup)
        return teks[:akhir] + isi + teks[akhir:]
    raise ValueError("sheets")
