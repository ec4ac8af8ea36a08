use authlete_models::Model;

// The rules name members of a struct with named fields, and `requires` sits on one of them.
#[derive(Model)]
#[model(required_one_of(a, b))]
pub enum Values {
    A,
    B,
}

#[derive(Model)]
#[model(tag = "type", required_any_of(a, b))]
pub enum Shapes {
    Circle {
        #[model(not_null, requires(b))]
        a: Option<u8>,
        #[model(not_null)]
        b: Option<u8>,
    },
    Point(#[model(requires(b))] Inner),
}

#[derive(Model)]
#[model(required_one_of(a))]
pub struct Wrapper(#[model(requires(a))] Option<u8>);

#[derive(Model)]
pub struct Inner {
    #[model(not_null)]
    pub a: Option<u8>,
}

#[derive(Model)]
pub struct Outer {
    #[model(items(requires(b)))]
    pub a: Vec<Option<u8>>,
    #[model(not_null)]
    pub b: Option<u8>,
    #[model(skip, requires(b))]
    pub c: Option<u8>,
    #[model(flatten, requires(b))]
    pub d: Inner,
}

fn main() {}
