//! `pattern` and `check_format` against the validation crates, read with serde_json: a
//! Twilio account SID held to `^AC[0-9a-fA-F]{32}$` (this project's automaton, validator's
//! and garde's `regex`, and `regex::Regex::is_match` called by hand after `serde_derive`),
//! and an address checked as an email; each on a valid and an invalid document.
//! Prints a ratio table to `serde_derive` (no check) for each.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench patterns`

use core::hint::black_box;

use authlete_models_bench::pattern_peers::{self, Shape};
use authlete_models_bench::report::{self, Cell, RatioTable, Table};

/// Per row and column of `shape`, the routine to time.
fn routines(shape: &Shape) -> Vec<Vec<Box<dyn Fn()>>> {
    shape
        .rows
        .iter()
        .map(|row| {
            let read = row.read;
            shape
                .docs
                .iter()
                .map(|&(_, _, doc, _)| {
                    let doc = doc.to_owned();
                    Box::new(move || {
                        black_box(read(black_box(&doc)));
                    }) as Box<dyn Fn()>
                })
                .collect()
        })
        .collect()
}

fn main() {
    // Every row gives every document its verdict before anything is timed.
    pattern_peers::check();
    let shapes = pattern_peers::shapes();
    let routines: Vec<_> = shapes.iter().map(routines).collect();

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("patterns");
        // One group per shape and document, every row back to back.
        for (shape, routines) in shapes.iter().zip(&routines) {
            for (col, (_, doc, _, _)) in shape.docs.iter().enumerate() {
                let mut group = c.benchmark_group(format!("{}-{doc}", shape.name));
                for (row, routines) in shape.rows.iter().zip(routines) {
                    group.bench_function(row.id, |b| b.iter(&routines[col]));
                }
                group.finish();
            }
        }
        c.final_summary();
        report::print_machine();
        for shape in &shapes {
            let cells = |id: &str| -> Vec<Option<f64>> {
                shape
                    .docs
                    .iter()
                    .map(|(_, doc, _, _)| {
                        report::median_ns(&dir, &format!("{}-{doc}", shape.name), id)
                    })
                    .collect()
            };
            Table {
                heading: format!(
                    "Criterion: {}, median as a ratio to serde_derive's median (median in \
                     parentheses)",
                    shape.heading
                ),
                columns: shape
                    .docs
                    .iter()
                    .map(|(t, _, _, _)| (*t).to_owned())
                    .collect(),
                rows: shape
                    .rows
                    .iter()
                    .map(|row| (row.title.to_owned(), cells(row.id)))
                    .collect(),
            }
            .print(&cells(shape.rows[0].id));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let tables: Vec<RatioTable> = shapes
        .iter()
        .zip(&routines)
        .map(|(shape, routines)| {
            // The rows `AUTHLETE_BENCH_ROWS` names (every row when unset), the floor always.
            let timed: Vec<usize> = (0..shape.rows.len())
                .filter(|&i| report::wanted(shape.rows[i].id, i == 0))
                .collect();
            let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); shape.rows.len()];
            for (col, _) in shape.docs.iter().enumerate() {
                let refs: Vec<&dyn Fn()> = timed.iter().map(|&i| &*routines[i][col]).collect();
                let mut results = report::interleaved(&refs, rounds).into_iter();
                for (row, cells) in cells.iter_mut().enumerate() {
                    cells.push(if timed.contains(&row) {
                        results.next()
                    } else {
                        None
                    });
                }
            }
            RatioTable {
                heading: format!(
                    "Interleaved ({rounds} rounds): {}, median of the per-round ratios to \
                     serde_derive (median time in parentheses)",
                    shape.heading
                ),
                columns: shape
                    .docs
                    .iter()
                    .map(|(t, _, _, _)| (*t).to_owned())
                    .collect(),
                rows: shape
                    .rows
                    .iter()
                    .zip(cells)
                    .map(|(row, cells)| (row.title.to_owned(), cells))
                    .collect(),
            }
        })
        .collect();
    report::print_machine();
    for table in &tables {
        table.print();
    }
}
