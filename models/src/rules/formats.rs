//! Checkers for the string formats of JSON Schema (draft 2020-12, the `format` keyword), one
//! small function per format, each reading its RFC the way the JSON Schema Test Suite does.
//!
//! The checkers only look at bytes: nothing is allocated and nothing is converted into a value
//! (a date stays a string; only its parts are compared). Every format is ASCII, so a byte
//! outside ASCII (a Bengali digit, a full-width dot) is refused wherever the RFC asks for a
//! digit, a letter or a separator.
//!
//! What each format accepts, in short:
//!
//! | name | reading |
//! |---|---|
//! | `date-time`, `date`, `time` | RFC 3339 §5.6; a leap second only at 23:59:60 UTC, the offset applied |
//! | `duration` | RFC 3339 Appendix A: `P` then years, months, days in order, `T` then hours, minutes, seconds in order, or weeks alone; whole numbers |
//! | `email` | RFC 5321 `Mailbox`: a dot-atom or quoted local part of at most 64 bytes, then a host name or an address literal, at most 254 bytes in all |
//! | `hostname` | RFC 1123: dot-separated labels of letters, digits and inner hyphens, 1 to 63 bytes each, 253 in all, no trailing dot; an `xn--` label must be Punycode (RFC 5891) |
//! | `ipv4` | RFC 2673 dotted quad, no leading zero |
//! | `ipv6` | RFC 4291 text form, `::` at most once, an IPv4 tail allowed, no zone |
//! | `uri`, `uri-reference` | RFC 3986 `URI` and `URI-reference` |
//! | `uuid` | RFC 4122 `8-4-4-4-12` hexadecimal digits, any case |
//! | `json-pointer` | RFC 6901: empty, or `/` tokens in which `~` is followed by `0` or `1` |
//!
//! Internationalized host names: an `xn--` label is decoded from Punycode, and the decoded
//! label is held to the rules RFC 5891 and RFC 5892 state with literal characters (hyphens,
//! the characters RFC 5892 §2.6 disallows by name, the middle dot between two `l`, the two
//! sets of Arabic-Indic digits never mixed). The rules that need Unicode property tables
//! (general category, script, combining class, joining type, the derived IDNA property) are
//! not applied: std does not expose those properties and this crate does not carry them.

/// A JSON Schema `format` this crate checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// `date-time`: an RFC 3339 timestamp with an offset, `1985-04-12T23:20:50.52Z`.
    DateTime,
    /// `date`: an RFC 3339 full date, `1985-04-12`.
    Date,
    /// `time`: an RFC 3339 full time with an offset, `23:20:50.52Z`.
    Time,
    /// `duration`: an RFC 3339 (ISO 8601) duration, `P1DT12H`.
    Duration,
    /// `email`: an RFC 5321 mailbox, `joe.bloggs@example.com`.
    Email,
    /// `hostname`: an RFC 1123 host name, `www.example.com`.
    Hostname,
    /// `ipv4`: a dotted-quad IPv4 address, `192.168.0.1`.
    Ipv4,
    /// `ipv6`: an IPv6 address in RFC 4291 text form, `2001:db8::7`.
    Ipv6,
    /// `uri`: an absolute RFC 3986 URI, scheme included, `https://example.com/a?b#c`.
    Uri,
    /// `uri-reference`: an RFC 3986 URI or relative reference, `../a?b`.
    UriReference,
    /// `uuid`: an RFC 4122 UUID, `2eb8aa08-aa98-11ea-b4aa-73b441d16380`.
    Uuid,
    /// `json-pointer`: an RFC 6901 JSON Pointer, `/a~1b/0`.
    JsonPointer,
}

impl Format {
    /// Every format with its JSON Schema name, in declaration order.
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("date-time", Format::DateTime),
        ("date", Format::Date),
        ("time", Format::Time),
        ("duration", Format::Duration),
        ("email", Format::Email),
        ("hostname", Format::Hostname),
        ("ipv4", Format::Ipv4),
        ("ipv6", Format::Ipv6),
        ("uri", Format::Uri),
        ("uri-reference", Format::UriReference),
        ("uuid", Format::Uuid),
        ("json-pointer", Format::JsonPointer),
    ];

    /// The format JSON Schema calls `name` (case-sensitive), if this crate checks it.
    #[inline]
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|&&(known, _)| known == name)
            .map(|&(_, format)| format)
    }

    /// The check a `check_format` field runs: the format's name and [`Format::is_valid`].
    pub const fn check(self) -> super::FormatCheck {
        super::FormatCheck {
            name: self.name(),
            check: match self {
                Format::DateTime => |s| Format::DateTime.is_valid(s),
                Format::Date => |s| Format::Date.is_valid(s),
                Format::Time => |s| Format::Time.is_valid(s),
                Format::Duration => |s| Format::Duration.is_valid(s),
                Format::Email => |s| Format::Email.is_valid(s),
                Format::Hostname => |s| Format::Hostname.is_valid(s),
                Format::Ipv4 => |s| Format::Ipv4.is_valid(s),
                Format::Ipv6 => |s| Format::Ipv6.is_valid(s),
                Format::Uri => |s| Format::Uri.is_valid(s),
                Format::UriReference => |s| Format::UriReference.is_valid(s),
                Format::Uuid => |s| Format::Uuid.is_valid(s),
                Format::JsonPointer => |s| Format::JsonPointer.is_valid(s),
            },
        }
    }

    /// The JSON Schema name of the format, as written in a schema's `format`.
    #[inline]
    pub const fn name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Time => "time",
            Format::Duration => "duration",
            Format::Email => "email",
            Format::Hostname => "hostname",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Uri => "uri",
            Format::UriReference => "uri-reference",
            Format::Uuid => "uuid",
            Format::JsonPointer => "json-pointer",
        }
    }

    /// Whether `s` is written in this format (see the module documentation for how each RFC
    /// is read). Exact: no trimming, no case folding beyond what the RFC allows.
    #[inline]
    pub fn is_valid(self, s: &str) -> bool {
        let b = s.as_bytes();
        match self {
            Format::DateTime => date_time(b),
            Format::Date => full_date(b),
            Format::Time => full_time(b),
            Format::Duration => duration(b),
            Format::Email => email(b),
            Format::Hostname => hostname(b),
            Format::Ipv4 => ipv4(b),
            Format::Ipv6 => ipv6(b),
            Format::Uri => uri(b),
            Format::UriReference => uri_reference(b),
            Format::Uuid => uuid(b),
            Format::JsonPointer => json_pointer(b),
        }
    }
}

// ---- Dates and times (RFC 3339 §5.6) ----

/// The value of `b` when it is all ASCII digits (at most 4 here), else `None`.
#[inline]
fn number(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `date-time = full-date "T" full-time`, the `T` in either case.
#[inline]
fn date_time(b: &[u8]) -> bool {
    b.len() > 11 && matches!(b[10], b'T' | b't') && full_date(&b[..10]) && full_time(&b[11..])
}

/// `full-date = date-fullyear "-" date-month "-" date-mday`, the day within its month.
#[inline]
fn full_date(b: &[u8]) -> bool {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number(&b[..4]), number(&b[5..7]), number(&b[8..]))
    else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// The days of `month` (1 to 12) in `year`, in the Gregorian calendar (RFC 3339 Appendix C).
#[inline]
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `full-time = partial-time time-offset`, with `time-secfrac` of any length. Second 60 is a
/// leap second, which only ever happens at 23:59:60 UTC: the local time minus the offset must
/// be 23:59 (the date is not looked at).
#[inline]
fn full_time(b: &[u8]) -> bool {
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) =
        (number(&b[..2]), number(&b[3..5]), number(&b[6..8]))
    else {
        return false;
    };
    let mut rest = &b[8..];
    if let [b'.', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    let Some(offset) = time_offset(rest) else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let local = (hour * 60 + minute) as i32;
    second < 60 || (local - offset).rem_euclid(24 * 60) == 23 * 60 + 59
}

/// `time-offset = "Z" / ("+" / "-") time-hour ":" time-minute`, in minutes east of UTC
/// (`-00:00`, an unknown offset, counts as UTC).
#[inline]
fn time_offset(b: &[u8]) -> Option<i32> {
    match *b {
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] => {
            let (hours, minutes) = (number(&[h0, h1])?, number(&[m0, m1])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let east = (hours * 60 + minutes) as i32;
            Some(if sign == b'+' { east } else { -east })
        }
        _ => None,
    }
}

/// `duration` (RFC 3339 Appendix A): `P`, then date elements, a `T` and time elements, or
/// weeks alone.
#[inline]
fn duration(b: &[u8]) -> bool {
    let Some(rest) = b.strip_prefix(b"P") else {
        return false;
    };
    match rest.iter().position(|&c| c == b'T') {
        Some(t) => {
            let (date, time) = (&rest[..t], &rest[t + 1..]);
            (date.is_empty() || elements(date, b"YMD")) && elements(time, b"HMS")
        }
        None => elements(rest, b"YMD") || elements(rest, b"W"),
    }
}

/// Whether `b` is one or more `1*DIGIT unit` elements whose units are consecutive letters of
/// `order`: `1Y2M` and `2M3D` but not `1Y3D`, since the ABNF nests each unit in the one before.
#[inline]
fn elements(mut b: &[u8], order: &[u8]) -> bool {
    let mut next = None;
    loop {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let Some(&unit) = b.get(digits).filter(|_| digits > 0) else {
            return false;
        };
        let Some(at) = order.iter().position(|&u| u == unit) else {
            return false;
        };
        if next.is_some_and(|next| at != next) {
            return false;
        }
        next = Some(at + 1);
        b = &b[digits + 1..];
        if b.is_empty() {
            return true;
        }
    }
}

// ---- Email (RFC 5321 §4.1.2) ----

/// `Mailbox = Local-part "@" ( Domain / address-literal )`, the local part at most 64 bytes
/// and the whole at most 254 (a path of 256 with its angle brackets, RFC 5321 §4.5.3.1).
#[inline]
fn email(b: &[u8]) -> bool {
    // The domain has no `@`; a quoted local part may.
    let Some(at) = b.iter().rposition(|&c| c == b'@') else {
        return false;
    };
    let (local, domain) = (&b[..at], &b[at + 1..]);
    b.len() <= 254
        && local.len() <= 64
        && (dot_atom(local) || quoted_string(local))
        && (hostname(domain) || address_literal(domain))
}

/// `Dot-string = Atom *("." Atom)`.
#[inline]
fn dot_atom(b: &[u8]) -> bool {
    b.split(|&c| c == b'.')
        .all(|atom| !atom.is_empty() && atom.iter().all(|&c| atext(c)))
}

/// `atext` of RFC 5322: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
#[inline]
fn atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&c)
}

/// `Quoted-string = DQUOTE *QcontentSMTP DQUOTE`: printable ASCII and spaces, with `"` and
/// `\` escaped by a backslash.
#[inline]
fn quoted_string(b: &[u8]) -> bool {
    let [b'"', inner @ .., b'"'] = b else {
        return false;
    };
    let mut bytes = inner.iter();
    while let Some(&c) = bytes.next() {
        let fine = match c {
            b'\\' => bytes.next().is_some_and(|&e| (b' '..=b'~').contains(&e)),
            b'"' => false,
            _ => (b' '..=b'~').contains(&c),
        };
        if !fine {
            return false;
        }
    }
    true
}

/// `address-literal`: `[` an IPv4 address `]`, or `[IPv6:` an IPv6 address `]`. No other tag
/// is registered for the general form, so none is accepted.
#[inline]
fn address_literal(b: &[u8]) -> bool {
    let [b'[', inner @ .., b']'] = b else {
        return false;
    };
    match inner.split_at_checked(5) {
        Some((tag, address)) if tag.eq_ignore_ascii_case(b"IPv6:") => ipv6(address),
        _ => ipv4(inner),
    }
}

// ---- Host names (RFC 1123 §2.1, RFC 5891 §4.4) ----

/// Dot-separated labels, at most 253 bytes in all (255 on the wire), without a trailing dot.
#[inline]
fn hostname(b: &[u8]) -> bool {
    !b.is_empty() && b.len() <= 253 && b.split(|&c| c == b'.').all(label)
}

/// 1 to 63 letters, digits and hyphens, neither first nor last a hyphen; an `xn--` label must
/// be the Punycode of a label IDNA accepts.
#[inline]
fn label(b: &[u8]) -> bool {
    let ldh = (1..=63).contains(&b.len())
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-');
    ldh && match b.split_at_checked(4) {
        Some((prefix, encoded)) if prefix.eq_ignore_ascii_case(b"xn--") => a_label(encoded),
        _ => true,
    }
}

/// The most characters a label decodes to: each takes at least one of the 59 bytes after
/// `xn--`.
const U_LABEL_MAX: usize = 59;

/// Whether `encoded` (what follows `xn--`) decodes from Punycode to a valid U-label.
#[inline]
fn a_label(encoded: &[u8]) -> bool {
    let mut decoded = [0; U_LABEL_MAX];
    punycode_decode(encoded, &mut decoded).is_some_and(|len| u_label(&decoded[..len]))
}

/// The rules of RFC 5891 §4.2.3 and RFC 5892 that name their characters: at least one non-ASCII
/// character; no hyphen first, last, or third and fourth; none of the characters RFC 5892
/// §2.6 disallows; U+00B7 MIDDLE DOT only between two `l` (Appendix A.3); the Arabic-Indic
/// digits U+0660..U+0669 and the extended ones U+06F0..U+06F9 never together (A.8, A.9).
#[inline]
fn u_label(u: &[u32]) -> bool {
    let hyphen = u32::from(b'-');
    let l = u32::from(b'l');
    let has = |from: u32, to: u32| u.iter().any(|c| (from..=to).contains(c));
    u.iter().any(|&c| c > 0x7F)
        && u.first() != Some(&hyphen)
        && u.last() != Some(&hyphen)
        && !(u.get(2) == Some(&hyphen) && u.get(3) == Some(&hyphen))
        && !u.iter().any(|&c| idna_exception_disallowed(c))
        && u.iter()
            .enumerate()
            .all(|(i, &c)| c != 0xB7 || (i > 0 && u[i - 1] == l && u.get(i + 1) == Some(&l)))
        && !(has(0x0660, 0x0669) && has(0x06F0, 0x06F9))
}

/// The characters RFC 5892 §2.6 (exceptions) makes DISALLOWED whatever their properties.
#[inline]
fn idna_exception_disallowed(c: u32) -> bool {
    matches!(
        c,
        0x0640 | 0x07FA | 0x302E | 0x302F | 0x3031..=0x3035 | 0x303B
    )
}

/// Decodes Punycode (RFC 3492 §6.2) into `out`, the basic characters lowercased (RFC 5891
/// §5.3 lowercases an A-label before decoding): the number of characters, or `None` when
/// `encoded` is not Punycode or decodes to more than `out` holds.
#[inline]
fn punycode_decode(encoded: &[u8], out: &mut [u32; U_LABEL_MAX]) -> Option<usize> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    let (basic, deltas) = match encoded.iter().rposition(|&c| c == b'-') {
        Some(end) => (&encoded[..end], &encoded[end + 1..]),
        None => (&encoded[..0], encoded),
    };
    if basic.len() > out.len() {
        return None;
    }
    for (slot, &c) in out.iter_mut().zip(basic) {
        *slot = u32::from(c.to_ascii_lowercase());
    }
    let (mut len, mut code, mut at, mut bias) = (basic.len(), 0x80_u32, 0_u32, 72);
    let mut digits = deltas.iter();
    while !digits.as_slice().is_empty() {
        let before = at;
        let (mut weight, mut k) = (1_u32, BASE);
        loop {
            let digit = punycode_digit(*digits.next()?)?;
            at = at.checked_add(digit.checked_mul(weight)?)?;
            let t = k.saturating_sub(bias).clamp(T_MIN, T_MAX);
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
        }
        len += 1;
        if len > out.len() {
            return None;
        }
        let count = len as u32;
        bias = punycode_bias(at - before, count, before == 0);
        code = code.checked_add(at / count)?;
        at %= count;
        char::from_u32(code)?;
        let i = at as usize;
        out.copy_within(i..len - 1, i + 1);
        out[i] = code;
        at += 1;
    }
    Some(len)
}

/// A Punycode digit: `a`..`z` (either case) are 0..25, `0`..`9` are 26..35.
#[inline]
fn punycode_digit(c: u8) -> Option<u32> {
    match c {
        b'a'..=b'z' => Some(u32::from(c - b'a')),
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 26),
        _ => None,
    }
}

/// The bias adaptation of RFC 3492 §6.1.
#[inline]
fn punycode_bias(delta: u32, count: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / count;
    let mut k = 0;
    while delta > (36 - 1) * 26 / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + 36 * delta / (delta + 38)
}

// ---- IP addresses (RFC 2673 §3.2, RFC 4291 §2.2) ----

/// Four decimal octets 0 to 255, dot-separated, none with a leading zero.
#[inline]
fn ipv4(b: &[u8]) -> bool {
    let mut octets = 0;
    b.split(|&c| c == b'.').all(|octet| {
        octets += 1;
        (1..=3).contains(&octet.len())
            && (octet.len() == 1 || octet[0] != b'0')
            && number(octet).is_some_and(|n| n <= 255)
    }) && octets == 4
}

/// Eight groups of 1 to 4 hexadecimal digits, the last two possibly an IPv4 address, or fewer
/// around one `::` that stands for at least one group of zeros.
#[inline]
fn ipv6(b: &[u8]) -> bool {
    match b.windows(2).position(|pair| pair == b"::") {
        Some(gap) => match (groups(&b[..gap], false), groups(&b[gap + 2..], true)) {
            (Some(before), Some(after)) => before + after <= 7,
            _ => false,
        },
        None => groups(b, true) == Some(8),
    }
}

/// The number of 16-bit groups `b` writes (0 when empty): colon-separated hexadecimal groups,
/// the last one possibly an IPv4 address (two groups) when `ipv4_tail` allows it.
#[inline]
fn groups(b: &[u8], ipv4_tail: bool) -> Option<usize> {
    if b.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut parts = b.split(|&c| c == b':').peekable();
    while let Some(part) = parts.next() {
        if ipv4_tail && parts.peek().is_none() && part.contains(&b'.') {
            return ipv4(part).then_some(count + 2);
        }
        if !(1..=4).contains(&part.len()) || !part.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

// ---- URIs (RFC 3986) ----

/// `URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]`.
#[inline]
fn uri(b: &[u8]) -> bool {
    split_scheme(b).is_some_and(|(scheme_part, rest)| scheme(scheme_part) && hierarchy(rest))
}

/// `URI-reference = URI / relative-ref`: a `:` before any `/`, `?` or `#` starts a scheme
/// (a relative reference's first segment has no `:`), anything else is relative.
#[inline]
fn uri_reference(b: &[u8]) -> bool {
    match split_scheme(b) {
        Some((scheme_part, rest)) => scheme(scheme_part) && hierarchy(rest),
        None => hierarchy(b),
    }
}

/// What comes before and after the first `:` when no `/`, `?` or `#` comes earlier.
#[inline]
fn split_scheme(b: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = b
        .iter()
        .position(|&c| matches!(c, b':' | b'/' | b'?' | b'#'))?;
    (b[end] == b':').then(|| (&b[..end], &b[end + 1..]))
}

/// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
#[inline]
fn scheme(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// What follows the scheme (or the whole relative reference): `[ "//" authority ] path`, then
/// `[ "?" query ] [ "#" fragment ]`. The path forms of `hier-part` and `relative-part` need no
/// further check here: a path that starts with `//` is an authority, and one that does not
/// start with `/` has a non-empty first segment (whose `:` the caller has ruled on).
#[inline]
fn hierarchy(b: &[u8]) -> bool {
    let (b, fragment) = split_once(b, b'#');
    let (b, query) = split_once(b, b'?');
    let path = match b.strip_prefix(b"//") {
        Some(rest) => {
            let end = rest.iter().position(|&c| c == b'/').unwrap_or(rest.len());
            if !authority(&rest[..end]) {
                return false;
            }
            &rest[end..]
        }
        None => b,
    };
    encoded(path, path_byte)
        && query.is_none_or(|q| encoded(q, query_byte))
        && fragment.is_none_or(|f| encoded(f, query_byte))
}

/// `b` before and after the first `at`, if any.
#[inline]
fn split_once(b: &[u8], at: u8) -> (&[u8], Option<&[u8]>) {
    match b.iter().position(|&c| c == at) {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    }
}

/// `authority = [ userinfo "@" ] host [ ":" port ]`, `port = *DIGIT`.
#[inline]
fn authority(b: &[u8]) -> bool {
    let (host_port, userinfo) = match b.iter().position(|&c| c == b'@') {
        Some(i) => (&b[i + 1..], Some(&b[..i])),
        None => (b, None),
    };
    let (host, port) = match host_port {
        [b'[', rest @ ..] => match rest.iter().position(|&c| c == b']') {
            Some(end) if ip_literal(&rest[..end]) => match &rest[end + 1..] {
                [] => (&[][..], None),
                [b':', port @ ..] => (&[][..], Some(port)),
                _ => return false,
            },
            _ => return false,
        },
        _ => split_once(host_port, b':'),
    };
    userinfo.is_none_or(|u| encoded(u, userinfo_byte))
        && encoded(host, reg_name_byte)
        && port.is_none_or(|p| p.iter().all(u8::is_ascii_digit))
}

/// What sits between `[` and `]`: `IPv6address / IPvFuture`, with
/// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`.
#[inline]
fn ip_literal(b: &[u8]) -> bool {
    if ipv6(b) {
        return true;
    }
    let [b'v' | b'V', rest @ ..] = b else {
        return false;
    };
    let version = rest.iter().take_while(|c| c.is_ascii_hexdigit()).count();
    match rest[version..] {
        [b'.', ref text @ ..] => {
            version > 0 && !text.is_empty() && text.iter().all(|&c| userinfo_byte(c))
        }
        _ => false,
    }
}

/// Whether `b` is made of percent-encoded octets (`%` and two hexadecimal digits) and of
/// bytes `allowed` accepts.
#[inline]
fn encoded(b: &[u8], allowed: fn(u8) -> bool) -> bool {
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = |at: usize| b.get(at).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return false;
            }
            i += 3;
        } else if allowed(c) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`.
#[inline]
fn unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

/// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`.
#[inline]
fn sub_delim(c: u8) -> bool {
    matches!(
        c,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// The unencoded bytes of a `reg-name`.
#[inline]
fn reg_name_byte(c: u8) -> bool {
    unreserved(c) || sub_delim(c)
}

/// The unencoded bytes of a `userinfo` (and of an `IPvFuture` after its version).
#[inline]
fn userinfo_byte(c: u8) -> bool {
    reg_name_byte(c) || c == b':'
}

/// The unencoded bytes of a path: `pchar` and `/`.
#[inline]
fn path_byte(c: u8) -> bool {
    userinfo_byte(c) || matches!(c, b'@' | b'/')
}

/// The unencoded bytes of a query or a fragment: `pchar`, `/` and `?`.
#[inline]
fn query_byte(c: u8) -> bool {
    path_byte(c) || c == b'?'
}

// ---- Identifiers ----

/// `8-4-4-4-12` hexadecimal digits, either case.
#[inline]
fn uuid(b: &[u8]) -> bool {
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Empty, or `/`-prefixed reference tokens in which every `~` is followed by `0` or `1`.
#[inline]
fn json_pointer(b: &[u8]) -> bool {
    b.first().is_none_or(|&c| c == b'/')
        && b.iter()
            .enumerate()
            .all(|(i, &c)| c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

#[cfg(test)]
mod tests {
    use super::Format;
    use serde_json::Value;

    const NEEDS_SCRIPT: &str = "RFC 5892 CONTEXTO rule on a Unicode script (Greek, Hebrew, \
         Hiragana/Katakana/Han): needs a script table, which this crate does not carry";
    const NEEDS_MARK: &str = "RFC 5891 §4.2.3.2: a U-label must not begin with a combining \
         mark; needs the General_Category table, which this crate does not carry";
    const NEEDS_VIRAMA: &str = "RFC 5892 CONTEXTJ rule for ZERO WIDTH JOINER: needs the \
         Canonical_Combining_Class table (Virama), which this crate does not carry";

    /// Every case of the suite decided the other way, as (format, data, why). Each one is
    /// accepted here and refused by the suite: an A-label that is well-formed Punycode and
    /// decodes to a label whose fault only a Unicode property table shows. It is still a valid
    /// RFC 1123 host name.
    const DISAGREEMENTS: &[(&str, &str, &str)] = &[
        ("hostname", "xn--hello-txk", NEEDS_MARK),
        ("hostname", "xn--hello-zed", NEEDS_MARK),
        ("hostname", "xn--hello-6bf", NEEDS_MARK),
        ("hostname", "xn--S-jib3p", NEEDS_SCRIPT),
        ("hostname", "xn--wva3j", NEEDS_SCRIPT),
        ("hostname", "xn--A-2hc5h", NEEDS_SCRIPT),
        ("hostname", "xn--5db1e", NEEDS_SCRIPT),
        ("hostname", "xn--A-2hc8h", NEEDS_SCRIPT),
        ("hostname", "xn--5db3e", NEEDS_SCRIPT),
        ("hostname", "xn--defabc-k64e", NEEDS_SCRIPT),
        ("hostname", "xn--vek", NEEDS_SCRIPT),
        ("hostname", "xn--11b2er09f", NEEDS_VIRAMA),
        ("hostname", "xn--02b508i", NEEDS_VIRAMA),
    ];

    /// Runs every string case of the suite's file for `format`: each must come out as the
    /// suite says, or the other way when listed in [`DISAGREEMENTS`] (and every listed case
    /// must be met). Returns (cases checked, of which disagreements, non-strings skipped).
    fn run_suite(format: Format) -> (usize, usize, usize) {
        let file = format!(
            "{}/../tests/suite/draft2020-12/optional/format/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            format.name()
        );
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let groups: Value = serde_json::from_str(&text).expect("the suite file is JSON");
        let (mut checked, mut disagreed, mut skipped) = (0, 0, 0);
        let mut failures = Vec::new();
        for group in groups.as_array().expect("an array of groups") {
            assert_eq!(group["schema"]["format"], format.name(), "{file}");
            for case in group["tests"].as_array().expect("tests") {
                let expected = case["valid"].as_bool().expect("valid");
                // Formats only constrain strings: a number or an object is valid whatever the
                // format, so these cases test a validator, not a format checker.
                let Some(data) = case["data"].as_str() else {
                    skipped += 1;
                    continue;
                };
                checked += 1;
                let listed = DISAGREEMENTS
                    .iter()
                    .find(|&&(f, d, _)| f == format.name() && d == data);
                let wanted = match listed {
                    Some((_, _, why)) => {
                        println!(
                            "{}: {data:?} decided as {}: {why}",
                            format.name(),
                            !expected
                        );
                        disagreed += 1;
                        !expected
                    }
                    None => expected,
                };
                if format.is_valid(data) != wanted {
                    failures.push(format!(
                        "{data:?}: expected {wanted} ({})",
                        case["description"]
                    ));
                }
            }
        }
        let listed = DISAGREEMENTS
            .iter()
            .filter(|&&(f, _, _)| f == format.name())
            .count();
        assert_eq!(
            disagreed, listed,
            "a listed disagreement is not in the suite"
        );
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            format.name(),
            failures.join("\n")
        );
        assert!(checked > 0, "{file}: no string case");
        println!(
            "{}: {checked} string cases checked, {} as the suite says, {disagreed} listed \
             disagreements, {skipped} non-string cases skipped",
            format.name(),
            checked - disagreed
        );
        (checked, disagreed, skipped)
    }

    #[test]
    fn suite_date_time() {
        run_suite(Format::DateTime);
    }

    #[test]
    fn suite_date() {
        run_suite(Format::Date);
    }

    #[test]
    fn suite_time() {
        run_suite(Format::Time);
    }

    #[test]
    fn suite_duration() {
        run_suite(Format::Duration);
    }

    #[test]
    fn suite_email() {
        run_suite(Format::Email);
    }

    #[test]
    fn suite_hostname() {
        let (_, disagreed, _) = run_suite(Format::Hostname);
        assert_eq!(disagreed, DISAGREEMENTS.len());
    }

    #[test]
    fn suite_ipv4() {
        run_suite(Format::Ipv4);
    }

    #[test]
    fn suite_ipv6() {
        run_suite(Format::Ipv6);
    }

    #[test]
    fn suite_uri() {
        run_suite(Format::Uri);
    }

    #[test]
    fn suite_uri_reference() {
        run_suite(Format::UriReference);
    }

    #[test]
    fn suite_uuid() {
        run_suite(Format::Uuid);
    }

    #[test]
    fn suite_json_pointer() {
        run_suite(Format::JsonPointer);
    }

    #[test]
    fn names_round_trip() {
        for &(name, format) in Format::ALL {
            assert_eq!(format.name(), name);
            assert_eq!(Format::from_name(name), Some(format));
        }
        assert_eq!(Format::ALL.len(), 12);
        assert_eq!(Format::from_name("Date-Time"), None);
        assert_eq!(Format::from_name("regex"), None);
    }

    fn check(format: Format, valid: &[&str], invalid: &[&str]) {
        for s in valid {
            assert!(format.is_valid(s), "{} should accept {s:?}", format.name());
        }
        for s in invalid {
            assert!(!format.is_valid(s), "{} should refuse {s:?}", format.name());
        }
    }

    #[test]
    fn leap_seconds_take_the_offset_into_account() {
        check(
            Format::Time,
            &[
                "23:59:60Z",
                "23:59:60.5z",
                "23:59:60-00:00",
                "00:59:60+01:00",
                "18:29:60-05:30",
                "00:00:60+00:01",
                "23:58:60-00:01",
                "00:29:60-23:30",
            ],
            &[
                "23:59:60+00:01",
                "00:00:60-00:01",
                "23:59:61Z",
                "23:59:60",
                "23:59:59+24:00",
                "23:59:59+23:60",
            ],
        );
        check(
            Format::DateTime,
            &["2016-12-31T23:59:60Z", "2017-01-01T00:59:60+01:00"],
            &["2016-12-31T23:59:60+01:00", "2016-12-31 23:59:59Z"],
        );
    }

    #[test]
    fn february_29_follows_the_gregorian_rules() {
        check(
            Format::Date,
            &[
                "2024-02-29",
                "2000-02-29",
                "1600-02-29",
                "0000-02-29",
                "2023-02-28",
            ],
            &[
                "2023-02-29",
                "1900-02-29",
                "2200-02-29",
                "2024-02-30",
                "2024-02-00",
            ],
        );
        check(
            Format::DateTime,
            &["2024-02-29T00:00:00Z"],
            &["2023-02-29T00:00:00Z"],
        );
    }

    #[test]
    fn fractions_and_offsets() {
        check(
            Format::Time,
            &[
                "12:00:00.0Z",
                "12:00:00.123456789012345678901234567890+23:59",
            ],
            &[
                "12:00:00.Z",
                "12:00:00,5Z",
                "12:00:00.5",
                "12:00:00+0100",
                "12:00:00+01",
            ],
        );
    }

    #[test]
    fn durations_nest_their_units() {
        check(
            Format::Duration,
            &[
                "P1Y", "P1Y2M", "P1Y2M3D", "P2M3D", "P3D", "PT1S", "P1DT1H", "P1W", "PT1H1M1S",
            ],
            &[
                "P1Y3D",
                "PT1H1S",
                "P1W1D",
                "P1DT",
                "P1YT1H1S",
                "PT1H1M1S1S",
                "P1D1D",
                "PW",
            ],
        );
    }

    #[test]
    fn ipv6_compression_forms() {
        check(
            Format::Ipv6,
            &[
                "::",
                "::1",
                "1::",
                "1:2:3:4:5:6:7::",
                "::2:3:4:5:6:7:8",
                "1:2:3::6:7:8",
                "FFFF:ffff::",
                "0:0:0:0:0:0:0:0",
            ],
            &[
                "1:2:3:4:5:6:7:8::",
                "::1:2:3:4:5:6:7:8",
                "1:2:3:4::5:6:7:8",
                ":::",
                "::1::",
                "1:::2",
                ":1::",
                "1::2:",
                "g::",
            ],
        );
    }

    #[test]
    fn ipv6_ipv4_tails() {
        check(
            Format::Ipv6,
            &[
                "::1.2.3.4",
                "::ffff:0.0.0.0",
                "1:2:3:4:5:6:1.2.3.4",
                "1::5:6:255.255.255.255",
                "1:2:3:4:5::1.2.3.4",
            ],
            &[
                "1:2:3:4:5:6:7:1.2.3.4",
                "1:2:3:4:5:6::1.2.3.4",
                "1.2.3.4::",
                "1.2.3.4::1",
                "::1.2.3.04",
                "::1.2.3",
                "::1.2.3.4:1",
                "::1.2.3.4.5",
            ],
        );
    }

    #[test]
    fn uri_percent_encoding() {
        check(
            Format::Uri,
            &[
                "http://a/%20%aF",
                "http://us%3Aer:pa%40ss@host/",
                "http://h%41st/?q=%3f#f%2F",
                "x:%00",
                "http://[v1.fe80::a+en1]/",
                "http://[::1]:8080/",
                "http://h:/",
                "file:///etc",
            ],
            &[
                "http://a/%2",
                "http://a/%g0",
                "http://a/?%",
                "http://a/#%%41",
                "http://a/#f#g",
                "http://[::1]x/",
                "http://[v.x]/",
                "http://[vF.]/",
                "http://[::1/",
                "http://a b/",
                "http://a/\u{e9}",
            ],
        );
        check(
            Format::UriReference,
            &["", "%41", "a/b:c", "?", "#", "//h%41/", "../a"],
            &["%4", "a:b:%", "[x]", "a%zz/b", "a:\\"],
        );
    }

    #[test]
    fn emails() {
        check(
            Format::Email,
            &[
                "\"\"@example.com",
                "\"a\\\"b\"@example.com",
                "a@[IPv6:2001:db8::1]",
                "a@[ipv6:::ffff:1.2.3.4]",
                "!#$%&'*+-/=?^_`{|}~@example.com",
            ],
            &[
                "\"a\"b\"@example.com",
                "\"a\\\"@example.com",
                "a@[1.2.3]",
                "a@[IPv6:1.2.3.4]",
                "a@[tag:x]",
                "a@example.com.",
                "a@-example.com",
                "\u{e9}@example.com",
            ],
        );
        let local = "a".repeat(64);
        assert!(Format::Email.is_valid(&format!("{local}@example.com")));
        assert!(!Format::Email.is_valid(&format!("a{local}@example.com")));
        let domain = [
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(63),
            "e".repeat(60),
        ]
        .join(".");
        assert!(Format::Hostname.is_valid(&domain));
        assert!(Format::Email.is_valid(&format!("a@{domain}")));
        assert!(!Format::Email.is_valid(&format!("aa@{domain}")));
    }

    #[test]
    fn hostnames_and_punycode() {
        check(
            Format::Hostname,
            &[
                "xn--bcher-kva.example",
                "XN--BCHER-KVA.example",
                "xn--ll-0ea",
                "a-b",
                "A1",
                &[
                    "a".repeat(63),
                    "b".repeat(63),
                    "c".repeat(63),
                    "d".repeat(61),
                ]
                .join("."),
            ],
            &[
                "xn--",
                "xn--bcher-",
                "xn--abc-",
                "xn--zzzzzzzzzzzz",
                "xn--9999999999999999999999a",
                &[
                    "a".repeat(63),
                    "b".repeat(63),
                    "c".repeat(63),
                    "d".repeat(62),
                ]
                .join("."),
                "a..b",
            ],
        );
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples() {
        // RFC 3492 §7.1 (L) and (O), lowercased, and an all-basic label.
        let mut out = [0; super::U_LABEL_MAX];
        let len = super::punycode_decode(b"3B-ww4c5e180e575a65lsy2b", &mut out).unwrap();
        let decoded: String = out[..len]
            .iter()
            .map(|&c| char::from_u32(c).unwrap())
            .collect();
        assert_eq!(
            decoded,
            "3\u{5e74}b\u{7d44}\u{91d1}\u{516b}\u{5148}\u{751f}"
        );
        let len = super::punycode_decode(b"2-u9tlzr9756bt3uc0v", &mut out).unwrap();
        let decoded: String = out[..len]
            .iter()
            .map(|&c| char::from_u32(c).unwrap())
            .collect();
        assert_eq!(
            decoded,
            "\u{3072}\u{3068}\u{3064}\u{5c4b}\u{6839}\u{306e}\u{4e0b}2"
        );
        assert_eq!(super::punycode_decode(b"abc-", &mut out), Some(3));
        assert!(!super::u_label(&out[..3]));
    }

    #[test]
    fn non_ascii_digits_are_refused() {
        for format in [Format::Date, Format::Ipv4, Format::Uuid, Format::Duration] {
            let sample = match format {
                Format::Date => "2020-01-0\u{0968}",
                Format::Ipv4 => "1.2.3.\u{0968}",
                Format::Uuid => "2eb8aa08-aa98-11ea-b4aa-73b441d1638\u{0968}",
                _ => "P\u{0968}D",
            };
            assert!(!format.is_valid(sample), "{sample:?}");
        }
    }
}
