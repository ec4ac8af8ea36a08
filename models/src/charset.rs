//! Character sets, as the derive compiles them from `#[model(charset = "...")]`.
//!
//! The derive parses the charset literal when it expands and emits a [`Charset`] constant;
//! [`Charset::new`] is a `const fn`, so everything below is worked out at compile time, once
//! per charset, and the checks read only constants.
//!
//! # How an ASCII-only set is checked
//!
//! A set whose characters are all ASCII (`A-Za-z0-9_-` and most charsets of an API) never
//! decodes UTF-8: a byte at or above 0x80 is never in the set, so a `&str` matches exactly when
//! each of its bytes does. The set's ASCII part is compiled into a short list of **range
//! tests**, one per run of consecutive characters, `b - lo <= span` (unsigned). A run and its
//! other-case twin (`A-Z` with `a-z`) share one test on `b | 0x20`, which maps the upper-case
//! run onto the lower-case one and nothing else onto it; that test goes first, and only it pays
//! for the OR. The base64url alphabet takes four tests: `A-Z`/`a-z`, `-`, `0-9`, `_`.
//!
//! The string is then read in **16-byte blocks**. Within a block every byte goes through every
//! test, with no branch and no early exit, and the 16 answers are combined into one mask: on
//! x86-64, with SSE2 (which every x86-64 processor has), one subtract and one signed compare
//! per test for all 16 bytes at once (the unsigned comparison is stored pre-biased so that a
//! signed compare computes it), ORed together, then one `movemask`. On every other target the
//! same arithmetic runs in plain Rust, lane by lane, which the compiler vectorizes where it
//! can; the tests check both against the plain definition for every byte value at every
//! position of every length from 0 to 100. The blocks' masks are ANDed together and looked
//! at once, after the last block: no branch per block. The last block **overlaps** the one
//! before it (it is the string's last 16 bytes) instead of a scalar tail, and a string shorter
//! than 16 bytes is copied into a block padded with a byte of the set: 22 bytes are two blocks.
//!
//! From 32 bytes up, on a processor with **AVX2** (asked once; the standard library keeps the
//! answer), the same tests run on 32-byte blocks, in three-operand instructions that need no
//! copies: 86 bytes are three blocks instead of six. The tests check the AVX2, SSE2 and
//! portable paths against each other and the definition.
//!
//! A set with more than [`MAX_TESTS`] tests (many isolated punctuation characters) is checked
//! byte by byte against its 128-bit table instead, still without decoding. A set with
//! characters above ASCII decodes the string and looks each character up.
//!
//! The length rules rely on this too: for an ASCII-only set, bytes are characters once the
//! set holds, so an accepted string's length is its byte count (see `rules::Str`).

/// The most range tests the block check runs; a set that needs more uses the table.
const MAX_TESTS: usize = 8;

/// A set of Unicode scalar values.
///
/// ```
/// use authlete_models::Charset;
///
/// // What `charset = "A-Za-z0-9_-"` compiles to.
/// const BASE64URL: Charset =
///     Charset::new(&[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')], "A-Z a-z 0-9 _ -");
/// assert!(BASE64URL.matches("abc-_XYZ09"));
/// assert!(!BASE64URL.matches("a+b"));
/// assert!(!BASE64URL.matches("é"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Charset {
    ascii: u128,
    ranges: &'static [(char, char)],
    non_ascii: &'static [(char, char)],
    text: &'static str,
    tests: Tests,
}

/// The range tests of a set's ASCII part: byte `b` is in the set when it passes test 0 on
/// `b | fold` (`fold` is `0x20` when test 0 covers a run and its other-case twin, else 0) or
/// one of the tests `1..len` on `b`; test `k` covers `lo..=lo + span`. `len > MAX_TESTS` means
/// "too many".
///
/// The unsigned comparison `b - lo <= span` is stored in the form SSE2 computes in one
/// instruction, a signed "less than": `lo` is kept as `lo ^ 0x80` (`biased`), which makes
/// `v = b - biased` the unsigned difference with its top bit flipped, and then `b - lo <= span`
/// holds exactly when `(v as i8) < limit` with `limit = span - 127` (`span` is at most 127, so
/// `limit` is in `-127..=0`).
///
/// Each constant is stored already repeated 16 times, one block's worth: the check usually
/// runs inside serde's code, where the set is a pointer rather than a constant, and this way it
/// loads each constant with one instruction instead of broadcasting it on every call.
#[derive(Clone, Copy, Debug)]
struct Tests {
    len: usize,
    fold: [u8; 16],
    biased: [[u8; 16]; MAX_TESTS],
    limit: [[u8; 16]; MAX_TESTS],
    /// A block of a byte of the set, to pad a short string to a whole block.
    filler: [u8; 16],
}

impl Tests {
    /// The tests for the ASCII characters of `ascii` (bit `c` set for character `c`).
    const fn compile(ascii: u128) -> Tests {
        let mut t = Tests {
            len: 0,
            fold: [0; 16],
            biased: [[0; 16]; MAX_TESTS],
            limit: [[0; 16]; MAX_TESTS],
            filler: [0; 16],
        };
        // The runs of consecutive characters, in order.
        let mut runs = [(0u8, 0u8); 64];
        let mut count = 0;
        let mut c = 0u32;
        while c < 128 {
            if ascii >> c & 1 == 1 {
                let lo = c;
                while c + 1 < 128 && ascii >> (c + 1) & 1 == 1 {
                    c += 1;
                }
                runs[count] = (lo as u8, c as u8);
                count += 1;
            }
            c += 1;
        }
        // A run with bit 5 clear throughout, whose twin 0x20 above it is also a run, is
        // tested with its twin: `b | 0x20` lands in the twin exactly for the two runs. One pair
        // at most (the first) is folded so, as test 0: only test 0 pays for the OR.
        let mut used = [false; 64];
        let mut folded = false;
        let mut i = 0;
        while i < count {
            if !used[i] {
                let (lo, hi) = runs[i];
                let mut twin = count;
                if !folded && lo & 0x20 == 0 && lo >> 5 == hi >> 5 {
                    let mut j = i + 1;
                    while j < count {
                        if runs[j].0 == lo | 0x20 && runs[j].1 == hi | 0x20 {
                            twin = j;
                        }
                        j += 1;
                    }
                }
                if t.len < MAX_TESTS {
                    let base = if twin < count {
                        used[twin] = true;
                        folded = true;
                        lo | 0x20
                    } else {
                        lo
                    };
                    t.biased[t.len] = [base ^ 0x80; 16];
                    t.limit[t.len] = [(hi - lo).wrapping_sub(127); 16];
                    if twin < count && t.len > 0 {
                        // The folded test goes first.
                        let (b0, l0) = (t.biased[0], t.limit[0]);
                        t.biased[0] = t.biased[t.len];
                        t.limit[0] = t.limit[t.len];
                        t.biased[t.len] = b0;
                        t.limit[t.len] = l0;
                    }
                    if twin < count {
                        t.fold = [0x20; 16];
                    }
                }
                t.len += 1;
            }
            i += 1;
        }
        if t.len > 0 && t.len <= MAX_TESTS {
            // A byte of test 0's run (which, folded or not, is in the set).
            t.filler = [t.biased[0][0] ^ 0x80; 16];
            // The block check runs 2, 4, 6 or 8 tests: repeat the first test up to that count.
            // A copy runs without the fold, so it admits a part of test 0's bytes: no more.
            let mut k = t.len;
            while k < MAX_TESTS {
                t.biased[k] = t.biased[0];
                t.limit[k] = t.limit[0];
                k += 1;
            }
        }
        t
    }

    /// Which of the 16 bytes pass one of the first `N` tests, one bit per byte (`0xFFFF`:
    /// all of them), with no branch.
    #[inline(always)]
    fn block<const N: usize>(&self, block: &[u8; 16]) -> u32 {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            sse2::block::<N>(self, block)
        }
        #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
        {
            self.block_portable::<N>(block)
        }
    }

    /// The block check in plain Rust, for every other target (and, in the tests, checked
    /// against the SSE2 one): the same tests, lane by lane, with no branch, which the compiler
    /// vectorizes where it can.
    #[cfg_attr(
        all(target_arch = "x86_64", target_feature = "sse2", not(test)),
        allow(dead_code)
    )]
    #[inline(always)]
    fn block_portable<const N: usize>(&self, block: &[u8; 16]) -> u32 {
        let mut mask = 0;
        for (i, &b) in block.iter().enumerate() {
            let mut ok = false;
            let mut k = 0;
            while k < N {
                let folded = if k == 0 { b | self.fold[i] } else { b };
                let v = folded.wrapping_sub(self.biased[k][i]);
                ok |= (v as i8) < (self.limit[k][i] as i8);
                k += 1;
            }
            mask |= u32::from(ok) << i;
        }
        mask
    }

    /// Whether every byte passes: whole blocks, then one last block overlapping the one
    /// before it, or one padded block for fewer than 16 bytes.
    #[inline(always)]
    fn all<const N: usize>(&self, bytes: &[u8]) -> bool {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        if bytes.len() >= 32 && avx2::available() {
            return avx2::all::<N>(self, bytes);
        }
        self.all_with(bytes, Tests::block::<N>)
    }

    /// [`Tests::all`] with the block check given: the tests run it with the portable one.
    ///
    /// The blocks' masks are ANDed together and looked at once, at the end: no branch per
    /// block, no early exit. A string reaches this check only once its length is within
    /// `max_len`, so stopping early would save little, and the loop is shorter without it.
    #[inline(always)]
    fn all_with(&self, bytes: &[u8], block: impl Fn(&Tests, &[u8; 16]) -> u32) -> bool {
        let Some(last) = bytes.last_chunk::<16>() else {
            let mut padded = self.filler;
            padded[..bytes.len()].copy_from_slice(bytes);
            return block(self, &padded) == 0xFFFF;
        };
        // Every whole block before the last 16 bytes, then the last 16 bytes (which overlap the
        // block before them unless the length is a multiple of 16).
        let mut mask = block(self, last);
        for head in bytes[..bytes.len() - 1].chunks_exact(16) {
            if let Ok(head) = head.try_into() {
                mask &= block(self, head);
            }
        }
        mask == 0xFFFF
    }
}

/// Whether every byte is below 0x80, 16 bytes at a time with no early exit (the last block
/// overlapping the one before it): what an ASCII-only set needs to tell an overlong string's
/// character count from its byte count.
pub(crate) fn is_ascii(bytes: &[u8]) -> bool {
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    let word = |chunk: &[u8]| match <[u8; 16]>::try_from(chunk) {
        Ok(block) => u128::from_ne_bytes(block),
        Err(_) => unreachable!("16-byte chunks"),
    };
    if bytes.len() < 16 {
        return bytes.iter().fold(0, |acc, &b| acc | b) < 0x80;
    }
    let mut acc = word(&bytes[bytes.len() - 16..]);
    for chunk in bytes.chunks_exact(16) {
        acc |= word(chunk);
    }
    acc & HIGH == 0
}

/// The block check with SSE2, which every x86-64 processor has: one OR (test 0's case fold),
/// then per test one subtract and one compare for all 16 bytes; then one mask.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
// The intrinsics below are `unsafe fn`s before Rust 1.87 and safe after it (SSE2 is enabled
// for the whole target, as the `cfg` above checks); the only memory they touch is read
// through `&[u8; 16]`, 16 bytes that the reference guarantees.
#[allow(unsafe_code, unused_unsafe)]
mod sse2 {
    use core::arch::x86_64::{
        __m128i, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_sub_epi8,
    };

    use super::Tests;

    /// The 16 bytes behind `bytes`, as a vector.
    #[inline(always)]
    fn load(bytes: &[u8; 16]) -> __m128i {
        // SAFETY: `bytes` is a valid reference to 16 bytes, and `_mm_loadu_si128` reads exactly
        // 16 bytes with no alignment requirement; SSE2 is available (see the module's `cfg`).
        unsafe { _mm_loadu_si128(bytes.as_ptr().cast::<__m128i>()) }
    }

    #[inline(always)]
    pub(super) fn block<const N: usize>(t: &Tests, block: &[u8; 16]) -> u32 {
        let x = load(block);
        // SAFETY: register-only SSE2 operations; SSE2 is available (see the module's `cfg`).
        unsafe {
            let v = _mm_sub_epi8(_mm_or_si128(x, load(&t.fold)), load(&t.biased[0]));
            let mut ok = _mm_cmplt_epi8(v, load(&t.limit[0]));
            let mut k = 1;
            while k < N {
                let v = _mm_sub_epi8(x, load(&t.biased[k]));
                ok = _mm_or_si128(ok, _mm_cmplt_epi8(v, load(&t.limit[k])));
                k += 1;
            }
            // The mask's 16 bits, zero-extended.
            _mm_movemask_epi8(ok) as u32
        }
    }
}

/// The block check with AVX2, where the processor has it (looked up once, then a load and a
/// test per call): the same tests on 32 bytes at once, in three-operand instructions, so that
/// a test is one subtract, one compare and one OR with no copies. 86 bytes are three blocks
/// (the last one overlapping), against six with SSE2. Strings shorter than 32 bytes stay with
/// SSE2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[allow(unsafe_code, unused_unsafe)]
mod avx2 {
    use core::arch::x86_64::{
        __m256i, _mm_loadu_si128, _mm256_and_si256, _mm256_broadcastsi128_si256, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_sub_epi8,
    };

    use super::{MAX_TESTS, Tests};

    /// Whether the processor runs AVX2 (the standard library caches the answer).
    #[inline(always)]
    pub(super) fn available() -> bool {
        std::arch::is_x86_feature_detected!("avx2")
    }

    /// [`Tests::all`] for at least 32 bytes, when [`available`] says so.
    #[inline(always)]
    pub(super) fn all<const N: usize>(t: &Tests, bytes: &[u8]) -> bool {
        debug_assert!(bytes.len() >= 32 && available());
        // SAFETY: the caller checked that the processor has AVX2.
        unsafe { all_avx2::<N>(t, bytes) }
    }

    /// # Safety
    /// The processor must support AVX2, and `bytes` must hold at least 32 bytes.
    #[target_feature(enable = "avx2")]
    unsafe fn all_avx2<const N: usize>(t: &Tests, bytes: &[u8]) -> bool {
        // Each 16-byte constant, repeated into both halves of a 256-bit vector.
        let wide = |c: &[u8; 16]| {
            // SAFETY: `c` is 16 readable bytes; AVX2 is available (the caller's contract).
            unsafe { _mm256_broadcastsi128_si256(_mm_loadu_si128(c.as_ptr().cast())) }
        };
        let fold = wide(&t.fold);
        let mut biased = [fold; MAX_TESTS];
        let mut limit = [fold; MAX_TESTS];
        let mut k = 0;
        while k < N {
            biased[k] = wide(&t.biased[k]);
            limit[k] = wide(&t.limit[k]);
            k += 1;
        }
        // Lanes that pass one of the tests are all ones.
        let block = |chunk: &[u8]| -> __m256i {
            debug_assert!(chunk.len() >= 32);
            // SAFETY: `chunk` holds at least 32 readable bytes (`chunks_exact(32)` or the
            // last 32 of `bytes`), read unaligned; register-only AVX2 operations after it.
            unsafe {
                let x = _mm256_loadu_si256(chunk.as_ptr().cast());
                let v = _mm256_sub_epi8(_mm256_or_si256(x, fold), biased[0]);
                let mut ok = _mm256_cmpgt_epi8(limit[0], v);
                let mut k = 1;
                while k < N {
                    let v = _mm256_sub_epi8(x, biased[k]);
                    ok = _mm256_or_si256(ok, _mm256_cmpgt_epi8(limit[k], v));
                    k += 1;
                }
                ok
            }
        };
        let mut ok = block(&bytes[bytes.len() - 32..]);
        for chunk in bytes[..bytes.len() - 1].chunks_exact(32) {
            // SAFETY: register-only AVX2 operations.
            ok = unsafe { _mm256_and_si256(ok, block(chunk)) };
        }
        // SAFETY: register-only AVX2 operation.
        unsafe { _mm256_movemask_epi8(ok) == -1 }
    }
}

impl Charset {
    /// Builds a set from inclusive ranges and the text used in error messages.
    ///
    /// The ranges must be sorted, each `lo <= hi`, and must not overlap or touch (the derive
    /// always emits them merged that way); anything else panics, at compile time in a `const`.
    pub const fn new(ranges: &'static [(char, char)], text: &'static str) -> Self {
        let mut ascii = 0u128;
        let mut i = 0;
        let mut first_non_ascii = ranges.len();
        while i < ranges.len() {
            let (lo, hi) = ranges[i];
            assert!(lo as u32 <= hi as u32, "a charset range must have lo <= hi");
            if i > 0 {
                assert!(
                    ranges[i - 1].1 as u32 + 1 < lo as u32,
                    "charset ranges must be sorted and merged"
                );
            }
            let mut c = lo as u32;
            while c <= hi as u32 && c < 128 {
                ascii |= 1 << c;
                c += 1;
            }
            if hi as u32 >= 128 && first_non_ascii == ranges.len() {
                first_non_ascii = i;
            }
            i += 1;
        }
        let non_ascii = ranges.split_at(first_non_ascii).1;
        Charset {
            ascii,
            ranges,
            non_ascii,
            text,
            tests: Tests::compile(ascii),
        }
    }

    /// The set as people read it, e.g. `A-Z a-z 0-9 _ -`.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The set's ranges, sorted and merged.
    pub const fn ranges(&self) -> &'static [(char, char)] {
        self.ranges
    }

    /// Whether the set holds only ASCII characters.
    pub const fn is_ascii(&self) -> bool {
        self.non_ascii.is_empty()
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let n = c as u32;
        if n < 128 {
            self.ascii >> n & 1 == 1
        } else {
            self.non_ascii
                .iter()
                .any(|&(lo, hi)| lo as u32 <= n && n <= hi as u32)
        }
    }

    /// Whether every character of `s` is in the set.
    // Always inlined: its callers are the few places a string is checked, and there the
    // set's tests load straight into the block loop.
    #[inline(always)]
    pub fn matches(&self, s: &str) -> bool {
        if self.non_ascii.is_empty() {
            self.matches_ascii(s.as_bytes())
        } else {
            s.chars().all(|c| self.contains(c))
        }
    }

    /// The check of an ASCII-only set, on bytes: every byte is below 0x80 and in the set.
    /// (Also right on bytes that are not UTF-8, which the tests use.) Always inlined, so that
    /// the match on a constant set's number of tests folds away.
    #[inline(always)]
    fn matches_ascii(&self, bytes: &[u8]) -> bool {
        let t = &self.tests;
        // Two, four, six or eight tests (the first one repeated to fill up): four copies of
        // the loop, not eight.
        match t.len {
            0 => bytes.is_empty(),
            1 | 2 => t.all::<2>(bytes),
            3 | 4 => t.all::<4>(bytes),
            5 | 6 => t.all::<6>(bytes),
            7 | 8 => t.all::<8>(bytes),
            _ => self.matches_table(bytes),
        }
    }

    /// The byte-by-byte table check, for sets with more than [`MAX_TESTS`] tests.
    #[inline(never)]
    fn matches_table(&self, bytes: &[u8]) -> bool {
        let (low, high) = (self.ascii as u64, (self.ascii >> 64) as u64);
        let ok = |b: u8| {
            let word = if b & 64 == 0 { low } else { high };
            (b < 128) & (word >> (b & 63) & 1 == 1)
        };
        bytes
            .chunks(16)
            .all(|chunk| chunk.iter().fold(true, |acc, &b| acc & ok(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: Charset = Charset::new(
        &[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "A-Z a-z 0-9 - _",
    );
    const ACCENTED: Charset = Charset::new(&[('a', 'z'), ('é', 'é'), ('😀', '😀')], "a-z é 😀");

    /// The plain definition: a byte is in the set when it is an ASCII character of a range.
    fn defined(set: &Charset, b: u8) -> bool {
        b < 128
            && set
                .ranges()
                .iter()
                .any(|&(lo, hi)| lo as u32 <= u32::from(b) && u32::from(b) <= hi as u32)
    }

    /// Every way a set is checked on bytes: the one `matches` uses (on x86-64, AVX2 from 32
    /// bytes where the processor has it, else SSE2), the 16-byte block check alone (SSE2 on
    /// x86-64), and the portable block check that other targets use (or the table, past
    /// `MAX_TESTS` tests).
    fn all_checks(set: &Charset, bytes: &[u8]) -> [bool; 3] {
        fn blocks<const N: usize>(t: &Tests, bytes: &[u8]) -> (bool, bool) {
            (
                t.all_with(bytes, Tests::block::<N>),
                t.all_with(bytes, Tests::block_portable::<N>),
            )
        }
        let t = &set.tests;
        let (by_block, portable) = match t.len {
            0 => (bytes.is_empty(), bytes.is_empty()),
            1 | 2 => blocks::<2>(t, bytes),
            3 | 4 => blocks::<4>(t, bytes),
            5 | 6 => blocks::<6>(t, bytes),
            7 | 8 => blocks::<8>(t, bytes),
            _ => (set.matches_table(bytes), set.matches_table(bytes)),
        };
        [set.matches_ascii(bytes), by_block, portable]
    }

    /// Every byte value at every position of every length from 0 to `max_len`, the other bytes
    /// being `filler` (an ASCII byte of the set), against the plain definition; as a `&str`
    /// too when it is one.
    fn exhaustive(set: &Charset, filler: u8, max_len: usize) {
        assert!(defined(set, filler));
        let mut bytes = Vec::with_capacity(max_len);
        for len in 0..=max_len {
            bytes.clear();
            bytes.resize(len, filler);
            assert_eq!(
                all_checks(set, &bytes),
                [true; 3],
                "{} of length {len}",
                set.text()
            );
            for pos in 0..len {
                for b in 0..=255u8 {
                    bytes[pos] = b;
                    let expected = defined(set, b);
                    assert_eq!(
                        all_checks(set, &bytes),
                        [expected; 3],
                        "{}: byte {b:#x} at {pos} of {len}",
                        set.text()
                    );
                    // Among ASCII fillers, a byte from 0x80 up is never UTF-8.
                    if b < 0x80 {
                        let s = core::str::from_utf8(&bytes).expect("ASCII is UTF-8");
                        assert_eq!(set.matches(s), expected);
                    }
                }
                bytes[pos] = filler;
            }
        }
    }

    #[test]
    fn every_byte_at_every_position_agrees_with_the_definition() {
        // The documented model's set, lengths 0 to 100: blocks, the padded block and every
        // way the last block can overlap.
        exhaustive(&URL, b'a', 100);
        // The table, which sets of many tests use, on the same set.
        let mut bytes = [b'_'; 100];
        for len in 0..=100 {
            for pos in 0..len {
                for b in 0..=255u8 {
                    bytes[pos] = b;
                    assert_eq!(URL.matches_table(&bytes[..len]), defined(&URL, b));
                }
                bytes[pos] = b'_';
            }
        }
    }

    #[test]
    fn every_byte_at_every_position_agrees_for_other_shapes_of_set() {
        // The whole of ASCII, and its two ends (NUL and DEL) alone: the widest span and the
        // extreme values of `lo`.
        const ALL: Charset = Charset::new(&[('\0', '\u{7f}')], "ASCII");
        const ENDS: Charset = Charset::new(&[('\0', '\0'), ('\u{7f}', '\u{7f}')], "NUL DEL");
        // Twins not folded: `A-C` with `a-d`; runs crossing bit 5: `0-Z`.
        const UNEVEN: Charset = Charset::new(&[('0', 'Z'), ('a', 'd')], "0-Z a-d");
        // Eight isolated characters (the most tests) and nine (the table).
        const EIGHT: Charset = Charset::new(
            &[
                ('!', '!'),
                ('#', '#'),
                ('%', '%'),
                ('(', '('),
                ('+', '+'),
                ('.', '.'),
                ('1', '1'),
                ('~', '~'),
            ],
            "eight",
        );
        const NINE: Charset = Charset::new(
            &[
                ('!', '!'),
                ('#', '#'),
                ('%', '%'),
                ('(', '('),
                ('+', '+'),
                ('.', '.'),
                ('1', '1'),
                ('5', '5'),
                ('~', '~'),
            ],
            "nine",
        );
        assert_eq!(EIGHT.tests.len, 8);
        const { assert!(NINE.tests.len > MAX_TESTS) };
        for (set, filler) in [
            (&ALL, b'x'),
            (&ENDS, 0x7f),
            (&UNEVEN, b'd'),
            (&EIGHT, b'~'),
            (&NINE, b'5'),
        ] {
            exhaustive(set, filler, 40);
        }
    }

    #[test]
    fn sets_of_one_to_ten_tests_agree_with_the_definition() {
        // `k` isolated characters make `k` tests: every arm of the dispatch, then the table.
        static SPREAD: [(char, char); 10] = [
            ('a', 'a'),
            ('c', 'c'),
            ('e', 'e'),
            ('g', 'g'),
            ('i', 'i'),
            ('k', 'k'),
            ('m', 'm'),
            ('o', 'o'),
            ('q', 'q'),
            ('s', 's'),
        ];
        for k in 1..=10 {
            let set = Charset::new(SPREAD.split_at(k).0, "spread");
            assert_eq!(set.tests.len, k);
            exhaustive(&set, b'a', 33);
        }
    }

    #[test]
    fn case_twins_share_one_test() {
        assert_eq!(URL.tests.len, 4, "- 0-9 A-Z/a-z _");
        const LETTERS: Charset = Charset::new(&[('@', 'Z'), ('`', 'z')], "@-Z `-z");
        assert_eq!(LETTERS.tests.len, 1);
        exhaustive(&LETTERS, b'Q', 40);
        const HALF: Charset = Charset::new(&[('A', 'C'), ('a', 'd')], "A-C a-d");
        assert_eq!(HALF.tests.len, 2);
        exhaustive(&HALF, b'd', 40);
        // Only one pair is folded (the first): the other takes a test for each run.
        const TWO_PAIRS: Charset = Charset::new(
            &[('0', '0'), ('A', 'C'), ('X', 'Z'), ('a', 'c'), ('x', 'z')],
            "0 A-C X-Z a-c x-z",
        );
        assert_eq!(TWO_PAIRS.tests.len, 4);
        exhaustive(&TWO_PAIRS, b'0', 40);
    }

    #[test]
    fn is_ascii_agrees_with_the_definition_for_every_byte_at_every_position() {
        let mut bytes = [b'a'; 100];
        for len in 0..=100 {
            assert!(is_ascii(&bytes[..len]));
            for pos in 0..len {
                for b in 0..=255u8 {
                    bytes[pos] = b;
                    assert_eq!(
                        is_ascii(&bytes[..len]),
                        b < 0x80,
                        "{b:#x} at {pos} of {len}"
                    );
                }
                bytes[pos] = b'a';
            }
        }
    }

    #[test]
    fn an_empty_set_matches_only_the_empty_string() {
        const NONE: Charset = Charset::new(&[], "");
        assert!(NONE.matches(""));
        assert!(!NONE.matches("a"));
        assert!(!NONE.matches(&"\0".repeat(40)));
    }

    #[test]
    fn empty_string_matches() {
        assert!(URL.matches(""));
    }

    #[test]
    fn non_ascii_sets_decode_characters() {
        assert!(ACCENTED.matches("été😀"));
        assert!(!ACCENTED.matches("è"));
        assert!(!ACCENTED.matches("É"));
        assert!(!ACCENTED.is_ascii());
        assert!(URL.is_ascii());
    }

    #[test]
    fn non_ascii_characters_never_match_an_ascii_set() {
        for c in ['é', '\u{80}', '\u{FFFF}', '😀', 'Ａ'] {
            assert!(!URL.contains(c));
            assert!(!URL.matches(&c.to_string()));
            assert!(!URL.matches(&format!("{}{c}", "a".repeat(20))));
        }
    }

    #[test]
    fn ranges_are_inclusive() {
        assert!(URL.contains('A') && URL.contains('Z') && URL.contains('0') && URL.contains('9'));
        assert!(
            !URL.contains('@') && !URL.contains('[') && !URL.contains('/') && !URL.contains(':')
        );
    }
}
