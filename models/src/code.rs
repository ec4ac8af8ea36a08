//! The codes of the violations this crate reports, in one place.

use core::fmt;

/// What kind of violation a [`ValidationError`](crate::ValidationError) reports: the rule that
/// broke, or what else was wrong with the document.
///
/// [`ValidationError::code`](crate::ValidationError::code) returns the code as text (a custom
/// rule may use a code of its own); [`Code::as_str`] is that text for the built-in ones.
///
/// ```
/// use authlete_models::Code;
/// assert_eq!(Code::MaxLen.as_str(), "max_len");
/// assert_eq!(Code::from_name("unknown_field"), Some(Code::UnknownField));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// A string holds a character outside its `charset`.
    Charset,
    /// A string or list is shorter than its `min_len`.
    MinLen,
    /// A string or list is longer than its `max_len`.
    MaxLen,
    /// A number is below its `min`.
    Min,
    /// A number is above its `max`.
    Max,
    /// A number is not above its `exclusive_min`.
    ExclusiveMin,
    /// A number is not below its `exclusive_max`.
    ExclusiveMax,
    /// A number is not a whole multiple of its `multiple_of`.
    MultipleOf,
    /// A `unique` list holds two equal items.
    Unique,
    /// A string that is none of an enum's values.
    Enum,
    /// A string that does not match its `pattern`.
    Pattern,
    /// A string that matches one of its `not_pattern`s.
    NotPattern,
    /// A string not written in its checked `format` (`check_format`).
    Format,
    /// An object holds none, or more than one, of the members (or groups of members) of
    /// which exactly one must be present (`required_one_of`).
    RequiredOneOf,
    /// An object holds none of the members (or groups of members) of which at least one
    /// must be present (`required_any_of`).
    RequiredAnyOf,
    /// A member that must be present when another is (`requires` on that one) is absent.
    Requires,
    /// An object holds every member of which not all may be present at once (`not_all_of`).
    NotAllOf,
    /// A member's value makes a `when` condition hold, and the members it then requires are
    /// not all present (at each absent one's pointer), or the members it then keeps from being
    /// all present are (at the object's).
    When,
    /// An object holds a member its struct forbids (`forbid`), at that member's pointer.
    Forbidden,
    /// An object has fewer members than its struct's `min_members`.
    MinMembers,
    /// An object has more members than its struct's `max_members`.
    MaxMembers,
    /// The text is not JSON ([`from_json`](crate::from_json) only).
    Syntax,
    /// A value of the wrong JSON type.
    Type,
    /// A required member is absent.
    Required,
    /// A member the model does not know, under `deny_unknown_fields`.
    UnknownField,
    /// A member given twice in one object ([`from_json`](crate::from_json) only).
    Duplicate,
    /// No variant of an untagged enum accepts the value.
    AnyOf,
    /// No variant of a `one_of` enum accepts the value, or more than one does.
    OneOf,
    /// Anything else a format refused.
    Invalid,
}

impl Code {
    /// Every built-in code, in the order above.
    pub const ALL: &'static [Code] = &[
        Code::Charset,
        Code::MinLen,
        Code::MaxLen,
        Code::Min,
        Code::Max,
        Code::ExclusiveMin,
        Code::ExclusiveMax,
        Code::MultipleOf,
        Code::Unique,
        Code::Enum,
        Code::Pattern,
        Code::NotPattern,
        Code::Format,
        Code::RequiredOneOf,
        Code::RequiredAnyOf,
        Code::Requires,
        Code::NotAllOf,
        Code::When,
        Code::Forbidden,
        Code::MinMembers,
        Code::MaxMembers,
        Code::Syntax,
        Code::Type,
        Code::Required,
        Code::UnknownField,
        Code::Duplicate,
        Code::AnyOf,
        Code::OneOf,
        Code::Invalid,
    ];

    /// The code as errors carry it: the attribute's name for a rule (`max_len`), a short
    /// snake_case word otherwise.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Charset => "charset",
            Code::MinLen => "min_len",
            Code::MaxLen => "max_len",
            Code::Min => "min",
            Code::Max => "max",
            Code::ExclusiveMin => "exclusive_min",
            Code::ExclusiveMax => "exclusive_max",
            Code::MultipleOf => "multiple_of",
            Code::Unique => "unique",
            Code::Enum => "enum",
            Code::Pattern => "pattern",
            Code::NotPattern => "not_pattern",
            Code::Format => "format",
            Code::RequiredOneOf => "required_one_of",
            Code::RequiredAnyOf => "required_any_of",
            Code::Requires => "requires",
            Code::NotAllOf => "not_all_of",
            Code::When => "when",
            Code::Forbidden => "forbidden",
            Code::MinMembers => "min_members",
            Code::MaxMembers => "max_members",
            Code::Syntax => "syntax",
            Code::Type => "type",
            Code::Required => "required",
            Code::UnknownField => "unknown_field",
            Code::Duplicate => "duplicate",
            Code::AnyOf => "any_of",
            Code::OneOf => "one_of",
            Code::Invalid => "invalid",
        }
    }

    /// The built-in code written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn every_code_reads_back_from_its_name_and_names_are_distinct() {
        for (i, code) in Code::ALL.iter().enumerate() {
            assert_eq!(Code::from_name(code.as_str()), Some(*code));
            assert!(
                Code::ALL[..i].iter().all(|c| c.as_str() != code.as_str()),
                "{code}"
            );
        }
        assert_eq!(Code::from_name("maxLen"), None);
    }
}
