"""[Content_Types].xml: the content type of each part; the package's consistency check."""
from __future__ import annotations

from defusedxml import ElementTree as DET

from ..errors import KesalahanBerkas
from .paket import Paket
from .skema import CT_RELS
from .skema import lokal as nama_lokal
from .teks import attr_xml, cari_tag, hapus_tag_kosong, sisip_akhir


def periksa_paket(pk: Paket, ubah: dict, baru: dict, hapus: set) -> None:
    """Safety net before anything is written: every edited or new XML part is well-formed,
    each part has exactly one content type and no member name appears twice."""
    for n, data in {**ubah, **baru}.items():
        try:
            DET.fromstring(data)
        except Exception as e:
            raise KesalahanBerkas(f"penulis rekap menghasilkan XML yang tidak sah di {n} "
                                  f"({e}); berkas tidak diubah", berkas=pk.path) from None
    ct = pk.ada("[Content_Types].xml")
    akar = DET.fromstring(ubah.get(ct) or pk.baca(ct))
    nama = [el.get("PartName", "").lower() for el in akar if nama_lokal(el.tag) == "Override"]
    anggota = ({n.lower() for n in pk.info} - {h.lower() for h in hapus}) | \
        {b.lower() for b in baru}
    ganda = {n for n in nama if nama.count(n) > 1}
    kurang = {b for b in baru if not b.endswith(".rels") and "/" + b.lower() not in nama}
    dibuang = {h.lower() for h in hapus} - {b.lower() for b in baru}
    sisa = {n for n in nama if n.lstrip("/") in dibuang}  # override of a removed part
    if ganda or kurang or sisa or len(anggota) != len(
            [n for n in pk.info if n not in hapus and n not in baru]) + len(baru):
        raise KesalahanBerkas("penulis rekap tidak dapat menyusun daftar bagian paket dengan "
                              f"benar (ganda {sorted(ganda)}, tanpa jenis {sorted(kurang)}, "
                              f"tanpa isi {sorted(sisa)}); berkas tidak diubah",
                              berkas=pk.path)


def jenis_buku(path) -> str:
    """'xlsm' when the package's workbook is macro-enabled, else 'xlsx'."""
    pk, sendiri = Paket.atau_buka(path)
    try:
        bk = pk.bagian_buku()
        _, akar = pk.xml(pk.ada("[Content_Types].xml") or "[Content_Types].xml")
        for el in akar:
            if nama_lokal(el.tag) == "Override" and \
                    el.get("PartName", "").lstrip("/").lower() == bk.lower():
                return "xlsm" if "macroenabled" in el.get("ContentType", "").lower() else "xlsx"
        return "xlsx"
    finally:
        if sendiri:
            pk.close()


def jenis_dengan(pk: Paket, hapus: set, baru: dict, override: list[tuple[str, str]]):
    """[Content_Types].xml after removing `hapus` and adding `override` (part, type) for
    the new parts: (member name, new bytes) or None when unchanged. An override that
    already says the right thing for a re-created part stays in place."""
    ct = pk.ada("[Content_Types].xml")
    if ct is None:
        raise KesalahanBerkas("paket tidak memiliki [Content_Types].xml", berkas=pk.path)
    teks, akar = pk.xml(ct)
    asli = teks
    ada = {el.get("PartName", "").lower(): el.get("ContentType") for el in akar
           if nama_lokal(el.tag) == "Override"}
    tetap = {"/" + b.lower() for b, t in override if ada.get("/" + b.lower()) == t}
    dibuang = ({"/" + h.lower() for h in hapus} | {"/" + b.lower() for b in baru}) - tetap
    teks = hapus_tag_kosong(teks, "Override", lambda a: a.get("PartName", "").lower() in dibuang)
    _, pct = cari_tag(teks, "Types")
    tambahan = ""
    default = {el.get("Extension", "").lower() for el in akar if nama_lokal(el.tag) == "Default"}
    if "rels" not in default:
        tambahan += f'<{pct}Default Extension="rels" ContentType="{CT_RELS}"/>'
    tambahan += "".join(f'<{pct}Override PartName="/{attr_xml(b)}" ContentType="{t}"/>'
                        for b, t in override if "/" + b.lower() not in tetap)
    if tambahan:
        teks = sisip_akhir(teks, "Types", tambahan)
    return None if teks == asli else (ct, teks.encode("utf-8"))
