//! Deserialize + validate the documented model, `{"clientSecret": …}`, through this project's
//! derive and each peer, on the four inputs; prints the ratio tables to plain `serde_derive`.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench deserialize`

use core::hint::black_box;

use authlete_models_bench::inputs;
use authlete_models_bench::peers::DESERIALIZE;
use authlete_models_bench::report::{self, RatioTable, Table};

fn main() {
    let inputs = inputs::all();
    let docs: Vec<String> = inputs.iter().map(inputs::Input::json).collect();

    // Each implementation accepts exactly what the documented model accepts, except those with
    // no rule, which accept everything: the benchmark never times a mistake.
    for peer in DESERIALIZE {
        for (input, doc) in inputs.iter().zip(&docs) {
            let expected = input.valid || !peer.validates;
            assert_eq!((peer.accepts)(doc), expected, "{} on {}", peer.id, input.id);
        }
    }
    let columns: Vec<String> = inputs.iter().map(|i| i.title.to_owned()).collect();

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("deserialize");
        // One group per input, every implementation back to back.
        for (input, doc) in inputs.iter().zip(&docs) {
            let mut group = c.benchmark_group(format!("deserialize-{}", input.id));
            for peer in DESERIALIZE {
                group.bench_function(peer.id, |b| b.iter(|| (peer.accepts)(black_box(doc))));
            }
            group.finish();
        }
        c.final_summary();
        let cells = |id: &str| -> Vec<Option<f64>> {
            inputs
                .iter()
                .map(|i| report::median_ns(&dir, &format!("deserialize-{}", i.id), id))
                .collect()
        };
        report::print_machine();
        Table {
            heading: "Criterion: deserialize + validate `{\"clientSecret\": …}` with serde_json, \
                      median as a ratio to plain serde_derive's median (median in parentheses)"
                .into(),
            columns: columns.clone(),
            rows: DESERIALIZE
                .iter()
                .map(|p| (p.title.to_owned(), cells(p.id)))
                .collect(),
        }
        .print(&cells("serde_derive"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let peers: Vec<_> = DESERIALIZE
        .iter()
        .enumerate()
        .filter(|(i, p)| report::wanted(p.id, *i == 0))
        .map(|(_, p)| p)
        .collect();
    let mut results = vec![Vec::new(); peers.len()];
    for doc in &docs {
        let routines: Vec<Box<dyn Fn()>> = peers
            .iter()
            .map(|peer| {
                let f = peer.accepts;
                Box::new(move || {
                    black_box(f(black_box(doc)));
                }) as Box<dyn Fn()>
            })
            .collect();
        let refs: Vec<&dyn Fn()> = routines.iter().map(|b| &**b).collect();
        for (row, cell) in report::interleaved(&refs, rounds).into_iter().enumerate() {
            results[row].push(Some(cell));
        }
    }
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): deserialize + validate `{{\"clientSecret\": …}}` \
             with serde_json, median of the per-round ratios to plain serde_derive (median time \
             in parentheses)"
        ),
        columns,
        rows: peers
            .iter()
            .zip(results)
            .map(|(p, cells)| (p.title.to_owned(), cells))
            .collect(),
    }
    .print();
}
