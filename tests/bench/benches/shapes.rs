//! Two field shapes besides a string, through this project's derive and `serde_derive`:
//! reading a string enum (`{"grant": "CLIENT_CREDENTIALS"}`), and a `HashMap<String, String>`
//! with rules on its size, keys and values (`{"attrs": {…}}`, 8 entries). Prints a ratio
//! table to plain `serde_derive` for each.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench shapes`

use core::hint::black_box;

use authlete_models_bench::report::{self, Cell, RatioTable, Table};
use authlete_models_bench::shape_peers::{ENUM_ROWS, MAP_ROWS};
use authlete_models_bench::shapes::{self, EnumCase, GRANT_VALUES, MapCase};

/// One shape's table: its rows (title, id), its columns (title, id) and, per row and column,
/// the routine to time.
struct Shape {
    name: &'static str,
    heading: &'static str,
    rows: Vec<(&'static str, &'static str)>,
    columns: Vec<(&'static str, &'static str)>,
    routines: Vec<Vec<Box<dyn Fn()>>>,
}

fn enum_shape(cases: &[EnumCase]) -> Shape {
    Shape {
        name: "enum",
        heading: "read `{\"grant\": …}`, a string enum, with serde_json",
        rows: ENUM_ROWS.iter().map(|r| (r.title, r.id)).collect(),
        columns: cases.iter().map(|c| (c.title, c.id)).collect(),
        routines: ENUM_ROWS
            .iter()
            .map(|row| {
                cases
                    .iter()
                    .map(|case| {
                        let read = row.reader(case);
                        let doc = case.doc.clone();
                        Box::new(move || {
                            black_box(read(black_box(&doc)));
                        }) as Box<dyn Fn()>
                    })
                    .collect()
            })
            .collect(),
    }
}

fn map_shape(cases: &[MapCase]) -> Shape {
    Shape {
        name: "map",
        heading: "read `{\"attrs\": {…}}`, a `HashMap<String, String>` of 8 entries, with \
                  serde_json (and validate)",
        rows: MAP_ROWS.iter().map(|r| (r.title, r.id)).collect(),
        columns: cases.iter().map(|c| (c.title, c.id)).collect(),
        routines: MAP_ROWS
            .iter()
            .map(|row| {
                cases
                    .iter()
                    .map(|case| {
                        let read = row.read;
                        let doc = case.doc.clone();
                        Box::new(move || {
                            black_box(read(black_box(&doc)));
                        }) as Box<dyn Fn()>
                    })
                    .collect()
            })
            .collect(),
    }
}

/// Checks that every implementation reads what it should, so that no mistake is timed.
fn check(enum_cases: &[EnumCase], map_cases: &[MapCase]) {
    for row in ENUM_ROWS {
        // Every value of both enums, and a few that are none of them.
        for (i, v) in GRANT_VALUES.iter().enumerate() {
            let doc = format!("{{\"grant\": \"{v}\"}}");
            assert_eq!((row.read10)(&doc), Some(i as u8), "{} on {v}", row.id);
            assert_eq!(
                (row.read4)(&doc),
                (i < 4).then_some(i as u8),
                "{} (4 values) on {v}",
                row.id
            );
        }
        for bad in [
            "{\"grant\": \"client_credentials\"}",
            "{\"grant\": \"\"}",
            "{\"grant\": 3}",
            "{}",
        ] {
            assert_eq!((row.read10)(bad), None, "{} on {bad}", row.id);
            assert_eq!((row.read4)(bad), None, "{} (4 values) on {bad}", row.id);
        }
        for case in enum_cases {
            assert_eq!(
                row.reader(case)(&case.doc),
                case.expect,
                "{} on {}",
                row.id,
                case.id
            );
        }
    }
    for row in MAP_ROWS {
        for case in map_cases {
            let expected = row.accepts(case).then_some(8);
            assert_eq!((row.read)(&case.doc), expected, "{} on {}", row.id, case.id);
        }
        // More than 32 entries: refused by every implementation that checks the size.
        let many: Vec<(String, &str)> = (0..33).map(|i| (format!("k{i:02}"), "v")).collect();
        let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let many = shapes::map_doc(&many);
        let floor = row.id == "serde_derive";
        assert_eq!((row.read)(&many), floor.then_some(33), "{} on 33", row.id);
    }
}

fn main() {
    let enum_cases = shapes::enum_cases();
    let map_cases = shapes::map_cases();
    check(&enum_cases, &map_cases);
    let shapes = [enum_shape(&enum_cases), map_shape(&map_cases)];

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("shapes");
        // One group per shape and document, every implementation back to back.
        for shape in &shapes {
            for (col, (_, case)) in shape.columns.iter().enumerate() {
                let mut group = c.benchmark_group(format!("{}-{case}", shape.name));
                for ((_, id), routines) in shape.rows.iter().zip(&shape.routines) {
                    group.bench_function(*id, |b| b.iter(&routines[col]));
                }
                group.finish();
            }
        }
        c.final_summary();
        report::print_machine();
        for shape in &shapes {
            let cells = |id: &str| -> Vec<Option<f64>> {
                shape
                    .columns
                    .iter()
                    .map(|(_, case)| report::median_ns(&dir, &format!("{}-{case}", shape.name), id))
                    .collect()
            };
            Table {
                heading: format!(
                    "Criterion: {}, median as a ratio to serde_derive's median (median in \
                     parentheses)",
                    shape.heading
                ),
                columns: shape.columns.iter().map(|(t, _)| (*t).to_owned()).collect(),
                rows: shape
                    .rows
                    .iter()
                    .map(|(title, id)| ((*title).to_owned(), cells(id)))
                    .collect(),
            }
            .print(&cells(shape.rows[0].1));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let tables: Vec<RatioTable> = shapes
        .iter()
        .map(|shape| {
            let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); shape.rows.len()];
            for col in 0..shape.columns.len() {
                let refs: Vec<&dyn Fn()> = shape.routines.iter().map(|r| &*r[col]).collect();
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
                columns: shape.columns.iter().map(|(t, _)| (*t).to_owned()).collect(),
                rows: shape
                    .rows
                    .iter()
                    .zip(cells)
                    .map(|((title, _), cells)| ((*title).to_owned(), cells))
                    .collect(),
            }
        })
        .collect();
    report::print_machine();
    for table in &tables {
        table.print();
    }
}
