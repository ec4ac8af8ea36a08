use authlete_models::Model;

#[derive(Model)]
pub enum GrantType {
    AuthorizationCode,
    ClientCredentials,
}

fn main() {}
