// After a misuse, the derive still provides its traits, so code that uses the type reports
// nothing more than the misuse itself.
use authlete_models::{Model, Validate};

#[derive(Debug, Model)]
pub struct Request {
    #[model(max_len = "86")]
    pub client_id: String,
}

fn main() {
    let parsed: Result<Request, _> = serde_json::from_str("{}");
    let _ = parsed.map(|r| r.validate());
    let _ = Request::json_schema();
}
