//! The four documents every implementation reads, as in the performance table.

/// The wire name of the documented model's one field.
pub const FIELD: &str = "clientSecret";

/// An input: its column title in the tables, a short id for criterion, the secret, and whether
/// the documented model accepts it.
#[derive(Clone, Debug)]
pub struct Input {
    /// The column title.
    pub title: &'static str,
    /// A file-name-safe id.
    pub id: &'static str,
    /// The value of `clientSecret`.
    pub secret: String,
    /// Whether the documented model accepts it.
    pub valid: bool,
}

impl Input {
    /// The JSON body `{"clientSecret": "..."}`.
    pub fn json(&self) -> String {
        format!("{{\"{FIELD}\": \"{}\"}}", self.secret)
    }
}

/// `len` characters of the base64url alphabet, in a fixed, mixed order (as a generated secret
/// looks: every class of the charset appears).
pub fn base64url(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // A fixed linear congruential sequence: the same string on every run.
    let mut state: u32 = 0x9E37_79B9;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            ALPHABET[(state >> 26) as usize] as char
        })
        .collect()
}

/// The four inputs, in the table's column order.
pub fn all() -> Vec<Input> {
    let mut plus = base64url(86);
    plus.replace_range(40..41, "+");
    vec![
        Input {
            title: "valid, 86 chars",
            id: "valid86",
            secret: base64url(86),
            valid: true,
        },
        Input {
            title: "valid, 22 chars",
            id: "valid22",
            secret: base64url(22),
            valid: true,
        },
        Input {
            title: "`+` at position 40",
            id: "plus40",
            secret: plus,
            valid: false,
        },
        Input {
            title: "200 chars (too long)",
            id: "long200",
            secret: base64url(200),
            valid: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use authlete_models::ApiServiceIdClientSecretUpdateClientIdentifie as Request;

    #[test]
    fn the_inputs_are_what_the_table_says() {
        let inputs = all();
        let lens: Vec<usize> = inputs.iter().map(|i| i.secret.len()).collect();
        assert_eq!(lens, [86, 22, 86, 200]);
        assert_eq!(inputs[2].secret.find('+'), Some(40));
        assert_eq!(inputs[2].secret.matches('+').count(), 1);
        // Every class of the alphabet shows up in the 86-character secret.
        let s = &inputs[0].secret;
        for class in [
            |c: char| c.is_ascii_uppercase(),
            |c: char| c.is_ascii_lowercase(),
            |c: char| c.is_ascii_digit(),
        ] {
            assert!(s.chars().any(class), "{s}");
        }
    }

    #[test]
    fn the_documented_model_accepts_exactly_the_valid_inputs() {
        for input in all() {
            let read = serde_json::from_str::<Request>(&input.json());
            assert_eq!(read.is_ok(), input.valid, "{}", input.title);
        }
        let err = serde_json::from_str::<Request>(&all()[3].json()).unwrap_err();
        assert!(
            err.to_string().starts_with("/clientSecret: max_len"),
            "{err}"
        );
        let err = serde_json::from_str::<Request>(&all()[2].json()).unwrap_err();
        assert!(
            err.to_string().starts_with("/clientSecret: charset"),
            "{err}"
        );
    }
}
