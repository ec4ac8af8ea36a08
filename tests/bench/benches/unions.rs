//! The derive's newer shapes against `serde_derive`'s equivalents, read with serde_json: an
//! internally tagged enum (the tag first and last), an untagged enum (the document matching
//! the last of three variants, and the first), a flattened `BTreeMap<String, String>`, a
//! flattened struct model, and `Option<Option<T>>` (`null`, a value, absent) against serde's
//! `deserialize_with` helper.
//! Prints a ratio table to `serde_derive` for each.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench unions`

use core::hint::black_box;

use authlete_models_bench::report::{self, Cell, RatioTable, Table};
use authlete_models_bench::union_peers::{self, Shape};

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
                .map(|&(_, _, doc)| {
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
    // Every implementation reads every document to the same value before anything is timed.
    union_peers::check();
    let shapes = union_peers::shapes();
    let routines: Vec<_> = shapes.iter().map(routines).collect();

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("unions");
        // One group per shape and document, both implementations back to back.
        for (shape, routines) in shapes.iter().zip(&routines) {
            for (col, (_, doc, _)) in shape.docs.iter().enumerate() {
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
                    .map(|(_, doc, _)| {
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
                columns: shape.docs.iter().map(|(t, _, _)| (*t).to_owned()).collect(),
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
            let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); shape.rows.len()];
            for col in 0..shape.docs.len() {
                let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &*r[col]).collect();
                for (row, cell) in report::interleaved(&refs, rounds).into_iter().enumerate() {
                    cells[row].push(Some(cell));
                }
            }
            RatioTable {
                heading: format!(
                    "Interleaved ({rounds} rounds): {}, median of the per-round ratios to \
                     serde_derive (median time in parentheses)",
                    shape.heading
                ),
                columns: shape.docs.iter().map(|(t, _, _)| (*t).to_owned()).collect(),
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
