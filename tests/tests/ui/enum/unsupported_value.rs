use authlete_models::Model;

const ONE: u8 = 1;

#[derive(Model)]
pub enum Level {
    #[model(value = b"low")]
    Low,
    #[model(value = 'm')]
    Medium,
    #[model(value = None)]
    Unset,
    #[model(value = ONE)]
    One,
    #[model(value = -true)]
    NotTrue,
    #[model(value = 18446744073709551616)]
    Huge,
    #[model(value = 1e999)]
    Infinite,
    #[model(value = b'x')]
    Byte,
}

fn main() {}
