//! No leak of a `secret` value: a marker is put in every secret field and searched for in
//! every output a user can reach (`Debug` and `{:#?}` of the models, `Display` and `Debug` of
//! every deserialization error and of `ValidationErrors`, the serialized `ValidationErrors`,
//! panic messages), and in the memory a dropped secret gives back to the allocator. Error
//! messages also stay bounded in size whatever the input.

#[path = "hostile/model.rs"]
mod model;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use authlete_models::{
    ClientSecretUpdateRequest, ClientSecretUpdateResponse, Model, Secret, Validate,
    ValidationErrors, from_json,
};

use model::{Everything, Scope};

/// In the charset of the documented secret (`A-Z a-z 0-9 - _`), and found nowhere else.
const MARKER: &str = "Mk7-Secret_Value-9f3a2b";
/// A number in the place of a secret.
const NUMBER: &str = "918273645546372819";

/// The longest message an error may have, whatever the input: a path, a rule, a short
/// excerpt, a line and a column.
const MESSAGE_LIMIT: usize = 512;

fn assert_hidden(what: &str, text: &str) {
    assert!(!text.contains(MARKER), "{what} shows the secret: {text}");
    assert!(
        !text.contains(NUMBER),
        "{what} shows the secret number: {text}"
    );
    assert!(
        !text.contains("9f3a2b"),
        "{what} shows part of the secret: {text}"
    );
}

fn assert_errors_hidden(what: &str, errors: &ValidationErrors) {
    assert_hidden(&format!("{what} (Display)"), &errors.to_string());
    assert_hidden(&format!("{what} (Debug)"), &format!("{errors:?}"));
    assert_hidden(&format!("{what} (pretty Debug)"), &format!("{errors:#?}"));
    assert_hidden(
        &format!("{what} (JSON)"),
        &serde_json::to_string(&errors).unwrap(),
    );
    for e in errors {
        assert_hidden(what, e.message());
        assert_hidden(what, e.path());
        assert_hidden(what, &format!("{e} {e:?}"));
    }
}

/// Reads `doc` with serde_json and with `from_json`, which must both refuse it, and checks
/// every output of both.
fn refused<T: Model + std::fmt::Debug>(doc: &str) {
    match serde_json::from_str::<T>(doc) {
        Ok(value) => panic!("accepted {value:?} from {doc}"),
        Err(e) => {
            assert_hidden(&format!("serde_json error for {doc}"), &e.to_string());
            assert_hidden(
                &format!("serde_json error (Debug) for {doc}"),
                &format!("{e:?}"),
            );
        }
    }
    match from_json::<T>(doc) {
        Ok(value) => panic!("from_json accepted {value:?} from {doc}"),
        Err(errors) => assert_errors_hidden(&format!("from_json errors for {doc}"), &errors),
    }
}

fn everything_with(token: &str, tweak: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut doc = serde_json::json!({
        "id": "app", "token": token, "oldToken": MARKER, "flag": true, "small": 0, "ratio": 1.0,
        "tags": [], "scopes": [{"name": "openid", "key": MARKER}],
        "owner": {"name": "owner", "key": MARKER}, "parent": {"name": "p", "key": MARKER},
    });
    tweak(&mut doc);
    doc.to_string()
}

// ---------------------------------------------------------------------------------------------
// Debug

#[test]
fn debug_of_the_models_never_shows_a_secret() {
    let request = ClientSecretUpdateRequest::new(MARKER).unwrap();
    let response = ClientSecretUpdateResponse {
        result_code: Some("A149001".into()),
        result_message: None,
        new_client_secret: Some(Secret::from(MARKER)),
        old_client_secret: Some(Secret::from(MARKER)),
    };
    let everything: Everything = serde_json::from_str(&everything_with(MARKER, |_| {})).unwrap();
    // The marker is there, for whoever names it.
    assert_eq!(request.client_secret.expose(), MARKER);
    assert_eq!(everything.scopes[0].key.as_ref().unwrap().expose(), MARKER);
    for (what, text) in [
        ("request", format!("{request:?}")),
        ("request, pretty", format!("{request:#?}")),
        ("response", format!("{response:?}")),
        ("response, pretty", format!("{response:#?}")),
        ("model with every type", format!("{everything:?}")),
        ("model with every type, pretty", format!("{everything:#?}")),
        (
            "a Vec of models",
            format!("{:?}", vec![request.clone(), request.clone()]),
        ),
        (
            "a boxed model",
            format!("{:#?}", Box::new(everything.owner.clone())),
        ),
        (
            "the secret itself",
            format!(
                "{:?} {:#?}",
                request.client_secret,
                Some(&response.new_client_secret)
            ),
        ),
    ] {
        assert_hidden(what, &text);
        assert!(text.contains("[redacted]"), "{what}: {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Deserialization errors

#[test]
fn errors_about_a_secret_never_show_it() {
    let long = MARKER.repeat(4);
    for doc in [
        format!(r#"{{"clientSecret": "{MARKER}!"}}"#),
        format!(r#"{{"clientSecret": "{MARKER} "}}"#),
        format!(r#"{{"clientSecret": "{MARKER}é"}}"#),
        format!(r#"{{"clientSecret": "{long}"}}"#),
        format!(r#"{{"clientSecret": "{MARKER}\u0000"}}"#),
        format!(r#"{{"clientSecret": "{MARKER}", "clientSecret": "{MARKER}"}}"#),
        format!(r#"{{"clientSecret": "{MARKER}"}} trailing"#),
        format!(r#"{{"clientSecret": "{MARKER}""#),
        format!(r#"{{"clientSecret": "{MARKER}"#),
        format!(r#"{{"clientSecret": "{MARKER}\q"}}"#),
        format!("{{\"clientSecret\": \"{MARKER}\u{1}\"}}"),
        format!(r#"{{"clientSecret": ["{MARKER}"]}}"#),
        format!(r#"{{"clientSecret": {{"{MARKER}": 1}}}}"#),
        format!(r#"{{"{MARKER}": 1}}"#),
        format!(r#"["{MARKER}"]"#),
    ] {
        refused::<ClientSecretUpdateRequest>(&doc);
    }
}

#[test]
fn errors_about_other_fields_never_show_a_secret() {
    let docs = [
        // The secrets are valid; another field is not.
        everything_with(MARKER, |d| d["id"] = "Not Valid".into()),
        everything_with(MARKER, |d| d["small"] = 99.into()),
        everything_with(MARKER, |d| d["scopes"][0]["name"] = "".into()),
        everything_with(MARKER, |d| d["extraField"] = 1.into()),
        everything_with(MARKER, |d| d["tags"] = "not an array".into()),
        everything_with(MARKER, |d| d["owner"] = serde_json::json!({})),
        // A secret breaks its own rule.
        everything_with(&format!("{MARKER}+"), |_| {}),
        everything_with(MARKER, |d| d["scopes"][0]["key"] = MARKER.repeat(4).into()),
        everything_with(MARKER, |d| d["owner"]["key"] = MARKER.repeat(4).into()),
        everything_with(MARKER, |d| d["oldToken"] = serde_json::json!([MARKER])),
    ];
    for doc in &docs {
        refused::<Everything>(doc);
    }
    let response =
        format!(r#"{{"newClientSecret": "{MARKER}", "oldClientSecret": 1, "resultCode": "x"}}"#);
    refused::<ClientSecretUpdateResponse>(&response);
    let response = format!(r#"{{"newClientSecret": "{MARKER}", "resultCode": {{}}}}"#);
    refused::<ClientSecretUpdateResponse>(&response);
}

/// The endpoint also takes `application/x-www-form-urlencoded` bodies.
#[test]
fn form_errors_never_show_a_secret() {
    for body in [
        format!("clientSecret={MARKER}%21"),
        format!("clientSecret={MARKER}{MARKER}{MARKER}{MARKER}"),
        format!("clientSecret={MARKER}&clientSecret={MARKER}"),
        format!("clientSecret={MARKER}+x"),
    ] {
        let err = serde_urlencoded::from_str::<ClientSecretUpdateRequest>(&body).unwrap_err();
        assert_hidden(&format!("form error for {body}"), &err.to_string());
        assert_hidden(
            &format!("form error (Debug) for {body}"),
            &format!("{err:?}"),
        );
    }
}

/// serde_json builds an "invalid type" error itself when a field gets a value of the wrong
/// type, quoting the value; a number sent for a secret must not come back that way.
#[test]
fn a_number_sent_for_a_secret_is_not_quoted() {
    refused::<ClientSecretUpdateRequest>(&format!(r#"{{"clientSecret": {NUMBER}}}"#));
    refused::<ClientSecretUpdateRequest>(&format!(r#"{{"clientSecret": -{NUMBER}}}"#));
    refused::<ClientSecretUpdateRequest>(&format!(r#"{{"clientSecret": {NUMBER}.5}}"#));
    refused::<ClientSecretUpdateResponse>(&format!(r#"{{"newClientSecret": {NUMBER}}}"#));
    refused::<Everything>(&everything_with(MARKER, |d| {
        d["token"] = NUMBER.parse::<u64>().unwrap().into()
    }));
    refused::<Scope>(&format!(r#"{{"name": "n", "key": {NUMBER}}}"#));
}

// ---------------------------------------------------------------------------------------------
// validate() and ValidationErrors

#[test]
fn validation_errors_never_show_a_secret() {
    let errors = ClientSecretUpdateRequest::new(format!("{MARKER} with spaces")).unwrap_err();
    assert_errors_hidden("new()", &errors);
    let built = ClientSecretUpdateRequest {
        client_secret: Secret::new(MARKER.repeat(10)),
    };
    let errors = built.validate().unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.code()).collect::<Vec<_>>(),
        ["max_len"]
    );
    assert_errors_hidden("validate()", &errors);
    let mut everything: Everything =
        serde_json::from_str(&everything_with(MARKER, |_| {})).unwrap();
    everything.token = Secret::new(format!("{MARKER}/"));
    everything.scopes[0].key = Some(Secret::new(MARKER.repeat(4)));
    let errors = everything.validate().unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
    assert_eq!(paths, ["/token", "/scopes/0/key"]);
    assert_errors_hidden("validate() of nested secrets", &errors);
}

// ---------------------------------------------------------------------------------------------
// Panic messages

fn panic_message(f: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("the closure panics");
    if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else {
        panic!("a panic payload that is not text")
    }
}

#[test]
fn panic_messages_never_show_a_secret() {
    let bad = format!(r#"{{"clientSecret": "{MARKER}!"}}"#);
    let good = format!(r#"{{"clientSecret": "{MARKER}"}}"#);
    let messages = [
        panic_message(|| {
            serde_json::from_str::<ClientSecretUpdateRequest>(&bad).unwrap();
        }),
        panic_message(|| {
            serde_json::from_str::<ClientSecretUpdateRequest>(&bad).expect("a valid body");
        }),
        panic_message(|| {
            serde_json::from_str::<ClientSecretUpdateRequest>(&good).unwrap_err();
        }),
        panic_message(|| {
            from_json::<ClientSecretUpdateRequest>(&bad).unwrap();
        }),
        panic_message(|| {
            ClientSecretUpdateRequest::new(format!("{MARKER}!")).unwrap();
        }),
        panic_message(|| {
            let a = ClientSecretUpdateRequest::new(MARKER).unwrap();
            let b = ClientSecretUpdateRequest::new("other").unwrap();
            assert_eq!(a, b);
        }),
        panic_message(|| {
            let e: Everything = serde_json::from_str(&everything_with(MARKER, |_| {})).unwrap();
            panic!("unexpected: {e:#?}");
        }),
    ];
    for message in &messages {
        assert_hidden("a panic message", message);
    }
    // The messages are the ones meant: the error, or the redacted value.
    assert!(messages[0].contains("charset"), "{}", messages[0]);
    assert!(messages[2].contains("[redacted]"), "{}", messages[2]);
    assert!(messages[5].contains("[redacted]"), "{}", messages[5]);
}

// ---------------------------------------------------------------------------------------------
// Bounded error messages

fn big(n: usize) -> String {
    "x".repeat(n)
}

/// Big enough that quoting it would show: a megabyte.
const HUGE: usize = 1 << 20;

/// The premise: serde_json on its own quotes a string of the wrong type in full.
#[test]
fn serde_json_alone_quotes_a_wrong_type_string_whole() {
    let doc = format!("\"{}\"", big(100_000));
    let err = serde_json::from_str::<u32>(&doc).unwrap_err();
    assert!(err.to_string().len() > 100_000);
}

fn assert_short(err: &serde_json::Error, start: &str) {
    let text = err.to_string();
    assert!(
        text.starts_with(start),
        "{start}: {}",
        &text[..text.len().min(200)]
    );
    assert!(
        text.len() <= MESSAGE_LIMIT,
        "an error of {} bytes",
        text.len()
    );
    assert!(format!("{err:?}").len() <= MESSAGE_LIMIT);
}

#[test]
fn errors_about_huge_values_stay_short() {
    let huge = big(HUGE);
    let digits = "9".repeat(HUGE);
    for (doc, start) in [
        // A string too long, or of the wrong characters, for its field.
        (
            format!(r#"{{"clientSecret": "{huge}"}}"#),
            "/clientSecret: max_len",
        ),
        (
            format!(r#"{{"clientSecret": "{huge}!"}}"#),
            "/clientSecret: max_len",
        ),
        // A huge number: the format's error is not passed on for a secret.
        (
            format!(r#"{{"clientSecret": {digits}}}"#),
            "invalid value: expected a string; the format's message is withheld for a secret at /clientSecret",
        ),
        // A huge unknown field name is skipped.
        (
            format!(r#"{{"{huge}": 1, "clientSecret": "x!"}}"#),
            "/clientSecret: charset",
        ),
        (
            format!(r#"{{"{huge}": 1}}"#),
            "/clientSecret: missing required field",
        ),
    ] {
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&doc).unwrap_err();
        assert_short(&err, start);
    }
    // A huge string where any string goes, next to a refused field.
    let doc = format!(r#"{{"resultMessage": "{huge}", "newClientSecret": true}}"#);
    let err = serde_json::from_str::<ClientSecretUpdateResponse>(&doc).unwrap_err();
    assert_short(&err, "invalid type: boolean");
    // A huge string for the whole document, for a nested model, for a list of models.
    let doc = format!(r#""{huge}""#);
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(&doc).unwrap_err();
    assert_short(&err, "invalid type: string");
    for field in ["owner", "scopes"] {
        let doc = everything_with(MARKER, |d| d[field] = big(HUGE).into());
        let err = serde_json::from_str::<Everything>(&doc).unwrap_err();
        assert_short(&err, "invalid type: string");
    }
}

#[test]
fn an_unknown_field_name_is_quoted_up_to_32_characters() {
    let doc = format!(r#"{{"{}": 1}}"#, big(HUGE));
    let err = serde_json::from_str::<model::Everything>(&doc).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("unknown field `{}…`", big(32))),
        "{}",
        &text[..100]
    );
    assert!(!text.contains(&big(33)));
    assert!(
        text.len() <= MESSAGE_LIMIT,
        "an error of {} bytes",
        text.len()
    );
}

#[test]
fn from_json_errors_about_huge_values_stay_short() {
    let huge = big(HUGE);
    for doc in [
        format!(r#"{{"clientSecret": "{huge}"}}"#),
        format!(
            r#"{{"clientSecret": {}}}"#,
            "[".repeat(200) + &"]".repeat(200)
        ),
        format!(r#"{{"clientSecret": "x", "clientSecret": "{huge}"}}"#),
        format!(r#""{huge}""#),
        format!(r#"{{"clientSecret": {{"{huge}": "{huge}"}}}}"#),
        format!(r#"{{"clientSecret": "{huge}"#),
    ] {
        let errors = from_json::<ClientSecretUpdateRequest>(&doc).unwrap_err();
        for e in &errors {
            assert!(
                e.to_string().len() <= MESSAGE_LIMIT,
                "an error of {} bytes",
                e.to_string().len()
            );
        }
        assert!(serde_json::to_string(&errors).unwrap().len() <= MESSAGE_LIMIT * errors.len());
    }
    let doc = everything_with(MARKER, |d| {
        d["label"] = 1.into();
        d["small"] = big(HUGE).into();
        d["scopes"] = big(HUGE).into();
        d["owner"] = big(HUGE).into();
    });
    let errors = from_json::<Everything>(&doc).unwrap_err();
    assert_eq!(errors.len(), 4);
    for e in &errors {
        assert!(
            e.to_string().len() <= MESSAGE_LIMIT,
            "{}",
            &e.to_string()[..200]
        );
    }
}

/// `from_json` reports each unknown member of a `deny_unknown_fields` model; a member with a
/// long name must not put the whole name in the error's path. Found by the `everything` fuzz
/// target, with a name of `~`s, each written `~0` in the pointer.
#[test]
fn from_json_quotes_only_part_of_a_long_unknown_member_name() {
    for name in [big(HUGE), "~".repeat(300)] {
        let doc = everything_with(MARKER, |d| d[name.as_str()] = 1.into());
        let errors = from_json::<Everything>(&doc).unwrap_err();
        assert_eq!(errors.len(), 1, "{}", &errors.to_string()[..200]);
        let e = errors.iter().next().unwrap();
        assert_eq!(e.code(), "unknown_field");
        assert!(
            e.to_string().len() <= MESSAGE_LIMIT,
            "an error of {} bytes",
            e.to_string().len()
        );
    }
    // A member with a short name is pointed at.
    let doc = everything_with(MARKER, |d| d["a/b~"] = 1.into());
    let errors = from_json::<Everything>(&doc).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().path(), "/a~1b~0");
}

#[test]
fn validate_errors_about_a_huge_secret_stay_short() {
    let built = ClientSecretUpdateRequest {
        client_secret: Secret::new(big(HUGE)),
    };
    let errors = built.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        format!("/clientSecret: max_len: must be at most 86 characters long, got {HUGE}")
    );
}

/// A long value of the wrong type, sent for a field that is not a string, comes back in
/// serde_json's error; the error must quote only a short part of it.
#[test]
fn a_long_value_of_the_wrong_type_is_not_quoted_whole() {
    let huge = big(HUGE);
    let docs = [
        // For an integer, a bool, an array, an array's item, a nested model.
        everything_with(MARKER, |d| d["small"] = huge.as_str().into()),
        everything_with(MARKER, |d| d["flag"] = huge.as_str().into()),
        everything_with(MARKER, |d| d["tags"] = huge.as_str().into()),
        everything_with(MARKER, |d| d["scores"] = serde_json::json!([huge])),
        everything_with(MARKER, |d| d["owner"] = huge.as_str().into()),
        everything_with(MARKER, |d| d["scopes"] = serde_json::json!([huge])),
    ];
    for doc in &docs {
        let err = serde_json::from_str::<Everything>(doc).unwrap_err();
        let text = err.to_string();
        assert!(
            text.len() <= MESSAGE_LIMIT,
            "an error of {} bytes: {}…",
            text.len(),
            &text[..120]
        );
        assert!(text.starts_with("invalid type: string \"xxx"), "{text}");
    }
}

/// The same, for a string sent in the place of the whole document.
#[test]
fn a_long_string_for_the_whole_model_is_not_quoted_whole() {
    let doc = format!("\"{}\"", big(HUGE));
    let err = serde_json::from_str::<Everything>(&doc).unwrap_err();
    assert!(
        err.to_string().len() <= MESSAGE_LIMIT,
        "an error of {} bytes",
        err.to_string().len()
    );
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(&doc).unwrap_err();
    assert!(
        err.to_string().len() <= MESSAGE_LIMIT,
        "an error of {} bytes",
        err.to_string().len()
    );
}

// ---------------------------------------------------------------------------------------------
// Secrets in memory

/// A global allocator that zeroes what it hands out (so every byte it is given back is
/// initialized) and, while a thread watches, counts the freed blocks that still hold the
/// marker.
struct Scanning;

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    static FOUND: Cell<usize> = const { Cell::new(0) };
}

fn holds_marker(block: &[u8]) -> bool {
    block.windows(MARKER.len()).any(|w| w == MARKER.as_bytes())
}

// SAFETY: every block comes from the system allocator, zeroed, so every byte of it is
// initialized when `dealloc` reads it, before giving it back; the thread-locals are `const`
// `Cell`s, which neither allocate nor have a destructor.
unsafe impl GlobalAlloc for Scanning {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if WATCHING.try_with(Cell::get).unwrap_or(false) {
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            if holds_marker(block) {
                let _ = FOUND.try_with(|f| f.set(f.get() + 1));
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Scanning = Scanning;

/// How many blocks freed while `f` runs still held the marker.
fn freed_with_marker(f: impl FnOnce()) -> usize {
    FOUND.with(|c| c.set(0));
    WATCHING.with(|w| w.set(true));
    f();
    WATCHING.with(|w| w.set(false));
    FOUND.with(Cell::get)
}

/// The detector works: a plain `String` gives its bytes back as they are.
#[test]
fn a_dropped_string_leaves_the_marker_in_freed_memory() {
    let plain = String::from(MARKER);
    assert_eq!(freed_with_marker(|| drop(plain)), 1);
}

#[test]
fn a_dropped_secret_leaves_nothing_in_freed_memory() {
    let secret = Secret::from(MARKER);
    assert_eq!(freed_with_marker(|| drop(secret)), 0);
    let doc = format!(r#"{{"clientSecret": "{MARKER}"}}"#);
    let request: ClientSecretUpdateRequest = serde_json::from_str(&doc).unwrap();
    let response: ClientSecretUpdateResponse = serde_json::from_str(&format!(
        r#"{{"newClientSecret": "{MARKER}", "oldClientSecret": "{MARKER}"}}"#
    ))
    .unwrap();
    assert_eq!(freed_with_marker(|| drop((request, response))), 0);
    // A value refused by `validate()` is dropped inside `new`. (The string is built outside
    // the watch: a `String` that grows leaves its old buffer behind, which no wrapper sees.)
    let value = format!("{MARKER}!");
    let found = freed_with_marker(|| {
        let _ = ClientSecretUpdateRequest::new(value);
    });
    assert_eq!(found, 0);
    // A secret already read when a later member is refused is dropped by the deserializer.
    for doc in [
        format!(r#"{{"clientSecret": "{MARKER}", "clientSecret": "x"}}"#),
        format!(r#"{{"newClientSecret": "{MARKER}", "oldClientSecret": 1}}"#),
        format!(r#"{{"oldClientSecret": "{MARKER}", "resultCode": []}}"#),
    ] {
        let found = freed_with_marker(|| {
            let _ = serde_json::from_str::<ClientSecretUpdateRequest>(&doc);
            let _ = serde_json::from_str::<ClientSecretUpdateResponse>(&doc);
        });
        assert_eq!(found, 0, "{doc}");
    }
}

/// The contrast of the test above: without the wrapper, the refused value's copy goes back to
/// the allocator as it is. Shows the watch sees what a deserializer frees.
#[test]
fn a_plain_string_field_read_before_an_error_is_freed_as_it_is() {
    let doc = format!(r#"{{"resultMessage": "{MARKER}", "resultCode": []}}"#);
    let found = freed_with_marker(|| {
        let _ = serde_json::from_str::<ClientSecretUpdateResponse>(&doc);
    });
    assert_eq!(found, 1);
}
