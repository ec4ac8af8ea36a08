//! Integer and float fields: inclusive `min` and `max`.

use core::cmp::Ordering;
use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::{locate, shorten};
use super::refusal::{Bound, Broken, expected, push, refuse};
use crate::collect::{Collector, kind};
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// The number types a field may have, with how serde reads each one.
pub trait Number: Copy + PartialOrd + fmt::Display + Sized + 'static {
    #[doc(hidden)]
    const JSON_TYPE: &'static str;
    #[doc(hidden)]
    fn bound(self) -> Bound;
    #[doc(hidden)]
    fn from_i128(v: i128) -> Option<Self>;
    #[doc(hidden)]
    fn from_u128(v: u128) -> Option<Self>;
    #[doc(hidden)]
    fn from_f64(v: f64) -> Option<Self>;
    #[doc(hidden)]
    fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(
        d: D,
        v: V,
    ) -> Result<Self, D::Error>;
    /// The smallest and largest values of the type, as JSON numbers (`None` past `u64`/`i64`).
    #[doc(hidden)]
    fn limits() -> (Option<Value>, Option<Value>);
    /// Whether `self` divided by `m` (positive) is a whole number, in exact arithmetic.
    #[doc(hidden)]
    fn is_multiple_of(self, m: Self) -> bool;
}

macro_rules! integers {
    ($($ty:ident => $method:ident),*) => {$(
        impl Number for $ty {
            const JSON_TYPE: &'static str = "integer";
            fn bound(self) -> Bound {
                #[allow(unused_comparisons, clippy::cast_lossless, clippy::unnecessary_cast)]
                if (self as i128) < 0 { Bound::Int(self as i128) } else { Bound::Uint(self as u128) }
            }
            fn from_i128(v: i128) -> Option<Self> { $ty::try_from(v).ok() }
            fn from_u128(v: u128) -> Option<Self> { $ty::try_from(v).ok() }
            // JSON Schema counts `1.0` and `1e2` as integers; so does reading one.
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64(v: f64) -> Option<Self> {
                // Only below 2^53 is every integer exact as an `f64`: past it, the number written
                // may not be the number parsed (-9223372036854775809 parses as -2^63).
                const EXACT: f64 = 9_007_199_254_740_992.0;
                if v.fract() == 0.0 && v.abs() < EXACT { Self::from_i128(v as i128) } else { None }
            }
            fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(d: D, v: V) -> Result<Self, D::Error> {
                d.$method(v)
            }
            fn limits() -> (Option<Value>, Option<Value>) {
                (i64::try_from($ty::MIN).ok().map(Value::from), u64::try_from($ty::MAX).ok().map(Value::from))
            }
            #[allow(clippy::manual_is_multiple_of)]
            fn is_multiple_of(self, m: Self) -> bool {
                m != 0 && self % m == 0
            }
        }
    )*};
}

integers!(u8 => deserialize_u8, u16 => deserialize_u16, u32 => deserialize_u32, u64 => deserialize_u64,
    u128 => deserialize_u128, usize => deserialize_u64, i8 => deserialize_i8, i16 => deserialize_i16,
    i32 => deserialize_i32, i64 => deserialize_i64, i128 => deserialize_i128, isize => deserialize_i64);

macro_rules! floats {
    ($($ty:ident => $method:ident => $bound:ident),*) => {$(
        impl Number for $ty {
            const JSON_TYPE: &'static str = "number";
            fn bound(self) -> Bound { Bound::$bound(self) }
            #[allow(clippy::cast_precision_loss)]
            fn from_i128(v: i128) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite()) }
            #[allow(clippy::cast_precision_loss)]
            fn from_u128(v: u128) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite()) }
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64(v: f64) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite() || !v.is_finite()) }
            fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(d: D, v: V) -> Result<Self, D::Error> {
                d.$method(v)
            }
            fn limits() -> (Option<Value>, Option<Value>) { (None, None) }
            fn is_multiple_of(self, m: Self) -> bool {
                float_is_multiple_of(f64::from(self), f64::from(m))
            }
        }
    )*};
}

floats!(f32 => deserialize_f32 => F32, f64 => deserialize_f64 => Float);

/// Whether `v / m` is a whole number, reading each float as the decimal it writes (its
/// shortest text, the number a JSON document holds): JSON Schema's `multipleOf` on decimals,
/// so `0.3`, `0.5` and `10` are multiples of `0.1`. Exact at any magnitude: with both numbers
/// as `digits × 10^exp`, the quotient is whole when `v`'s digits, scaled to `m`'s exponent,
/// leave no remainder modulo `m`'s digits (computed with modular powers of ten, never by
/// scaling past 128 bits).
fn float_is_multiple_of(v: f64, m: f64) -> bool {
    if v == 0.0 {
        return true;
    }
    if !v.is_finite() || !m.is_finite() || m.is_nan() || m <= 0.0 {
        return false;
    }
    let ((vd, ve), (md, me)) = (decimal(v), decimal(m));
    if ve >= me {
        // v = vd × 10^(ve - me) × 10^me, m = md × 10^me: is vd × 10^(ve - me) ≡ 0 mod md?
        let modulus = u128::from(md);
        let scale = pow10_mod(ve.abs_diff(me), modulus);
        (u128::from(vd) % modulus) * scale % modulus == 0
    } else {
        // v = vd × 10^ve, m = md × 10^(me - ve) × 10^ve: md × 10^(me - ve) must divide vd.
        match 10u128
            .checked_pow(me.abs_diff(ve))
            .and_then(|p| p.checked_mul(u128::from(md)))
        {
            Some(divisor) => u128::from(vd) % divisor == 0,
            // Past 128 bits the divisor is more than `vd`'s at most 17 digits.
            None => false,
        }
    }
}

/// A positive finite float as the decimal it writes: its shortest digits and a power of ten.
fn decimal(v: f64) -> (u64, i32) {
    let text = format!("{:e}", v.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}").parse::<u64>().unwrap_or(0);
    (digits, exp - fraction.len() as i32)
}

/// `10^n mod m`, by squaring (`m` below 10^17, so products stay within 128 bits).
fn pow10_mod(mut n: u32, m: u128) -> u128 {
    let (mut base, mut out) = (10 % m, 1 % m);
    while n > 0 {
        if n & 1 == 1 {
            out = out * base % m;
        }
        base = base * base % m;
        n >>= 1;
    }
    out
}

/// Number fields: inclusive `min` and `max`, `exclusive_min` and `exclusive_max`, and
/// `multiple_of`.
#[derive(Clone, Copy, Debug)]
pub struct Num<N> {
    /// The smallest value allowed, if any.
    pub min: Option<N>,
    /// The largest value allowed, if any.
    pub max: Option<N>,
    /// A value every allowed one is greater than, if any.
    pub exclusive_min: Option<N>,
    /// A value every allowed one is less than, if any.
    pub exclusive_max: Option<N>,
    /// A positive number every allowed value is a whole multiple of, if any.
    pub multiple_of: Option<N>,
}

impl<N> Num<N> {
    /// A number with no rule.
    pub const ANY: Num<N> = Num {
        min: None,
        max: None,
        exclusive_min: None,
        exclusive_max: None,
        multiple_of: None,
    };
}

impl<N: Number> Num<N> {
    /// Whether `v` breaks `min`; `NaN` breaks it.
    #[inline]
    fn below_min(&self, v: N) -> Option<Broken> {
        let min = self.min?;
        let holds = matches!(
            v.partial_cmp(&min),
            Some(Ordering::Greater | Ordering::Equal)
        );
        (!holds).then(|| Broken::Min(min.bound()))
    }

    /// Whether `v` breaks `max`; `NaN` breaks it.
    #[inline]
    fn above_max(&self, v: N) -> Option<Broken> {
        let max = self.max?;
        let holds = matches!(v.partial_cmp(&max), Some(Ordering::Less | Ordering::Equal));
        (!holds).then(|| Broken::Max(max.bound()))
    }

    /// Whether `v` breaks `exclusive_min`; `NaN` breaks it.
    #[inline]
    fn not_above(&self, v: N) -> Option<Broken> {
        let bound = self.exclusive_min?;
        let holds = matches!(v.partial_cmp(&bound), Some(Ordering::Greater));
        (!holds).then(|| Broken::ExclusiveMin(bound.bound()))
    }

    /// Whether `v` breaks `exclusive_max`; `NaN` breaks it.
    #[inline]
    fn not_below(&self, v: N) -> Option<Broken> {
        let bound = self.exclusive_max?;
        let holds = matches!(v.partial_cmp(&bound), Some(Ordering::Less));
        (!holds).then(|| Broken::ExclusiveMax(bound.bound()))
    }

    /// Whether `v` breaks `multiple_of`.
    #[inline]
    fn not_multiple(&self, v: N) -> Option<Broken> {
        let m = self.multiple_of?;
        (!v.is_multiple_of(m)).then(|| Broken::MultipleOf(m.bound()))
    }

    /// The first rule `v` breaks.
    #[inline]
    fn first_broken(&self, v: N) -> Option<Broken> {
        self.below_min(v)
            .or_else(|| self.above_max(v))
            .or_else(|| self.not_above(v))
            .or_else(|| self.not_below(v))
            .or_else(|| self.not_multiple(v))
    }
}

struct NumVisitor<'r, 'p, N> {
    rule: &'r Num<N>,
    at: Path<'p>,
}

impl<N: Number> NumVisitor<'_, '_, N> {
    fn accept<E: de::Error>(&self, v: Option<N>, found: &'static str) -> Result<N, E> {
        let v = v.ok_or_else(|| E::invalid_type(Unexpected::Other(found), self))?;
        match self.rule.first_broken(v) {
            None => Ok(v),
            Some(what) => Err(refuse(self.at, what)),
        }
    }
}

impl<'de, N: Number> Visitor<'de> for NumVisitor<'_, '_, N> {
    type Value = N;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if N::JSON_TYPE == "integer" {
            "an integer in range"
        } else {
            "a number"
        };
        expected(f, what, self.at)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<N, E> {
        self.accept(N::from_i128(v.into()), "integer out of range")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<N, E> {
        self.accept(N::from_u128(v.into()), "integer out of range")
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<N, E> {
        self.accept(N::from_i128(v), "integer out of range")
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<N, E> {
        self.accept(N::from_u128(v), "integer out of range")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<N, E> {
        self.accept(N::from_f64(v), "floating point number")
    }
    refuse_strings!();
    refuse_other_types! {
        visit_bool(bool) => Unexpected::Other("boolean");
    }
}

impl<N: Number> Num<N> {
    /// A whole number of a 128-bit field read from its text: the value when it holds.
    #[cold]
    fn collect_text(&self, text: &str, at: Path<'_>, out: &mut Collector<'_>) -> Option<N> {
        let n = match text.strip_prefix('-') {
            Some(_) => text.parse::<i128>().ok().and_then(N::from_i128),
            None => text.parse::<u128>().ok().and_then(N::from_u128),
        };
        let Some(n) = n else {
            out.push(ValidationError::new(
                at.pointer(),
                crate::Code::Type.as_str(),
                "must be an integer in the field's range, written without a fraction or an \
                 exponent",
            ));
            return None;
        };
        let before = out.len();
        self.check(&n, at, out.errors());
        out.held(before, n)
    }
}

/// Collects a number under a [`Num`] rule.
struct NumCollect<'r, 'p, 'o, 'i, N> {
    rule: &'r Num<N>,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<N: Number> NumCollect<'_, '_, '_, '_, N> {
    /// What a number of the wrong kind is told it must be.
    fn expected() -> &'static str {
        if N::JSON_TYPE == "integer" {
            "an integer in the field's range"
        } else {
            "a number"
        }
    }

    #[inline]
    fn take<E: de::Error>(self, v: Option<N>) -> Result<Option<N>, E> {
        let Some(v) = v else {
            return Err(self
                .out
                .wrong_type(&self.at, Self::expected(), kind::NUMBER));
        };
        if self.rule.first_broken(v).is_none() {
            return Ok(Some(v));
        }
        self.rule.check(&v, self.at, self.out.errors());
        Ok(None)
    }
}

impl<'de, N: Number> Visitor<'de> for NumCollect<'_, '_, '_, '_, N> {
    type Value = Option<N>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::expected())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<N>, E> {
        self.take(N::from_i128(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<N>, E> {
        self.take(N::from_u128(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Option<N>, E> {
        self.take(N::from_i128(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Option<N>, E> {
        self.take(N::from_u128(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<N>, E> {
        // A whole number past 64 bits comes as a float, exact only below 2^53: a 128-bit
        // field reads it again from the text (`Num::collect`), and takes it only as its reader
        // does, digits without a fraction or an exponent.
        if core::mem::size_of::<N>() == 16 && N::JSON_TYPE == "integer" {
            return Err(self.out.inexact(self.at));
        }
        self.take(N::from_f64(v))
    }
    collect_refuse!(Self::expected(); visit_bool visit_str visit_unit visit_seq visit_map);
}

impl<N: Number> Rule<N> for Num<N> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<N, D::Error> {
        N::deserialize_with(d, NumVisitor { rule: self, at })
            .map_err(shorten)
            .map_err(|e| locate(e, at))
    }

    #[inline]
    fn check(&self, value: &N, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let v = *value;
        for what in [
            self.below_min(v),
            self.above_max(v),
            self.not_above(v),
            self.not_below(v),
            self.not_multiple(v),
        ]
        .into_iter()
        .flatten()
        {
            push(out, at, what, value);
        }
    }

    #[inline]
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), N::JSON_TYPE.into());
        let (lo, hi) = N::limits();
        let min = self.min.map(|v| bound_value(v.bound())).or(lo);
        let max = self.max.map(|v| bound_value(v.bound())).or(hi);
        if let Some(min) = min {
            s.insert("minimum".into(), min);
        }
        if let Some(max) = max {
            s.insert("maximum".into(), max);
        }
        for (key, bound) in [
            ("exclusiveMinimum", self.exclusive_min),
            ("exclusiveMaximum", self.exclusive_max),
            ("multipleOf", self.multiple_of),
        ] {
            if let Some(b) = bound {
                s.insert(key.into(), bound_value(b.bound()));
            }
        }
        s
    }

    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<N>, D::Error> {
        let read = d.deserialize_any(NumCollect {
            rule: self,
            at,
            out: &mut *out,
        });
        match read {
            Err(e) => match out.exact_text(&e) {
                Some(text) => Ok(self.collect_text(text, at, out)),
                None => out.settle(Err(e)),
            },
            read => read,
        }
    }
}

/// A bound as a JSON Schema keyword's value.
#[allow(clippy::cast_precision_loss)]
/// `f32` fields: read, collected and described as the number written, an `f64`, with the
/// bounds as written (as JSON Schema reads both), then rounded to `f32`; a number that rounds
/// past `f32`'s range is refused, and the schema says so. The derive takes only bounds that an
/// `f32` holds as written (`0.1`, not `0.10000001`), so that what an `f32` writes (its shortest
/// text) always reads back. `validate()` compares the `f32` with the bounds
/// rounded to `f32`, which every value read passes (rounding keeps order). The derive takes
/// only `min` and `max` on an `f32`: rounding breaks the other number keywords' promises.
impl Rule<f32> for Num<f64> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<f32, D::Error> {
        let v = <Num<f64> as Rule<f64>>::read(self, d, at)?;
        #[allow(clippy::cast_possible_truncation)]
        let single = v as f32;
        if single.is_infinite() {
            return Err(past_f32::<D::Error>(at));
        }
        Ok(single)
    }

    #[inline]
    fn check(&self, value: &f32, at: Path<'_>, out: &mut Vec<ValidationError>) {
        #[allow(clippy::cast_possible_truncation)]
        let narrow = |b: Option<f64>| b.map(|b| b as f32);
        let rounded = Num::<f32> {
            min: narrow(self.min),
            max: narrow(self.max),
            ..Num::ANY
        };
        rounded.check(value, at, out);
    }

    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = <Num<f64> as Rule<f64>>::schema(self, schemas);
        // The range of `f32`, on the sides no bound already holds within it.
        if !s.contains_key("minimum") {
            s.insert("exclusiveMinimum".into(), Value::from(-F32_EDGE));
        }
        if !s.contains_key("maximum") {
            s.insert("exclusiveMaximum".into(), Value::from(F32_EDGE));
        }
        s
    }

    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<f32>, D::Error> {
        let Some(v) = <Num<f64> as Rule<f64>>::collect(self, d, at, out)? else {
            return Ok(None);
        };
        if v.abs() >= F32_EDGE {
            out.push(ValidationError::new(
                at.pointer(),
                crate::Code::Type.as_str(),
                "must be a number within the range of `f32`, got a number past it",
            ));
            return Ok(None);
        }
        #[allow(clippy::cast_possible_truncation)]
        Ok(Some(v as f32))
    }
}

/// The least magnitude that rounds past `f32::MAX` to infinity: `f32::MAX` and half its last
/// unit, 2^128 - 2^103 (a tie, which rounds to the even neighbour, infinity).
const F32_EDGE: f64 = 340_282_356_779_733_661_637_539_395_458_142_568_448.0;

#[cold]
fn past_f32<E: de::Error>(at: Path<'_>) -> E {
    match at {
        Path::Root => E::custom("invalid value: a number past the range of f32, expected a number"),
        at => E::custom(format_args!(
            "invalid value: a number past the range of f32, expected a number at {}",
            at.short()
        )),
    }
}

fn bound_value(b: Bound) -> Value {
    match b {
        // Past 64 bits a JSON number is a float: the derive only takes such a bound when a
        // float holds it exactly.
        Bound::Int(v) => i64::try_from(v).map_or_else(|_| Value::from(v as f64), Value::from),
        Bound::Uint(v) => u64::try_from(v).map_or_else(|_| Value::from(v as f64), Value::from),
        Bound::Float(v) => Value::from(v),
        // The shortest decimal that reads back as this `f32`, as the attribute wrote it.
        Bound::F32(v) => format!("{v:?}")
            .parse::<f64>()
            .map_or(Value::Null, Value::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_check_inclusive_bounds_and_refuse_nan() {
        let rule = Num {
            min: Some(1.5f64),
            max: Some(2.5),
            ..Num::ANY
        };
        assert!(rule.first_broken(1.5).is_none());
        assert!(rule.first_broken(2.5).is_none());
        assert!(matches!(rule.first_broken(1.0), Some(Broken::Min(_))));
        assert!(matches!(rule.first_broken(3.0), Some(Broken::Max(_))));
        let mut out = Vec::new();
        rule.check(&f64::NAN, Path::Root, &mut out);
        let codes: Vec<&str> = out.iter().map(|e| e.code()).collect();
        assert_eq!(codes, ["min", "max"]);
    }

    #[test]
    fn integers_out_of_the_type_range_are_refused() {
        let rule = Num::<u8> {
            min: None,
            max: None,
            ..Num::ANY
        };
        assert!(rule.read(serde_json::Value::from(256), Path::Root).is_err());
        assert!(rule.read(serde_json::Value::from(-1), Path::Root).is_err());
        assert!(rule.read(serde_json::Value::from(1.5), Path::Root).is_err());
        assert!(
            rule.read(serde_json::Value::from(256.0), Path::Root)
                .is_err()
        );
        assert!(
            rule.read(serde_json::Value::from(f64::NAN), Path::Root)
                .is_err()
        );
        // As in JSON Schema, a number with no fractional part is an integer.
        assert_eq!(
            rule.read(serde_json::Value::from(7.0), Path::Root).unwrap(),
            7
        );
        assert_eq!(
            rule.read(serde_json::Value::from(255), Path::Root).unwrap(),
            255
        );
    }

    #[test]
    fn floats_past_the_exact_integers_are_not_taken_as_integers() {
        let rule = Num::<i64> {
            min: None,
            max: None,
            ..Num::ANY
        };
        // -9223372036854775809 parses as the f64 -2^63, which is i64::MIN: refuse, never round.
        let mut de = serde_json::Deserializer::from_str("-9223372036854775809");
        assert!(rule.read(&mut de, Path::Root).is_err());
        assert_eq!(
            rule.read(serde_json::json!(9007199254740991.0), Path::Root)
                .unwrap(),
            9007199254740991
        );
        assert!(
            rule.read(serde_json::json!(9007199254740992.0), Path::Root)
                .is_err()
        );
    }

    #[test]
    fn format_errors_without_the_path_get_it() {
        let rule = Num::<u128> {
            min: None,
            max: None,
            ..Num::ANY
        };
        let root = Path::Root;
        let at = root.field("big");
        let mut de = serde_json::Deserializer::from_str("340282366920938463463374607431768211456");
        let text = rule.read(&mut de, at).unwrap_err().to_string();
        assert!(text.starts_with("/big: "), "{text}");
    }

    #[test]
    fn f32_edge_is_where_rounding_reaches_infinity() {
        assert!((F32_EDGE as f32).is_infinite());
        let below = f64::from_bits(F32_EDGE.to_bits() - 1);
        assert_eq!(below as f32, f32::MAX);
        assert_eq!(F32_EDGE, 2f64.powi(128) - 2f64.powi(103));
    }

    #[test]
    fn exclusive_bounds_and_multiples() {
        let rule = Num::<i32> {
            exclusive_min: Some(0),
            exclusive_max: Some(10),
            multiple_of: Some(3),
            ..Num::ANY
        };
        let broken = |v: i32| rule.first_broken(v).map(Broken::code);
        assert_eq!(broken(0), Some("exclusive_min"));
        assert_eq!(broken(3), None);
        assert_eq!(broken(9), None);
        assert_eq!(broken(10), Some("exclusive_max"));
        assert_eq!(broken(4), Some("multiple_of"));
        let mut out = Vec::new();
        rule.check(&-1, Path::Root, &mut out);
        let messages: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "(root): exclusive_min: must be greater than 0, got -1",
                "(root): multiple_of: must be a multiple of 3, got -1"
            ]
        );
        let schema = rule.schema(&mut SchemaGen::default());
        assert_eq!(schema["exclusiveMinimum"], 0);
        assert_eq!(schema["exclusiveMaximum"], 10);
        assert_eq!(schema["multipleOf"], 3);
        let nan = Num::<f64> {
            exclusive_min: Some(0.0),
            ..Num::ANY
        };
        assert!(nan.first_broken(f64::NAN).is_some());
    }

    #[test]
    fn float_multiples_are_exact_on_the_floats() {
        assert!(float_is_multiple_of(1.5, 0.5));
        assert!(float_is_multiple_of(-1.5, 0.5));
        assert!(float_is_multiple_of(0.0, 0.1));
        assert!(float_is_multiple_of(1e300, 1.0));
        // The decimals written: 0.3, 0.5 and 10 are multiples of 0.1 (as JSON Schema says,
        // though neither float is the decimal), 0.35 is not.
        assert!(float_is_multiple_of(0.3, 0.1));
        assert!(float_is_multiple_of(0.5, 0.1));
        assert!(float_is_multiple_of(10.0, 0.1));
        assert!(!float_is_multiple_of(0.35, 0.1));
        assert!(float_is_multiple_of(0.35, 0.05));
        // Any magnitude: every float from 2^53 up is whole.
        assert!(float_is_multiple_of(f64::MAX, 0.25));
        assert!(float_is_multiple_of(-f64::MAX, 0.25));
        assert!(float_is_multiple_of(2f64.powi(1023), 0.25));
        assert!(!float_is_multiple_of(1e-300, 0.25));
        assert!(float_is_multiple_of(3e-300, 1e-300));
        assert!(!float_is_multiple_of(5e-324, 1.0));
        assert!(!float_is_multiple_of(0.25, 0.5));
        assert!(!float_is_multiple_of(f64::NAN, 0.5));
        assert!(!float_is_multiple_of(f64::INFINITY, 0.5));
        assert!(Number::is_multiple_of(9u8, 3));
        assert!(!Number::is_multiple_of(10u8, 3));
        assert!(Number::is_multiple_of(-9i64, 3));
    }

    #[test]
    fn bounds_past_64_bits_are_written_as_numbers() {
        let rule = Num::<u128> {
            min: Some(1 << 65),
            max: Some(1_180_591_620_717_411_303_424),
            ..Num::ANY
        };
        let schema = rule.schema(&mut SchemaGen::default());
        assert_eq!(
            schema["maximum"].as_f64(),
            Some(1_180_591_620_717_411_303_424.0)
        );
        assert_eq!(
            schema["minimum"].as_f64(),
            Some(36_893_488_147_419_103_232.0)
        );
        let rule = Num::<i128> {
            min: Some(-(1 << 70)),
            max: None,
            ..Num::ANY
        };
        let schema = rule.schema(&mut SchemaGen::default());
        assert_eq!(
            schema["minimum"].as_f64(),
            Some(-1_180_591_620_717_411_303_424.0)
        );
    }

    #[test]
    fn f32_bounds_print_as_written() {
        let rule = Num::<f32> {
            min: Some(0.1),
            max: None,
            ..Num::ANY
        };
        let mut out = Vec::new();
        rule.check(&0.05, Path::Root, &mut out);
        assert_eq!(out[0].message(), "must be at least 0.1, got 0.05");
        assert_eq!(
            rule.schema(&mut SchemaGen::default())["minimum"],
            serde_json::json!(0.1)
        );
    }

    #[test]
    fn collecting_reads_128_bit_values_again_from_the_text() {
        // serde_json hands an integer past 64 bits to `deserialize_any` as a float, exact only
        // below 2^53: the number is read again from its text, found by its position.
        let rule = Num::<i128> {
            min: None,
            max: Some(i128::MAX - 1),
            ..Num::ANY
        };
        let collect = |text: &str, known: bool| {
            let mut out = if known {
                Collector::reading(text)
            } else {
                Collector::new()
            };
            let mut d = serde_json::Deserializer::from_str(text);
            let read = rule.collect(&mut d, Path::Root, &mut out);
            (read.ok().flatten(), out.into_errors())
        };
        let min = i128::MIN.to_string();
        assert_eq!(collect(&min, true), (Some(i128::MIN), vec![]));
        assert_eq!(
            collect(&format!("\n\n  {min}"), true),
            (Some(i128::MIN), vec![])
        );
        assert_eq!(
            collect("9007199254740991", true).0,
            Some(9_007_199_254_740_991)
        );
        // Still checked: one past the bound.
        let (read, errors) = collect(&i128::MAX.to_string(), true);
        assert_eq!((read, errors[0].code()), (None, "max"));
        // Past the type's range, or with an exponent: refused.
        let (read, errors) = collect(&format!("{}0", i128::MAX), true);
        assert_eq!((read, errors[0].code()), (None, "type"));
        assert_eq!(collect("1e30", true).0, None);
        // As the reader: no fraction nor exponent, even when the value is whole.
        assert_eq!(collect("5.0", true).0, None);
        assert_eq!(collect("3401e-4009", true).0, None);
        assert_eq!(collect("-7", true).0, Some(-7));
        // Without the text, a number a float cannot hold exactly is not read.
        assert_eq!(collect(&min, false).0, None);
    }
}
