use authlete_models::Model;

#[derive(Model)]
#[model(read_only, write_only)]
pub struct Request {
    pub a: String,
}

#[derive(Model)]
#[model(write_only)]
#[model(read_only)]
pub struct Id(u64);

#[derive(Model)]
#[model(read_only, write_only, rename_all = "lowercase")]
pub enum State {
    On,
    Off,
}

#[derive(Model)]
#[model(untagged, write_only, read_only)]
pub enum Value {
    Text(String),
    Number(u8),
}

#[derive(Model)]
pub enum Kind {
    #[model(read_only)]
    A,
    B,
}

fn main() {}
