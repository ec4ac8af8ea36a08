use std::collections::BTreeMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Audit {
    pub name: String,
}

#[derive(Model)]
pub struct Open {
    pub a: String,
    #[model(flatten)]
    pub rest: BTreeMap<String, String>,
}

#[derive(Model)]
pub enum Kind {
    A,
}

#[derive(Model)]
pub struct Clash {
    pub name: String,
    #[model(flatten)]
    pub audit: Audit,
}

#[derive(Model)]
pub struct NotAStruct {
    pub a: String,
    #[model(flatten)]
    pub kind: Kind,
}

#[derive(Model)]
pub struct Nested {
    pub b: String,
    #[model(flatten)]
    pub open: Open,
}

#[derive(Model)]
pub struct Named {
    pub name: String,
}

#[derive(Model)]
pub struct TwoClash {
    pub x: String,
    #[model(flatten)]
    pub audit: Audit,
    #[model(flatten)]
    pub named: Named,
}

fn main() {}
