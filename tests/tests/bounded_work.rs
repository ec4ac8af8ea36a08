//! Bounded work: a huge or deeply nested document is refused, or read, with work in proportion
//! to its size, and a bound is enforced as soon as it is passed.
//!
//! Work is measured by counting, not timing: the bytes this test binary's allocator hands out
//! while a document is read (a counting global allocator, per thread), how far into the text
//! serde_json got before it stopped (the error's column), and how many items a sequence
//! deserializer was asked for.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use authlete_models::{ClientSecretUpdateRequest, Model, from_json};
use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, MapDeserializer, SeqDeserializer};

// ---------------------------------------------------------------------------------------------
// A global allocator that counts what each thread allocates

struct Counting;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

fn note(bytes: usize) {
    // `try_with`: the thread-local may be gone while the thread shuts down.
    let _ = ALLOCATED.try_with(|a| a.set(a.get() + bytes));
}

// SAFETY: every call is passed on to the system allocator unchanged; the counting touches a
// `const`-initialized thread-local `Cell`, which neither allocates nor has a destructor.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f`, returning its result and the bytes allocated on this thread meanwhile.
fn allocated<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATED.with(Cell::get);
    let r = f();
    (r, ALLOCATED.with(Cell::get) - before)
}

const MB: usize = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Models

#[derive(Debug, Model)]
#[model(rename_all = "camelCase")]
struct Bounded {
    #[model(max_len = 16)]
    name: Option<String>,
    #[model(charset = "a-z")]
    text: Option<String>,
    #[model(max_len = 8)]
    ids: Option<Vec<u32>>,
    all_ids: Option<Vec<u32>>,
    #[model(max_len = 8)]
    items: Option<Vec<Item>>,
}

/// A required `Vec`, as serde's value deserializers can give it (they have no `Some`).
#[derive(Debug, Model)]
struct Ids {
    #[model(max_len = 8)]
    ids: Vec<u32>,
}

#[derive(Debug, Model)]
struct AllIds {
    all: Vec<u32>,
}

#[derive(Debug, Model)]
struct Item {
    n: u8,
}

#[derive(Debug, Model)]
#[model(deny_unknown_fields)]
struct Strict {
    a: Option<u8>,
}

#[derive(Debug, Model)]
struct Chain {
    next: Option<Box<Chain>>,
}

// ---------------------------------------------------------------------------------------------
// A 10 MB string

#[test]
fn a_10_mb_string_for_a_field_with_max_len_is_refused_without_being_copied() {
    for size in [MB, 10 * MB] {
        let doc = format!(r#"{{"name": "{}"}}"#, "a".repeat(size));
        let (result, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc));
        let err = result.unwrap_err();
        assert!(err.to_string().starts_with("/name: max_len:"), "{err}");
        // The parser read to the end of the string (`{"name": "` is 10 characters, the
        // closing quote at column size + 11), not past it.
        assert_eq!(err.column(), size + 11);
        // Nothing in proportion to the string: the error and a few small buffers.
        assert!(
            bytes < 4096,
            "{bytes} bytes allocated to refuse a {size}-byte string"
        );
    }
}

#[test]
fn a_10_mb_secret_is_refused_without_being_copied() {
    let doc = format!(r#"{{"clientSecret": "{}"}}"#, "A".repeat(10 * MB));
    let (result, bytes) = allocated(|| serde_json::from_str::<ClientSecretUpdateRequest>(&doc));
    let err = result.unwrap_err();
    assert!(
        err.to_string().starts_with("/clientSecret: max_len:"),
        "{err}"
    );
    assert!(bytes < 4096, "{bytes} bytes allocated");
}

/// Where serde_json must build the string (it holds escapes), the work stays in proportion:
/// one buffer of about the string's size, grown by doubling.
#[test]
fn a_10_mb_escaped_string_costs_allocations_linear_in_its_size() {
    let mut per_byte = Vec::new();
    for size in [MB, 10 * MB] {
        let doc = format!(r#"{{"name": "{}"}}"#, "\\n".repeat(size / 2));
        let (result, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc));
        assert!(result.is_err());
        assert!(
            bytes < 4 * doc.len(),
            "{bytes} bytes for {} bytes of text",
            doc.len()
        );
        per_byte.push(bytes as f64 / doc.len() as f64);
    }
    assert!(per_byte[1] < per_byte[0] * 2.0, "{per_byte:?}");
}

/// A long string without a length bound is read in one copy; a character outside the set is
/// refused, also at the very end of the string.
#[test]
fn a_10_mb_string_without_max_len_is_read_in_one_copy() {
    let body = "a".repeat(10 * MB);
    let doc = format!(r#"{{"text": "{body}"}}"#);
    let (value, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc).unwrap());
    assert_eq!(value.text.as_deref().map(str::len), Some(10 * MB));
    assert!(bytes < 10 * MB + 4096, "{bytes} bytes allocated");
    let doc = format!(r#"{{"text": "{body}A"}}"#);
    let err = serde_json::from_str::<Bounded>(&doc).unwrap_err();
    assert!(err.to_string().starts_with("/text: charset:"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// A 100,000-element array

/// `{"<field>": [0, 1, 2, ...]}` as serde's value deserializers, counting the items the
/// model asks for.
fn count_items_read<T: Model>(field: &'static str, items: usize) -> (Result<T, ValueError>, usize) {
    let read = Cell::new(0usize);
    let seq = SeqDeserializer::new((0..items as u32).inspect(|_| read.set(read.get() + 1)));
    let map = MapDeserializer::new(std::iter::once((field, seq)));
    let result = T::deserialize(map.into_deserializer());
    (result, read.get())
}

#[test]
fn a_vec_with_max_len_stops_reading_at_the_first_item_past_its_bound() {
    let (result, read) = count_items_read::<Ids>("ids", 100_000);
    let err = result.unwrap_err();
    assert_eq!(err.to_string(), "/ids: max_len: must have at most 8 items");
    // The eight items it keeps and the ninth that breaks the bound; not one more.
    assert_eq!(read, 9);
    // At the bound exactly, every item is read and kept.
    let (result, read) = count_items_read::<Ids>("ids", 8);
    assert_eq!(result.unwrap().ids.len(), 8);
    assert_eq!(read, 8);
}

#[test]
fn a_vec_without_max_len_reads_every_item() {
    let (result, read) = count_items_read::<AllIds>("all", 100_000);
    assert_eq!(result.unwrap().all.len(), 100_000);
    assert_eq!(read, 100_000);
}

#[test]
fn serde_json_stops_at_the_first_item_past_the_bound() {
    let doc = format!(r#"{{"ids": [{}0]}}"#, "7,".repeat(100_000));
    let (result, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc));
    let err = result.unwrap_err();
    assert!(err.to_string().starts_with("/ids: max_len:"), "{err}");
    // `{"ids": [` is 9 characters, each item 2: the ninth item ends at column 26.
    assert!(err.column() <= 30, "stopped at column {}", err.column());
    assert!(bytes < 4096, "{bytes} bytes allocated");

    let items = "{\"n\": 1},".repeat(100_000);
    let doc = format!(r#"{{"items": [{items}{{"n": 1}}]}}"#);
    let err = serde_json::from_str::<Bounded>(&doc).unwrap_err();
    assert!(err.to_string().starts_with("/items: max_len:"), "{err}");
    assert!(
        err.column() <= 11 + 9 * 9,
        "stopped at column {}",
        err.column()
    );
}

#[test]
fn a_100_000_element_vec_without_max_len_costs_allocations_linear_in_its_size() {
    let cost = |n: usize| {
        let doc = format!(r#"{{"allIds": [{}0]}}"#, "7,".repeat(n - 1));
        let (value, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc).unwrap());
        assert_eq!(value.all_ids.unwrap().len(), n);
        bytes
    };
    let (small, large) = (cost(10_000), cost(100_000));
    // A `Vec<u32>` grown by doubling: at most about 2 × 2 × 4 bytes an item.
    assert!(
        large <= 100_000 * 16 + 4096,
        "{large} bytes for 100,000 items"
    );
    assert!(
        large < small * 20,
        "10,000 items: {small} bytes, 100,000: {large}"
    );
}

// ---------------------------------------------------------------------------------------------
// 10,000-deep nesting

#[test]
fn a_10_000_deep_model_is_refused_at_serde_json_depth_limit() {
    let doc = format!("{}null{}", r#"{"next":"#.repeat(10_000), "}".repeat(10_000));
    let err = serde_json::from_str::<Chain>(&doc).unwrap_err();
    assert!(
        err.to_string().starts_with("recursion limit exceeded"),
        "{err}"
    );
    // Refused at depth 128, 8 characters a level: nowhere near the end of the text.
    assert!(
        err.column() <= 8 * 130,
        "stopped at column {}",
        err.column()
    );
    // Within the limit, a deep chain reads.
    let doc = format!("{}null{}", r#"{"next":"#.repeat(100), "}".repeat(100));
    let mut chain = serde_json::from_str::<Chain>(&doc).unwrap();
    let mut depth = 1;
    while let Some(next) = chain.next {
        chain = *next;
        depth += 1;
    }
    assert_eq!(depth, 100);
    // `from_json` reports the depth as a syntax error, without a panic.
    let deep = format!("{}null{}", r#"{"next":"#.repeat(10_000), "}".repeat(10_000));
    let errors = from_json::<Chain>(&deep).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().code(), "syntax");
}

/// An unknown field is skipped without building anything, however deep it nests: serde_json
/// skips it iteratively, with a stack of one byte a level.
#[test]
fn a_10_000_deep_unknown_field_is_skipped_in_linear_work() {
    let cost = |depth: usize| {
        let doc = format!(
            r#"{{"x": {}1{}, "name": "ok"}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let (value, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc).unwrap());
        assert_eq!(value.name.as_deref(), Some("ok"));
        bytes
    };
    let (small, large) = (cost(10_000), cost(100_000));
    assert!(
        large <= 4 * 100_000 + 4096,
        "{large} bytes for depth 100,000"
    );
    assert!(
        large < small * 20 + 4096,
        "depth 10,000: {small} bytes, 100,000: {large}"
    );
}

// ---------------------------------------------------------------------------------------------
// 100,000 unknown fields

fn unknown_fields(n: usize) -> String {
    let mut doc = String::from("{");
    for i in 0..n {
        doc.push_str(&format!(r#""field{i}": {i}, "#));
    }
    doc.push_str(r#""a": 1}"#);
    doc
}

#[test]
fn a_100_000_unknown_fields_are_skipped_without_allocating_for_them() {
    let cost = |n: usize| {
        let doc = unknown_fields(n);
        let (value, bytes) = allocated(|| serde_json::from_str::<Bounded>(&doc).unwrap());
        assert!(value.name.is_none());
        bytes
    };
    let (small, large) = (cost(1_000), cost(100_000));
    // The same small amount whatever the count: the names are looked up while borrowed.
    assert!(large < 4096, "{large} bytes for 100,000 unknown fields");
    assert!(
        large <= small + 256,
        "1,000 fields: {small} bytes, 100,000: {large}"
    );
}

#[test]
fn under_deny_unknown_fields_the_first_unknown_field_ends_the_reading() {
    let doc = unknown_fields(100_000);
    let err = serde_json::from_str::<Strict>(&doc).unwrap_err();
    assert!(
        err.to_string().starts_with("unknown field `field0`"),
        "{err}"
    );
    assert!(err.column() <= 10, "stopped at column {}", err.column());
}

/// `from_json` lists the first `ERROR_LIMIT` of 100,000 unknown fields, says the list is cut,
/// and stops making errors past it: each of bounded size, in space in proportion to the text.
#[test]
fn from_json_lists_100_of_100_000_unknown_fields_in_linear_space() {
    let doc = unknown_fields(100_000);
    let (errors, bytes) = allocated(|| from_json::<Strict>(&doc).unwrap_err());
    assert_eq!(errors.len(), authlete_models::ERROR_LIMIT);
    assert!(errors.is_cut());
    assert!(errors.iter().all(|e| e.code() == "unknown_field"));
    assert!(errors.iter().all(|e| e.to_string().len() < 80));
    // The parsed document and the errors, each in proportion to the text.
    assert!(
        bytes < 100 * doc.len(),
        "{bytes} bytes for {} bytes of text",
        doc.len()
    );
}

#[test]
fn a_field_given_100_000_times_is_refused_at_the_second() {
    let doc = format!("{{{}\"a\": 1}}", "\"a\": 1, ".repeat(100_000));
    let err = serde_json::from_str::<Strict>(&doc).unwrap_err();
    assert!(err.to_string().starts_with("/a: duplicate field"), "{err}");
    assert!(err.column() <= 20, "stopped at column {}", err.column());
}

// ---------------------------------------------------------------------------------------------
// `from_json` reads a refused document once

/// A refused document costs `from_json` what the same document, valid, costs it, and a little
/// for the error: the document is read once, not read again as a `serde_json::Value` (which
/// would allocate for each of its 10,000 items again).
#[test]
fn from_json_reads_a_refused_document_once() {
    let doc = |text: &str| {
        let ids: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        format!(r#"{{"allIds": [{}], "text": "{text}"}}"#, ids.join(","))
    };
    let (valid, refused) = (doc("abc"), doc("ABC"));
    let (read, valid_bytes) = allocated(|| from_json::<Bounded>(&valid));
    assert_eq!(read.unwrap().all_ids.map(|ids| ids.len()), Some(10_000));
    let (read, refused_bytes) = allocated(|| from_json::<Bounded>(&refused));
    let errors = read.unwrap_err();
    assert_eq!(
        authlete_models_tests::found(&errors),
        authlete_models_tests::pairs(&[("/text", "charset")])
    );
    assert!(
        refused_bytes <= valid_bytes + 1024,
        "valid: {valid_bytes} bytes, refused: {refused_bytes}"
    );
}

/// Past `ERROR_LIMIT`, reading stops: the rest of the text is not looked at, so even text that
/// is not JSON after that point is not reported.
#[test]
fn from_json_stops_reading_at_the_error_limit() {
    let mut doc = unknown_fields(1_000);
    doc.truncate(doc.len() / 2);
    doc.push_str("this is not JSON");
    let errors = from_json::<Strict>(&doc).unwrap_err();
    assert!(errors.is_cut());
    assert!(errors.iter().all(|e| e.code() == "unknown_field"));
}
