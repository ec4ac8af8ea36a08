//! `validate()` reports every broken rule of a value at once, in field-declaration order, and
//! the API of `ValidationErrors` and `ValidationError`.

use std::error::Error;

use authlete_models::{Model, Secret, Validate, ValidationError, ValidationErrors};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Item {
    #[model(charset = "a-z", max_len = 3)]
    label: String,
    #[model(min = 0, max = 9)]
    rank: i8,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Form {
    #[model(min_len = 2, max_len = 5, charset = "a-z")]
    first: String,
    unchecked: String,
    #[model(min = 1, max = 3600)]
    token_ttl: Option<u32>,
    #[model(max_len = 2)]
    items: Vec<Item>,
    #[model(min_len = 8)]
    password: Secret<String>,
    #[model(min = -1.0, max = 1.0)]
    ratio: f64,
    nested: Item,
    #[model(min_len = 1, items(charset = "0-9"))]
    codes: Vec<String>,
}

fn valid() -> Form {
    Form {
        first: "abc".into(),
        unchecked: "anything at all".into(),
        token_ttl: Some(60),
        items: vec![Item {
            label: "a".into(),
            rank: 0,
        }],
        password: Secret::new("long enough".into()),
        ratio: 0.0,
        nested: Item {
            label: "b".into(),
            rank: 9,
        },
        codes: vec!["1".into()],
    }
}

/// A value that breaks a rule in every checked field, and the breaks in declaration order:
/// (path, code, message).
fn broken() -> (Form, Vec<(&'static str, &'static str, &'static str)>) {
    let form = Form {
        first: "ABCDEFG".into(),
        unchecked: String::new(),
        token_ttl: Some(0),
        items: vec![
            Item {
                label: "ok".into(),
                rank: 1,
            },
            Item {
                label: "LONG".into(),
                rank: 10,
            },
            Item {
                label: "x".into(),
                rank: -1,
            },
        ],
        password: Secret::new("short".into()),
        ratio: 2.0,
        nested: Item {
            label: "1".into(),
            rank: 5,
        },
        codes: vec!["1".into(), "a".into(), "2".into(), "".into()],
    };
    let expected = vec![
        (
            "/first",
            "max_len",
            "must be at most 5 characters long, got 7",
        ),
        ("/first", "charset", "must contain only a-z"),
        ("/tokenTtl", "min", "must be at least 1, got 0"),
        ("/items", "max_len", "must have at most 2 items, got 3"),
        (
            "/items/1/label",
            "max_len",
            "must be at most 3 characters long, got 4",
        ),
        ("/items/1/label", "charset", "must contain only a-z"),
        ("/items/1/rank", "max", "must be at most 9, got 10"),
        ("/items/2/rank", "min", "must be at least 0, got -1"),
        (
            "/password",
            "min_len",
            "must be at least 8 characters long, got 5",
        ),
        ("/ratio", "max", "must be at most 1.0, got 2"),
        ("/nested/label", "charset", "must contain only a-z"),
        // `min_len` on a `Vec` counts its items: the empty fourth code breaks nothing.
        ("/codes/1", "charset", "must contain only 0-9"),
    ];
    (form, expected)
}

#[test]
fn a_valid_value_validates() {
    assert_eq!(valid().validate(), Ok(()));
}

#[test]
fn every_violation_is_reported_in_declaration_order() {
    let (form, expected) = broken();
    let errors = form.validate().unwrap_err();
    let got: Vec<(&str, &str, &str)> = errors
        .iter()
        .map(|e| (e.path(), e.code(), e.message()))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(errors.len(), expected.len());
}

#[test]
fn each_field_is_checked_independently_of_the_others() {
    // Breaking one field at a time reports just that field's violations.
    let (_, expected) = broken();
    type Breaker = fn(&mut Form);
    let single: [(Breaker, &str); 6] = [
        (|f| f.first = "A".into(), "/first"),
        (|f| f.token_ttl = Some(3601), "/tokenTtl"),
        (|f| f.items[0].rank = 100, "/items/0/rank"),
        (|f| f.password = Secret::new(String::new()), "/password"),
        (|f| f.ratio = -1.5, "/ratio"),
        (|f| f.codes = Vec::new(), "/codes"),
    ];
    for (breaker, path) in single {
        let mut form = valid();
        breaker(&mut form);
        let errors = form.validate().unwrap_err();
        assert!(errors.iter().all(|e| e.path() == path), "{errors}");
    }
    // Fields without a rule are never reported.
    assert!(expected.iter().all(|(p, _, _)| *p != "/unchecked"));
}

#[test]
fn validate_does_not_stop_at_the_first_broken_item() {
    let mut form = valid();
    form.codes = (0..50)
        .map(|i| if i % 2 == 0 { "x".into() } else { "1".into() })
        .collect();
    let errors = form.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_owned()).collect();
    let expected: Vec<String> = (0..50).step_by(2).map(|i| format!("/codes/{i}")).collect();
    assert_eq!(paths, expected);
}

// ---------------------------------------------------------------------------------------------
// The API of the errors

#[test]
fn iter_len_and_into_iterator_agree() {
    let (form, expected) = broken();
    let errors = form.validate().unwrap_err();
    assert_eq!(errors.len(), expected.len());
    assert_eq!(errors.iter().count(), expected.len());

    let mut by_ref = Vec::new();
    for e in &errors {
        by_ref.push(e.clone());
    }
    let by_iter: Vec<ValidationError> = errors.iter().cloned().collect();
    assert_eq!(by_ref, by_iter);
    assert_eq!(errors.as_slice(), by_iter.as_slice());

    let owned: Vec<ValidationError> = errors.clone().into_iter().collect();
    assert_eq!(owned, by_iter);
    assert_eq!(errors.clone().into_vec(), by_iter);
    let paths: Vec<&str> = (&errors).into_iter().map(ValidationError::path).collect();
    assert_eq!(paths, expected.iter().map(|e| e.0).collect::<Vec<_>>());
}

#[test]
fn display_puts_one_violation_per_line() {
    let (form, expected) = broken();
    let errors = form.validate().unwrap_err();
    let text = errors.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (line, (path, code, message)) in lines.iter().zip(&expected) {
        assert_eq!(*line, format!("{path}: {code}: {message}"));
    }
    // The same text, error by error.
    for (line, e) in lines.iter().zip(&errors) {
        assert_eq!(*line, e.to_string());
    }
    assert!(!text.ends_with('\n'));
}

#[test]
fn a_single_violation_displays_as_one_line() {
    let mut form = valid();
    form.ratio = f64::NAN;
    let errors = form.validate().unwrap_err();
    // NaN breaks both bounds.
    assert_eq!(errors.to_string().lines().count(), 2);
    form.ratio = 0.5;
    form.first = "a".into();
    let errors = form.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "/first: min_len: must be at least 2 characters long, got 1"
    );
}

#[test]
fn the_errors_are_std_errors() {
    fn takes_error(e: &(dyn Error + 'static)) -> String {
        assert!(e.source().is_none());
        e.to_string()
    }
    let (form, _) = broken();
    let errors = form.validate().unwrap_err();
    assert_eq!(takes_error(&errors), errors.to_string());
    let first = errors.iter().next().unwrap();
    assert_eq!(takes_error(first), first.to_string());

    // `?` converts them into a boxed error.
    fn check(form: &Form) -> Result<(), Box<dyn Error + Send + Sync>> {
        form.validate()?;
        Ok(())
    }
    let boxed = check(&form).unwrap_err();
    assert_eq!(boxed.to_string(), errors.to_string());
    assert!(boxed.downcast_ref::<ValidationErrors>().is_some());
    assert!(check(&valid()).is_ok());
}

#[test]
fn the_errors_serialize_as_an_array_of_path_code_message() {
    let (form, expected) = broken();
    let errors = form.validate().unwrap_err();
    let value = serde_json::to_value(&errors).unwrap();
    let array = value.as_array().unwrap();
    assert_eq!(array.len(), expected.len());
    for (item, (path, code, message)) in array.iter().zip(&expected) {
        let object = item.as_object().unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "message", "path"]);
        assert_eq!(object["path"], *path);
        assert_eq!(object["code"], *code);
        assert_eq!(object["message"], *message);
    }
    // Members in the order path, code, message, as written text shows.
    let text = serde_json::to_string(&errors).unwrap();
    let first = &expected[0];
    let first_json = format!(
        r#"{{"path":{},"code":{},"message":{}}}"#,
        serde_json::to_string(first.0).unwrap(),
        serde_json::to_string(first.1).unwrap(),
        serde_json::to_string(first.2).unwrap()
    );
    assert!(text.starts_with(&format!("[{first_json},")), "{text}");
    // One error serializes as one object.
    assert_eq!(
        serde_json::to_value(&errors.as_slice()[0]).unwrap(),
        array[0]
    );
}

#[test]
fn the_errors_never_quote_the_secret() {
    let mut form = valid();
    form.password = Secret::new("Xq7!".into());
    let errors = form.validate().unwrap_err();
    assert!(!errors.to_string().contains("Xq7!"));
    assert!(!format!("{errors:?}").contains("Xq7!"));
    assert!(!serde_json::to_string(&errors).unwrap().contains("Xq7!"));
}

#[test]
fn errors_can_be_built_and_compared() {
    let e = ValidationError::new("/a~1b", "max", "must be at most 3, got 4");
    assert_eq!(e.path(), "/a~1b");
    assert_eq!(e.code(), "max");
    assert_eq!(e.message(), "must be at most 3, got 4");
    assert_eq!(e.to_string(), "/a~1b: max: must be at most 3, got 4");
    assert!(ValidationErrors::from_vec(Vec::new()).is_none());
    let errors = ValidationErrors::from_vec(vec![e.clone()]).unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.iter().next(), Some(&e));
}
