//! A larger model (ten fields of mixed types, a `Vec` of 50 nested models): deserialize +
//! validate, and `validate()` alone, through this project's derive and through
//! `serde_derive` + garde; ratios to plain serde_derive's deserialize.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench large`

use core::hint::black_box;

use authlete_models_bench::large::{self, Client};
use authlete_models_bench::peers::large as peer;
use authlete_models_bench::report::{self, RatioTable, Table};

fn floor(doc: &str) -> bool {
    black_box(serde_json::from_str::<peer::FloorClient>(doc)).is_ok()
}

fn ours(doc: &str) -> bool {
    black_box(serde_json::from_str::<Client>(doc)).is_ok()
}

fn garde(doc: &str) -> bool {
    serde_json::from_str::<peer::Client>(doc)
        .is_ok_and(|v| black_box(garde::Validate::validate(&v)).is_ok())
}

const IDS: [&str; 5] = [
    "floor",
    "authlete_models",
    "garde",
    "authlete_models_validate",
    "garde_validate",
];

fn main() {
    let doc = large::document();
    assert!(floor(&doc) && ours(&doc) && garde(&doc));
    let built = large::built();
    let garde_built: peer::Client = serde_json::from_str(&doc).unwrap();
    assert!(authlete_models::Validate::validate(&built).is_ok());
    assert!(garde::Validate::validate(&garde_built).is_ok());
    let routines: [Box<dyn Fn()>; 5] = [
        Box::new(|| {
            black_box(floor(black_box(&doc)));
        }),
        Box::new(|| {
            black_box(ours(black_box(&doc)));
        }),
        Box::new(|| {
            black_box(garde(black_box(&doc)));
        }),
        Box::new(|| {
            let _ = black_box(authlete_models::Validate::validate(black_box(&built)));
        }),
        Box::new(|| {
            let _ = black_box(garde::Validate::validate(black_box(&garde_built)));
        }),
    ];
    let heading = format!(
        "a larger model ({} bytes of JSON: ten fields, 50 nested models)",
        doc.len()
    );
    let columns = vec![
        "deserialize (+ validate)".to_owned(),
        "`validate()` alone".to_owned(),
    ];
    let titles = [
        "serde_derive, no validation (the floor)",
        "**authlete-models** (`#[derive(Model)]`)",
        "serde_derive + garde 0.23",
    ];

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("large");
        let mut group = c.benchmark_group("large");
        for (id, routine) in IDS.iter().zip(&routines) {
            group.bench_function(*id, |b| b.iter(routine));
        }
        group.finish();
        c.final_summary();
        let cell = |id: &str| report::median_ns(&dir, "large", id);
        report::print_machine();
        Table {
            heading: format!(
                "Criterion: {heading}, median as a ratio to plain serde_derive's median \
                 deserialize (median in parentheses)"
            ),
            columns: columns.clone(),
            rows: vec![
                (titles[0].into(), vec![cell(IDS[0]), None]),
                (titles[1].into(), vec![cell(IDS[1]), cell(IDS[3])]),
                (titles[2].into(), vec![cell(IDS[2]), cell(IDS[4])]),
            ],
        }
        .print(&[cell(IDS[0]), cell(IDS[0])]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &**r).collect();
    let r = report::interleaved(&refs, rounds);
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): {heading}, median of the per-round ratios to plain \
             serde_derive's deserialize (median time in parentheses)"
        ),
        columns,
        rows: vec![
            (titles[0].into(), vec![Some(r[0]), None]),
            (titles[1].into(), vec![Some(r[1]), Some(r[3])]),
            (titles[2].into(), vec![Some(r[2]), Some(r[4])]),
        ],
    }
    .print();
}
