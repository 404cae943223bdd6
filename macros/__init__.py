"""Excel add-in sources (customUI, VBA, build script) shipped as xl_kinerja.macros."""
