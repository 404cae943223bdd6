"""Per-call cost of `capaian` on plain numbers vs a bare `realisasi / target` lambda,
measured in the same run. Goal (issue 2): within 10x of the lambda.

Run: python3 benchmarks/bench_capaian.py
"""
import random
import timeit

from xl_kinerja import capaian

N = 200_000
random.seed(7)
pasangan = [(random.uniform(1, 1000), random.uniform(0, 1200)) for _ in range(N)]
bagi = lambda t, r: r / t  # noqa: E731  the baseline


def ukur(fungsi) -> float:
    return min(timeit.repeat(lambda: [fungsi(t, r) for t, r in pasangan], number=1, repeat=5))


dasar = ukur(bagi)
inti = ukur(capaian)
print(f"lambda r/t      : {N / dasar:12,.0f} panggilan/detik")
print(f"capaian (angka) : {N / inti:12,.0f} panggilan/detik")
print(f"rasio capaian/lambda: {inti / dasar:.2f}x (sasaran <= 10x)")
