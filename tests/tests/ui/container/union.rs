use authlete_models::Model;

#[derive(Model)]
pub union Number {
    pub int: u64,
    pub float: f64,
}

fn main() {}
