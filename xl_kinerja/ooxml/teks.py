"""Text-level XML edits: escaping and splices into a part's original text.

Edited parts are never re-serialised: prefixes, `mc:Ignorable`, extensions and formatting
stay exactly as the file had them; each edit inserts or removes one element's text.
(Own escaping instead of xml.sax.saxutils, which imports urllib/http/ssl at start-up.)
"""
from __future__ import annotations

import re

_ILEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_ATRIBUT = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


_TEKS = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                       "\r": "&#13;", "\t": "&#9;"})
_ENTITAS = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_BERNAMA = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def teks_xml(s: str) -> str:
    """Element text: escaped, characters XML forbids removed."""
    return _ILEGAL.sub("", s).translate(_TEKS)


def attr_xml(s: str) -> str:
    """An attribute value (double-quoted): escaped, forbidden characters removed."""
    return _ILEGAL.sub("", s).translate(_ATTR)


def _lepas(m) -> str:
    if m.group(3):
        return _BERNAMA[m.group(3)]
    return chr(int(m.group(1)) if m.group(1) else int(m.group(2), 16))


def atribut(tag: str) -> dict:
    """Attributes of one start tag's text (values unescaped)."""
    return {k: _ENTITAS.sub(_lepas, v[1:-1]) for k, v in _ATRIBUT.findall(tag)}


def angka_xml(v) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    return repr(float(v))


def cari_tag(teks: str, lokal: str, mulai: int = 0):
    """First start tag <[p:]lokal ...> or <... /> from `mulai`: (match, prefix) or (None, '')."""
    m = re.compile(r"<(?:(\w+):)?" + lokal + r"(?=[\s/>])[^>]*>").search(teks, mulai)
    if m is None:
        return None, ""
    return m, (m.group(1) + ":" if m.group(1) else "")


def sisip_akhir(teks: str, lokal: str, isi: str, naikkan: int | None = None) -> str:
    """Insert `isi` right before </lokal> (expanding <lokal/>); optionally bump count=."""
    m, p = cari_tag(teks, lokal)
    if m is None:
        raise ValueError(lokal)
    awal = m.group(0)
    if naikkan is not None:
        baru_awal = awal
        if re.search(r"\scount\s*=", awal):
            baru_awal = re.sub(r'(\scount\s*=\s*)(["\'])\d*\2',
                               lambda x: f"{x.group(1)}{x.group(2)}{naikkan}{x.group(2)}", awal)
    else:
        baru_awal = awal
    if awal.endswith("/>"):
        buka = baru_awal[:-2].rstrip() + ">"
        return teks[:m.start()] + buka + isi + f"</{p}{lokal}>" + teks[m.end():]
    tutup = teks.index(f"</{p}{lokal}>", m.end())
    return teks[:m.start()] + baru_awal + teks[m.end():tutup] + isi + teks[tutup:]


def hapus_tag_kosong(teks: str, lokal: str, syarat) -> str:
    """Remove every empty <lokal .../> (or <lokal ...></lokal>) whose attributes satisfy
    `syarat`."""
    pola = re.compile(r"<(?:\w+:)?" + lokal + r"(?=[\s/>])[^>]*?(?:/>|>\s*</(?:\w+:)?"
                      + lokal + r"\s*>)")
    return pola.sub(lambda m: "" if syarat(atribut(m.group(0))) else m.group(0), teks)


def awalan_ns(teks: str, ns: str) -> str | None:
    """Prefix bound to `ns` on the root element (in scope everywhere). A declaration on
    another element (lxml-backed openpyxl puts xmlns:r on each <sheet>) does not count."""
    akar = re.search(r"<(?![?!])[^>]*>", teks)
    m = akar and re.search(r'xmlns:(\w+)\s*=\s*["\']' + re.escape(ns) + r'["\']',
                           akar.group(0))
    return m.group(1) if m else None
