// The forms the attribute syntax allows: trailing commas, empty and repeated `#[model]`,
// raw strings, number literals in any base, with separators or suffixes.
use authlete_models::{Model, Validate};

#[derive(Debug, Model)]
#[model()]
#[model(rename_all = "camelCase")]
pub struct Request {
    #[model(max_len = 1_000)]
    #[model(min_len = 0x1)]
    #[model(charset = r"A-Za-z0-9\-_")]
    pub client_id: String,
    #[model(min = 0b1, max = 0xFFFF_FFFFu32)]
    pub token_ttl: u32,
    #[model(min = -1e3, max = 1_000.5_f64)]
    pub ratio: f64,
    #[model()]
    pub note: Option<String>,
}

fn main() {
    let r = Request {
        client_id: "a-b_C".into(),
        token_ttl: 1,
        ratio: 0.0,
        note: None,
    };
    assert!(r.validate().is_ok());
}
