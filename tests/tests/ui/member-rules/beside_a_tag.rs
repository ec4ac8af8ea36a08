use authlete_models::Model;

// Beside a tag, a model's members are not its object's alone.
#[derive(Model)]
#[model(forbid("secret"))]
pub struct Circle {
    pub r: u8,
}

#[derive(Model)]
#[model(tag = "type")]
pub enum Shape {
    Circle(Circle),
}

fn main() {}
