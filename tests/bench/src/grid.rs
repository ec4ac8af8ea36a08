//! The runner of the benchmarks that time a few implementations on a few documents each
//! (`unions`, `patterns`): criterion's groups and the interleaved ratio tables, and the
//! profiling examples' command line, over one table shape.

use core::hint::black_box;

use crate::report::{self, Cell, RatioTable, Table};

/// One table: the documents are its columns, the implementations its rows, the floor first.
pub struct Grid {
    /// A file-name-safe id.
    pub name: &'static str,
    /// What the table reads.
    pub heading: &'static str,
    /// The columns: `(title, id, document)`.
    pub docs: Vec<(&'static str, &'static str, &'static str)>,
    /// The rows: `(title, criterion id, read)`.
    pub rows: Vec<(&'static str, &'static str, Read)>,
}

/// Reads a document; whether it was accepted.
pub type Read = fn(&str) -> bool;

/// Per row and column of `grid`, the routine to time.
fn routines(grid: &Grid) -> Vec<Vec<Box<dyn Fn()>>> {
    grid.rows
        .iter()
        .map(|&(_, _, read)| {
            grid.docs
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

/// Times every grid: criterion's groups (unless `AUTHLETE_BENCH_INTERLEAVED_ONLY`), then the
/// interleaved rounds of the rows `AUTHLETE_BENCH_ROWS` names (every row when unset, the
/// floor always), and prints a ratio table for each.
pub fn bench(name: &str, grids: &[Grid]) {
    let routines: Vec<_> = grids.iter().map(routines).collect();
    let columns = |grid: &Grid| grid.docs.iter().map(|d| d.0.to_owned()).collect();

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion(name);
        // One group per grid and document, every row back to back.
        for (grid, routines) in grids.iter().zip(&routines) {
            for (col, (_, doc, _)) in grid.docs.iter().enumerate() {
                let mut group = c.benchmark_group(format!("{}-{doc}", grid.name));
                for ((_, id, _), routines) in grid.rows.iter().zip(routines) {
                    group.bench_function(*id, |b| b.iter(&routines[col]));
                }
                group.finish();
            }
        }
        c.final_summary();
        report::print_machine();
        for grid in grids {
            let cells = |id: &str| -> Vec<Option<f64>> {
                grid.docs
                    .iter()
                    .map(|(_, doc, _)| report::median_ns(&dir, &format!("{}-{doc}", grid.name), id))
                    .collect()
            };
            Table {
                heading: format!(
                    "Criterion: {}, median as a ratio to serde_derive's median (median in \
                     parentheses)",
                    grid.heading
                ),
                columns: columns(grid),
                rows: grid
                    .rows
                    .iter()
                    .map(|(title, id, _)| ((*title).to_owned(), cells(id)))
                    .collect(),
            }
            .print(&cells(grid.rows[0].1));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let tables: Vec<RatioTable> = grids
        .iter()
        .zip(&routines)
        .map(|(grid, routines)| {
            let timed: Vec<usize> = (0..grid.rows.len())
                .filter(|&i| report::wanted(grid.rows[i].1, i == 0))
                .collect();
            let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); grid.rows.len()];
            for (col, _) in grid.docs.iter().enumerate() {
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
                    grid.heading
                ),
                columns: columns(grid),
                rows: grid
                    .rows
                    .iter()
                    .zip(cells)
                    .map(|((title, _, _), cells)| ((*title).to_owned(), cells))
                    .collect(),
            }
        })
        .collect();
    report::print_machine();
    for table in &tables {
        table.print();
    }
}

/// A profiling example's command line: `GRID:ROW DOCUMENT [ITERATIONS]` reads the document
/// with the row that many times (a million by default); with no arguments, lists each row
/// with its grid's documents.
pub fn profile(grids: &[Grid]) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((name, id)) = args.first().and_then(|a| a.split_once(':')) else {
        for grid in grids {
            let docs: Vec<&str> = grid.docs.iter().map(|d| d.1).collect();
            for row in &grid.rows {
                println!("{}:{} {}", grid.name, row.1, docs.join(" "));
            }
        }
        return;
    };
    let grid = grids.iter().find(|g| g.name == name).expect("a grid");
    let read = grid.rows.iter().find(|r| r.1 == id).expect("a row").2;
    let wanted = args.get(1).map_or("", String::as_str);
    let doc = grid
        .docs
        .iter()
        .find(|d| d.1 == wanted)
        .expect("a document")
        .2
        .to_owned();
    let n: u64 = args
        .get(2)
        .map_or(1_000_000, |a| a.parse().expect("a count"));
    let mut ok = 0u64;
    for _ in 0..n {
        ok += u64::from(read(black_box(&doc)));
    }
    println!("{name}:{id} on {wanted}: {ok} of {n} accepted");
}
