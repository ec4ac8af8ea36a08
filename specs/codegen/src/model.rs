//! What the generator makes of a document before writing it: types, fields, value types and
//! the rules on them, each still knowing the pointer it came from.

/// A Rust type to generate.
#[derive(Clone, Debug)]
pub struct TypeDef {
    /// The type's name.
    pub name: String,
    /// Where its schema is.
    pub pointer: String,
    /// Its doc comment (the schema's `description`).
    pub doc: Option<String>,
    /// The schema's `examples` of a struct or enum, the JSON array's text.
    pub examples: Option<String>,
    /// The schema's `title`, when it is not the type's name, `deprecated` and (of a struct
    /// or an enum) `format`: the container's annotations.
    pub notes: TypeNotes,
    /// A struct, a string enum, a newtype or an alias.
    pub kind: Kind,
}

/// The shape of a generated type.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A struct of named fields: a JSON object.
    Struct {
        /// The fields, in the schema's order.
        fields: Vec<Field>,
        /// `additionalProperties: false`.
        deny_unknown_fields: bool,
        /// `oneOf`/`anyOf` of `required` lists beside the members: which members are present
        /// together.
        presence: Vec<Choice>,
        /// What else it says of its members: which are not all present, which never are,
        /// how many there are.
        members: MemberRules,
    },
    /// An enum of values: strings (a string enum), numbers and booleans, in the schema's
    /// order.
    Enum(Vec<serde_json::Value>),
    /// A newtype of one value.
    Newtype(Box<Value>),
    /// `pub type Name = Other;`: a schema that is only a `$ref`.
    Alias(String),
    /// An enum of values, one per branch of a `oneOf` (`one_of`: exactly one branch holds) or
    /// of an `anyOf` or a `type` list (`untagged`: the first that holds).
    Union {
        /// `oneOf`.
        one_of: bool,
        /// The variants, in the schema's order.
        variants: Vec<Variant>,
    },
}

impl Kind {
    /// The values the type holds: its fields', its newtype's, its variants'.
    pub fn values(&self) -> Vec<&Value> {
        match self {
            Kind::Struct { fields, .. } => fields.iter().map(|f| &f.value).collect(),
            Kind::Newtype(v) => vec![&**v],
            Kind::Union { variants, .. } => {
                variants.iter().filter_map(|v| v.value.as_ref()).collect()
            }
            Kind::Enum(_) | Kind::Alias(_) => Vec::new(),
        }
    }

    /// [`Kind::values`], to change.
    pub fn values_mut(&mut self) -> Vec<&mut Value> {
        match self {
            Kind::Struct { fields, .. } => fields.iter_mut().map(|f| &mut f.value).collect(),
            Kind::Newtype(v) => vec![&mut **v],
            Kind::Union { variants, .. } => variants
                .iter_mut()
                .filter_map(|v| v.value.as_mut())
                .collect(),
            Kind::Enum(_) | Kind::Alias(_) => Vec::new(),
        }
    }
}

/// `required_one_of` (a `oneOf` of `required` lists) or `required_any_of` (an `anyOf`):
/// exactly one, or at least one, of the groups of members is present in full.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// `oneOf`.
    pub exactly_one: bool,
    /// Each group's members, by wire name.
    pub groups: Vec<Vec<String>>,
}

/// What a struct says of its members besides their schemas and presence choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemberRules {
    /// `not` of `required` lists: each list's members, by wire name, are not all present.
    pub not_all_of: Vec<Vec<String>>,
    /// Names no member may have (`false` as a member's schema, or `not` of `required` of one
    /// name the object does not declare).
    pub forbid: Vec<String>,
    /// `minProperties`: the fewest members.
    pub min: Option<u64>,
    /// `maxProperties`: the most members.
    pub max: Option<u64>,
    /// `if` of a member's value with its `then`: `when`.
    pub when: Vec<When>,
}

/// `when(member = v1 | v2, required(..))` or `not_all(..)`: when a member holds one of some
/// values, other members are all present, or not all present.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    /// The member whose value the condition reads, by wire name.
    pub member: String,
    /// The values (strings, numbers, booleans) it holds for the rule to apply.
    pub values: Vec<serde_json::Value>,
    /// The members are all present (`required`), not all present (`not_all`).
    pub required: bool,
    /// The members, by wire name.
    pub members: Vec<String>,
}

/// A variant of a [`Kind::Union`].
#[derive(Clone, Debug)]
pub struct Variant {
    /// Its Rust name.
    pub name: String,
    /// What it holds; `None` for `null`, a unit variant.
    pub value: Option<Value>,
}

/// What a type's schema says of the whole type, and checks nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeNotes {
    /// `title`, when it is not the type's name.
    pub title: Option<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// `format` of a struct or an enum (a newtype's is its value's).
    pub format: Option<String>,
    /// `readOnly: true` of a struct or an enum (a newtype's is its value's).
    pub read_only: bool,
    /// `writeOnly: true` of a struct or an enum.
    pub write_only: bool,
}

/// What an absent member takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Absent {
    /// `default`: the type's own value (`false`, `0`, `""`, `[]`, `{}`).
    Own,
    /// `default = <literal>`: the Rust literal's text.
    Literal(String),
}

/// A struct's field.
#[derive(Clone, Debug)]
pub struct Field {
    /// The wire name.
    pub wire: String,
    /// The doc comment.
    pub doc: Option<String>,
    /// The value: its type and rules. An optional field's type is an `Option`.
    pub value: Value,
    /// What an absent member takes, if it may be absent and is not an `Option`.
    pub default: Option<Absent>,
    /// `required` on an `Option`: the member must be present, and may be `null`.
    pub required: bool,
    /// `not_null` on an `Option`: the member may be absent, and is never `null`.
    pub not_null: bool,
    /// `flatten`: a map of the members no other field declares (its `wire` is empty).
    pub flatten: bool,
    /// `requires`: the members (by wire name) that must be present when this one is
    /// (`dependentRequired`).
    pub requires: Vec<String>,
}

/// A value's Rust type and the rules on it.
#[derive(Clone, Debug, Default)]
pub struct Value {
    /// The Rust type.
    pub ty: Ty,
    /// The rules and annotations that apply to it.
    pub rules: Rules,
}

/// A value's Rust type.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Ty {
    /// `String`.
    #[default]
    String,
    /// `Secret<String>`: `format: password`.
    Secret,
    /// `bool`.
    Bool,
    /// `i32` (`format: int32`).
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Box<T>`, to break a recursion.
    Boxed(Box<Ty>),
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// Another generated type.
    Named(String),
    /// `serde_json::Value`: any JSON value.
    Any,
    /// `serde_json::Map<String, serde_json::Value>`: any JSON object.
    AnyObject,
    /// `Vec<serde_json::Value>`: any JSON array.
    AnyArray,
    /// `()`: `null` and nothing else.
    Unit,
}

/// The rules and annotations of a value, as the derive's attributes name them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rules {
    /// `min_len`.
    pub min_len: Option<u64>,
    /// `max_len`.
    pub max_len: Option<u64>,
    /// `charset`, written in the attribute's syntax.
    pub charset: Option<String>,
    /// `pattern`, as the document writes it: a pattern that is not one class over the whole
    /// string, which the derive compiles (and the generator has compiled, to refuse it first).
    pub pattern: Option<String>,
    /// `not_pattern`, each: `not` of `pattern`, or of an `anyOf` of `pattern`s, as the
    /// document writes them.
    pub not_patterns: Vec<String>,
    /// `min`, as the JSON number's text.
    pub min: Option<String>,
    /// `max`.
    pub max: Option<String>,
    /// `exclusive_min`.
    pub exclusive_min: Option<String>,
    /// `exclusive_max`.
    pub exclusive_max: Option<String>,
    /// `multiple_of`.
    pub multiple_of: Option<String>,
    /// `unique`.
    pub unique: bool,
    /// `items(...)`.
    pub items: Option<Box<Rules>>,
    /// `keys(...)`.
    pub keys: Option<Box<Rules>>,
    /// `values(...)`.
    pub values: Option<Box<Rules>>,
    /// `format`.
    pub format: Option<String>,
    /// `check_format`: the format is checked, not only written in the schema.
    pub check_format: bool,
    /// `read_only`.
    pub read_only: bool,
    /// `write_only`.
    pub write_only: bool,
    /// `examples`, the JSON array's text.
    pub examples: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
}

impl Rules {
    /// Whether no rule or annotation is set.
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }
}
