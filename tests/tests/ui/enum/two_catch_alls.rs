use authlete_models::Model;

#[derive(Model)]
pub enum JwsAlg {
    RS256,
    #[model(other)]
    Other(String),
    #[model(other)]
    Unknown(String),
}

fn main() {}
