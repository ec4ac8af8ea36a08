use authlete_models::Model;

#[derive(Model)]
#[model(deny_unknown_fields)]
pub struct Text {
    pub text: String,
}

#[derive(Model)]
#[model(tag = "type")]
pub enum Message {
    Note(Text),
}

fn main() {}
