use authlete_models::Model;

// A name a struct forbids cannot be one a model it flattens declares.
#[derive(Model)]
pub struct Audit {
    pub created_by: Option<String>,
}

#[derive(Model)]
#[model(forbid("created_by"))]
pub struct Record {
    pub id: u32,
    #[model(flatten)]
    pub audit: Audit,
}

fn main() {}
