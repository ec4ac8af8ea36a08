use authlete_models::Model;

// Every way of writing the lists wrong, each reported on its own.
#[derive(Model)]
#[model(required_one_of, required_any_of = "a, b")]
#[model(required_one_of(), required_any_of(a, ()))]
#[model(required_one_of("a", b), required_any_of(a, ((b, c))), required_one_of(a, b::c))]
pub struct Lists {
    #[model(not_null, requires)]
    pub a: Option<u8>,
    #[model(not_null, requires())]
    pub b: Option<u8>,
    #[model(not_null, requires((a, b)))]
    pub c: Option<u8>,
    #[model(not_null, requires(a), requires(b))]
    pub d: Option<u8>,
}

fn main() {}
