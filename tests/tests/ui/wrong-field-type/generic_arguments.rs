use std::borrow::Cow;

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub client_id: Cow<'static, str>,
}

fn main() {}
