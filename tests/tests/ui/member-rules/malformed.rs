use authlete_models::Model;

// Every way of writing the values wrong, each reported on its own.
#[derive(Model)]
#[model(min_members = -1, max_members = "2")]
#[model(forbid, forbid(), forbid(secret, "", 3))]
#[model(not_all_of(a), not_all_of((a, b)), not_all_of("a", b), not_all_of)]
pub struct Lists {
    #[model(not_null)]
    pub a: Option<u8>,
    #[model(not_null)]
    pub b: Option<u8>,
}

fn main() {}
