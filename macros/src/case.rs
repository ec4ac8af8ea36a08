//! `rename_all`: serde's eight case conventions, applied to snake_case field names.

/// A case convention for wire names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// The names `rename_all` accepts, as users write them.
pub const NAMES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    /// The rule named `name`, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        NAMES.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
    }

    /// The wire name of the field `field` (written in snake_case) under this rule.
    pub fn apply(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => pascal(field),
            RenameRule::Camel => {
                let p = pascal(field);
                let mut chars = p.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => p,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

impl RenameRule {
    /// The wire value of the variant `variant` (written in PascalCase) under this rule.
    pub fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
            // The snake_case words of the name, then the field rule on them.
            rule => rule.apply(&snake(variant)),
        }
    }
}

/// `PascalCase` as `pascal_case`: a word starts at each capital letter.
fn snake(variant: &str) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, c) in variant.char_indices() {
        if i > 0 && c.is_uppercase() {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn pascal(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper = true;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_on_a_two_word_field() {
        let expected = [
            ("lowercase", "client_secret"),
            ("UPPERCASE", "CLIENT_SECRET"),
            ("PascalCase", "ClientSecret"),
            ("camelCase", "clientSecret"),
            ("snake_case", "client_secret"),
            ("SCREAMING_SNAKE_CASE", "CLIENT_SECRET"),
            ("kebab-case", "client-secret"),
            ("SCREAMING-KEBAB-CASE", "CLIENT-SECRET"),
        ];
        for (name, wire) in expected {
            assert_eq!(
                RenameRule::from_name(name).unwrap().apply("client_secret"),
                wire,
                "{name}"
            );
        }
    }

    #[test]
    fn every_rule_on_a_two_word_variant() {
        let expected = [
            ("lowercase", "clientsecret"),
            ("UPPERCASE", "CLIENTSECRET"),
            ("PascalCase", "ClientSecret"),
            ("camelCase", "clientSecret"),
            ("snake_case", "client_secret"),
            ("SCREAMING_SNAKE_CASE", "CLIENT_SECRET"),
            ("kebab-case", "client-secret"),
            ("SCREAMING-KEBAB-CASE", "CLIENT-SECRET"),
        ];
        for (name, wire) in expected {
            assert_eq!(
                RenameRule::from_name(name)
                    .unwrap()
                    .apply_to_variant("ClientSecret"),
                wire,
                "{name}"
            );
        }
        assert_eq!(
            RenameRule::ScreamingSnake.apply_to_variant("Hs256"),
            "HS256"
        );
    }

    #[test]
    fn camel_case_keeps_digits_and_single_words() {
        assert_eq!(RenameRule::Camel.apply("token_ttl_2"), "tokenTtl2");
        assert_eq!(RenameRule::Camel.apply("id"), "id");
    }
}
