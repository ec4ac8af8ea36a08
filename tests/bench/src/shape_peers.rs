//! The shapes of [`crate::shapes`] written with `serde_derive` (and garde), and the rows of the
//! `shapes` benchmark's two tables.
//!
//! Every `read_*` function reads a JSON document (and validates it, for garde), drops the
//! value, and returns what it read (the variant's index, the number of entries) when the
//! document was accepted, so that the benchmark can first check that each implementation reads
//! what it should.

use std::collections::HashMap;

use serde::Deserialize;

use crate::shapes;

/// [`shapes::GrantType`] with `serde_derive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
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

/// [`shapes::GrantType4`] with `serde_derive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
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

/// [`shapes::Req`] with `serde_derive`.
#[derive(Debug, Deserialize)]
pub struct Req {
    /// The grant type.
    pub grant: GrantType,
}

/// [`shapes::Req4`] with `serde_derive`.
#[derive(Debug, Deserialize)]
pub struct Req4 {
    /// The grant type.
    pub grant: GrantType4,
}

/// Reads `doc` as a `serde_derive` [`Req`]; the variant's index when accepted.
pub fn read_serde_req(doc: &str) -> Option<u8> {
    serde_json::from_str::<Req>(doc).ok().map(|r| r.grant as u8)
}

/// Reads `doc` as a `serde_derive` [`Req4`]; the variant's index when accepted.
pub fn read_serde_req4(doc: &str) -> Option<u8> {
    serde_json::from_str::<Req4>(doc)
        .ok()
        .map(|r| r.grant as u8)
}

/// An implementation in the enum table.
pub struct EnumRow {
    /// The row title.
    pub title: &'static str,
    /// The criterion (and profiler) id.
    pub id: &'static str,
    /// Reads `{"grant": …}` with the four-value enum.
    pub read4: fn(&str) -> Option<u8>,
    /// Reads `{"grant": …}` with the ten-value enum.
    pub read10: fn(&str) -> Option<u8>,
}

impl EnumRow {
    /// The reader of a case's enum.
    pub fn reader(&self, case: &shapes::EnumCase) -> fn(&str) -> Option<u8> {
        if case.ten { self.read10 } else { self.read4 }
    }
}

/// The rows of the enum table, the floor first.
pub const ENUM_ROWS: &[EnumRow] = &[
    EnumRow {
        title: "serde_derive (the floor)",
        id: "serde_derive",
        read4: read_serde_req4,
        read10: read_serde_req,
    },
    EnumRow {
        title: "**authlete-models** (`#[derive(Model)]`)",
        id: "authlete_models",
        read4: shapes::read_req4,
        read10: shapes::read_req,
    },
];

/// A plain map with `serde_derive`: no check at all (the floor of the map table).
#[derive(Debug, Deserialize)]
pub struct FloorAttrs {
    /// The attributes.
    pub attrs: HashMap<String, String>,
}

/// A value of at most 64 characters, for garde, which has no `inner` rule for maps: a map's
/// values are checked through `dive` into a newtype.
#[derive(Debug, Deserialize, garde::Validate)]
#[serde(transparent)]
#[garde(transparent)]
pub struct GardeValue(#[garde(length(chars, max = 64))] pub String);

/// garde: at most 32 entries, each value at most 64 characters; keys are not checked (garde
/// has no rule for a map's keys).
#[derive(Debug, Deserialize, garde::Validate)]
pub struct GardeAttrs {
    /// The attributes.
    #[garde(length(max = 32), dive)]
    pub attrs: HashMap<String, GardeValue>,
}

/// Reads `doc` as [`FloorAttrs`]; the number of entries when accepted.
pub fn read_floor_attrs(doc: &str) -> Option<usize> {
    serde_json::from_str::<FloorAttrs>(doc)
        .ok()
        .map(|a| a.attrs.len())
}

/// Reads `doc` as [`GardeAttrs`], then validates it; the number of entries when accepted.
pub fn read_garde_attrs(doc: &str) -> Option<usize> {
    let a = serde_json::from_str::<GardeAttrs>(doc).ok()?;
    garde::Validate::validate(&a).ok()?;
    Some(a.attrs.len())
}

/// An implementation in the map table.
pub struct MapRow {
    /// The row title.
    pub title: &'static str,
    /// The criterion (and profiler) id.
    pub id: &'static str,
    /// Reads `{"attrs": {…}}`.
    pub read: fn(&str) -> Option<usize>,
    /// Whether it checks the keys.
    pub keys: bool,
    /// Whether it checks the values.
    pub values: bool,
}

impl MapRow {
    /// Whether this implementation should accept `case`.
    pub fn accepts(&self, case: &shapes::MapCase) -> bool {
        !((case.bad_key && self.keys) || (case.bad_value && self.values))
    }
}

/// The rows of the map table, the floor first.
pub const MAP_ROWS: &[MapRow] = &[
    MapRow {
        title: "serde_derive, plain `HashMap<String, String>`, no check (the floor)",
        id: "serde_derive",
        read: read_floor_attrs,
        keys: false,
        values: false,
    },
    MapRow {
        title: "**authlete-models** (`max_len`, `keys(…)`, `values(…)`)",
        id: "authlete_models",
        read: shapes::read_attrs,
        keys: true,
        values: true,
    },
    MapRow {
        title: "serde_derive + garde 0.23 (`length(max = 32)`, `dive` to a value newtype; keys unchecked)",
        id: "garde",
        read: read_garde_attrs,
        keys: false,
        values: true,
    },
];
