use authlete_models::Model;

#[derive(Model)]
#[model(deny_unknown_fields)]
pub enum GrantType {
    ClientCredentials,
}

fn main() {}
