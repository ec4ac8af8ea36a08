use authlete_models::Model;

#[derive(Model)]
pub enum Either<T> {
    Left,
    Right,
    #[model(other)]
    Other(String),
}

fn main() {}
