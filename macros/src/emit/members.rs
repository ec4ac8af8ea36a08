//! A struct's rules on its object as a whole (`min_members`, `max_members`, `forbid`): one
//! constant, `__member_rules`, that the runtime's `rules::MemberRules` interprets, a
//! `rules::Tally` in the state the struct is read into, and a few calls in the member loop, at
//! the end of a read, in `validate()` and in the schema. A struct without the rules gets none
//! of it: every function here returns no tokens then (or, for `NAMES` and `__CLOSED`, the
//! tokens it had before there were these rules), so that it counts nothing and looks up no
//! forbidden name.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::ast::{Container, Shape};

/// The rules' constant.
pub fn constant(cont: &Container) -> TokenStream {
    let rules = &cont.members;
    if rules.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let bound = |n: Option<usize>| match n {
        Some(n) => tpl!({#p::Some(#n)}, p, n),
        None => tpl!({#p::None}, p),
    };
    let (min, max) = (bound(rules.min), bound(rules.max));
    let names: Vec<String> = rules.forbidden.iter().map(|n| n.value()).collect();
    let tokens = names
        .iter()
        .map(|n| n.replace('~', "~0").replace('/', "~1"));
    tpl!({
        const __member_rules: #p::rules::MemberRules = #p::rules::MemberRules {
            min: #min,
            max: #max,
            forbidden: &[#__rep0],
            tokens: &[#__rep1],
        };
    }, p, min, max, __rep0 = quote!(#(#names),*), __rep1 = quote!(#(#tokens),*))
}

/// The tally's slot in the reader's state (`read`: only when it counts) or in the
/// collection's (which also notes a forbidden member): its declaration and its first value.
pub fn state(cont: &Container, read: bool) -> (TokenStream, TokenStream) {
    let rules = &cont.members;
    if rules.is_empty() || (read && !rules.counts()) {
        return (TokenStream::new(), TokenStream::new());
    }
    let p = tpl!({ ::authlete_models::__private });
    (
        tpl!({__tally: #p::rules::Tally,}, p),
        tpl!({__tally: #p::rules::Tally::new(),}, p),
    )
}

/// The key lookup the member loops use, given the struct's own (`index`, `Flat::index`): with
/// forbidden names, a closure that looks them up after the fields.
pub fn index(cont: &Container, index: TokenStream) -> TokenStream {
    if cont.members.forbidden.is_empty() {
        return index;
    }
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        |__name: &[#p::primitive::u8]| #p::rules::MemberRules::index(&__member_rules, __name, #index)
    }, p, index)
}

/// First in each turn of a member loop: the member is counted.
pub fn count(cont: &Container) -> TokenStream {
    if !cont.members.counts() {
        return TokenStream::new();
    }
    tpl!({
        __state.__tally.count();
    })
}

/// The arm of a member loop's `match` that takes a forbidden member, given the pattern of its
/// index (`__i`, or `Member::Field(__i)` beside a flattened map): the reader refuses it
/// (`collect` false) or the collection lists it and reads on.
pub fn forbidden_arm(cont: &Container, pattern: TokenStream, collect: bool) -> TokenStream {
    if cont.members.forbidden.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let r = tpl!({#p::rules::MemberRules}, p);
    if collect {
        tpl!({
            #pattern if #r::is_forbidden(__i) => #r::collect_forbidden(&__member_rules, __i, &mut __map, *self.at, &mut __state.__tally, __out)?,
        }, pattern, r)
    } else {
        tpl!({
            #pattern if #r::is_forbidden(__i) => return #p::Err(#r::refuse_forbidden(&__member_rules, __i, *self.at)),
        }, pattern, r, p)
    }
}

/// In the reader's `finish`, once the absent members are filled in: a count out of the
/// bounds refuses the object.
pub fn read(cont: &Container) -> TokenStream {
    if !cont.members.counts() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        #p::rules::MemberRules::refuse::<__E>(&__member_rules, __state.__tally, *__at)?;
    }, p)
}

/// In the collection's finish, once the absent members are listed: a count out of the bounds
/// is listed (the first tokens), and no value is built when it broke or a member was forbidden
/// (the second, once every part held).
pub fn collect(cont: &Container) -> (TokenStream, TokenStream) {
    if cont.members.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    let p = tpl!({ ::authlete_models::__private });
    (
        tpl!({
            let __members_held = #p::rules::MemberRules::collect(&__member_rules, __state.__tally, *__at, __out);
        }, p),
        tpl!({
            if !__members_held {
                return #p::None;
            }
        }, p),
    )
}

/// In `validate()`, after the fields: the members the value writes, counted, and a forbidden
/// name a flattened map holds. Nothing when there is nothing to count and no map (no field,
/// nor a flattened model, may have a forbidden name).
pub fn validate(cont: &Container) -> TokenStream {
    let map = cont
        .flattened
        .iter()
        .any(|f| matches!(f.shape, Shape::Map(_)));
    let names_to_find = map && !cont.members.forbidden.is_empty();
    if !cont.members.counts() && !names_to_find {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        #p::rules::MemberRules::check(&__member_rules, self, __at, __out);
    }, p)
}

/// In the schema, on the object schema `__s` once the flattened models' properties are in:
/// the rules' keywords.
pub fn schema(cont: &Container) -> TokenStream {
    if cont.members.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        let __s = #p::rules::MemberRules::schema(&__member_rules, __s);
    }, p)
}

/// The value of `Flat::NAMES`, given the struct's wire names as written there (`&[...]`):
/// with the rules, a panic that makes flattening the struct a compile error, where only a
/// struct that flattens it evaluates it.
pub fn names(cont: &Container, names: TokenStream) -> TokenStream {
    let Some((key, span)) = cont.members.first else {
        return names;
    };
    let msg = format!(
        "`{}` cannot be flattened: its `{key}` is a rule on an object of its own, and flattened, its members sit in another struct's object; put the rule on the struct that flattens it, or hold `{}` in a field",
        cont.ident, cont.ident
    );
    panic_at(span, &msg)
}

/// The value of `Model::__CLOSED`, given the struct's (`deny_unknown_fields`): with the rules,
/// a panic that makes holding the struct in a variant of an internally tagged enum a compile
/// error, where only that enum evaluates it.
pub fn closed(cont: &Container, deny: bool) -> TokenStream {
    let Some((key, span)) = cont.members.first else {
        return quote!(#deny);
    };
    let msg = format!(
        "`{}` cannot be held by a variant of an enum with `tag`: its `{key}` is a rule on its object, and there its members sit beside the tag, which the rule would not see; name the fields in the variant, or hold `{}` in a field of it",
        cont.ident, cont.ident
    );
    panic_at(span, &msg)
}

fn panic_at(span: Span, msg: &str) -> TokenStream {
    quote_spanned!(span=> ::core::panic!(#msg))
}

/// What a struct with forbidden names that flattens models checks when the program compiles:
/// no model declares one of them. `flat` is each model's `<Model as Flat>` and where its
/// `flatten` is written.
pub fn flat_checks(cont: &Container, models: &[(TokenStream, Span, &str)]) -> TokenStream {
    let forbidden = &cont.members.forbidden;
    if forbidden.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let checks = models.iter().map(|(m, span, name)| {
        let msg = format!(
            "`flatten` on `{name}`: its type declares a member name this struct forbids; remove it from `forbid`, or rename it in the type"
        );
        quote_spanned! {*span=>
            ::core::assert!(!#p::rules::names_clash(&[#(#forbidden),*], #m::NAMES), #msg);
        }
    });
    quote!(#(#checks)*)
}
