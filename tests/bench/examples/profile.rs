//! Runs one implementation on one input many times, for a profiler:
//! `profile IMPLEMENTATION INPUT [ITERATIONS]`, e.g. `profile authlete_models valid86 1000000`.
//! `profile validate INPUT [ITERATIONS]` runs this project's `validate()` on a built value.
//! With no arguments, lists the implementations and inputs.
//!
//! Under `valgrind --tool=callgrind`, the difference between two iteration counts divided by
//! the difference of the counts gives the instructions of one call, whatever the load.

use core::hint::black_box;

use authlete_models_bench::inputs;
use authlete_models_bench::peers::DESERIALIZE;

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
