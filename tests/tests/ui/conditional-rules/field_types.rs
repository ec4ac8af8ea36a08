use authlete_models::{Model, Secret};

// A consequence names fields whose presence shows, as the other presence rules do; the
// condition reads a field that is absent when its member is, not secret, with values its type
// can hold.
#[derive(Model)]
#[model(when(kind = "a", required(id, name, alias, count)))]
#[model(when(mode = "a", required(label)), when(secret = "s", required(label)))]
#[model(when(level = "1" | 300 | 1.5 | -1, required(label)), when(kind = 1 | true, required(label)))]
#[model(when(ratio = "0.5" | 2 | 0.5, required(label)), when(single = 1e-50, required(label)))]
#[model(when(tags = "a", required(label)), when(flag = 1, required(label)), when(nothing = 1, required(label)))]
pub struct Client {
    pub kind: Option<String>,
    /// Always present.
    pub id: String,
    /// `null` reads as `None`, as an absent member does.
    pub name: Option<String>,
    /// Absent, it takes its default.
    #[model(not_null, default)]
    pub alias: Option<String>,
    /// Always present, as `null` or a value.
    #[model(required)]
    pub count: Option<u32>,
    #[model(not_null)]
    pub label: Option<String>,
    /// Absent, it takes its default, which the condition could not tell from a value given.
    #[model(default = "auto")]
    pub mode: String,
    pub secret: Option<Secret<String>>,
    pub level: Option<u8>,
    pub ratio: f64,
    pub single: f32,
    pub tags: Vec<String>,
    pub flag: bool,
    pub nothing: (),
}

fn main() {}
