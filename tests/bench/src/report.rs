//! Runs criterion into a directory of its own and prints its medians as a ratio table.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;

/// Criterion set up for these benchmarks: no plots, short warm-up and measurement (the
/// command line may override them, e.g. `-- --measurement-time 10`), its files in a fresh
/// directory so the tables read this run's medians only.
pub fn criterion(name: &str) -> (Criterion, PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "authlete-models-bench-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let c = Criterion::default()
        .output_directory(&dir)
        .without_plots()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(100)
        .configure_from_args();
    (c, dir)
}

/// The median of one benchmark of this run, in nanoseconds, if it ran.
pub fn median_ns(dir: &Path, group: &str, function: &str) -> Option<f64> {
    let path = dir
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["median"]["point_estimate"].as_f64()
}

/// A table of medians: one row per implementation, one column per input.
pub struct Table {
    /// The heading printed above it.
    pub heading: String,
    /// The column titles.
    pub columns: Vec<String>,
    /// Each row: its title and one median per column (`None` when filtered out).
    pub rows: Vec<(String, Vec<Option<f64>>)>,
}

impl Table {
    /// Prints the table as Markdown, each cell as `ratio (median ns)`, the ratio to
    /// `baseline[column]`.
    pub fn print(&self, baseline: &[Option<f64>]) {
        print_heading(&self.heading, &self.columns);
        for (title, cells) in &self.rows {
            print!("| {title} |");
            for (cell, base) in cells.iter().zip(baseline) {
                match (cell, base) {
                    (Some(t), Some(b)) => print!(" {:.2} ({}) |", t / b, ns(*t)),
                    (Some(t), None) => print!(" ({}) |", ns(*t)),
                    _ => print!(" – |"),
                }
            }
            println!();
        }
        println!();
    }
}

/// A duration in nanoseconds, with three significant digits.
pub fn ns(t: f64) -> String {
    if t >= 1000.0 {
        format!("{:.2} µs", t / 1000.0)
    } else if t >= 100.0 {
        format!("{t:.0} ns")
    } else {
        format!("{t:.1} ns")
    }
}

/// Prints the machine the run is on: cores and CPU model.
pub fn print_machine() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    println!("machine: {cores} cores, {cpu}");
}

/// Whether to skip criterion and run the interleaved measurement only
/// (`AUTHLETE_BENCH_INTERLEAVED_ONLY=1`).
pub fn interleaved_only() -> bool {
    std::env::var_os("AUTHLETE_BENCH_INTERLEAVED_ONLY").is_some_and(|v| v != "0")
}

/// Whether the interleaved measurement times the row `id`: every row, unless
/// `AUTHLETE_BENCH_ROWS` names some (comma-separated ids; the first row, the baseline, is always
/// timed). Fewer rows make a quicker run when comparing two of them.
pub fn wanted(id: &str, first: bool) -> bool {
    match std::env::var("AUTHLETE_BENCH_ROWS") {
        Ok(rows) if !first => rows.split(',').any(|r| r.trim() == id),
        _ => true,
    }
}

/// The number of rounds of the interleaved measurement (`AUTHLETE_BENCH_ROUNDS`, default 2000).
pub fn rounds() -> usize {
    std::env::var("AUTHLETE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// The interleaved measurement: a machine shared with other work slows down in bursts of
/// seconds, which criterion (one benchmark after the other, seconds each) turns into ratios
/// that drift from run to run. Here every round times one short batch of each routine, in an
/// order that changes every round, so all routines see the same machine; each routine's time is
/// the median over the rounds, and each ratio the median over the rounds of that round's ratio
/// to the baseline (routine 0).
///
/// Returns, per routine, `(median ns per call, median ratio to routine 0)`.
pub fn interleaved(routines: &[&dyn Fn()], rounds: usize) -> Vec<(f64, f64)> {
    const BATCH: Duration = Duration::from_micros(200);
    // Calls per batch, so that a batch takes about `BATCH`.
    let batch: Vec<u32> = routines
        .iter()
        .map(|f| {
            for _ in 0..1000 {
                f();
            }
            let mut n = 1u32;
            loop {
                let start = Instant::now();
                for _ in 0..n {
                    f();
                }
                if start.elapsed() >= BATCH || n >= 1 << 20 {
                    return n;
                }
                n *= 2;
            }
        })
        .collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); routines.len()];
    let mut order: Vec<usize> = (0..routines.len()).collect();
    let mut state = 0x2545_F491u32;
    for _ in 0..rounds {
        // A new order every round (Fisher-Yates with a fixed generator).
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            order.swap(i, state as usize % (i + 1));
        }
        for &i in &order {
            let start = Instant::now();
            for _ in 0..batch[i] {
                routines[i]();
            }
            times[i].push(start.elapsed().as_nanos() as f64 / f64::from(batch[i]));
        }
    }
    let ratios: Vec<f64> = (0..routines.len())
        .map(|i| median(times[i].iter().zip(&times[0]).map(|(t, b)| t / b).collect()))
        .collect();
    times
        .into_iter()
        .zip(ratios)
        .map(|(t, r)| (median(t), r))
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// One interleaved result, `(median ns, median ratio)`, if measured.
pub type Cell = Option<(f64, f64)>;

/// A table of interleaved results: per row and column, `(median ns, median ratio)`.
pub struct RatioTable {
    /// The heading printed above it.
    pub heading: String,
    /// The column titles.
    pub columns: Vec<String>,
    /// Each row: its title and one cell per column (`None` when not measured).
    pub rows: Vec<(String, Vec<Cell>)>,
}

impl RatioTable {
    /// Prints the table as Markdown, each cell as `ratio (median ns)`.
    pub fn print(&self) {
        print_heading(&self.heading, &self.columns);
        for (title, cells) in &self.rows {
            print!("| {title} |");
            for cell in cells {
                match cell {
                    Some((t, r)) => print!(" {r:.2} ({}) |", ns(*t)),
                    None => print!(" – |"),
                }
            }
            println!();
        }
        println!();
    }
}

/// A table's heading line and its Markdown header rows.
fn print_heading(heading: &str, columns: &[String]) {
    println!();
    println!("{heading}");
    println!();
    print!("| implementation |");
    for c in columns {
        print!(" {c} |");
    }
    println!();
    print!("|---|");
    for _ in columns {
        print!("---|");
    }
    println!();
}
