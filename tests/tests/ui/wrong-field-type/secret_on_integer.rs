use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(secret)]
    pub pin: u32,
}

fn main() {}
