"""Generates the seeded matrices of scripts/bench-assign.sh, times SciPy's
linear_sum_assignment and doyak-assign's lap_bench on the same file, checks
the totals agree and prints one Markdown table row per matrix."""

import argparse
import statistics
import struct
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

REPEAT = 3


def write_matrix(path, matrix):
    # The format lap_bench reads: magic, rows and columns as little-endian
    # u64, then the entries as little-endian f64, row-major.
    with open(path, "wb") as f:
        f.write(b"DOYAKLAP" + struct.pack("<QQ", *matrix.shape))
        np.ascontiguousarray(matrix, dtype="<f8").tofile(f)


def matrices(size):
    """(name, matrix, maximize) for each benchmark, from fixed seeds."""
    rng = np.random.default_rng(20240501)
    yield "uniform integers 0..1000, minimise", rng.integers(0, 1000, (size, size)).astype(np.float64), False
    # Fit scores: 70% of pairs infeasible (0), the rest 1..=100, maximised,
    # as the caseload wrapper would see a dense score table.
    infeasible = rng.random((size, size)) < 0.7
    scores = rng.integers(1, 101, (size, size)).astype(np.float64)
    yield "scores 1..100, 70% infeasible = 0, maximise", np.where(infeasible, 0.0, scores), True
    yield "uniform reals [0, 1), minimise", rng.random((size, size)), False


def time_scipy(matrix, maximize):
    times, total = [], None
    for _ in range(REPEAT):
        started = time.perf_counter()
        rows, cols = linear_sum_assignment(matrix, maximize=maximize)
        times.append((time.perf_counter() - started) * 1e3)
        total = float(matrix[rows, cols].sum())
    return statistics.median(times), total


def time_doyak(binary, path, maximize):
    args = [binary, path, "--repeat", str(REPEAT)] + (["--maximize"] if maximize else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    fields = dict(part.split("=", 1) for part in out.split())
    return float(fields["ms"]), float(fields["total"])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True, help="the lap_bench release binary")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--dir", required=True, help="where to write the matrix files")
    args = parser.parse_args()

    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}; median of {REPEAT} solves each\n")
    print("| matrix | size | scipy ms | doyak ms | totals equal |")
    print("| --- | --- | ---: | ---: | --- |")
    all_equal = True
    for index, (name, matrix, maximize) in enumerate(matrices(args.size)):
        path = f"{args.dir}/matrix-{args.size}-{index}.bin"
        write_matrix(path, matrix)
        scipy_ms, scipy_total = time_scipy(matrix, maximize)
        del matrix  # keep one matrix in memory while the Rust side runs
        doyak_ms, doyak_total = time_doyak(args.bin, path, maximize)
        equal = abs(scipy_total - doyak_total) <= 1e-9 * max(1.0, abs(scipy_total))
        all_equal &= equal
        verdict = "yes" if equal else f"NO ({scipy_total!r} vs {doyak_total!r})"
        size = f"{args.size}×{args.size}"
        print(f"| {name} | {size} | {scipy_ms:.0f} | {doyak_ms:.0f} | {verdict} |", flush=True)
    sys.exit(0 if all_equal else 1)


if __name__ == "__main__":
    main()
