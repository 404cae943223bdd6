"""docs/aturan.md is checked against the code: every cited code place exists, every cited
test exists, every public rule function of the core is cited by a rule, and every
`docs/aturan.md` citation in the code names a section or rule that exists."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
DOK = AKAR / "docs" / "aturan.md"
INTI = ("aturan", "angka", "target", "capaian", "predikat", "anggaran", "agregat", "terbilang",
        "evaluasi")
_RUJUKAN = re.compile(r"`([^`]+)`")


def _aturan() -> dict[str, dict[str, list[str]]]:
    """{"A11": {"judul": [...], "Aturan": [...], "Sumber": [...], "Kode": [...], "Tes": [...]}}
    from the `### A<n>. title` blocks and their `- **Field**:` items (items may wrap)."""
    hasil: dict[str, dict[str, list[str]]] = {}
    kini = bidang = None
    for baris in DOK.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^### (A\d+)\. (.+)$", baris):
            kini = hasil.setdefault(m.group(1), {"judul": [m.group(2)]})
            bidang = None
        elif baris.startswith("#"):
            kini = bidang = None
        elif kini is not None and (m := re.match(r"^- \*\*(\w+)\*\*: (.*)$", baris)):
            bidang = m.group(1)
            kini.setdefault(bidang, []).append(m.group(2))
        elif kini is not None and bidang and baris.startswith("  ") and baris.strip():
            kini[bidang].append(baris.strip())
        else:
            bidang = None
    return hasil


ATURAN = _aturan()


def _kode(a: dict) -> list[str]:
    return _RUJUKAN.findall(" ".join(a.get("Kode", [])))


def _tes(a: dict) -> list[str]:
    return _RUJUKAN.findall(" ".join(a.get("Tes", [])))


def _ada(rujukan: str):
    """The object a dotted `xl_kinerja...` path names: the longest importable module, then
    attributes."""
    bagian = rujukan.split(".")
    for i in range(len(bagian), 0, -1):
        try:
            obj = importlib.import_module(".".join(bagian[:i]))
        except ModuleNotFoundError:
            continue
        for nama in bagian[i:]:
            obj = getattr(obj, nama)
        return obj
    raise ModuleNotFoundError(rujukan)


def _fungsi_tes(berkas: Path) -> set[str]:
    pohon = ast.parse(berkas.read_text(encoding="utf-8"))
    return {n.name for n in pohon.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def test_dokumen_memuat_aturan_lengkap():
    assert len(ATURAN) >= 30
    assert list(ATURAN) == [f"A{i}" for i in range(1, len(ATURAN) + 1)], "nomor berurutan"
    for kode, a in ATURAN.items():
        for bidang in ("Aturan", "Sumber", "Kode", "Tes"):
            assert a.get(bidang), f"{kode} tanpa {bidang}"
        assert _kode(a), f"{kode}: Kode tanpa rujukan `modul.nama`"
        assert _tes(a), f"{kode}: Tes tanpa rujukan `tests/berkas.py::fungsi`"


@pytest.mark.parametrize("kode", list(ATURAN))
def test_letak_kode_ada(kode):
    for rujukan in _kode(ATURAN[kode]):
        assert rujukan.startswith("xl_kinerja."), (kode, rujukan)
        try:
            _ada(rujukan)
        except (ImportError, AttributeError) as e:
            pytest.fail(f"{kode}: {rujukan} tidak ada ({e})")


@pytest.mark.parametrize("kode", list(ATURAN))
def test_tes_yang_disebut_ada(kode):
    for rujukan in _tes(ATURAN[kode]):
        berkas, _, fungsi = rujukan.partition("::")
        path = AKAR / berkas
        assert berkas.startswith("tests/") and path.is_file(), (kode, rujukan)
        assert fungsi in _fungsi_tes(path), f"{kode}: {rujukan} tidak ada"


def test_setiap_fungsi_publik_inti_disebut():
    """A new public function or class in a core module fails here until a rule cites it."""
    disebut = {r for a in ATURAN.values() for r in _kode(a)}
    kurang = []
    for modul in INTI:
        pohon = ast.parse((AKAR / "xl_kinerja" / f"{modul}.py").read_text(encoding="utf-8"))
        for n in pohon.body:
            if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_"):
                if f"xl_kinerja.{modul}.{n.name}" not in disebut:
                    kurang.append(f"xl_kinerja.{modul}.{n.name}")
    assert not kurang, f"fungsi inti tanpa aturan di docs/aturan.md: {kurang}"


def test_rujukan_dari_kode_menunjuk_bagian_yang_ada():
    teks = DOK.read_text(encoding="utf-8")
    bagian = set(re.findall(r"^## (.+)$", teks, re.MULTILINE))
    dirujuk = 0
    for path in [*(AKAR / "xl_kinerja").rglob("*.py"), *(AKAR / "tests").glob("*.py")]:
        isi = path.read_text(encoding="utf-8")
        for nama in re.findall(r'docs/aturan\.md,? (?:section )?"([^"]+)"', isi):
            assert nama in bagian, f"{path.relative_to(AKAR)}: bagian {nama!r} tidak ada"
            dirujuk += 1
        for nomor in re.findall(r"docs/aturan\.md[^\n]*?\b(A\d+)\b", isi):
            assert nomor in ATURAN, f"{path.relative_to(AKAR)}: aturan {nomor} tidak ada"
    assert dirujuk >= 10


def test_tidak_ada_rujukan_ke_luar_repositori():
    for path in [*(AKAR / "xl_kinerja").rglob("*.py"), *(AKAR / "tests").glob("*.py"),
                 AKAR / "README.md"]:
        assert "DOMAIN.md" not in path.read_text(encoding="utf-8") or path.name == Path(__file__).name, path
