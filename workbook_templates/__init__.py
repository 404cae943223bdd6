"""Data templat buku kerja dan katalog indikator bawaan (dibaca lewat importlib.resources)."""
