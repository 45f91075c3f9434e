//! Times `linear_sum_assignment` on a matrix read from a file, for
//! `scripts/bench-assign.sh`, which times SciPy on the same file.
//!
//! Usage: `lap_bench FILE [--maximize] [--repeat N]`. The file is the
//! 8 bytes `DOYAKLAP`, the row and column counts as little-endian u64, then
//! the entries as little-endian f64, row-major. Prints the median solve time
//! over the repeats and the total, as `ms=<median> total=<total>`.

use std::process::ExitCode;
use std::time::Instant;

use doyak_assign::{Objective, linear_sum_assignment};

const MAGIC: &[u8; 8] = b"DOYAKLAP";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lap_bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut path = None;
    let mut objective = Objective::Minimize;
    let mut repeat = 3usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--maximize" => objective = Objective::Maximize,
            "--repeat" => {
                let n = args.next().ok_or("--repeat needs a count")?;
                repeat = n
                    .parse()
                    .map_err(|_| format!("--repeat {n}: not a count"))?;
            }
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let path = path.ok_or("usage: lap_bench FILE [--maximize] [--repeat N]")?;
    let (costs, n_rows, n_cols) = read_matrix(&path)?;

    let mut times_ms = Vec::with_capacity(repeat);
    let mut total = f64::NAN;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let assignment = linear_sum_assignment(&costs, n_rows, n_cols, objective)
            .map_err(|e| format!("{path}: {e}"))?;
        times_ms.push(started.elapsed().as_secs_f64() * 1e3);
        total = assignment.total;
    }
    times_ms.sort_by(f64::total_cmp);
    println!("ms={:.1} total={total}", times_ms[times_ms.len() / 2]);
    Ok(())
}

fn read_matrix(path: &str) -> Result<(Vec<f64>, usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let malformed = || format!("{path}: not a DOYAKLAP matrix file");
    let (magic, rest) = bytes.split_at_checked(8).ok_or_else(malformed)?;
    if magic != MAGIC {
        return Err(malformed());
    }
    let (dims, data) = rest.split_at_checked(16).ok_or_else(malformed)?;
    let (rows, cols) = dims.split_at(8);
    let read_u64 = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0xff; 8]));
    let n_rows = usize::try_from(read_u64(rows)).map_err(|_| malformed())?;
    let n_cols = usize::try_from(read_u64(cols)).map_err(|_| malformed())?;
    if n_rows.checked_mul(n_cols).and_then(|n| n.checked_mul(8)) != Some(data.len()) {
        return Err(format!(
            "{path}: {n_rows}×{n_cols} does not match {} bytes of entries",
            data.len()
        ));
    }
    let costs = data
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
        .collect();
    Ok((costs, n_rows, n_cols))
}
