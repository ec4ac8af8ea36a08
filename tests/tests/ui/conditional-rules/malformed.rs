use authlete_models::Model;

// Every way of writing `when` wrong, each reported on its own.
#[derive(Model)]
#[model(when, when = "kind", when())]
#[model(when(kind = "a"), when(kind, required(x)), when(kind == "a", required(x)))]
#[model(when(kind = "a" |, required(x)), when(kind = null, required(x)), when(kind = MAX, required(x)))]
#[model(when(kind = "a" | "a", required(x)), when(level = 1 | 1.0, required(x)))]
#[model(when("kind" = "a", required(x)), when(required(x), kind = "a"))]
#[model(when(kind = "a", absent(x)), when(kind = "a", required()), when(kind = "a", required("x")))]
#[model(when(kind = "a", required(x), not_all(y)), when(kind = "a", not_all((x, y))))]
#[model(when(kind = Kind::A, required(x)), when(kind = 'a', required(x)), when(level = -"1", required(x)))]
pub struct Job {
    pub kind: Option<String>,
    pub level: Option<u8>,
    #[model(not_null)]
    pub x: Option<u8>,
    #[model(not_null)]
    pub y: Option<u8>,
}

fn main() {}
