use authlete_models::Model;

#[derive(Model)]
#[model(tag = "kind", deny_unknown_fields, custom = check)]
pub enum A {
    B { kind: String },
    C(String),
    #[model(rename = "B")]
    D,
    E(u8, u8),
    F(#[model(default, skip)] Option<u8>),
    G {
        #[model(flatten)]
        rest: std::collections::BTreeMap<String, String>,
        #[model(max_len = 2)]
        n: u8,
    },
}

fn check(_: &A, _: &mut authlete_models::Report) {}

fn main() {}
