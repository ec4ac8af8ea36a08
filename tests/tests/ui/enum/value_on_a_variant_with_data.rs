use authlete_models::Model;

#[derive(Model)]
pub enum Payload {
    #[model(value = 1)]
    Number(u8),
    #[model(value = null)]
    Nothing,
    Text {
        text: String,
    },
}

fn main() {}
