use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "kebab")]
pub enum GrantType {
    AuthorizationCode,
}

fn main() {}
