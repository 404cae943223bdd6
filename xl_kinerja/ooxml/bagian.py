"""Parts of a package: free names, relationship ids and parts, what belongs to a part."""
from __future__ import annotations

import posixpath

from .paket import Paket, pemilik_rels, rels_dari
from .skema import NS_PR
from .teks import attr_xml


def nama_bebas(terpakai: set, pola: str) -> str:
    """The lowest-numbered part name free together with its rels part."""
    n = 1
    while pola.format(n).lower() in terpakai or \
            rels_dari(pola.format(n)).lower() in terpakai:
        n += 1
    nama = pola.format(n)
    terpakai.add(nama.lower())
    return nama


def rid_baru(rels) -> str:
    ada = {r[0] for r in rels}
    n = len(ada) + 1
    while f"rId{n}" in ada:
        n += 1
    return f"rId{n}"


def relatif(dari: str, ke: str) -> str:
    return posixpath.relpath(ke, posixpath.dirname(dari))


def xml_rels(daftar) -> bytes:
    isi = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{attr_xml(g)}"/>' for i, t, g in daftar)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{NS_PR}">{isi}</Relationships>').encode()


def bagian_milik(pk: Paket, lembar: str, bk: str, rid: str) -> set[str]:
    """Parts reachable only from the old sheet (its rels closure minus shared parts)."""
    tutup, antre = {lembar}, [lembar]
    while antre:
        b = antre.pop()
        for _, _, tujuan, _ in pk.rels(b):
            t = pk.ada(tujuan) if tujuan else None
            if t and t not in tutup:
                tutup.add(t)
                antre.append(t)
    dipakai_lain = set()
    for n in pk.info:
        pemilik = pemilik_rels(n)
        if pemilik is None or pemilik in tutup:
            continue
        for i, _, tujuan, _ in pk.rels(pemilik):
            if tujuan and not (pemilik == bk and i == rid):
                dipakai_lain.add(pk.ada(tujuan) or tujuan)
    milik = tutup - dipakai_lain
    rels = {pk.ada(rels_dari(b)) for b in milik} - {None}
    return milik | rels
