//! Runs one implementation on one input many times, for a profiler:
//! `profile IMPLEMENTATION INPUT [ITERATIONS]`, e.g. `profile authlete_models valid86 1000000`.
//! `profile validate INPUT [ITERATIONS]` runs this project's `validate()` on a built value.
//! `profile enum:IMPLEMENTATION CASE [ITERATIONS]` and `profile map:IMPLEMENTATION CASE
//! [ITERATIONS]` run a row of the `shapes` benchmark, e.g. `profile enum:authlete_models ten_cc`.
//! With no arguments, lists the implementations and inputs.
//!
//! Under `valgrind --tool=callgrind`, the difference between two iteration counts divided by
//! the difference of the counts gives the instructions of one call, whatever the load.

use core::hint::black_box;

use authlete_models_bench::peers::DESERIALIZE;
use authlete_models_bench::shape_peers::{ENUM_ROWS, MAP_ROWS};
use authlete_models_bench::{inputs, shapes};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = inputs::all();
    // `profile validate INPUT [ITERATIONS]`: this project's `validate()` on a built value.
    if args.first().map(String::as_str) == Some("validate") {
        let input = inputs
            .iter()
            .find(|i| Some(i.id) == args.get(1).map(String::as_str))
            .expect("an input");
        let n: u64 = args
            .get(2)
            .map_or(1_000_000, |a| a.parse().expect("a count"));
        let value = authlete_models::ApiServiceIdClientSecretUpdateClientIdentifie {
            client_secret: authlete_models::Secret::new(input.secret.clone()),
        };
        let mut ok = 0u64;
        for _ in 0..n {
            ok += u64::from(authlete_models::Validate::validate(black_box(&value)).is_ok());
        }
        println!("validate on {}: {ok} of {n} valid", input.id);
        return;
    }
    // `profile enum:IMPL CASE [ITERATIONS]`, `profile map:IMPL CASE [ITERATIONS]`: a row of
    // the `shapes` benchmark on one of its documents.
    if let Some((shape, id)) = args.first().and_then(|a| a.split_once(':')) {
        let case = args.get(1).map_or("", String::as_str);
        let n: u64 = args
            .get(2)
            .map_or(1_000_000, |a| a.parse().expect("a count"));
        let accepted = match shape {
            "enum" => {
                let row = ENUM_ROWS.iter().find(|r| r.id == id).expect("an enum row");
                let case = shapes::enum_cases()
                    .into_iter()
                    .find(|c| c.id == case)
                    .expect("an enum case");
                repeat(row.reader(&case), &case.doc, n)
            }
            "map" => {
                let row = MAP_ROWS.iter().find(|r| r.id == id).expect("a map row");
                let case = shapes::map_cases()
                    .into_iter()
                    .find(|c| c.id == case)
                    .expect("a map case");
                repeat(row.read, &case.doc, n)
            }
            _ => panic!("`enum:` or `map:`"),
        };
        println!("{shape}:{id} on {case}: {accepted} of {n} accepted");
        return;
    }
    let (Some(peer), Some(input)) = (
        args.first()
            .and_then(|a| DESERIALIZE.iter().find(|p| p.id == a)),
        args.get(1).and_then(|a| inputs.iter().find(|i| i.id == a)),
    ) else {
        let peers: Vec<&str> = DESERIALIZE.iter().map(|p| p.id).collect();
        let ids: Vec<&str> = inputs.iter().map(|i| i.id).collect();
        eprintln!(
            "usage: profile {} {} [ITERATIONS]",
            peers.join("|"),
            ids.join("|")
        );
        std::process::exit(2);
    };
    let n: u64 = args
        .get(2)
        .map_or(1_000_000, |a| a.parse().expect("a count"));
    let doc = input.json();
    let mut accepted = 0u64;
    for _ in 0..n {
        accepted += u64::from((peer.accepts)(black_box(&doc)));
    }
    println!("{} on {}: {accepted} of {n} accepted", peer.id, input.id);
}

/// Reads `doc` `n` times with `read`; how many times it was accepted.
fn repeat<T>(read: fn(&str) -> Option<T>, doc: &str, n: u64) -> u64 {
    let mut accepted = 0u64;
    for _ in 0..n {
        accepted += u64::from(read(black_box(doc)).is_some());
    }
    accepted
}
