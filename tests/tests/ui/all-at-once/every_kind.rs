use authlete_models::{Model, Secret};

#[derive(Model)]
#[model(rename_all = "camel", deny_unknown_fields = true)]
pub struct Request {
    #[model(charset = "z-a", min_len = 10, max_len = 1, max_length = 5)]
    pub client_id: String,
    #[model(min = 1, max = 300, min = 2)]
    pub retries: u8,
    #[model(secret)]
    pub client_secret: String,
    #[model(charset = "A-Z")]
    pub enabled: bool,
    pub pin: Secret<u32>,
    #[model(rename = "client_id")]
    pub alias: Option<String>,
    pub pair: (u8, u8),
}

fn main() {}
