//! The "update client secret" endpoint also takes its body as
//! `application/x-www-form-urlencoded`: the generated serde impls work with `serde_urlencoded`
//! as they do with JSON, rules and all.

use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse, Model, Validate};

/// Percent-encodes `s` as a form value (RFC 3986 unreserved characters stay as they are),
/// written here so the tests do not trust the encoder they test against.
fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[test]
fn the_request_reads_a_form_body() {
    let request: ClientSecretUpdateRequest =
        serde_urlencoded::from_str("clientSecret=my-new_Secret0").unwrap();
    assert_eq!(request.client_secret.expose(), "my-new_Secret0");
    assert_eq!(request.validate(), Ok(()));
}

#[test]
fn the_request_writes_a_form_body() {
    let request = ClientSecretUpdateRequest::new("abc_DEF-123").unwrap();
    assert_eq!(
        serde_urlencoded::to_string(&request).unwrap(),
        "clientSecret=abc_DEF-123"
    );
    let back: ClientSecretUpdateRequest =
        serde_urlencoded::from_str(&serde_urlencoded::to_string(&request).unwrap()).unwrap();
    assert_eq!(back, request);
}

#[test]
fn form_bodies_follow_the_same_rules_as_json() {
    let max = "A".repeat(86);
    for ok in ["a", "Z", "0", "-", "_", max.as_str()] {
        let body = format!("clientSecret={}", form_encode(ok));
        let request: ClientSecretUpdateRequest = serde_urlencoded::from_str(&body).unwrap();
        assert_eq!(request.client_secret.expose(), ok);
    }
    let too_long = "A".repeat(87);
    let cases = [
        (String::new(), "min_len: must be at least 1 character long"),
        (too_long, "max_len: must be at most 86 characters long"),
        (
            "a b".to_owned(),
            "charset: must contain only A-Z a-z 0-9 - _",
        ),
        ("a+b".to_owned(), "charset: "),
        ("a/b".to_owned(), "charset: "),
        ("a=b".to_owned(), "charset: "),
        ("a.b".to_owned(), "charset: "),
        ("a~b".to_owned(), "charset: "),
        ("é".to_owned(), "charset: "),
        ("a\u{0}b".to_owned(), "charset: "),
    ];
    for (secret, rule) in cases {
        let body = format!("clientSecret={}", form_encode(&secret));
        let err = serde_urlencoded::from_str::<ClientSecretUpdateRequest>(&body).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("/clientSecret: {rule}")),
            "{body}: {err}"
        );
        // Never the value.
        if secret.len() > 1 {
            assert!(!err.to_string().contains(&secret), "{err}");
        }
    }
}

#[test]
fn a_plus_in_a_form_body_is_a_space_and_is_refused() {
    // In a form body `+` stands for a space; a client that forgets to encode a `+` sends one.
    let err =
        serde_urlencoded::from_str::<ClientSecretUpdateRequest>("clientSecret=a+b").unwrap_err();
    assert!(
        err.to_string().starts_with("/clientSecret: charset: "),
        "{err}"
    );
}

#[test]
fn form_bodies_report_missing_and_duplicated_fields() {
    let err = serde_urlencoded::from_str::<ClientSecretUpdateRequest>("").unwrap_err();
    assert!(
        err.to_string()
            .contains("/clientSecret: missing required field"),
        "{err}"
    );
    let err = serde_urlencoded::from_str::<ClientSecretUpdateRequest>("other=1").unwrap_err();
    assert!(
        err.to_string()
            .contains("/clientSecret: missing required field"),
        "{err}"
    );
    let err = serde_urlencoded::from_str::<ClientSecretUpdateRequest>(
        "clientSecret=abc&clientSecret=def",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("/clientSecret: duplicate field"),
        "{err}"
    );
    // Other fields are ignored, as in JSON.
    let request: ClientSecretUpdateRequest =
        serde_urlencoded::from_str("grant=x&clientSecret=abc&z=").unwrap();
    assert_eq!(request.client_secret.expose(), "abc");
}

#[test]
fn the_response_reads_and_writes_a_form_body() {
    let res: ClientSecretUpdateResponse = serde_urlencoded::from_str(
        "resultCode=A149001&newClientSecret=n-1&resultMessage=done%20ok",
    )
    .unwrap();
    assert_eq!(res.result_code.as_deref(), Some("A149001"));
    assert_eq!(res.result_message.as_deref(), Some("done ok"));
    assert_eq!(
        res.new_client_secret.as_ref().map(|s| s.expose().as_str()),
        Some("n-1")
    );
    assert_eq!(res.old_client_secret, None);
    // `None` fields are left out.
    assert_eq!(
        serde_urlencoded::to_string(&res).unwrap(),
        "resultCode=A149001&resultMessage=done+ok&newClientSecret=n-1"
    );
}

/// Numbers, booleans and options read from form text, with their rules.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "snake_case", deny_unknown_fields)]
struct Settings {
    #[model(min = 1, max = 3600)]
    token_ttl: u32,
    #[model(min = -1.0, max = 1.0)]
    bias: f64,
    enabled: bool,
    #[model(charset = "a-z", max_len = 5)]
    label: Option<String>,
}

#[test]
fn a_form_body_carries_numbers_booleans_and_options() {
    let v: Settings =
        serde_urlencoded::from_str("token_ttl=60&bias=-0.5&enabled=true&label=abc").unwrap();
    assert_eq!(
        v,
        Settings {
            token_ttl: 60,
            bias: -0.5,
            enabled: true,
            label: Some("abc".into())
        }
    );
    assert_eq!(
        serde_urlencoded::to_string(&v).unwrap(),
        "token_ttl=60&bias=-0.5&enabled=true&label=abc"
    );
    let v: Settings = serde_urlencoded::from_str("token_ttl=1&bias=1&enabled=false").unwrap();
    assert_eq!(v.label, None);
    assert_eq!(
        serde_urlencoded::to_string(&v).unwrap(),
        "token_ttl=1&bias=1.0&enabled=false"
    );
}

#[test]
fn a_form_body_breaking_a_rule_is_refused_with_the_path() {
    let cases = [
        ("token_ttl=0&bias=0&enabled=true", "/token_ttl: min: "),
        ("token_ttl=3601&bias=0&enabled=true", "/token_ttl: max: "),
        ("token_ttl=5&bias=1.5&enabled=true", "/bias: max: "),
        (
            "token_ttl=5&bias=0&enabled=true&label=ABC",
            "/label: charset: ",
        ),
        (
            "token_ttl=5&bias=0&enabled=true&label=abcdef",
            "/label: max_len: ",
        ),
        (
            "token_ttl=5&bias=0&enabled=true&label=a&label=b",
            "/label: duplicate field",
        ),
        ("bias=0&enabled=true", "/token_ttl: missing required field"),
    ];
    for (body, expected) in cases {
        let err = serde_urlencoded::from_str::<Settings>(body).unwrap_err();
        assert!(err.to_string().starts_with(expected), "{body}: {err}");
    }
    // Text that is not a number or a boolean is refused.
    for body in [
        "token_ttl=ten&bias=0&enabled=true",
        "token_ttl=5&bias=0&enabled=yes",
        "token_ttl=-5&bias=0&enabled=true",
    ] {
        assert!(
            serde_urlencoded::from_str::<Settings>(body).is_err(),
            "{body}"
        );
    }
    let err = serde_urlencoded::from_str::<Settings>("token_ttl=5&bias=0&enabled=true&extra=1")
        .unwrap_err();
    assert!(err.to_string().contains("unknown field `extra`"), "{err}");
}
