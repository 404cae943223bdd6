"""One builder per sheet; each takes the sheet, the `Konteks` and the layouts it links to."""
from __future__ import annotations

from .anggaran import bangun_anggaran
from .iku import bangun_iku
from .pengukuran import bangun_pengukuran, cetak_pengukuran
from .pk import bangun_pk
from .referensi import bangun_referensi
from .renaksi import bangun_renaksi
from .rkt import bangun_rkt

__all__ = ["bangun_anggaran", "bangun_iku", "bangun_pengukuran", "bangun_pk",
           "bangun_referensi", "bangun_renaksi", "bangun_rkt", "cetak_pengukuran"]
