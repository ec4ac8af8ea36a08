use authlete_models::Model;

// The condition and the consequence name fields of the struct as written in Rust, and the
// consequence does not name the condition's field.
#[derive(Model)]
#[model(rename_all = "camelCase", when(knd = "a", required(file_format)))]
#[model(when(kind = "a", required(fileFormat, zz)), when(kind = "b", not_all(kind, file_format)))]
#[model(when(hidden = "a", required(file_format)), when(extra = "a", required(file_format)))]
#[model(when(kind = "c", required(file_format, file_format)), when(kind = "d", required(hidden)))]
pub struct Job {
    pub kind: Option<String>,
    #[model(not_null)]
    pub file_format: Option<String>,
    #[model(skip)]
    pub hidden: Option<String>,
    #[model(flatten)]
    pub extra: std::collections::BTreeMap<String, String>,
}

fn main() {}
