use authlete_models::Model;

#[derive(Model)]
pub struct Page<T> {
    #[model(custom = check)]
    pub items: Vec<T>,
}

fn check<T>(_: &Vec<T>, _: &mut authlete_models::Report<'_>) {}

fn main() {}
