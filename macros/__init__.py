"""The Excel add-in (xl_kinerja.xlam) shipped as xl_kinerja.macros; its ribbon XML and the VBA
exported for reading stay in the repository, the build script is macros/bangun/bangun_xlam.py."""
