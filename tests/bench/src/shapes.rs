//! Two field shapes besides a string, read with this project's derive: a string enum
//! (`{"grant": "CLIENT_CREDENTIALS"}`) and a map of strings with rules on its keys and values
//! (`{"attrs": {…}}`), with the documents the `shapes` benchmark reads.
//!
//! The same shapes with `serde_derive` (and garde) are in `shape_peers`, behind the `peers`
//! feature; these models need nothing but this project.

use authlete_models::Model;

/// How an access token is granted: ten values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GrantType {
    /// `AUTHORIZATION_CODE`.
    AuthorizationCode,
    /// `IMPLICIT`.
    Implicit,
    /// `PASSWORD`.
    Password,
    /// `CLIENT_CREDENTIALS`.
    ClientCredentials,
    /// `REFRESH_TOKEN`.
    RefreshToken,
    /// `CIBA`.
    Ciba,
    /// `DEVICE_CODE`.
    DeviceCode,
    /// `TOKEN_EXCHANGE`.
    TokenExchange,
    /// `JWT_BEARER`.
    JwtBearer,
    /// `PRE_AUTHORIZED_CODE`.
    PreAuthorizedCode,
}

/// The wire values of [`GrantType`], in declaration order.
pub const GRANT_VALUES: [&str; 10] = [
    "AUTHORIZATION_CODE",
    "IMPLICIT",
    "PASSWORD",
    "CLIENT_CREDENTIALS",
    "REFRESH_TOKEN",
    "CIBA",
    "DEVICE_CODE",
    "TOKEN_EXCHANGE",
    "JWT_BEARER",
    "PRE_AUTHORIZED_CODE",
];

/// The four grant types of RFC 6749: a short enum, to see whether the length of the list
/// matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GrantType4 {
    /// `AUTHORIZATION_CODE`.
    AuthorizationCode,
    /// `IMPLICIT`.
    Implicit,
    /// `PASSWORD`.
    Password,
    /// `CLIENT_CREDENTIALS`.
    ClientCredentials,
}

/// A request holding one [`GrantType`].
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Req {
    /// The grant type.
    pub grant: GrantType,
}

/// A request holding one [`GrantType4`].
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Req4 {
    /// The grant type.
    pub grant: GrantType4,
}

/// Reads `doc` as a [`Req`]; the variant's index when accepted.
pub fn read_req(doc: &str) -> Option<u8> {
    serde_json::from_str::<Req>(doc).ok().map(|r| r.grant as u8)
}

/// Reads `doc` as a [`Req4`]; the variant's index when accepted.
pub fn read_req4(doc: &str) -> Option<u8> {
    serde_json::from_str::<Req4>(doc)
        .ok()
        .map(|r| r.grant as u8)
}

/// A document of the enum table: which enum reads it, and which variant it holds (`None`:
/// none, to be refused).
#[derive(Clone, Debug)]
pub struct EnumCase {
    /// The column title.
    pub title: &'static str,
    /// A file-name-safe id.
    pub id: &'static str,
    /// `{"grant": "…"}`.
    pub doc: String,
    /// Read with the ten-value enum (else the four-value one).
    pub ten: bool,
    /// The index of the variant it holds, or `None` when it names none.
    pub expect: Option<u8>,
}

/// The documents of the enum table, in column order.
pub fn enum_cases() -> Vec<EnumCase> {
    let doc = |v: &str| format!("{{\"grant\": \"{v}\"}}");
    vec![
        EnumCase {
            title: "4 values, `CLIENT_CREDENTIALS` (4th)",
            id: "four_cc",
            doc: doc("CLIENT_CREDENTIALS"),
            ten: false,
            expect: Some(3),
        },
        EnumCase {
            title: "10 values, `CLIENT_CREDENTIALS` (4th)",
            id: "ten_cc",
            doc: doc("CLIENT_CREDENTIALS"),
            ten: true,
            expect: Some(3),
        },
        EnumCase {
            title: "10 values, `PRE_AUTHORIZED_CODE` (10th)",
            id: "ten_last",
            doc: doc("PRE_AUTHORIZED_CODE"),
            ten: true,
            expect: Some(9),
        },
        EnumCase {
            title: "10 values, unknown `client_credentials` (refused)",
            id: "ten_unknown",
            doc: doc("client_credentials"),
            ten: true,
            expect: None,
        },
    ]
}

/// A map of attributes: at most 32 entries, each key 1 to 16 characters of `a-z _`, each value
/// at most 64 characters.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Attrs {
    /// The attributes.
    #[model(
        max_len = 32,
        keys(charset = "a-z_", min_len = 1, max_len = 16),
        values(max_len = 64)
    )]
    pub attrs: std::collections::HashMap<String, String>,
}

/// Reads `doc` as an [`Attrs`]; the number of entries when accepted.
pub fn read_attrs(doc: &str) -> Option<usize> {
    serde_json::from_str::<Attrs>(doc)
        .ok()
        .map(|a| a.attrs.len())
}

/// The eight entries of the valid map document: keys of 1 to 16 characters of `a-z _`,
/// values of 1 to 35 characters.
pub const MAP_ENTRIES: [(&str, &str); 8] = [
    ("department", "Research and development"),
    ("cost_center", "CC-4711"),
    ("region", "eu-west-1"),
    ("owner", "platform-team@example.com"),
    ("tier", "gold"),
    ("x", "1"),
    ("created_by", "provisioning service, nightly batch"),
    ("display_locale", "en-GB"),
];

/// A document of the map table, and what is wrong with it.
#[derive(Clone, Debug)]
pub struct MapCase {
    /// The column title.
    pub title: &'static str,
    /// A file-name-safe id.
    pub id: &'static str,
    /// `{"attrs": {…}}`.
    pub doc: String,
    /// One key breaks the key rules.
    pub bad_key: bool,
    /// One value breaks the value rules.
    pub bad_value: bool,
}

/// `{"attrs": {…}}` with `entries`.
pub fn map_doc(entries: &[(&str, &str)]) -> String {
    let body: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("\"{k}\": \"{v}\""))
        .collect();
    format!("{{\"attrs\": {{{}}}}}", body.join(", "))
}

/// The documents of the map table, in column order: 8 valid entries; the same with the last
/// key `Display-Locale` (outside `a-z _`, same length); the same with the last value 65
/// characters long.
pub fn map_cases() -> Vec<MapCase> {
    let mut bad_key = MAP_ENTRIES;
    bad_key[7].0 = "Display-Locale";
    let long = "v".repeat(65);
    let mut bad_value = MAP_ENTRIES;
    bad_value[7].1 = &long;
    vec![
        MapCase {
            title: "8 entries, valid",
            id: "valid8",
            doc: map_doc(&MAP_ENTRIES),
            bad_key: false,
            bad_value: false,
        },
        MapCase {
            title: "8 entries, last key `Display-Locale` (bad key)",
            id: "bad_key",
            doc: map_doc(&bad_key),
            bad_key: true,
            bad_value: false,
        },
        MapCase {
            title: "8 entries, last value 65 chars (too long)",
            id: "long_value",
            doc: map_doc(&bad_value),
            bad_key: false,
            bad_value: true,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_enums_read_every_value_and_refuse_others() {
        for (i, v) in GRANT_VALUES.iter().enumerate() {
            let doc = format!("{{\"grant\": \"{v}\"}}");
            assert_eq!(read_req(&doc), Some(i as u8), "{v}");
            assert_eq!(read_req4(&doc), (i < 4).then_some(i as u8), "{v}");
        }
        for case in enum_cases() {
            let read = if case.ten { read_req } else { read_req4 };
            assert_eq!(read(&case.doc), case.expect, "{}", case.id);
        }
    }

    #[test]
    fn the_map_documents_are_what_they_say() {
        for (k, v) in MAP_ENTRIES {
            assert!(
                (1..=16).contains(&k.len())
                    && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            );
            assert!(v.chars().count() <= 64);
        }
        for case in map_cases() {
            let v: serde_json::Value = serde_json::from_str(&case.doc).unwrap();
            assert_eq!(v["attrs"].as_object().unwrap().len(), 8, "{}", case.id);
            let valid = !case.bad_key && !case.bad_value;
            assert_eq!(read_attrs(&case.doc), valid.then_some(8), "{}", case.id);
        }
    }
}
