use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GrantType {
    ClientCredentials,
    #[model(rename = "CLIENT_CREDENTIALS")]
    Client,
}

fn main() {}
