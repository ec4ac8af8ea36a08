//! Reading the documentation's `Client` example (the 200 response of `GET
//! /api/client/get/{clientId}`, about 1.2 kB, in `specs/common/Client.json`) as the shipped
//! `authlete_models::Client`, against the same struct written with `serde_derive`
//! (`src/authlete_serde.rs`, which the generator writes from the same contracts without their
//! rules). Prints a ratio table to `serde_derive`.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench authlete`

use core::hint::black_box;

use authlete_models_bench::authlete_serde;
use authlete_models_bench::report::{self, Cell, RatioTable, Table};

/// The documentation's example, as the contract holds it.
fn client_example() -> String {
    let contract: serde_json::Value =
        serde_json::from_str(include_str!("../../../specs/common/Client.json"))
            .expect("Client.json");
    let example = contract["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .find(|e| {
            e["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("documented 200 response of GET"))
        })
        .expect("the documented GET example");
    serde_json::to_string(&example["document"]).expect("JSON")
}

type Read = fn(&str) -> bool;

/// The implementations, the baseline first.
const ROWS: &[(&str, &str, Read)] = &[
    ("`serde_derive` (no rule)", "serde_derive", |doc| {
        serde_json::from_str::<authlete_serde::Client>(doc).is_ok()
    }),
    (
        "`#[derive(Model)]`, `serde_json::from_str`",
        "model",
        |doc| serde_json::from_str::<authlete_models::Client>(doc).is_ok(),
    ),
    ("`#[derive(Model)]`, `from_json`", "from_json", |doc| {
        authlete_models::from_json::<authlete_models::Client>(doc).is_ok()
    }),
];

fn main() {
    let doc = client_example();
    // Both read the example, and read the same values.
    let plain: authlete_serde::Client = serde_json::from_str(&doc).expect("serde_derive reads it");
    let model: authlete_models::Client = serde_json::from_str(&doc).expect("the model reads it");
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        serde_json::to_value(&model).unwrap()
    );
    for (_, id, read) in ROWS {
        assert!(read(&doc), "{id}");
    }
    let routines: Vec<Box<dyn Fn()>> = ROWS
        .iter()
        .map(|&(_, _, read)| {
            let doc = doc.clone();
            Box::new(move || {
                black_box(read(black_box(&doc)));
            }) as Box<dyn Fn()>
        })
        .collect();
    let heading = format!(
        "read the documentation's `Client` example ({} bytes) with serde_json",
        doc.len()
    );

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("authlete");
        let mut group = c.benchmark_group("client");
        for ((_, id, _), routine) in ROWS.iter().zip(&routines) {
            group.bench_function(*id, |b| b.iter(routine));
        }
        group.finish();
        c.final_summary();
        report::print_machine();
        let cells = |id: &str| vec![report::median_ns(&dir, "client", id)];
        Table {
            heading: format!(
                "Criterion: {heading}, median as a ratio to serde_derive's (median in parentheses)"
            ),
            columns: vec!["documented example".into()],
            rows: ROWS
                .iter()
                .map(|(title, id, _)| ((*title).to_owned(), cells(id)))
                .collect(),
        }
        .print(&cells(ROWS[0].1));
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &**r).collect();
    let cells: Vec<Cell> = report::interleaved(&refs, rounds)
        .into_iter()
        .map(Some)
        .collect();
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): {heading}, median of the per-round ratios to \
             serde_derive (median time in parentheses)"
        ),
        columns: vec!["documented example".into()],
        rows: ROWS
            .iter()
            .zip(cells)
            .map(|((title, _, _), cell)| ((*title).to_owned(), vec![cell]))
            .collect(),
    }
    .print();
}
