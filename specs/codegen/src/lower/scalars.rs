//! Values of one JSON scalar: strings (`minLength`, `maxLength`, `pattern` as a `charset` or a
//! `pattern`, `format`), numbers (bounds, `multipleOf`, `format`), booleans, and string enums
//! (`enum`, and a string `const`: an enum of one value).

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::charset;
use crate::model::{self as m, Rules, Ty};

/// The keywords of a string's schema, besides [`NOTES`].
const STRING: &[&str] = &["type", "minLength", "maxLength", "pattern", "format"];

/// The keywords of a number's schema, besides [`NOTES`].
const NUMBER: &[&str] = &[
    "type",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "format",
];

/// The keywords of a boolean's schema, besides [`NOTES`].
const BOOLEAN: &[&str] = &["type"];

/// The keywords of a string enum's schema (an inline one also takes [`NOTES`]).
const ENUM: &[&str] = &["enum", "type", "description"];

/// A `const` of a string, a number or a boolean is an enum of one value: `enum` in its place.
pub fn const_as_enum(map: &mut Map<String, Value>) {
    if map.contains_key("enum") {
        return;
    }
    if let Some(c @ (Value::String(_) | Value::Number(_) | Value::Bool(_))) = map.get("const") {
        let c = c.clone();
        map.remove("const");
        map.insert("enum".into(), Value::Array(vec![c]));
    }
}

impl Lowering<'_> {
    /// A string: `String`, or `Secret` for `format: password`.
    pub(super) fn lower_string(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        mut rules: Rules,
    ) -> m::Value {
        // `not` of patterns is `not_pattern`; any other `not` is left for `only` to refuse.
        let mut map = map.clone();
        if let Some(list) = map.get("not").and_then(not_patterns) {
            map.remove("not");
            self.not_patterns(&list, at, &mut rules);
        }
        let map = &map;
        self.only(map, at, &[STRING, NOTES], "a string");
        self.lengths(map, at, "minLength", "maxLength", &mut rules);
        if let Some(p) = map.get("pattern") {
            self.pattern(p, at, &mut rules);
        }
        let ty = match map.get("format").and_then(Value::as_str) {
            Some("password") => {
                // A secret's type writes its format itself.
                rules.format = None;
                Ty::Secret
            }
            Some(f) => {
                rules.format = Some(f.to_owned());
                rules.check_format =
                    self.options.check_formats && crate::CHECKED_FORMATS.contains(&f);
                Ty::String
            }
            None => Ty::String,
        };
        m::Value { ty, rules }
    }

    /// A string's `pattern` (at `at`/pattern), its escapes that need none written plain: a
    /// class over the whole string, `^[...]*$`, is a `charset`; any other pattern is a
    /// `pattern`, compiled here as the derive will compile it, so that one the derive would
    /// refuse is refused here, with its pointer.
    pub(super) fn pattern(&mut self, p: &Value, at: &str, rules: &mut Rules) {
        let here = format!("{at}/pattern");
        let Some(p) = p.as_str() else {
            self.refuse(&here, "`pattern` must be a string");
            return;
        };
        let p = &charset::plain_escapes(p);
        if let Ok(set) = charset::from_pattern(p) {
            rules.charset = Some(charset::attribute(&set));
            return;
        }
        match authlete_models_pattern::compile(p, crate::MAX_STATES) {
            Ok(_) => rules.pattern = Some(p.to_owned()),
            Err(refusal) => self.cannot(
                &here,
                "pattern",
                &format!(
                    "is `{p}`, which the derive cannot check: {}",
                    refusal.message()
                ),
            ),
        }
    }

    /// `not` of patterns beside a string (at `at`/not): each a `not_pattern`, its escapes that
    /// need none written plain, compiled here as the derive will compile it. A pattern every
    /// string matches leaves no string, which the derive refuses to say.
    fn not_patterns(&mut self, list: &[String], at: &str, rules: &mut Rules) {
        let here = format!("{at}/not");
        for p in list {
            let p = charset::plain_escapes(p);
            match authlete_models_pattern::compile(&p, crate::MAX_STATES) {
                Ok(dfa) if dfa.matches_every_string() => self.refuse(
                    &here,
                    format!("refuses every string that matches `{p}`, which every string does: no string is accepted"),
                ),
                Ok(_) => rules.not_patterns.push(p),
                Err(refusal) => self.cannot(
                    &here,
                    "not",
                    &format!(
                        "is of the pattern `{p}`, which the derive cannot check: {}",
                        refusal.message()
                    ),
                ),
            }
        }
    }

    /// A number: `i32` (`integer` of format `int32`), `i64` (any other `integer`) or `f64`,
    /// with bounds that are numbers of that type and leave some value.
    pub(super) fn lower_number(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        integer: bool,
        mut rules: Rules,
    ) -> m::Value {
        self.only(map, at, &[NUMBER, NOTES], "a number");
        let format = map.get("format").and_then(Value::as_str);
        let ty = match (integer, format) {
            (true, Some("int32")) => Ty::I32,
            (true, _) => Ty::I64,
            _ => Ty::F64,
        };
        rules.format = format.map(str::to_owned);
        for (key, slot) in [
            ("minimum", &mut rules.min),
            ("maximum", &mut rules.max),
            ("exclusiveMinimum", &mut rules.exclusive_min),
            ("exclusiveMaximum", &mut rules.exclusive_max),
            ("multipleOf", &mut rules.multiple_of),
        ] {
            let Some(v) = map.get(key) else { continue };
            let here = format!("{at}/{key}");
            let Value::Number(n) = v else {
                self.refuse(&here, format!("`{key}` must be a number"));
                continue;
            };
            let fits = match ty {
                Ty::I32 => n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
                Ty::I64 => n.as_i64().is_some(),
                _ => true,
            };
            // A bound past the type's own end says nothing the type does not (`maximum:
            // 9223372036854776000`, which a JavaScript tool writes for 2^63 - 1): left out.
            if !fits && integer_bound_is_idle(key, n, ty == Ty::I32) {
                continue;
            }
            if !fits {
                let kind = if ty == Ty::I32 {
                    "an `i32` (format int32)"
                } else {
                    "an `i64`"
                };
                self.refuse(&here, format!("{n} is not {kind}, the field's type: an integer's bounds must be integers of its type"));
                continue;
            }
            if key == "multipleOf" && n.as_f64().is_none_or(|v| v <= 0.0) {
                self.refuse(&here, "`multipleOf` must be positive");
                continue;
            }
            *slot = Some(n.to_string());
        }
        for (inclusive, exclusive, key, beside) in [
            (
                &rules.min,
                &mut rules.exclusive_min,
                "exclusiveMinimum",
                "minimum",
            ),
            (
                &rules.max,
                &mut rules.exclusive_max,
                "exclusiveMaximum",
                "maximum",
            ),
        ] {
            if inclusive.is_some() && exclusive.is_some() {
                self.cannot(
                    &format!("{at}/{key}"),
                    key,
                    &format!(
                        "beside `{beside}` has no attribute in the derive (keep the stricter one)"
                    ),
                );
                *exclusive = None;
            }
        }
        if let Some(why) = no_number_between(&rules, ty != Ty::F64) {
            self.refuse(at, why);
        }
        m::Value { ty, rules }
    }

    /// A boolean: `bool`.
    pub(super) fn lower_boolean(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        rules: Rules,
    ) -> m::Value {
        self.only(map, at, &[BOOLEAN, NOTES], "a boolean");
        m::Value {
            ty: Ty::Bool,
            rules,
        }
    }

    /// An enum's values, in order: each a string, a number or a boolean (a `null` is the
    /// holder's), given once (numbers are equal by value, `1` and `1.0` alike), and each of
    /// the schema's `type` when it has one.
    pub(super) fn lower_enum(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        inline: bool,
    ) -> Option<Vec<Value>> {
        let notes: &[&str] = if inline { NOTES } else { &[] };
        self.only(map, at, &[ENUM, notes], "an enum");
        let types: Option<Vec<&str>> = match map.get("type") {
            None => None,
            Some(Value::String(t)) => Some(vec![t.as_str()]),
            Some(Value::Array(list)) => Some(list.iter().filter_map(Value::as_str).collect()),
            Some(_) => {
                self.refuse(
                    &format!("{at}/type"),
                    "`type` must be a name or a list of names",
                );
                return None;
            }
        };
        let Some(Value::Array(values)) = map.get("enum") else {
            self.refuse(&format!("{at}/enum"), "`enum` must be an array");
            return None;
        };
        let mut out: Vec<Value> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let here = format!("{at}/enum/{i}");
            if !matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
                self.refuse(&here, "only strings, numbers and booleans are read in an `enum` (the derive's enums are of such values)");
                continue;
            }
            if let Some(types) = &types {
                if !types.iter().any(|t| of_type(v, t)) {
                    self.refuse(&here, format!("{v} is not of the schema's `type`, so no value is ever it: leave it out"));
                    continue;
                }
            }
            if out.iter().any(|o| same_value(o, v)) {
                self.refuse(&here, "a value given twice");
                continue;
            }
            out.push(v.clone());
        }
        if out.is_empty() {
            self.refuse(
                &format!("{at}/enum"),
                "an `enum` with no value accepts nothing",
            );
            return None;
        }
        Some(out)
    }
}

/// Why the bounds of `rules` leave no number (no integer, for `integer`), if they do.
fn no_number_between(rules: &Rules, integer: bool) -> Option<String> {
    let parse = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<f64>().ok());
    let (min, max) = (parse(&rules.min), parse(&rules.max));
    let (emin, emax) = (parse(&rules.exclusive_min), parse(&rules.exclusive_max));
    let empty = if integer {
        // The least and the greatest integer each side allows.
        let lo = min.or(emin.map(|e| e + 1.0));
        let hi = max.or(emax.map(|e| e - 1.0));
        matches!((lo, hi), (Some(lo), Some(hi)) if lo > hi)
    } else {
        match (min.or(emin), max.or(emax)) {
            (Some(lo), Some(hi)) => lo > hi || (lo == hi && (emin.is_some() || emax.is_some())),
            _ => false,
        }
    };
    empty.then(|| {
        let side = |inclusive: Option<f64>, key: &str, exclusive: Option<f64>, ekey: &str| match (
            inclusive, exclusive,
        ) {
            (Some(v), _) => format!("`{key}` {v}"),
            (_, Some(v)) => format!("`{ekey}` {v}"),
            _ => String::new(),
        };
        format!(
            "{} and {} leave no value",
            side(min, "minimum", emin, "exclusiveMinimum"),
            side(max, "maximum", emax, "exclusiveMaximum")
        )
    })
}

/// Whether `v` is of the JSON Schema type `t` (`integer`: a number with no fraction).
fn of_type(v: &Value, t: &str) -> bool {
    match (t, v) {
        ("string", Value::String(_))
        | ("number", Value::Number(_))
        | ("boolean", Value::Bool(_)) => true,
        ("integer", Value::Number(n)) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        ("null", Value::Null) => true,
        _ => false,
    }
}

/// Whether two enum values are one to JSON Schema: numbers by value.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        _ => a == b,
    }
}

/// The patterns of a `not` that says only which strings are refused: `{"pattern": P}`, or an
/// `anyOf` of such branches (each may say `type: string` too).
pub fn not_patterns(not: &Value) -> Option<Vec<String>> {
    let one = |b: &Value| -> Option<String> {
        let b = b.as_object()?;
        let plain = b
            .iter()
            .all(|(k, v)| k == "pattern" || (k == "type" && v == "string"));
        plain.then(|| b.get("pattern")?.as_str().map(str::to_owned))?
    };
    let map = not.as_object()?;
    match map.get("anyOf") {
        Some(Value::Array(branches)) if map.len() == 1 && !branches.is_empty() => {
            branches.iter().map(one).collect()
        }
        Some(_) => None,
        None => Some(vec![one(not)?]),
    }
}

/// Whether `n`, the integer bound `key` of an `i32` (`int32`) or `i64`, lies at or past the
/// type's own end on its side, so that every value of the type meets it.
pub fn integer_bound_is_idle(key: &str, n: &serde_json::Number, int32: bool) -> bool {
    let (lo, hi) = match int32 {
        true => (f64::from(i32::MIN), f64::from(i32::MAX)),
        false => (i64::MIN as f64, i64::MAX as f64),
    };
    let Some(v) = n.as_f64() else { return false };
    match key {
        "maximum" | "exclusiveMaximum" => v >= hi,
        "minimum" | "exclusiveMinimum" => v <= lo,
        _ => false,
    }
}
