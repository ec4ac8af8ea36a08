//! What reading the documented model allocates, counted by a counting allocator: accepting
//! allocates the `String` and nothing else; refusing allocates nothing that holds the value,
//! and no more than serde_json's own error needs.
//!
//! Counts only; timings belong to the benchmarks (`tests/bench`).

// A global allocator is an `unsafe impl`: this one only counts, forwards every call to the
// system allocator unchanged, and reads a block it is handed back before freeing it.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use authlete_models::{ApiServiceIdClientSecretUpdateClientIdentifie as Request, Model};
use serde::de::{self, Deserializer, MapAccess, Visitor};

struct Counting;

thread_local! {
    /// Whether this thread's allocations are being counted.
    static ON: Cell<bool> = const { Cell::new(false) };
    /// Allocations (`alloc`, `alloc_zeroed`, and `realloc` as a new block) while counting.
    static COUNT: Cell<usize> = const { Cell::new(0) };
    /// Their sizes, added up.
    static BYTES: Cell<usize> = const { Cell::new(0) };
    /// The largest of them.
    static LARGEST: Cell<usize> = const { Cell::new(0) };
    /// The bytes no block may hold, and whether one did when it was freed or moved.
    static NEEDLE: Cell<&'static [u8]> = const { Cell::new(&[]) };
    static HELD: Cell<bool> = const { Cell::new(false) };
}

fn counting() -> bool {
    ON.try_with(Cell::get).unwrap_or(false)
}

fn record(size: usize) {
    COUNT.set(COUNT.get() + 1);
    BYTES.set(BYTES.get() + size);
    LARGEST.set(LARGEST.get().max(size));
}

/// Whether the `len` bytes at `ptr` contain the needle.
///
/// # Safety
/// `ptr` must be valid for reads of `len` initialized bytes.
unsafe fn look(ptr: *const u8, len: usize) {
    let needle = NEEDLE.get();
    if needle.is_empty() {
        return;
    }
    // SAFETY: the caller passes a block the allocator handed out, still allocated.
    let block = unsafe { std::slice::from_raw_parts(ptr, len) };
    if block.windows(needle.len()).any(|w| w == needle) {
        HELD.set(true);
    }
}

// SAFETY: every call is forwarded to `System` with the same arguments; the counters are
// thread-local cells that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counting() {
            record(layout.size());
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if counting() {
            record(layout.size());
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counting() {
            // SAFETY: `ptr` is a live block of `layout.size()` bytes until freed below. Bytes
            // a block never had written may be read here as stale data; they are only
            // compared, and a stale copy of the value would be a copy all the same.
            unsafe { look(ptr, layout.size()) };
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counting() {
            // SAFETY: as in `dealloc`.
            unsafe { look(ptr, layout.size()) };
            record(new_size);
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What a closure allocated on this thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counted {
    /// Allocations, reallocations included.
    count: usize,
    /// Bytes they asked for.
    bytes: usize,
    /// The largest one.
    largest: usize,
    /// Whether a block freed or moved during the closure held the needle.
    held: bool,
}

/// Runs `f` with counting on; blocks freed inside it are searched for `needle`. Whatever `f`
/// returns is dropped inside, so its blocks are searched too.
fn count<T>(needle: &'static [u8], f: impl FnOnce() -> T) -> Counted {
    COUNT.set(0);
    BYTES.set(0);
    LARGEST.set(0);
    HELD.set(false);
    NEEDLE.set(needle);
    ON.set(true);
    drop(std::hint::black_box(f()));
    ON.set(false);
    NEEDLE.set(&[]);
    Counted {
        count: COUNT.get(),
        bytes: BYTES.get(),
        largest: LARGEST.get(),
        held: HELD.get(),
    }
}

/// A secret of `len` characters of the model's alphabet, leaked so the allocator may look for
/// it; a different one each call, so no two tests share a needle.
fn secret(len: usize, seed: u32) -> &'static str {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut state = 0x9E37_79B9u32 ^ seed.wrapping_mul(0x85EB_CA6B);
    let s: String = (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            ALPHABET[(state >> 26) as usize] as char
        })
        .collect();
    Box::leak(s.into_boxed_str())
}

fn body(secret: &str) -> String {
    format!(r#"{{"clientSecret": "{secret}"}}"#)
}

/// The same field with the same rules on a plain `String`: no `secret`.
#[derive(Debug, Model)]
#[model(rename_all = "camelCase")]
struct NotSecret {
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    client_secret: String,
}

/// The least a refusal through serde_json costs: a hand-written struct whose field refuses
/// with a `&'static str` message before copying anything.
#[derive(Debug)]
struct Reference;

impl<'de> de::Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Field;
        impl<'de> de::Deserialize<'de> for Field {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = Field;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a secret")
                    }
                    fn visit_str<E: de::Error>(self, _: &str) -> Result<Field, E> {
                        Err(E::custom(
                            "/clientSecret: charset: must contain only A-Z a-z 0-9 - _",
                        ))
                    }
                }
                d.deserialize_str(V)
            }
        }
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Reference;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Reference, A::Error> {
                while map.next_key::<de::IgnoredAny>()?.is_some() {
                    map.next_value::<Field>()?;
                }
                Ok(Reference)
            }
        }
        d.deserialize_map(Object)
    }
}

/// What serde_json allocates for a refusal carrying a `&'static str`: the message, the error's
/// box, and the box again when it adds the line and column. Measured, and checked to be that.
fn reference_refusal() -> Counted {
    let doc = body(secret(86, 0));
    let counted = count(b"", || serde_json::from_str::<Reference>(&doc).unwrap_err());
    assert_eq!(counted.count, 3, "serde_json's own refusal: {counted:?}");
    counted
}

#[test]
fn accepting_allocates_the_string_only() {
    for (len, seed) in [(86, 1), (22, 2), (1, 3)] {
        let value = secret(len, seed);
        let doc = body(value);
        let counted = count(b"", || serde_json::from_str::<Request>(&doc).unwrap());
        assert_eq!(
            counted,
            Counted {
                count: 1,
                bytes: len,
                largest: len,
                held: false
            },
            "{len} characters"
        );
        // And the one block is the value, wiped before it is freed.
        let counted = count(value.as_bytes(), || {
            serde_json::from_str::<Request>(&doc).unwrap()
        });
        assert!(!counted.held, "{len} characters");
    }
}

#[test]
fn refusing_allocates_only_what_serde_json_needs_for_its_error() {
    let reference = reference_refusal();
    let plus = {
        let mut s = secret(86, 4).to_owned();
        s.replace_range(40..41, "+");
        &*Box::leak(s.into_boxed_str())
    };
    for value in [plus, secret(200, 5), secret(87, 6)] {
        let doc = body(value);
        let counted = count(value.as_bytes(), || {
            serde_json::from_str::<NotSecret>(&doc).unwrap_err()
        });
        assert_eq!(
            counted.count,
            reference.count,
            "{} characters: {counted:?}",
            value.len()
        );
        assert!(!counted.held, "a block held the value");
        assert!(counted.largest < value.len(), "{counted:?}");
    }
}

#[test]
fn refusing_the_documented_model_allocates_nothing_for_the_value() {
    let reference = reference_refusal();
    let plus = {
        let mut s = secret(86, 7).to_owned();
        s.replace_range(40..41, "+");
        &*Box::leak(s.into_boxed_str())
    };
    for value in [plus, secret(200, 8), secret(87, 9)] {
        let doc = body(value);
        // The secret's error sanitizing leaves the project's own refusals alone: a refusal
        // allocates exactly what serde_json allocates for any refusal.
        let counted = count(value.as_bytes(), || {
            serde_json::from_str::<Request>(&doc).unwrap_err()
        });
        assert_eq!(
            counted.count,
            reference.count,
            "{} characters: {counted:?}, serde_json alone {reference:?}",
            value.len()
        );
        assert!(!counted.held, "a block held the secret");
    }
}

#[test]
fn a_refused_value_is_never_copied_even_in_part() {
    // The needle is a middle part of the value: no block may hold even that.
    let value = secret(200, 10);
    let doc = body(value);
    let part = &value.as_bytes()[60..120];
    let counted = count(part, || serde_json::from_str::<Request>(&doc).unwrap_err());
    assert!(!counted.held);
    let counted = count(part, || {
        serde_json::from_str::<NotSecret>(&doc).unwrap_err()
    });
    assert!(!counted.held);
}

#[test]
fn a_dropped_secret_leaves_nothing_in_its_buffer_spare_capacity_included() {
    // The value sits in the spare capacity: the buffer held it, then was cut short.
    let needle: &'static [u8] = b"old-credential-still-in-the-buffer";
    let counted = count(needle, || {
        let mut s = String::with_capacity(64);
        s.push_str(std::str::from_utf8(needle).unwrap());
        s.truncate(3);
        authlete_models::Secret::new(s)
    });
    assert!(!counted.held, "a String's spare capacity kept the value");
    let counted = count(needle, || {
        let mut v = Vec::with_capacity(64);
        v.extend_from_slice(needle);
        v.truncate(3);
        authlete_models::Secret::new(v)
    });
    assert!(!counted.held, "a Vec<u8>'s spare capacity kept the value");
    // And the check would see it: the same buffer dropped unwrapped holds the value.
    let counted = count(needle, || {
        let mut s = String::with_capacity(64);
        s.push_str(std::str::from_utf8(needle).unwrap());
        s.truncate(3);
        s
    });
    assert!(counted.held, "the allocator did not see the value");
}
