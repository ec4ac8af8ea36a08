use std::collections::BTreeMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Refused {
    /// Malformed, with the compiler's message.
    #[model(not_pattern = "^[a-z")]
    pub open: String,
    /// A backreference: no finite automaton can check it; the second `not_pattern` is read
    /// all the same.
    #[model(not_pattern = r"^(a+)\1$", not_pattern = "(?<=x)y")]
    pub twice: String,
    /// Empty, or any other pattern every string matches: no value could pass.
    #[model(not_pattern = "")]
    pub empty: String,
    #[model(not_pattern = "^a", not_pattern = "[\\s\\S]*")]
    pub everything: Option<String>,
    /// Not a string literal.
    #[model(not_pattern = 5)]
    pub number: String,
    #[model(not_pattern)]
    pub alone: String,
}

#[derive(Model)]
#[model(not_pattern = "^bk")]
pub struct Misplaced {
    #[model(not_pattern = "^[0-9]+$")]
    pub count: u32,
    #[model(not_pattern = "^x-")]
    pub tags: Vec<String>,
    #[model(values(not_pattern = "^$"))]
    pub counts: BTreeMap<String, u8>,
    #[model(not_pattern = "^bk", default = "bk-1")]
    pub name: String,
    #[model(opaque, not_pattern = "a")]
    pub raw: serde_json::Value,
}

fn main() {}
