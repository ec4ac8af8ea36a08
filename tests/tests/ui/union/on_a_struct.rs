use authlete_models::Model;

#[derive(Model)]
#[model(tag = "type", untagged, rename_all_fields = "camelCase")]
pub struct A {
    pub b: u8,
}

#[derive(Model)]
#[model(rename_all_fields = "camelCase")]
pub enum Kind {
    One,
    Two,
}

fn main() {}
