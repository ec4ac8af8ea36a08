// Every attribute, used correctly, on every field type it applies to, with bounds at the
// edges of what is allowed.
use authlete_models::{Model, Secret, Validate};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scope {
    #[model(charset = "a-z_:", min_len = 1, max_len = 64)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
#[model(deny_unknown_fields)]
pub struct Everything {
    #[model(rename = "id", charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    pub client_id: String,
    #[model(charset = "A-Za-z0-9_-", min_len = 86, max_len = 86)]
    pub client_secret: Secret<String>,
    pub old_secret: Option<Secret<String>>,
    #[model(charset = r"\\\-\]\[\^\n\r\t\u{E9}\u{1F600}")]
    pub escapes: String,
    #[model(charset = "-a-z")]
    pub dash_first: Option<String>,
    #[model(charset = "a-z-")]
    pub dash_last: Option<String>,
    #[model(charset = r"\u{E0}-\u{FF}")]
    pub escaped_range: Option<String>,
    #[model(min_len = 0, max_len = 0)]
    pub empty: Option<String>,
    #[model(min_len = 1, max_len = 10, items(charset = "a-z"))]
    pub tags: Vec<String>,
    #[model(max_len = 3, items(min_len = 1, items(charset = "a-z", max_len = 2)))]
    pub grid: Vec<Vec<String>>,
    #[model(min_len = 1, max_len = 20, keys(charset = "a-z_", min_len = 1, max_len = 16), values(max_len = 64))]
    pub attributes: std::collections::HashMap<String, String>,
    #[model(values(items(min = 1)))]
    pub sorted: std::collections::BTreeMap<String, Option<Vec<u8>>>,
    #[model(max_len = 3)]
    pub scopes: Vec<Scope>,
    #[model(min_len = 2)]
    pub boxed: Box<String>,
    #[model(min = 0, max = 255)]
    pub byte: u8,
    #[model(min = -128, max = 127)]
    pub signed: i8,
    #[model(min = 1, max = 1)]
    pub exactly_one: u32,
    #[model(max = 18446744073709551615)]
    pub wide: u64,
    #[model(min = -170141183460469231731687303715884105728, max = 170141183460469231731687303715884105727)]
    pub widest: i128,
    #[model(min = 0.0, max = 1)]
    pub ratio: f64,
    #[model(min = -0.5, max = 3.4e38)]
    pub single: f32,
    #[model(min = 1, max = 3600)]
    pub token_ttl: Option<u32>,
    #[model(items(min = 1, max = 9))]
    pub digits: Vec<u8>,
    #[model(default)]
    pub enabled: bool,
    #[model(default, max_len = 5)]
    pub defaults: Vec<u16>,
    pub nested: Option<Box<Scope>>,
    #[model(rename = "type")]
    pub r#type: Option<String>,
    #[model(title = "Nothing", read_only, examples = "[null]", description = "# Nothing")]
    pub nothing: (),
    pub cleared: Option<()>,
    #[model(default, max_len = 2, items(deprecated, write_only))]
    pub nulls: Vec<Box<()>>,
    #[model(values(deprecated))]
    pub named_nulls: std::collections::BTreeMap<String, ()>,
}

#[derive(Debug, Model)]
pub struct NoFields {}

#[derive(Model)]
#[model(rename_all = "lowercase")]
pub struct Lower {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "UPPERCASE")]
pub struct Upper {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "PascalCase")]
pub struct Pascal {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "snake_case")]
pub struct Snake {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct ScreamingSnake {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "kebab-case")]
pub struct Kebab {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "SCREAMING-KEBAB-CASE")]
pub struct ScreamingKebab {
    pub a_b: u8,
}

#[derive(Model)]
#[model(rename_all = "kebab-case")]
pub enum Kind {
    FirstKind,
    #[model(rename = "second")]
    SecondKind,
    #[model(other)]
    Other(String),
}

// A value enum: numbers, booleans, `null` and strings, `rename_all` on the string variants,
// the type's annotations and its own rule.
#[derive(Model)]
#[model(rename_all = "kebab-case", title = "Level", deprecated, read_only, custom = level_check)]
#[model(description = "# Level\nHow much.")]
pub enum Level {
    #[model(value = 0)]
    Zero,
    #[model(value = -1.5)]
    Below,
    #[model(value = 18446744073709551615)]
    Max,
    #[model(value = true)]
    On,
    #[model(value = null)]
    Unset,
    #[model(value = "1")]
    OneAsText,
    PerRequest,
}

fn level_check(_: &Level, _: &mut authlete_models::Report) {}

// `read_only` and `write_only` on a type: a struct, a newtype, a string enum and an enum with
// data.
#[derive(Model)]
#[model(read_only, title = "Assigned", deprecated)]
pub struct Assigned {
    pub id: u64,
}

#[derive(Model)]
#[model(write_only)]
pub struct Password(pub Secret<String>);

#[derive(Model)]
#[model(read_only, rename_all = "lowercase")]
pub enum State {
    On,
    Off,
}

#[derive(Model)]
#[model(write_only, untagged, description = "# Grant")]
pub enum Grant {
    Code(String),
    Nothing(()),
    #[model(description = "# Pair")]
    Pair {
        #[model(description = "# First")]
        first: String,
    },
}

#[derive(Model)]
pub struct Attributes(
    #[model(max_len = 4, keys(max_len = 8))] pub std::collections::BTreeMap<String, Kind>,
);

// The presence rules: repeated, with a group of one, raw and renamed fields, trailing commas,
// a member named by several rules, on a generic struct beside a flattened model; `when` on a
// raw, renamed field with several values, and with a negative number.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_one_of(r#type, (a,), (b, c),))]
#[model(required_one_of(a, b), required_any_of(r#type, c))]
#[model(when(r#type = "x" | "", required(a, c,)), when(free = "z", not_all(b)), when(level = -1 | 2.0, not_all(a, b, c)))]
pub struct Together<T> {
    #[model(not_null, rename = "kind", requires(a, c,))]
    pub r#type: Option<String>,
    pub a: Option<Option<T>>,
    #[model(not_null, opaque)]
    pub b: Option<std::net::Ipv4Addr>,
    #[model(not_null, requires(b))]
    pub c: Option<Box<Scope>>,
    pub free: Option<String>,
    pub level: Option<i8>,
    #[model(flatten)]
    pub scope: Scope,
}

fn main() {
    let _ = Together::<Scope>::json_schema();
    let scope = Scope {
        name: "openid".into(),
    };
    assert!(scope.validate().is_ok());
    let _ = Everything::json_schema();
}
