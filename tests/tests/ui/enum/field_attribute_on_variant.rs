use authlete_models::Model;

#[derive(Model)]
pub enum GrantType {
    #[model(max_len = 8, secret)]
    ClientCredentials,
    #[model(othr)]
    Other(String),
}

fn main() {}
