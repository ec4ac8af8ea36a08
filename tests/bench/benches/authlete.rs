//! Reading two of the documentation's large responses as the shipped models, against the same
//! structs written with `serde_derive` (`src/authlete_serde.rs`, which the generator writes
//! from the same contracts without their rules): client management's `Client` (the 200
//! response of `GET /api/client/get/{clientId}`, in `specs/common/Client.json`) and service
//! management's `Service` (the 200 response of `GET /api/service/get/{serviceApiKey}`, in
//! `specs/common/Service.json`). Prints a ratio table to `serde_derive`.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench authlete`

use core::hint::black_box;

use authlete_models_bench::authlete_serde;
use authlete_models_bench::report::{self, Cell, RatioTable, Table};

/// The documented example of `contract` (its JSON text) whose name starts with `name`.
fn example(contract: &str, name: &str) -> String {
    let contract: serde_json::Value = serde_json::from_str(contract).expect("the contract");
    let example = contract["examples"]
        .as_array()
        .expect("examples")
        .iter()
        .find(|e| e["name"].as_str().is_some_and(|n| n.starts_with(name)))
        .unwrap_or_else(|| panic!("no example {name}"));
    serde_json::to_string(&example["document"]).expect("JSON")
}

/// The two documents, as the columns show them, with the name of each in criterion's output.
fn documents() -> [(String, &'static str, String); 2] {
    [
        (
            "`Client`".to_owned(),
            "client",
            example(
                include_str!("../../../specs/common/Client.json"),
                "documented 200 response of GET /api/client/get/",
            ),
        ),
        (
            "`Service`".to_owned(),
            "service",
            example(
                include_str!("../../../specs/common/Service.json"),
                "documented 200 response of GET /api/service/get/",
            ),
        ),
    ]
}

type Read = fn(&str) -> bool;

/// The implementations, the baseline first: each reads the `Client` and the `Service`
/// document.
const ROWS: &[(&str, &str, [Read; 2])] = &[
    (
        "`serde_derive` (no rule)",
        "serde_derive",
        [
            |doc| serde_json::from_str::<authlete_serde::Client>(doc).is_ok(),
            |doc| serde_json::from_str::<authlete_serde::Service>(doc).is_ok(),
        ],
    ),
    (
        "`#[derive(Model)]`, `serde_json::from_str`",
        "model",
        [
            |doc| serde_json::from_str::<authlete_models::Client>(doc).is_ok(),
            |doc| serde_json::from_str::<authlete_models::Service>(doc).is_ok(),
        ],
    ),
    (
        "`#[derive(Model)]`, `from_json`",
        "from_json",
        [
            |doc| authlete_models::from_json::<authlete_models::Client>(doc).is_ok(),
            |doc| authlete_models::from_json::<authlete_models::Service>(doc).is_ok(),
        ],
    ),
];

/// Both read `doc` to the same values.
fn same<P, M>(doc: &str)
where
    P: serde::de::DeserializeOwned + serde::Serialize,
    M: serde::de::DeserializeOwned + serde::Serialize,
{
    let plain: P = serde_json::from_str(doc).expect("serde_derive reads it");
    let model: M = serde_json::from_str(doc).expect("the model reads it");
    assert_eq!(
        serde_json::to_value(&plain).unwrap(),
        serde_json::to_value(&model).unwrap()
    );
}

fn main() {
    let docs = documents();
    same::<authlete_serde::Client, authlete_models::Client>(&docs[0].2);
    same::<authlete_serde::Service, authlete_models::Service>(&docs[1].2);
    for (_, id, reads) in ROWS {
        for (read, (_, _, doc)) in reads.iter().zip(&docs) {
            assert!(read(doc), "{id}");
        }
    }
    // One routine per implementation and document, by document first.
    let routines: Vec<Vec<Box<dyn Fn()>>> = docs
        .iter()
        .enumerate()
        .map(|(d, (_, _, doc))| {
            ROWS.iter()
                .map(|&(_, _, reads)| {
                    let doc = doc.clone();
                    let read = reads[d];
                    Box::new(move || {
                        black_box(read(black_box(&doc)));
                    }) as Box<dyn Fn()>
                })
                .collect()
        })
        .collect();
    let columns: Vec<String> = docs
        .iter()
        .map(|(title, _, doc)| format!("{title} ({} bytes)", doc.len()))
        .collect();
    let heading = "read the documentation's `Client` and `Service` examples with serde_json";

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("authlete");
        for ((_, group_id, _), routines) in docs.iter().zip(&routines) {
            let mut group = c.benchmark_group(*group_id);
            for ((_, id, _), routine) in ROWS.iter().zip(routines) {
                group.bench_function(*id, |b| b.iter(routine));
            }
            group.finish();
        }
        c.final_summary();
        report::print_machine();
        let cells = |id: &str| {
            docs.iter()
                .map(|(_, group_id, _)| report::median_ns(&dir, group_id, id))
                .collect::<Vec<_>>()
        };
        Table {
            heading: format!(
                "Criterion: {heading}, median as a ratio to serde_derive's (median in parentheses)"
            ),
            columns: columns.clone(),
            rows: ROWS
                .iter()
                .map(|(title, id, _)| ((*title).to_owned(), cells(id)))
                .collect(),
        }
        .print(&cells(ROWS[0].1));
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    // Each document's implementations interleaved, side by side in each round.
    let per_document: Vec<Vec<Cell>> = routines
        .iter()
        .map(|routines| {
            let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &**r).collect();
            report::interleaved(&refs, rounds)
                .into_iter()
                .map(Some)
                .collect()
        })
        .collect();
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): {heading}, median of the per-round ratios to \
             serde_derive (median time in parentheses)"
        ),
        columns,
        rows: ROWS
            .iter()
            .enumerate()
            .map(|(r, (title, _, _))| {
                let cells = per_document.iter().map(|cells| cells[r]).collect();
                ((*title).to_owned(), cells)
            })
            .collect(),
    }
    .print();
}
