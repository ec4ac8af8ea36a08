use authlete_models::Model;

#[derive(Model)]
pub struct Request<'a> {
    pub client_id: &'a str,
}

fn main() {}
