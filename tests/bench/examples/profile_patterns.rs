//! Runs one row of the `patterns` benchmark on one of its documents many times, for a
//! profiler: `profile_patterns SHAPE:IMPLEMENTATION DOCUMENT [ITERATIONS]`, e.g.
//! `profile_patterns sid:authlete_models invalid 1000000`. With no arguments, lists the rows,
//! each with its shape's documents, the floor of each shape first.
//!
//! Under `valgrind --tool=callgrind`, the difference between two iteration counts divided by
//! the difference of the counts gives the instructions of one call, whatever the load.

use core::hint::black_box;

use authlete_models_bench::pattern_peers;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shapes = pattern_peers::shapes();
    let Some((shape, id)) = args.first().and_then(|a| a.split_once(':')) else {
        for shape in &shapes {
            for row in &shape.rows {
                let docs: Vec<&str> = shape.docs.iter().map(|d| d.1).collect();
                println!("{}:{} {}", shape.name, row.id, docs.join(" "));
            }
        }
        return;
    };
    let shape = shapes.iter().find(|s| s.name == shape).expect("a shape");
    let row = shape.rows.iter().find(|r| r.id == id).expect("a row");
    let wanted = args.get(1).map_or("", String::as_str);
    let doc = shape
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
        ok += u64::from((row.read)(black_box(&doc)));
    }
    println!("{}:{id} on {wanted}: {ok} of {n} accepted", shape.name);
}
