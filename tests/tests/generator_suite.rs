//! The JSON Schema Test Suite's required draft 2020-12 files (`suite/draft2020-12/*.json`) run
//! through the generator: the build script generates the types of every group's schema with
//! the default options, and each group the generator accepts is compiled here, a module per
//! group. Every case of such a group reads its data as the group's root type, with `serde_json`
//! and with `from_json`, which must agree, and must give the suite's verdict.
//!
//! A group is accepted when the generator refuses nothing in it and makes a type of its root.
//! The groups it accepted with a warning (something dropped) are held to nothing but the
//! agreement of the two readers: their mismatches are counted and printed apart. The rest are
//! refused, each for the reason `accounting` prints.

use std::collections::BTreeMap;

use authlete_models::{Model, from_json};

/// What the generator made of a group.
pub enum Outcome {
    /// Types, the root's among them, with the warnings given (`; ` between them), if any.
    Accepted { warnings: &'static str },
    /// A refusal: the first of the schema itself (not of a type that holds a refused one).
    Refused {
        pointer: &'static str,
        message: &'static str,
    },
    /// The schema is not read as a document, and why.
    NotRead(&'static str),
    /// Nothing refused, but no type for the root: the types made instead, if any.
    NoRootType(&'static str),
}

/// A group of the suite: its file, its description, its schema as the file writes it, and what
/// the generator made of it.
pub struct Group {
    file: &'static str,
    description: &'static str,
    schema: &'static str,
    outcome: Outcome,
}

/// A case of an accepted group: the group (an index into `GROUPS`), what the suite calls the
/// case, its data as JSON, the suite's verdict, and the reader of the group's root type.
pub struct Case {
    group: usize,
    test: &'static str,
    data: &'static str,
    valid: bool,
    read: fn(&str) -> (bool, bool),
}

/// Whether `data` reads as `M` with `serde_json`, and with `from_json`.
fn read<M: Model>(data: &str) -> (bool, bool) {
    (
        serde_json::from_str::<M>(data).is_ok(),
        from_json::<M>(data).is_ok(),
    )
}

include!(concat!(env!("OUT_DIR"), "/generator_suite.rs"));

/// The groups of the vendored files (`suite/README.md`): all of them are generated from.
const GROUP_COUNT: usize = 383;

/// Fewer accepted groups than this is a regression (of the generator or of this test): 67
/// groups of the suite have a `type` wherever the generator reads one, need nothing the
/// derive lacks, and get the suite's verdict on every case, so a correct generator keeps
/// accepting them. (Groups with no `type`, read as an object or an array from `items`,
/// `additionalProperties` or `patternProperties`, a stricter generator may rightly refuse.)
const ACCEPTED_FLOOR: usize = 67;

fn warned(group: &Group) -> bool {
    matches!(group.outcome, Outcome::Accepted { warnings } if !warnings.is_empty())
}

/// A case and its verdicts, on one line.
fn show(case: &Case, got: bool) -> String {
    let group = &GROUPS[case.group];
    format!(
        "{} / {} / {}: data {}: suite {}, model {got}",
        group.file, group.description, case.test, case.data, case.valid
    )
}

/// The schemas of the groups of `cases`, once each.
fn schemas(cases: &[&Case]) -> String {
    let mut seen = BTreeMap::new();
    for case in cases {
        let group = &GROUPS[case.group];
        seen.entry(case.group)
            .or_insert_with(|| format!("{} / {}: {}", group.file, group.description, group.schema));
    }
    seen.into_values().collect::<Vec<_>>().join("\n")
}

#[test]
fn every_case_of_an_accepted_group_gets_the_suite_s_verdict() {
    let mut wrong = Vec::new();
    let mut wrong_warned = Vec::new();
    let mut disagreed = Vec::new();
    for case in CASES {
        let (read, collected) = (case.read)(case.data);
        if read != collected {
            disagreed.push(format!(
                "{}: serde_json {read}, from_json {collected}",
                show(case, read)
            ));
        }
        if read != case.valid {
            if warned(&GROUPS[case.group]) {
                wrong_warned.push(case);
            } else {
                wrong.push(case);
            }
        }
    }
    let lines = |cases: &[&Case]| -> Vec<String> {
        cases.iter().map(|case| show(case, !case.valid)).collect()
    };
    println!(
        "{} cases of {} accepted groups; in groups with a warning, {} cases against the suite:\n{}\n{}",
        CASES.len(),
        GROUPS
            .iter()
            .filter(|g| matches!(g.outcome, Outcome::Accepted { .. }))
            .count(),
        wrong_warned.len(),
        lines(&wrong_warned).join("\n"),
        schemas(&wrong_warned),
    );
    assert!(
        disagreed.is_empty(),
        "{} cases where serde_json and from_json disagree:\n{}",
        disagreed.len(),
        disagreed.join("\n")
    );
    assert!(
        wrong.is_empty(),
        "{} cases against the suite:\n{}\n\nTheir schemas:\n{}",
        wrong.len(),
        lines(&wrong).join("\n"),
        schemas(&wrong)
    );
}

/// The keywords of draft 2020-12 (and OpenAPI's), the JSON types, and the Rust number types,
/// which a refusal's message quotes as themselves.
const KEYWORDS: &str = "$ref $defs $id $anchor $dynamicRef $dynamicAnchor $vocabulary $comment \
    $schema type enum const allOf anyOf oneOf not if then else properties patternProperties \
    additionalProperties propertyNames required dependentRequired dependentSchemas \
    minProperties maxProperties items prefixItems contains minContains maxContains minItems \
    maxItems uniqueItems unevaluatedItems unevaluatedProperties minLength maxLength pattern \
    format minimum maximum exclusiveMinimum exclusiveMaximum multipleOf title description \
    default deprecated readOnly writeOnly examples contentMediaType contentEncoding \
    contentSchema definitions nullable null true false string integer number boolean object \
    array i32 i64";

/// A refusal's message without what is particular to its schema: each quoted part that is not
/// a keyword (a member's or a type's name, a pattern, a reference) and each JSON value written
/// in the text (a bound, a default) becomes `…`.
fn reason(message: &str) -> String {
    let mut out = Vec::new();
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 1 {
            let keyword = KEYWORDS.split_whitespace().any(|k| k == part);
            out.push(if keyword {
                part.to_owned()
            } else {
                "…".to_owned()
            });
            continue;
        }
        let words: Vec<String> = part
            .split(' ')
            .map(|word| {
                let value = word.trim_end_matches([',', ':', ';']);
                if !value.is_empty() && serde_json::from_str::<serde_json::Value>(value).is_ok() {
                    word.replacen(value, "…", 1)
                } else {
                    word.to_owned()
                }
            })
            .collect();
        out.push(words.join(" "));
    }
    out.join("`")
}

#[test]
fn accounting() {
    let mut accepted = 0;
    let mut accepted_warned = 0;
    let mut reasons: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for group in GROUPS {
        let why = match group.outcome {
            Outcome::Accepted { warnings } => {
                accepted += 1;
                if !warnings.is_empty() {
                    accepted_warned += 1;
                    println!(
                        "accepted with a warning: {} / {}: {warnings}",
                        group.file, group.description
                    );
                }
                continue;
            }
            Outcome::Refused { message, .. } => format!("refused: {}", reason(message)),
            Outcome::NotRead(why) => format!("not read: {why}"),
            Outcome::NoRootType("") => "no type made".to_owned(),
            Outcome::NoRootType(_) => "no type made of the root".to_owned(),
        };
        reasons
            .entry(why)
            .or_default()
            .push(format!("{} / {}", group.file, group.description));
    }
    let mut by_count: Vec<_> = reasons.iter().collect();
    by_count.sort_by_key(|(_, groups)| std::cmp::Reverse(groups.len()));
    let not_accepted = GROUPS.len() - accepted;
    println!(
        "{} groups: {accepted} accepted ({accepted_warned} with a warning), {not_accepted} not, \
         {} cases run",
        GROUPS.len(),
        CASES.len()
    );
    for (why, groups) in &by_count {
        println!("{:4}  {why}\n        e.g. {}", groups.len(), groups[0]);
    }
    assert_eq!(GROUPS.len(), GROUP_COUNT, "the vendored files' groups");
    assert_eq!(
        by_count.iter().map(|(_, g)| g.len()).sum::<usize>(),
        not_accepted
    );
    assert!(
        accepted >= ACCEPTED_FLOOR,
        "{accepted} groups accepted, fewer than {ACCEPTED_FLOOR}"
    );
}
