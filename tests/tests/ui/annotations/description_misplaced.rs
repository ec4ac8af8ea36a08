use std::collections::BTreeMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(items(description = "An item."))]
    pub a: Vec<String>,
    #[model(skip, description = "Skipped.")]
    pub b: String,
    #[model(flatten, description = "The rest.")]
    pub c: BTreeMap<String, String>,
}

#[derive(Model)]
pub struct Seconds(#[model(description = "Seconds.")] u32);

#[derive(Model)]
pub enum Step {
    #[model(description = "A pause.")]
    Wait,
    #[model(description = "A command.")]
    Run(String),
    Note(#[model(description = "A note.")] String),
}

#[derive(Model)]
pub enum Level {
    #[model(description = "Low.")]
    Low,
    High,
}

fn main() {}
