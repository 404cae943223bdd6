"""The import layers of the package (docs/aturan.md, "Lapisan paket"): every module of
xl_kinerja imports only its own layer or lower ones, also inside functions; no import cycle
between modules; the package face `xl_kinerja/__init__.py` is not imported from inside.
The layer table is read from the document, so the document and the test cannot drift."""
from __future__ import annotations

import ast
import re
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = AKAR / "xl_kinerja"
DOK = AKAR / "docs" / "aturan.md"
MUKA = "xl_kinerja"


def _modul() -> dict[str, Path]:
    """{"xl_kinerja.rekap.mesin": path, "xl_kinerja.rekap": .../__init__.py, ...}"""
    hasil = {}
    for p in sorted(PAKET.rglob("*.py")):
        bagian = list(p.relative_to(AKAR).with_suffix("").parts)
        if bagian[-1] == "__init__":
            bagian = bagian[:-1]
        hasil[".".join(bagian)] = p
    return hasil


MODUL = _modul()


def _tabel_lapisan() -> list[tuple[int, str, list[str]]]:
    """[(number, name, [patterns])] from the table between the lapisan markers."""
    teks = DOK.read_text(encoding="utf-8")
    awal, akhir = teks.index("<!-- lapisan:awal -->"), teks.index("<!-- lapisan:akhir -->")
    hasil = []
    for baris in teks[awal:akhir].splitlines():
        if m := re.match(r"^\| (\d+) ([^|]+?) \| ([^|]+) \|", baris):
            hasil.append((int(m.group(1)), m.group(2), re.findall(r"`([^`]+)`", m.group(3))))
    return hasil


LAPISAN = _tabel_lapisan()


def lapisan(modul: str) -> int:
    """The layer of a module: the longest matching pattern wins (`generator.daftar` over
    `generator*`); `x*` matches x and its submodules."""
    nama = modul.removeprefix(MUKA + ".") if modul != MUKA else MUKA
    cocok = []
    for nomor, _, pola in LAPISAN:
        for p in pola:
            dasar = p.rstrip("*")
            if nama == dasar or (p.endswith("*") and nama.startswith(dasar + ".")):
                cocok.append((len(dasar), nomor))
    assert cocok, f"{modul} tidak ada di tabel lapisan docs/aturan.md"
    return max(cocok)[1]


def _impor(modul: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported module of the package) for every import, also inside functions.
    `from . import x` counts as importing module x when x is a module, else its package."""
    paket = path.name == "__init__.py"
    hasil = []
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Import):
            hasil += [(n.lineno, a.name) for a in n.names if a.name.split(".")[0] == MUKA]
        elif isinstance(n, ast.ImportFrom):
            if n.level:
                dasar = modul.split(".")
                if not paket:
                    dasar = dasar[:-1]
                dasar = dasar[:len(dasar) - (n.level - 1)]
                asal = ".".join(dasar + ([n.module] if n.module else []))
            else:
                asal = n.module or ""
            if asal.split(".")[0] != MUKA:
                continue
            for a in n.names:
                calon = f"{asal}.{a.name}"
                hasil.append((n.lineno, calon if calon in MODUL else asal))
    keluar = []
    for baris, m in hasil:
        while m not in MODUL:  # `import xl_kinerja.x.y` of a name: its module
            m = m.rsplit(".", 1)[0]
        if m != modul:
            keluar.append((baris, m))
    return keluar


GRAF = {m: _impor(m, p) for m, p in MODUL.items()}


def test_tabel_lapisan_dari_dokumen():
    assert [n for n, _, _ in LAPISAN] == list(range(1, len(LAPISAN) + 1))
    assert [nama for _, nama, _ in LAPISAN] == [
        "inti", "kontrak dan sarana", "pembuat", "impor", "aplikasi", "cli", "muka"]
    assert lapisan("xl_kinerja.capaian") == 1 and lapisan("xl_kinerja.ooxml.paket") == 2
    assert lapisan("xl_kinerja.generator.daftar") == 5 and lapisan("xl_kinerja.generator.rumus") == 3
    assert lapisan(MUKA) == 7


def test_gambar_lapisan_sama_dengan_tabel():
    """The drawing above the table lists the same modules per layer (no second truth)."""
    teks = DOK.read_text(encoding="utf-8")
    gambar = teks[teks.index("```\n7 muka"):teks.index("<!-- lapisan:awal -->")]
    isi: dict[int, set[str]] = {}
    nomor = 0
    for baris in gambar.splitlines():
        if m := re.match(r"^(\d) \S+\s+(.*)$", baris):
            nomor = int(m.group(1))
            baris = m.group(2)
        elif not baris.startswith("             "):
            continue
        isi.setdefault(nomor, set()).update(
            x.strip().replace(".*", "*") for x in baris.split(",") if x.strip())
    isi[7] = {MUKA}  # drawn as its file
    assert isi == {n: set(pola) for n, _, pola in LAPISAN}


def test_setiap_modul_punya_lapisan():
    tanpa = []
    for m in MODUL:
        try:
            lapisan(m)
        except AssertionError:
            tanpa.append(m)
    assert not tanpa, f"modul tanpa lapisan di docs/aturan.md: {tanpa}"
    # every pattern of the table names modules that exist (no stale rows)
    for _, _, pola in LAPISAN:
        for p in pola:
            dasar = p.rstrip("*")
            nama = MUKA if dasar == MUKA else f"{MUKA}.{dasar}"
            assert nama in MODUL, f"docs/aturan.md menyebut modul {nama} yang tidak ada"


def test_tidak_ada_impor_ke_lapisan_atas():
    naik = [f"{MODUL[m].relative_to(AKAR)}:{baris}: {m} (lapisan {lapisan(m)}) mengimpor "
            f"{t} (lapisan {lapisan(t)})"
            for m, impor in GRAF.items() for baris, t in impor if lapisan(t) > lapisan(m)]
    assert not naik, "\n".join(naik)


def test_muka_paket_tidak_diimpor_dari_dalam():
    dari_dalam = [f"{MODUL[m].relative_to(AKAR)}:{baris}"
                  for m, impor in GRAF.items() for baris, t in impor if t == MUKA]
    assert not dari_dalam, dari_dalam


def test_tidak_ada_siklus_impor():
    """Tarjan's strongly connected components over the module graph (package faces
    included: they are nodes like any module)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    di_tumpukan: set[str] = set()
    siklus: list[list[str]] = []

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        di_tumpukan.add(v)
        for _, w in GRAF[v]:
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                siklus.append(sorted(komponen))

    for v in GRAF:
        if v not in indeks:
            kunjungi(v)
    assert not siklus, siklus


def test_pemeriksa_lapisan_menangkap_pelanggaran(tmp_path):
    """The parser sees relative, absolute and function-level imports (no test that cannot
    fail): an OOXML module importing the rekap, or the LKj inside a function, imports
    upwards; `from .. import __version__` is the package face."""
    p = tmp_path / "contoh.py"
    p.write_text("from .. import nama\nfrom ..rekap import mesin\nfrom . import zip\n"
                 "def f():\n    import xl_kinerja.lkj.hitung\n    from .. import __version__\n",
                 encoding="utf-8")
    impor = {t: b for b, t in _impor("xl_kinerja.ooxml.paket", p)}
    assert impor == {"xl_kinerja.nama": 1, "xl_kinerja.rekap.mesin": 2, "xl_kinerja.ooxml.zip": 3,
                     "xl_kinerja.lkj.hitung": 5, MUKA: 6}
    assert [t for t in impor if lapisan(t) > lapisan("xl_kinerja.ooxml.paket")] == [
        "xl_kinerja.rekap.mesin", "xl_kinerja.lkj.hitung", MUKA]


def _impor_dalam_fungsi(path: Path) -> list[int]:
    """Lines of the imports inside functions (module-level imports are the rule)."""
    baris = []
    for f in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef):
            baris += [n.lineno for n in ast.walk(f) if isinstance(n, ast.Import | ast.ImportFrom)]
    return sorted(set(baris))


def _berkomentar_lazy(teks: list[str], baris: int) -> bool:
    """`# lazy: <reason>` on the import's line, or on the comment line just above the
    block of consecutive imports it belongs to."""
    if re.search(r"# lazy: \S", teks[baris - 1]):
        return True
    i = baris - 2
    while i >= 0 and re.match(r"\s*(from\s+\S+\s+)?import\s", teks[i]):
        if re.search(r"# lazy: \S", teks[i]):
            return True
        i -= 1
    return i >= 0 and re.match(r"\s*# lazy: \S", teks[i]) is not None


def test_impor_di_dalam_fungsi_hanya_yang_malas_dan_berkomentar():
    """Imports live at module top; the few kept inside a function for start-up time
    (openpyxl, pandas, xlwings, python-docx, the heavy CLI commands) say why."""
    tanpa = []
    jumlah = 0
    for path in MODUL.values():
        teks = path.read_text(encoding="utf-8").splitlines()
        for b in _impor_dalam_fungsi(path):
            jumlah += 1
            if not _berkomentar_lazy(teks, b):
                tanpa.append(f"{path.relative_to(AKAR)}:{b}: {teks[b - 1].strip()}")
    assert not tanpa, "impor di dalam fungsi tanpa '# lazy: alasan':\n" + "\n".join(tanpa)
    assert jumlah <= 40, f"{jumlah} impor malas: pindahkan yang tidak perlu ke atas modul"


def test_pemeriksa_komentar_lazy():
    teks = ["def f():", "    # lazy: pandas off the CLI path", "    import pandas as pd",
            "    from x import y", "    import json", "    z = 1", "    import csv"]
    assert _berkomentar_lazy(teks, 3) and _berkomentar_lazy(teks, 4) and _berkomentar_lazy(teks, 5)
    assert not _berkomentar_lazy(teks, 7)
    assert _berkomentar_lazy(["    import xlwings  # lazy: optional extra"], 1)
    assert not _berkomentar_lazy(["    import xlwings  # lazy:"], 1)
