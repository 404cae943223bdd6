"""openpyxl collections that stay fast for a workbook of thousands of rows.

Two costs of bare openpyxl grow with the workbook the generator builds:

- every style assignment (`cell.font = FONT_BIASA`) looks the object up in the workbook's
  list of fonts/fills/borders/...: `hash()` of an openpyxl style object walks all its
  fields (a Font with its Color) on each call, a third of the generator's time;
- `ws.merge_cells` checks the new range against every merged range of the sheet before
  adding it (`MultiCellRange.add`): quadratic in the number of merged ranges.

`percepat(wb)` swaps those collections for subclasses that give the same answers faster:
the style lists remember the index of each object they have already been given (by
identity; the object is kept alive, so its id cannot be reused), the merged ranges of each
sheet are indexed by row, so the subset check only visits ranges on the same rows.

`gabung(ws, ...)` is `ws.merge_cells` with the borders openpyxl gives the cells of the
range (a new Border object per edge cell, hashed to find its index) looked up by the
indices they are computed from. Both give the written workbook byte for byte as before:
same style indices, same merged ranges in the same order.
"""
from __future__ import annotations

from openpyxl.cell.cell import MergedCell
from openpyxl.styles.borders import Border
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.merge import MergedCellRange

_KOLEKSI_GAYA = ("_fonts", "_fills", "_borders", "_alignments", "_protections")


class _DaftarGaya(IndexedList):
    """IndexedList whose `add` answers an object it has seen before without hashing it."""

    def __init__(self, iterable=None):
        super().__init__(iterable)
        self._per_id: dict[int, tuple[object, int]] = {}

    def add(self, value):
        hasil = self._per_id.get(id(value))
        if hasil is not None and hasil[0] is value:
            return hasil[1]
        indeks = super().add(value)
        # style objects are not changed once assigned (a cell hands out read-only
        # proxies), so the index found for this object stays right
        self._per_id[id(value)] = (value, indeks)
        return indeks


class _Gabungan(MultiCellRange):
    """The merged ranges of a sheet, with openpyxl's rule (a range inside one already
    merged is not added) checked against the ranges sharing a row only."""

    def __init__(self, ranges=()):
        super().__init__(set())
        self._per_baris: dict[int, list[CellRange]] = {}
        for r in ranges:
            self.add(r)

    def __contains__(self, coord):
        if isinstance(coord, str):
            coord = CellRange(coord)
        return any(coord <= r for r in self._per_baris.get(coord.min_row, ()))

    def add(self, coord):
        cr = CellRange(coord) if isinstance(coord, str) else coord
        if not isinstance(cr, CellRange):
            raise ValueError("You can only add CellRanges")
        if cr not in self:
            self.ranges.add(cr)
            for baris in range(cr.min_row, cr.max_row + 1):
                self._per_baris.setdefault(baris, []).append(cr)

    def remove(self, coord):
        cr = CellRange(coord) if isinstance(coord, str) else coord
        super().remove(cr)
        for baris in range(cr.min_row, cr.max_row + 1):
            daftar = self._per_baris.get(baris, [])
            if cr in daftar:
                daftar.remove(cr)


def percepat(wb) -> None:
    """Swap the style lists of `wb` and the merged ranges of each of its sheets (call
    after the sheets are created; a sheet created later keeps openpyxl's own)."""
    for nama in _KOLEKSI_GAYA:
        setattr(wb, nama, _DaftarGaya(getattr(wb, nama)))
    for ws in wb.worksheets:
        ws.merged_cells = _Gabungan(ws.merged_cells.ranges)


_SISI = ("top", "left", "right", "bottom")  # MergedCellRange.format's order


def gabung(ws, *, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
    """`ws.merge_cells(start_row=..., ...)`, same result (see MergedCellRange: the top-left
    cell takes the right/bottom border of the bottom-right one, the other cells become
    MergedCells, the edge cells take the top-left cell's border on their side, every cell
    its protection). Each new border index is a function of the indices it is combined
    from, so it is computed once per combination and per workbook."""
    wb = ws.parent
    memo = wb.__dict__.setdefault("_xlk_bingkai_gabung", {})
    coord = CellRange(min_col=start_column, min_row=start_row, max_col=end_column,
                      max_row=end_row).coord
    awal = ws.cell(start_row, start_column)
    akhir = ws._cells.get((end_row, end_column))
    kunci = ("akhir", _gaya(awal).borderId, _gaya(akhir).borderId if akhir else None)
    indeks = memo.get(kunci)
    if indeks is None:
        mcr = MergedCellRange(ws, coord)  # combines the borders itself
        memo[kunci] = awal._style.borderId
    else:
        awal._style.borderId = indeks
        mcr = _rentang_tanpa_bingkai(ws, coord, awal)
    ws.merged_cells.add(mcr)
    sel = mcr.cells
    next(sel)  # the top-left cell stays
    for baris, kolom in sel:
        ws._cells[baris, kolom] = MergedCell(ws, baris, kolom)
    for sisi in _SISI:
        b_awal = _gaya(awal).borderId
        for xy in getattr(mcr, sisi):
            c = ws._cells[xy]
            kunci = (sisi, _gaya(c).borderId, b_awal)
            indeks = memo.get(kunci)
            if indeks is None:
                _bingkai_sisi(c, awal, sisi)
                memo[kunci] = c._style.borderId
            else:
                c._style.borderId = indeks
    lindung = _gaya(awal).protectionId
    for xy in mcr.cells:
        _gaya(ws._cells[xy]).protectionId = lindung


def _rentang_tanpa_bingkai(ws, coord: str, awal) -> MergedCellRange:
    """A MergedCellRange whose start cell is `awal`, without `_get_borders` (its result is
    already applied from the memo)."""
    mcr = MergedCellRange.__new__(MergedCellRange)
    mcr.ws = ws
    CellRange.__init__(mcr, range_string=coord)
    mcr.start_cell = awal
    return mcr


def _bingkai_sisi(sel, awal, sisi: str) -> None:
    """One side of MergedCellRange.format for one cell."""
    side = getattr(awal.border, sisi)
    if side and side.style is None:
        return
    sel.border += Border(**{sisi: side})


def _gaya(sel) -> StyleArray:
    """The cell's style array, created as openpyxl's style descriptors create it."""
    if not sel._style:
        sel._style = StyleArray()
    return sel._style
