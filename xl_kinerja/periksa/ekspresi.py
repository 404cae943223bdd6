"""The worked examples of a Formula Perhitungan column ("(3 + 4) × 100% = 75,00%"),
computed with a tiny arithmetic parser (no eval) and compared with what is written.

Separate because it is a rule of its own (an office's formula text), used by the table
checker on FORMULA and DEFINISI columns.
"""
from __future__ import annotations

import re

from ..errors import KesalahanInput
from .temuan import angka_tercatat as _angka
from .temuan import desimal_tampil as _desimal

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


