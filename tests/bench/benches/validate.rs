//! `validate()` alone, on a value built in code, for the documented model and the peers that
//! validate a built value; the ratio is to plain serde_derive's time to *deserialize* the same
//! document (the target: at most a quarter of it).
//!
//! `cargo bench -p authlete-models-bench --features peers --bench validate`

use core::hint::black_box;

use authlete_models::{ApiServiceIdClientSecretUpdateClientIdentifie as Request, Secret};
use authlete_models_bench::inputs;
use authlete_models_bench::peers::{self, WithGarde, WithSerdeValid, WithValidator};
use authlete_models_bench::report::{self, RatioTable, Table};

const ROWS: &[(&str, &str)] = &[
    (
        "serde_derive deserialize, no validation (the floor)",
        "floor_deserialize",
    ),
    ("**authlete-models** `validate()`", "authlete_models"),
    ("validator 0.21 `validate()`", "validator"),
    ("garde 0.23 `validate()`", "garde"),
    ("serde_valid 3.2 `validate()`", "serde_valid"),
];

/// The values of one input, built in code, one per implementation.
struct Built {
    doc: String,
    ours: Request,
    validator: WithValidator,
    garde: WithGarde,
    serde_valid: WithSerdeValid,
}

impl Built {
    fn new(input: &inputs::Input) -> Built {
        let s = input.secret.clone();
        let built = Built {
            doc: input.json(),
            ours: Request {
                client_secret: Secret::new(s.clone()),
            },
            validator: WithValidator {
                client_secret: s.clone(),
            },
            garde: WithGarde {
                client_secret: s.clone(),
            },
            serde_valid: WithSerdeValid { client_secret: s },
        };
        assert!(peers::accepts_floor(&built.doc));
        assert_eq!(
            authlete_models::Validate::validate(&built.ours).is_ok(),
            input.valid
        );
        assert_eq!(
            validator::Validate::validate(&built.validator).is_ok(),
            input.valid
        );
        assert_eq!(garde::Validate::validate(&built.garde).is_ok(), input.valid);
        assert_eq!(
            serde_valid::Validate::validate(&built.serde_valid).is_ok(),
            input.valid
        );
        built
    }

    /// The routines, in the order of `ROWS`.
    fn routines(&self) -> Vec<Box<dyn Fn() + '_>> {
        vec![
            Box::new(|| {
                black_box(peers::accepts_floor(black_box(&self.doc)));
            }),
            Box::new(|| {
                let _ = black_box(authlete_models::Validate::validate(black_box(&self.ours)));
            }),
            Box::new(|| {
                let _ = black_box(validator::Validate::validate(black_box(&self.validator)));
            }),
            Box::new(|| {
                let _ = black_box(garde::Validate::validate(black_box(&self.garde)));
            }),
            Box::new(|| {
                let _ = black_box(serde_valid::Validate::validate(black_box(
                    &self.serde_valid,
                )));
            }),
        ]
    }
}

fn main() {
    let inputs = inputs::all();
    let built: Vec<Built> = inputs.iter().map(Built::new).collect();
    let columns: Vec<String> = inputs.iter().map(|i| i.title.to_owned()).collect();

    if !report::interleaved_only() {
        let (mut c, dir) = report::criterion("validate");
        for (input, b) in inputs.iter().zip(&built) {
            let mut group = c.benchmark_group(format!("validate-{}", input.id));
            for ((_, id), routine) in ROWS.iter().zip(b.routines()) {
                group.bench_function(*id, |bench| bench.iter(&routine));
            }
            group.finish();
        }
        c.final_summary();
        let cells = |id: &str| -> Vec<Option<f64>> {
            inputs
                .iter()
                .map(|i| report::median_ns(&dir, &format!("validate-{}", i.id), id))
                .collect()
        };
        report::print_machine();
        Table {
            heading: "Criterion: `validate()` on a built value, median as a ratio to plain \
                      serde_derive's median time to deserialize the same document (median in \
                      parentheses)"
                .into(),
            columns: columns.clone(),
            rows: ROWS
                .iter()
                .map(|(title, id)| ((*title).to_owned(), cells(id)))
                .collect(),
        }
        .print(&cells("floor_deserialize"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    let rounds = report::rounds();
    let mut results = vec![Vec::new(); ROWS.len()];
    for b in &built {
        let routines = b.routines();
        let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &**r).collect();
        for (row, cell) in report::interleaved(&refs, rounds).into_iter().enumerate() {
            results[row].push(Some(cell));
        }
    }
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): `validate()` on a built value, median of the \
             per-round ratios to plain serde_derive's deserialize of the same document (median \
             time in parentheses)"
        ),
        columns,
        rows: ROWS
            .iter()
            .zip(results)
            .map(|((title, _), cells)| ((*title).to_owned(), cells))
            .collect(),
    }
    .print();
}
