//! The documented "update client secret" models: the request body
//! (`ApiServiceIdClientSecretUpdateClientIdentifie`, alias `ClientSecretUpdateRequest`) and the
//! response (`ClientSecretUpdateResponse`).
//!
//! The request's one field, `clientSecret`, holds 1 to 86 characters of `A-Z a-z 0-9 - _`.
//! Every length around the bounds and every character class, in and out, is checked through
//! the three doors a value comes in by: `serde_json::from_str`, `validate()` on a built value
//! and `from_json`.

use authlete_models::{
    ApiServiceIdClientSecretUpdateClientIdentifie, ClientSecretUpdateRequest,
    ClientSecretUpdateResponse, Model, Secret, Validate, from_json,
};
use authlete_models_tests::{found, pairs};

const MAX: usize = 86;
const PATH: &str = "/clientSecret";
const CHARSET_MESSAGE: &str = "must contain only A-Z a-z 0-9 - _";

/// Whether `c` belongs to the documented alphabet, written from the documentation's words:
/// "Valid characters for a client secret are A-Z, a-z, 0-9, -, and _".
fn documented_char(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}

/// The JSON body carrying `secret`, its string escaped as JSON requires.
fn body(secret: &str) -> String {
    format!(
        "{{\"clientSecret\":{}}}",
        serde_json::to_string(secret).unwrap()
    )
}

fn built(secret: &str) -> ClientSecretUpdateRequest {
    ApiServiceIdClientSecretUpdateClientIdentifie {
        client_secret: Secret::new(secret.to_owned()),
    }
}

/// Base64url without padding (RFC 4648 §5), written here from its definition.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let sextets = chunk.len() + 1; // 1 byte → 2 characters, 2 → 3, 3 → 4
        for i in 0..sextets {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

#[test]
fn the_base64url_helper_matches_the_rfc_4648_test_vectors() {
    // RFC 4648 §10, without padding; the last two show the url-safe characters.
    assert_eq!(base64url(b""), "");
    assert_eq!(base64url(b"f"), "Zg");
    assert_eq!(base64url(b"fo"), "Zm8");
    assert_eq!(base64url(b"foo"), "Zm9v");
    assert_eq!(base64url(b"foob"), "Zm9vYg");
    assert_eq!(base64url(b"fooba"), "Zm9vYmE");
    assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url(&[0xff, 0xff, 0xfe]), "___-");
}

#[test]
fn the_alias_names_the_same_type() {
    let a: ClientSecretUpdateRequest = built("abc");
    let b: ApiServiceIdClientSecretUpdateClientIdentifie = a.clone();
    assert_eq!(a, b);
}

// ---------------------------------------------------------------------------------------------
// Lengths

fn secret_of_len(n: usize) -> String {
    // Cycle through the whole alphabet so the length cases also cover every class.
    let alphabet: Vec<char> = (0u8..=127)
        .map(char::from)
        .filter(|&c| documented_char(c))
        .collect();
    (0..n).map(|i| alphabet[i % alphabet.len()]).collect()
}

#[test]
fn lengths_around_the_bounds_through_serde_json() {
    for n in [1, 2, MAX - 1, MAX] {
        let secret = secret_of_len(n);
        let request: ClientSecretUpdateRequest = serde_json::from_str(&body(&secret))
            .unwrap_or_else(|e| panic!("{n} characters must be accepted: {e}"));
        assert_eq!(request.client_secret.expose(), &secret);
        assert_eq!(request.client_secret.expose().chars().count(), n);
    }
    for (n, rule) in [
        (0, "min_len: must be at least 1 character long"),
        (MAX + 1, "max_len: must be at most 86 characters long"),
        (MAX + 10, "max_len: must be at most 86 characters long"),
    ] {
        let json = body(&secret_of_len(n));
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
        // serde_json reports the column of the string's closing quote, the last one before `}`.
        let column = json.len() - 1;
        assert_eq!(
            err.to_string(),
            format!("{PATH}: {rule} at line 1 column {column}"),
            "{n} characters"
        );
    }
}

#[test]
fn lengths_around_the_bounds_through_validate() {
    for n in [1, 2, MAX - 1, MAX] {
        assert_eq!(
            built(&secret_of_len(n)).validate(),
            Ok(()),
            "{n} characters"
        );
        assert!(ClientSecretUpdateRequest::new(secret_of_len(n)).is_ok());
    }
    let errors = built("").validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "min_len")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must be at least 1 character long, got 0"
    );
    for n in [MAX + 1, MAX + 100] {
        let errors = built(&secret_of_len(n)).validate().unwrap_err();
        assert_eq!(found(&errors), pairs(&[(PATH, "max_len")]));
        assert_eq!(
            errors.iter().next().unwrap().message(),
            format!("must be at most 86 characters long, got {n}")
        );
        let from_new = ClientSecretUpdateRequest::new(secret_of_len(n)).unwrap_err();
        assert_eq!(from_new, errors);
    }
}

#[test]
fn lengths_around_the_bounds_through_from_json() {
    for n in [1, MAX - 1, MAX] {
        let secret = secret_of_len(n);
        let request = from_json::<ClientSecretUpdateRequest>(&body(&secret)).unwrap();
        assert_eq!(request.client_secret.expose(), &secret);
    }
    let errors = from_json::<ClientSecretUpdateRequest>(&body("")).unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "min_len")]));
    let errors =
        from_json::<ClientSecretUpdateRequest>(&body(&secret_of_len(MAX + 1))).unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "max_len")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must be at most 86 characters long, got 87"
    );
}

#[test]
fn length_counts_characters_not_bytes() {
    // 86 two-byte characters: 172 bytes, yet within the length; only the charset breaks.
    let wide = "é".repeat(MAX);
    let errors = built(&wide).validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "charset")]));
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(&body(&wide)).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!("{PATH}: charset: ")),
        "{err}"
    );
    // 87 of them break both; validate reports the length first, then the charset.
    let errors = built(&"é".repeat(MAX + 1)).validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[(PATH, "max_len"), (PATH, "charset")])
    );
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must be at most 86 characters long, got 87"
    );
}

// ---------------------------------------------------------------------------------------------
// Characters

#[test]
fn every_character_of_each_class_is_accepted() {
    let classes: [(&str, Vec<char>); 5] = [
        ("A-Z", ('A'..='Z').collect()),
        ("a-z", ('a'..='z').collect()),
        ("0-9", ('0'..='9').collect()),
        ("-", vec!['-']),
        ("_", vec!['_']),
    ];
    for (class, chars) in classes {
        // The whole class as one secret, and each character alone and at both ends.
        let all: String = chars.iter().collect();
        assert!(
            serde_json::from_str::<ClientSecretUpdateRequest>(&body(&all)).is_ok(),
            "{class}"
        );
        assert_eq!(built(&all).validate(), Ok(()), "{class}");
        for &c in &chars {
            for secret in [c.to_string(), format!("{c}x0"), format!("x0{c}")] {
                let parsed = serde_json::from_str::<ClientSecretUpdateRequest>(&body(&secret))
                    .unwrap_or_else(|e| panic!("{secret:?} ({class}) refused: {e}"));
                assert_eq!(parsed.client_secret.expose(), &secret);
                assert_eq!(built(&secret).validate(), Ok(()), "{secret:?}");
                assert!(from_json::<ClientSecretUpdateRequest>(&body(&secret)).is_ok());
            }
        }
    }
}

fn assert_refused_for_charset(secret: &str) {
    let errors = built(secret).validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "charset")]), "{secret:?}");
    assert_eq!(errors.iter().next().unwrap().message(), CHARSET_MESSAGE);

    let err = serde_json::from_str::<ClientSecretUpdateRequest>(&body(secret)).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "{PATH}: charset: {CHARSET_MESSAGE} at line 1 column "
        )),
        "{secret:?}: {err}"
    );

    let errors = from_json::<ClientSecretUpdateRequest>(&body(secret)).unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "charset")]), "{secret:?}");
}

#[test]
fn the_named_characters_outside_the_alphabet_are_refused() {
    for c in ['+', '/', '=', '.', '~', ' ', 'é', '\u{0}'] {
        assert!(!documented_char(c));
        // Alone, in the middle of valid characters, and as the 86th character.
        assert_refused_for_charset(&c.to_string());
        assert_refused_for_charset(&format!("abc{c}DEF"));
        assert_refused_for_charset(&format!("{}{c}", secret_of_len(MAX - 1)));
    }
}

#[test]
fn every_other_ascii_character_is_refused() {
    for c in (0u8..=127).map(char::from).filter(|&c| !documented_char(c)) {
        assert_refused_for_charset(&format!("a{c}b"));
    }
}

#[test]
fn json_escapes_are_checked_as_the_characters_they_stand_for() {
    // `\u0041` is `A`, `\u005f` is `_`: allowed, though the text holds a backslash.
    let request: ClientSecretUpdateRequest =
        serde_json::from_str(r#"{"clientSecret": "\u0041b\u005f"}"#).unwrap();
    assert_eq!(request.client_secret.expose(), "Ab_");
    // `\u002b` is `+`, `\/` is `/`, `\u00e9` is `é`: refused.
    for text in [
        r#""a\u002bb""#,
        r#""a\/b""#,
        r#""\u00e9""#,
        r#""\u0000""#,
        r#""\ud83d\ude00""#,
    ] {
        let json = format!(r#"{{"clientSecret": {text}}}"#);
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!("{PATH}: charset: ")),
            "{json}: {err}"
        );
    }
    // The length counts the characters, not the escapes: 86 `\u0041` are 86 characters.
    let json = format!(r#"{{"clientSecret": "{}"}}"#, "\\u0041".repeat(MAX));
    let request: ClientSecretUpdateRequest = serde_json::from_str(&json).unwrap();
    assert_eq!(request.client_secret.expose(), &"A".repeat(MAX));
    let json = format!(r#"{{"clientSecret": "{}"}}"#, "\\u0041".repeat(MAX + 1));
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!("{PATH}: max_len: ")),
        "{err}"
    );
}

#[test]
fn characters_beyond_ascii_are_refused() {
    // Look-alikes of allowed characters, a non-BMP character and invisible ones.
    for c in [
        'Ａ', 'ａ', '０', '‐', '＿', 'ß', '😀', '\u{200B}', '\u{FEFF}', '\u{7F}',
    ] {
        assert_refused_for_charset(&format!("a{c}b"));
    }
}

// ---------------------------------------------------------------------------------------------
// A realistic secret

#[test]
fn a_secret_as_authlete_generates_it_is_accepted() {
    // 64 bytes (512 bits), fixed, spread over the whole byte range.
    let bytes: Vec<u8> = (0u8..64)
        .map(|i| i.wrapping_mul(73).wrapping_add(0xc5))
        .collect();
    let secret = base64url(&bytes);
    // ceil(512 / 6) = 86 characters, without padding.
    assert_eq!(secret.len(), (64 * 8usize).div_ceil(6));
    assert_eq!(secret.len(), MAX);
    assert!(secret.chars().all(documented_char));

    let request: ClientSecretUpdateRequest = serde_json::from_str(&body(&secret)).unwrap();
    assert_eq!(request.client_secret.expose(), &secret);
    assert_eq!(request.validate(), Ok(()));
    assert_eq!(
        from_json::<ClientSecretUpdateRequest>(&body(&secret)).unwrap(),
        request
    );
    assert_eq!(
        ClientSecretUpdateRequest::new(secret.clone()).unwrap(),
        request
    );
    // One more character of the same alphabet is over the maximum.
    let longer = format!("{secret}A");
    assert!(serde_json::from_str::<ClientSecretUpdateRequest>(&body(&longer)).is_err());
}

#[test]
fn secrets_with_both_url_safe_characters_are_accepted() {
    // 0xfb 0xff encode to `-_8`; the standard alphabet would give `+/8`.
    let secret = base64url(&[0xfb, 0xff, 0xfb, 0xff, 0xfe, 0x00]);
    assert!(secret.contains('-') && secret.contains('_'));
    assert!(ClientSecretUpdateRequest::new(secret).is_ok());
}

// ---------------------------------------------------------------------------------------------
// The rest of the request's contract

#[test]
fn the_field_is_required_and_typed() {
    let err = serde_json::from_str::<ClientSecretUpdateRequest>("{}").unwrap_err();
    assert!(
        err.to_string()
            .contains("/clientSecret: missing required field"),
        "{err}"
    );
    let err =
        serde_json::from_str::<ClientSecretUpdateRequest>(r#"{"clientSecret": null}"#).unwrap_err();
    assert!(err.to_string().contains("null"), "{err}");
    assert!(err.to_string().contains(PATH), "{err}");
    // The Rust field name is not the wire name.
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(r#"{"client_secret": "abc"}"#)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("/clientSecret: missing required field"),
        "{err}"
    );

    let errors = from_json::<ClientSecretUpdateRequest>("{}").unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "required")]));
    let errors = from_json::<ClientSecretUpdateRequest>(r#"{"clientSecret": 5}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[(PATH, "type")]));
    let errors = from_json::<ClientSecretUpdateRequest>("clientSecret=abc").unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "syntax")]));
}

#[test]
fn other_members_are_ignored() {
    let request: ClientSecretUpdateRequest =
        serde_json::from_str(r#"{"clientId": 1234, "clientSecret": "abc", "extra": [null]}"#)
            .unwrap();
    assert_eq!(request.client_secret.expose(), "abc");
}

#[test]
fn the_request_writes_its_wire_name_and_the_plain_secret() {
    let request = ClientSecretUpdateRequest::new("my-new_Secret0").unwrap();
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"clientSecret":"my-new_Secret0"}"#
    );
    let back: ClientSecretUpdateRequest =
        serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    assert_eq!(back, request);
}

#[test]
fn the_secret_stays_out_of_debug_and_errors() {
    let marker = "Zq9XwVmarker";
    let request = ClientSecretUpdateRequest::new(marker).unwrap();
    assert!(!format!("{request:?}").contains(marker));
    assert!(!format!("{request:#?}").contains(marker));

    for bad in [format!("{marker}+"), format!("{marker}{}", "x".repeat(MAX))] {
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&body(&bad)).unwrap_err();
        assert!(!err.to_string().contains(marker), "{err}");
        assert!(!format!("{err:?}").contains(marker), "{err:?}");
        let errors = built(&bad).validate().unwrap_err();
        assert!(!errors.to_string().contains(marker), "{errors}");
        assert!(!format!("{errors:?}").contains(marker), "{errors:?}");
        assert!(!serde_json::to_string(&errors).unwrap().contains(marker));
        let errors = from_json::<ClientSecretUpdateRequest>(&body(&bad)).unwrap_err();
        assert!(!errors.to_string().contains(marker), "{errors}");
    }
}

#[test]
fn the_request_has_a_schema_describing_the_field() {
    let schema = ClientSecretUpdateRequest::json_schema();
    let text = schema.to_string();
    assert!(schema.is_object());
    assert!(text.contains("clientSecret"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// The response

#[test]
fn the_response_reads_every_field_by_its_wire_name() {
    let json = r#"{
        "resultCode": "A149001",
        "resultMessage": "[A149001] The client secret was updated.",
        "newClientSecret": "new-Secret_1",
        "oldClientSecret": "old-Secret_0"
    }"#;
    let res: ClientSecretUpdateResponse = serde_json::from_str(json).unwrap();
    assert_eq!(res.result_code.as_deref(), Some("A149001"));
    assert_eq!(
        res.result_message.as_deref(),
        Some("[A149001] The client secret was updated.")
    );
    assert_eq!(
        res.new_client_secret.as_ref().map(|s| s.expose().as_str()),
        Some("new-Secret_1")
    );
    assert_eq!(
        res.old_client_secret.as_ref().map(|s| s.expose().as_str()),
        Some("old-Secret_0")
    );
    assert_eq!(res.validate(), Ok(()));
    assert_eq!(from_json::<ClientSecretUpdateResponse>(json).unwrap(), res);

    let debug = format!("{res:?}");
    assert!(
        !debug.contains("new-Secret_1") && !debug.contains("old-Secret_0"),
        "{debug}"
    );
    assert!(debug.contains("A149001"), "{debug}");

    let written = serde_json::to_string(&res).unwrap();
    assert_eq!(
        written,
        r#"{"resultCode":"A149001","resultMessage":"[A149001] The client secret was updated.","newClientSecret":"new-Secret_1","oldClientSecret":"old-Secret_0"}"#
    );
    let back: ClientSecretUpdateResponse = serde_json::from_str(&written).unwrap();
    assert_eq!(back, res);
}

#[test]
fn every_response_field_is_optional_and_never_null() {
    let res: ClientSecretUpdateResponse = serde_json::from_str("{}").unwrap();
    assert_eq!(
        res,
        ClientSecretUpdateResponse {
            result_code: None,
            result_message: None,
            new_client_secret: None,
            old_client_secret: None,
        }
    );
    assert_eq!(serde_json::to_string(&res).unwrap(), "{}");
    // The documentation gives each member as a string when present: `null` is refused.
    let errors = authlete_models::from_json::<ClientSecretUpdateResponse>(
        r#"{"resultCode": null, "resultMessage": null, "newClientSecret": null, "oldClientSecret": null}"#,
    )
    .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/resultCode", "type"),
            ("/resultMessage", "type"),
            ("/newClientSecret", "type"),
            ("/oldClientSecret", "type")
        ]
    );
    let partial: ClientSecretUpdateResponse =
        serde_json::from_str(r#"{"resultCode": "A149001", "unknown": 1}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&partial).unwrap(),
        r#"{"resultCode":"A149001"}"#
    );
}

#[test]
fn the_response_refuses_wrong_types_naming_the_field() {
    let err = serde_json::from_str::<ClientSecretUpdateResponse>(r#"{"resultCode": 149001}"#)
        .unwrap_err();
    assert!(err.to_string().contains("/resultCode"), "{err}");
    let errors = from_json::<ClientSecretUpdateResponse>(
        r#"{"resultCode": 1, "newClientSecret": true, "oldClientSecret": "ok"}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/resultCode", "type"), ("/newClientSecret", "type")])
    );
}
