import pytest

from xl_kinerja.cli import main


def test_capaian_cli(capsys):
    assert main(["capaian", "24 Laporan", "20 Laporan"]) == 0
    assert capsys.readouterr().out.strip() == "Capaian: 83,33% (Cukup Berhasil)"


def test_predikat_dan_terbilang_cli(capsys):
    assert main(["predikat", "72,80", "--skala", "sakip"]) == 0
    assert main(["terbilang", "51.412.431.000"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["BB", "Lima Puluh Satu Miliar Empat Ratus Dua Belas Juta Empat Ratus "
                         "Tiga Puluh Satu Ribu Rupiah"]


def test_masukan_salah_tanpa_traceback(capsys):
    assert main(["capaian", "abc", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith('kesalahan: target "abc" tidak dapat dibaca')
    assert "Traceback" not in err


def test_bantuan_subperintah_berbahasa_indonesia(capsys):
    import pytest
    with pytest.raises(SystemExit):
        main(["capaian", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Pemakaian: xl-kinerja capaian ")
    assert "Pemakaian: Pemakaian" not in out and "tampilkan bantuan ini" in out


def test_pipa_ditutup_tanpa_traceback(monkeypatch, capsys):
    # `xl-kinerja ... | head`: the reader closes the pipe; no "kesalahan internal", exit 141
    import io
    import sys

    from xl_kinerja.cli import main

    class PipaTertutup(io.StringIO):
        def write(self, teks):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", PipaTertutup())
    assert main(["terbilang", "1001000"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv, pesan", [
    (["predikat", ""], "nilai kosong"),
    (["predikat", "  "], "nilai kosong"),
    (["terbilang", ""], "angka kosong"),
    (["capaian", "", "5"], "target kosong"),
])
def test_nilai_kosong_adalah_kesalahan(capsys, argv, pesan):
    assert main(argv) == 2
    k = capsys.readouterr()
    assert k.out == "" and k.err.startswith(f"kesalahan: {pesan}") and "None" not in k.err


def test_angka_negatif_sebagai_argumen(capsys):
    # "-5%" is a value, not an unknown option: the core's own message comes back
    assert main(["capaian", "-5%", "10%"]) == 2
    assert capsys.readouterr().err == 'kesalahan: target "-5%" tidak boleh negatif\n'
    assert main(["capaian", "--", "10%", "-5%"]) == 2
    assert capsys.readouterr().err == 'kesalahan: realisasi "-5%" tidak boleh negatif\n'


def test_contoh_di_bantuan_predikat_berjalan(capsys):
    import re
    with pytest.raises(SystemExit):
        main(["predikat", "--help"])
    contoh = re.findall(r"xl-kinerja (predikat [^[;\n][^;\n]*)", capsys.readouterr().out)
    assert contoh == ['predikat "90,01%"', "predikat 72,80 --skala sakip"]
    import shlex
    hasil = []
    for c in contoh:
        assert main(shlex.split(c)) == 0
        hasil.append(capsys.readouterr().out.strip())
    assert hasil == ["Berhasil", "BB"]
