use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    // A malformed item does not hide the mistakes after it.
    #[model("clientId", max_len, min_len = 1 charset = "a-z", unique = true, rename = id)]
    pub client_id: String,
    #[model(min = 1 .. 10, max_len = 2.5)]
    pub token_ttl: u32,
}

fn main() {}
