//! "Did you mean": the known key or case name closest to one that is not known, through other
//! crates' names for the same rules, other spellings, and typos.

use crate::case;

/// Keys other validation and serialization crates use, and what this derive calls them.
const ALIASES: &[(&str, &str)] = &[
    ("regex", "`pattern`"),
    ("email", "`format = \"email\"` with `check_format`"),
    ("url", "`format = \"uri\"` with `check_format`"),
    ("chars", "`charset`"),
    ("length", "`min_len` and `max_len`"),
    ("len", "`min_len` and `max_len`"),
    ("range", "`min` and `max`"),
    ("min_items", "`min_len`"),
    ("max_items", "`max_len`"),
    ("alias", "`rename`"),
    ("name", "`rename`"),
];

/// Other crates' keys with no equivalent here, which a key of similar spelling would only
/// mislead about (`skip_serializing_if` is not `skip`).
const NO_EQUIVALENT: &[&str] = &["skip_serializing_if"];

/// A known key close to `key`, as the message shows it (`` `max_len` ``).
pub(super) fn suggest_key(key: &str, known: &[&str]) -> Option<String> {
    let lower = key.to_ascii_lowercase();
    if NO_EQUIVALENT.contains(&lower.as_str()) {
        return None;
    }
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    // Other crates' names for the same rules.
    if let Some((_, to)) = ALIASES.iter().find(|(from, to)| {
        (norm(from) == norm(&lower)) && known.iter().any(|k| to.contains(&format!("`{k}`")))
    }) {
        return Some((*to).to_owned());
    }
    let n = norm(key);
    // The same key in another spelling, or a longer or shorter form of it.
    let by_prefix = known
        .iter()
        .filter(|k| {
            let k = norm(k);
            k == n || (n.len() >= 3 && (n.starts_with(&k) || k.starts_with(&n)))
        })
        .max_by_key(|k| k.len());
    if let Some(k) = by_prefix {
        return Some(format!("`{k}`"));
    }
    // A typo.
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), k))
        .filter(|(d, k)| *d <= 2 && k.len() > 3 && lower.len() > 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("`{k}`"))
}

/// The name among `known` (a struct's field names) that the unknown `name` most likely means:
/// the same letters in other capitals or without separators (a wire name such as `clientId`
/// for `client_id`), else the closest one a typo or two away.
pub fn closest_name<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let n = norm(name);
    if let Some(same) = known.iter().find(|k| norm(k) == n) {
        return Some(same);
    }
    let most = match name.chars().count() {
        0 | 1 => return None,
        2..=4 => 1,
        _ => 2,
    };
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, _)| *d <= most)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The message for a `rename_all` case this derive does not know.
pub(super) fn unknown_case(name: &str) -> String {
    let names = case::NAMES
        .iter()
        .map(|(n, _)| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    match suggest_case(name) {
        Some(s) => format!(
            "unknown case \"{name}\"; did you mean \"{s}\"? `rename_all` takes one of {names}"
        ),
        None => format!("unknown case \"{name}\"; `rename_all` takes one of {names}"),
    }
}

/// The case name `name` most likely means: the same letters in other capitals or separators,
/// with or without the `case` suffix, or a common other name of the same convention.
fn suggest_case(name: &str) -> Option<&'static str> {
    fn norm(s: &str) -> String {
        let s: String = s
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        s.strip_suffix("case").map(str::to_owned).unwrap_or(s)
    }
    let n = match norm(name).as_str() {
        "uppercamel" => "pascal".to_owned(),
        "lowercamel" => "camel".to_owned(),
        "constant" | "screaming" | "uppersnake" => "screamingsnake".to_owned(),
        "dash" | "lowerkebab" => "kebab".to_owned(),
        "upperkebab" | "cobol" | "train" => "screamingkebab".to_owned(),
        n => n.to_owned(),
    };
    case::NAMES
        .iter()
        .map(|(name, _)| *name)
        .find(|known| norm(known) == n)
}

#[cfg(test)]
mod tests {
    use super::super::keys::Place;
    use super::*;

    #[test]
    fn suggests_known_keys() {
        let k = &Place::Field.keys();
        assert_eq!(suggest_key("max_length", k).as_deref(), Some("`max_len`"));
        assert_eq!(suggest_key("maxLen", k).as_deref(), Some("`max_len`"));
        assert_eq!(suggest_key("minimum", k).as_deref(), Some("`min`"));
        assert_eq!(suggest_key("charst", k).as_deref(), Some("`charset`"));
        assert_eq!(suggest_key("uniqe", k).as_deref(), Some("`unique`"));
        assert_eq!(suggest_key("regex", k).as_deref(), Some("`pattern`"));
        assert_eq!(
            suggest_key("email", k).as_deref(),
            Some("`format = \"email\"` with `check_format`")
        );
        assert_eq!(
            suggest_key("length", k).as_deref(),
            Some("`min_len` and `max_len`")
        );
        assert_eq!(suggest_key("skip_serializing_if", k), None);
        assert_eq!(
            suggest_key("skip_deserializing", k).as_deref(),
            Some("`skip`")
        );
        assert_eq!(suggest_key("m", k), None);
        let container = &Place::Container.keys();
        assert_eq!(
            suggest_key("deny_unknown", container).as_deref(),
            Some("`deny_unknown_fields`")
        );
        assert_eq!(suggest_key("pattern", container), None);
    }

    #[test]
    fn suggests_case_names() {
        assert_eq!(suggest_case("camel"), Some("camelCase"));
        assert_eq!(suggest_case("camelcase"), Some("camelCase"));
        assert_eq!(suggest_case("camel_case"), Some("camelCase"));
        assert_eq!(suggest_case("kebab"), Some("kebab-case"));
        assert_eq!(
            suggest_case("SCREAMING_KEBAB_CASE"),
            Some("SCREAMING-KEBAB-CASE")
        );
        assert_eq!(suggest_case("UpperCamelCase"), Some("PascalCase"));
        assert_eq!(suggest_case("CONSTANT_CASE"), Some("SCREAMING_SNAKE_CASE"));
        assert_eq!(suggest_case("title"), None);
    }

    #[test]
    fn suggests_field_names() {
        let fields = ["client_id", "client_secret", "scope", "a", "b"];
        assert_eq!(closest_name("clientId", &fields), Some("client_id"));
        assert_eq!(
            closest_name("client_secrte", &fields),
            Some("client_secret")
        );
        assert_eq!(closest_name("scop", &fields), Some("scope"));
        assert_eq!(closest_name("c", &fields), None);
        assert_eq!(closest_name("redirect_uris", &fields), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("secret", "secret"), 0);
        assert_eq!(edit_distance("secert", "secret"), 2);
        assert_eq!(edit_distance("charst", "charset"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
