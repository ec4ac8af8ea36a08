use authlete_models::Model;

// `not_all_of` names fields as the other presence rules do, each one whose presence shows.
#[derive(Model)]
#[model(rename_all = "camelCase", not_all_of(id, name, clientUri, (a)), not_all_of(name, name))]
pub struct Client {
    /// Always present.
    pub id: String,
    /// `null` reads as `None`, as an absent member does.
    pub name: Option<String>,
    #[model(not_null)]
    pub client_uri: Option<String>,
}

#[derive(Model)]
#[model(not_all_of(a, b))]
pub struct Wrapper(Option<u8>);

fn main() {}
