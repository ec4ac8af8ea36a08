use authlete_models::Model;

// Each field a rule names must be absent when its member is: an `Option` that refuses `null`,
// or an `Option<Option<T>>`.
#[derive(Model)]
#[model(required_one_of(id, (name, alias)), required_any_of(count, label))]
pub struct Client {
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
    /// The field carrying `requires` is held to the same.
    #[model(requires(label))]
    pub logo: String,
    #[model(requires(label))]
    pub uri: Option<String>,
}

fn main() {}
