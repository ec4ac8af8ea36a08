//! The two structs of the `patterns` benchmark, read with this project's derive: a Twilio
//! account SID held to a `pattern`, and an address held to `format = "email"` with
//! `check_format`, with the documents the benchmark reads.
//!
//! The same structs with `serde_derive` and the validation crates are in `pattern_peers`,
//! behind the `peers` feature; these models need nothing but this project (its `pattern` and
//! `formats` features).

use authlete_models::Model;

/// A Twilio account: its SID, `AC` then 32 hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Account {
    /// The account SID, 34 characters.
    #[model(pattern = r"^AC[0-9a-fA-F]{32}$")]
    pub sid: String,
}

/// The pattern [`Account::sid`] must match, as every row of the benchmark writes it.
pub const SID_PATTERN: &str = r"^AC[0-9a-fA-F]{32}$";

/// The SID documents: `(column title, id, document, whether the SID matches)`.
pub const SID_DOCS: [(&str, &str, &str, bool); 2] = [
    (
        "valid SID",
        "valid",
        r#"{"sid": "ACa1b2c3d4e5f60718293a4b5c6d7e8f90"}"#,
        true,
    ),
    (
        "`g` at the 33rd character",
        "invalid",
        r#"{"sid": "ACa1b2c3d4e5f60718293a4b5c6d7e8fg0"}"#,
        false,
    ),
];

/// A contact: an address, checked as an RFC 5321 mailbox.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Contact {
    /// The address.
    #[model(format = "email", check_format)]
    pub email: String,
}

/// The email documents: `(column title, id, document, whether the address is valid)`.
pub const EMAIL_DOCS: [(&str, &str, &str, bool); 2] = [
    (
        "valid address",
        "valid",
        r#"{"email": "alice.smith@example.com"}"#,
        true,
    ),
    (
        "`@@`",
        "invalid",
        r#"{"email": "alice.smith@@example.com"}"#,
        false,
    ),
];

/// Reads `doc` as an [`Account`]; whether it was accepted.
pub fn read_account(doc: &str) -> bool {
    serde_json::from_str::<Account>(doc).is_ok()
}

/// Reads `doc` as a [`Contact`]; whether it was accepted.
pub fn read_contact(doc: &str) -> bool {
    serde_json::from_str::<Contact>(doc).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes `from_json` reports for `doc` read as a `T`.
    fn codes<T: Model>(doc: &str) -> Vec<String> {
        match authlete_models::from_json::<T>(doc) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.code().to_owned()).collect(),
        }
    }

    #[test]
    fn each_document_is_read_or_refused_with_its_code() {
        for (_, id, doc, valid) in SID_DOCS {
            assert_eq!(read_account(doc), valid, "sid {id}");
            let expected: &[&str] = if valid { &[] } else { &["pattern"] };
            assert_eq!(codes::<Account>(doc), expected, "sid {id}");
        }
        for (_, id, doc, valid) in EMAIL_DOCS {
            assert_eq!(read_contact(doc), valid, "email {id}");
            let expected: &[&str] = if valid { &[] } else { &["format"] };
            assert_eq!(codes::<Contact>(doc), expected, "email {id}");
        }
    }

    #[test]
    fn the_sid_is_34_characters_and_the_invalid_one_differs_by_one() {
        let sid = |doc: &str| -> String {
            serde_json::from_str::<serde_json::Value>(doc).unwrap()["sid"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (valid, invalid) = (sid(SID_DOCS[0].2), sid(SID_DOCS[1].2));
        assert_eq!(valid.len(), 34);
        assert_eq!(invalid.len(), 34);
        let differ: Vec<usize> = (0..34)
            .filter(|&i| valid.as_bytes()[i] != invalid.as_bytes()[i])
            .collect();
        assert_eq!(differ, [32]);
        assert_eq!(
            <Account as Model>::json_schema()["properties"]["sid"]["pattern"],
            SID_PATTERN
        );
    }
}
