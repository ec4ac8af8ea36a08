//! The one table of `#[model(...)]` keys: each key's name, an example of it, and, for each
//! place it is allowed on, how its value is read and which slot of that place's attribute
//! struct it fills. The readers, the messages and the lists of known keys all come from here.

use proc_macro2::{Ident, Span};
use syn::LitStr;

use super::{Attr, ContainerAttrs, FieldAttrs, Number, RequiredOf, VariantAttrs, VariantValue};
use crate::case::RenameRule;
use crate::charset::CharsetSpec;
use crate::pattern::PatternSpec;

/// Where an attribute sits: on the type, on a field, or on an enum's variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Container,
    Field,
    Variant,
}

impl Place {
    const ALL: [Place; 3] = [Place::Container, Place::Field, Place::Variant];

    /// How the messages name the kind of attribute (`unknown field attribute`).
    pub(super) fn kind(self) -> &'static str {
        match self {
            Place::Container => "container",
            Place::Field => "field",
            Place::Variant => "variant",
        }
    }

    /// How the messages name the attributes' owner.
    pub(super) fn owner(self) -> &'static str {
        match self {
            Place::Container => "this struct",
            Place::Field => "this field",
            Place::Variant => "this variant",
        }
    }

    /// Where to move a key that belongs here (`move it into a `#[model(...)]` on a field`).
    pub(super) fn on(self) -> &'static str {
        match self {
            Place::Container => "on the struct",
            Place::Field => "on a field",
            Place::Variant => "on an enum's variant",
        }
    }

    /// An example of one key and its value, for an item that is not a key at all.
    pub(super) fn key_example(self) -> &'static str {
        match self {
            Place::Container => "rename_all = \"camelCase\"",
            Place::Field | Place::Variant => "rename = \"clientId\"",
        }
    }

    /// An example of the whole attribute, for a `model` without parentheses.
    pub(super) fn example(self) -> &'static str {
        match self {
            Place::Container => "#[model(rename_all = \"camelCase\")]",
            Place::Field => "#[model(max_len = 86)]",
            Place::Variant => "#[model(rename = \"client_credentials\")]",
        }
    }

    /// The names of the keys allowed here, in the table's order (the order messages list them).
    pub(super) fn keys(self) -> Vec<&'static str> {
        KEYS.iter()
            .filter(|key| key.allows(self))
            .map(|key| key.name)
            .collect()
    }
}

/// How a key's value is read, and the slot of the attribute struct `A` it fills.
pub(super) enum Read<A> {
    /// A key alone, no value: `secret`.
    Flag(fn(&mut A) -> &mut Option<Span>),
    /// The path of a function: `custom = check_range`.
    Function(fn(&mut A) -> &mut Option<Attr<syn::Path>>),
    /// A string literal holding a JSON object: `schema = r#"{"format": "uri"}"#`.
    Schema(fn(&mut A) -> &mut Option<Attr<LitStr>>),
    /// A string literal holding a JSON array: `examples = r#"["https://a.example"]"#`.
    Examples(fn(&mut A) -> &mut Option<Attr<LitStr>>),
    /// A non-empty string literal: `format = "uri"`.
    Text(fn(&mut A) -> &mut Option<Attr<LitStr>>),
    /// A non-empty string literal naming a wire member: `rename = "clientId"`.
    WireName(fn(&mut A) -> &mut Option<Attr<LitStr>>),
    /// A string literal naming a case convention: `rename_all = "camelCase"`.
    RenameRule(fn(&mut A) -> &mut Option<Attr<RenameRule>>),
    /// A string literal holding a charset, parsed into ranges: `charset = "A-Z"`.
    Charset(fn(&mut A) -> &mut Option<Attr<CharsetSpec>>),
    /// A string literal holding a JSON Schema pattern, compiled: `pattern = "^AC[0-9a-f]{32}$"`.
    Pattern(fn(&mut A) -> &mut Option<Attr<PatternSpec>>),
    /// A string literal holding a JSON Schema pattern, compiled, each occurrence a rule of its
    /// own: `not_pattern = "^[Bb][Kk]"`. The key may be given more than once.
    Patterns(fn(&mut A) -> &mut Vec<Attr<PatternSpec>>),
    /// A whole number, not negative: `max_len = 86`.
    Length(fn(&mut A) -> &mut Option<Attr<usize>>),
    /// An integer or float literal, with its sign: `min = -0.5`.
    Number(fn(&mut A) -> &mut Option<Attr<Number>>),
    /// A JSON value: a number with its sign, `true`, `false`, `null` or a string literal:
    /// `value = 1`.
    VariantValue(fn(&mut A) -> &mut Option<Attr<VariantValue>>),
    /// `default` alone, a literal, or the path of a function: `default = 250`.
    Default(fn(&mut A) -> &mut Option<Attr<super::DefaultValue>>),
    /// A list of field rules in parentheses, for the values inside the field's value:
    /// `items(max_len = 2000)`.
    Nested(fn(&mut A) -> &mut Option<Attr<Box<FieldAttrs>>>),
    /// Field names and parenthesized groups of them, `required_one_of(a, (b, c))`: exactly one
    /// item present (`true`) or at least one (`false`). The key may be given more than once,
    /// each a rule of its own.
    Groups(bool, fn(&mut A) -> &mut Vec<Attr<RequiredOf>>),
    /// Two or more field names, `not_all_of(a, b)`: not all present at once, a rule beside
    /// the `Groups` ones. The key may be given more than once.
    NotAll(fn(&mut A) -> &mut Vec<Attr<RequiredOf>>),
    /// A condition on a field's value and what it asks of other fields:
    /// `when(kind = "a" | "b", required(x, y))` or `when(kind = 1, not_all(x))`, a rule beside
    /// the `Groups` ones. The key may be given more than once.
    When(fn(&mut A) -> &mut Vec<Attr<RequiredOf>>),
    /// String literals naming wire members: `forbid("a", "b")`. The key may be given more than
    /// once.
    WireNames(fn(&mut A) -> &mut Vec<Attr<Vec<LitStr>>>),
    /// Field names in parentheses: `requires(a, b)`.
    Names(fn(&mut A) -> &mut Option<Attr<Vec<Ident>>>),
}

/// One key of the table.
pub(super) struct Key {
    pub(super) name: &'static str,
    /// The key with a typical value, as messages show it (`max_len = 86`); a flag's own name.
    pub(super) example: &'static str,
    /// How it is read on the struct; `None` where it is not allowed there.
    pub(super) container: Option<Read<ContainerAttrs>>,
    /// How it is read on a field; `None` where it is not allowed there.
    pub(super) field: Option<Read<FieldAttrs>>,
    /// How it is read on an enum's variant; `None` where it is not allowed there.
    pub(super) variant: Option<Read<VariantAttrs>>,
}

impl Key {
    /// A key allowed on the struct only.
    const fn container(
        name: &'static str,
        example: &'static str,
        read: Read<ContainerAttrs>,
    ) -> Key {
        Key {
            name,
            example,
            container: Some(read),
            field: None,
            variant: None,
        }
    }

    /// A key allowed on a field only.
    const fn field(name: &'static str, example: &'static str, read: Read<FieldAttrs>) -> Key {
        Key {
            name,
            example,
            container: None,
            field: Some(read),
            variant: None,
        }
    }

    /// A key allowed on an enum's variant only.
    const fn variant(name: &'static str, example: &'static str, read: Read<VariantAttrs>) -> Key {
        Key {
            name,
            example,
            container: None,
            field: None,
            variant: Some(read),
        }
    }

    /// The same key also allowed on the type.
    const fn or_container(self, read: Read<ContainerAttrs>) -> Key {
        Key {
            container: Some(read),
            ..self
        }
    }

    /// The same key also allowed on an enum's variant.
    const fn or_variant(self, read: Read<VariantAttrs>) -> Key {
        Key {
            variant: Some(read),
            ..self
        }
    }

    pub(super) fn allows(&self, place: Place) -> bool {
        match place {
            Place::Container => self.container.is_some(),
            Place::Field => self.field.is_some(),
            Place::Variant => self.variant.is_some(),
        }
    }

    /// The places the key is allowed on, in the order of `Place`.
    pub(super) fn places(&self) -> impl Iterator<Item = Place> + '_ {
        Place::ALL.into_iter().filter(|place| self.allows(*place))
    }
}

/// The key named `name` (a path such as `serde::rename` names none).
pub(super) fn lookup(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|key| key.name == name)
}

/// Every key. Messages list the keys of a place in this order.
///
/// To add a key: add its entry here, `Key::field(name, example, Read::Kind(|a| &mut a.slot))`
/// (or `Key::container`), and, if it fills a new slot, that field in `FieldAttrs` (or
/// `ContainerAttrs`). Reading, duplicate and misplaced-key errors and the lists of known keys
/// follow from the entry.
///
/// A value of a new kind (a path, say) is one more `Read` variant, one reader in `literal` and
/// one arm in `read_key`; a nested list such as `items(...)` is a variant whose arm reads the
/// parenthesized tokens with `read_list` into a nested `FieldAttrs`. A new place (an enum
/// variant) is one more `Place` with its texts, one more `Option<Read<_>>` in `Key` (seen by
/// `Key::allows`, set by a constructor or a builder method such as `.variant(read)` for a key
/// allowed in two places), and an entry point beside `attr::field`.
pub(super) static KEYS: &[Key] = &[
    Key::container(
        "rename_all",
        "rename_all = \"camelCase\"",
        Read::RenameRule(|a| &mut a.rename_all),
    ),
    Key::container(
        "deny_unknown_fields",
        "deny_unknown_fields",
        Read::Flag(|a| &mut a.deny_unknown_fields),
    ),
    Key::container(
        "required_one_of",
        "required_one_of(a, (b, c))",
        Read::Groups(true, |a| &mut a.required_of),
    ),
    Key::container(
        "required_any_of",
        "required_any_of(a, (b, c))",
        Read::Groups(false, |a| &mut a.required_of),
    ),
    Key::container(
        "not_all_of",
        "not_all_of(a, b)",
        Read::NotAll(|a| &mut a.required_of),
    ),
    Key::container(
        "when",
        "when(kind = \"a\", required(x, y))",
        Read::When(|a| &mut a.required_of),
    ),
    Key::container(
        "forbid",
        "forbid(\"password\")",
        Read::WireNames(|a| &mut a.forbid),
    ),
    Key::container(
        "min_members",
        "min_members = 1",
        Read::Length(|a| &mut a.min_members),
    ),
    Key::container(
        "max_members",
        "max_members = 20",
        Read::Length(|a| &mut a.max_members),
    ),
    Key::field(
        "rename",
        "rename = \"clientId\"",
        Read::WireName(|a| &mut a.rename),
    )
    .or_variant(Read::WireName(|a| &mut a.rename)),
    Key::field(
        "charset",
        "charset = \"A-Za-z0-9_-\"",
        Read::Charset(|a| &mut a.charset),
    ),
    Key::field(
        "pattern",
        "pattern = \"^[a-z]+(-[a-z]+)*$\"",
        Read::Pattern(|a| &mut a.pattern),
    ),
    Key::field(
        "not_pattern",
        "not_pattern = \"^[0-9a-f]{8}-\"",
        Read::Patterns(|a| &mut a.not_pattern),
    ),
    Key::field("min_len", "min_len = 1", Read::Length(|a| &mut a.min_len)),
    Key::field("max_len", "max_len = 86", Read::Length(|a| &mut a.max_len)),
    Key::field("min", "min = 1", Read::Number(|a| &mut a.min)),
    Key::field("max", "max = 3600", Read::Number(|a| &mut a.max)),
    Key::field(
        "exclusive_min",
        "exclusive_min = 0",
        Read::Number(|a| &mut a.exclusive_min),
    ),
    Key::field(
        "exclusive_max",
        "exclusive_max = 1",
        Read::Number(|a| &mut a.exclusive_max),
    ),
    Key::field(
        "multiple_of",
        "multiple_of = 5",
        Read::Number(|a| &mut a.multiple_of),
    ),
    Key::field("unique", "unique", Read::Flag(|a| &mut a.unique)),
    Key::field(
        "items",
        "items(max_len = 2000)",
        Read::Nested(|a| &mut a.items),
    ),
    Key::field(
        "keys",
        "keys(charset = \"a-z_\", max_len = 32)",
        Read::Nested(|a| &mut a.keys),
    ),
    Key::field(
        "values",
        "values(max_len = 256)",
        Read::Nested(|a| &mut a.values),
    ),
    Key::field("opaque", "opaque", Read::Flag(|a| &mut a.opaque)),
    Key::field(
        "schema",
        "schema = r#\"{\"type\": \"string\", \"format\": \"uri\"}\"#",
        Read::Schema(|a| &mut a.schema),
    ),
    Key::field(
        "custom",
        "custom = check_range",
        Read::Function(|a| &mut a.custom),
    )
    .or_container(Read::Function(|a| &mut a.custom)),
    Key::field(
        "default",
        "default = 250",
        Read::Default(|a| &mut a.default),
    ),
    Key::field("required", "required", Read::Flag(|a| &mut a.required)),
    Key::field("not_null", "not_null", Read::Flag(|a| &mut a.not_null)),
    Key::field(
        "requires",
        "requires(a, b)",
        Read::Names(|a| &mut a.requires),
    ),
    Key::field("skip", "skip", Read::Flag(|a| &mut a.skip)),
    Key::field("flatten", "flatten", Read::Flag(|a| &mut a.flatten)),
    Key::field("format", "format = \"uri\"", Read::Text(|a| &mut a.format))
        .or_container(Read::Text(|a| &mut a.format)),
    Key::field(
        "check_format",
        "check_format",
        Read::Flag(|a| &mut a.check_format),
    ),
    Key::field("read_only", "read_only", Read::Flag(|a| &mut a.read_only))
        .or_container(Read::Flag(|a| &mut a.read_only)),
    Key::field(
        "write_only",
        "write_only",
        Read::Flag(|a| &mut a.write_only),
    )
    .or_container(Read::Flag(|a| &mut a.write_only)),
    Key::field(
        "examples",
        "examples = r#\"[\"https://client.example\"]\"#",
        Read::Examples(|a| &mut a.examples),
    )
    .or_container(Read::Examples(|a| &mut a.examples)),
    Key::field("title", "title = \"Client\"", Read::Text(|a| &mut a.title))
        .or_container(Read::Text(|a| &mut a.title)),
    Key::field(
        "deprecated",
        "deprecated",
        Read::Flag(|a| &mut a.deprecated),
    )
    .or_container(Read::Flag(|a| &mut a.deprecated))
    .or_variant(Read::Flag(|a| &mut a.deprecated)),
    Key::field(
        "description",
        "description = \"A client.\"",
        Read::Text(|a| &mut a.description),
    )
    .or_container(Read::Text(|a| &mut a.description))
    .or_variant(Read::Text(|a| &mut a.description)),
    Key::container("tag", "tag = \"type\"", Read::WireName(|a| &mut a.tag)),
    Key::container(
        "content",
        "content = \"value\"",
        Read::WireName(|a| &mut a.content),
    ),
    Key::container("untagged", "untagged", Read::Flag(|a| &mut a.untagged)),
    Key::container("one_of", "one_of", Read::Flag(|a| &mut a.one_of)),
    Key::container(
        "rename_all_fields",
        "rename_all_fields = \"camelCase\"",
        Read::RenameRule(|a| &mut a.rename_all_fields),
    ),
    Key::variant("other", "other", Read::Flag(|a| &mut a.other)),
    Key::variant("value", "value = 1", Read::VariantValue(|a| &mut a.value)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_is_listed_once_and_allowed_somewhere() {
        for (i, key) in KEYS.iter().enumerate() {
            assert!(
                KEYS[..i].iter().all(|k| k.name != key.name),
                "{} twice",
                key.name
            );
            assert!(key.places().next().is_some(), "{} nowhere", key.name);
            assert!(key.example.starts_with(key.name), "{}", key.example);
        }
    }

    #[test]
    fn lists_the_keys_of_each_place_in_order() {
        assert_eq!(
            Place::Container.keys(),
            [
                "rename_all",
                "deny_unknown_fields",
                "required_one_of",
                "required_any_of",
                "not_all_of",
                "when",
                "forbid",
                "min_members",
                "max_members",
                "custom",
                "format",
                "read_only",
                "write_only",
                "examples",
                "title",
                "deprecated",
                "description",
                "tag",
                "content",
                "untagged",
                "one_of",
                "rename_all_fields"
            ]
        );
        assert_eq!(
            Place::Field.keys(),
            [
                "rename",
                "charset",
                "pattern",
                "not_pattern",
                "min_len",
                "max_len",
                "min",
                "max",
                "exclusive_min",
                "exclusive_max",
                "multiple_of",
                "unique",
                "items",
                "keys",
                "values",
                "opaque",
                "schema",
                "custom",
                "default",
                "required",
                "not_null",
                "requires",
                "skip",
                "flatten",
                "format",
                "check_format",
                "read_only",
                "write_only",
                "examples",
                "title",
                "deprecated",
                "description"
            ]
        );
        assert_eq!(
            Place::Variant.keys(),
            ["rename", "deprecated", "description", "other", "value"]
        );
        assert!(lookup("serde::rename").is_none());
        assert_eq!(lookup("max").map(|k| k.example), Some("max = 3600"));
    }
}
