//! A struct's presence rules (`required_one_of`, `required_any_of`, `not_all_of`,
//! `requires`): one constant, `__presence`, that the runtime's `rules::Presence` interprets
//! (`rules::PresenceRules` when a rule is `not_all_of`: the same and those rules beside it, so
//! that a struct without one is written as it was before there was `not_all_of`), and a call in
//! each place a value is read, checked or described, given whether each member the rules are
//! about is present (its `Option` is `Some`). A struct without the rules gets none of it: every
//! function here returns no tokens then.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;
use crate::attr::ChoiceKind;

/// The rules' constant: the members they are about (wire names and pointer tokens), and the
/// rules as indexes into them.
pub fn constant(cont: &Container) -> TokenStream {
    let presence = &cont.presence;
    if presence.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let fields = cont.fields();
    let members = presence.members();
    let index = |field: Option<usize>| -> usize {
        let field = field.expect("the check resolves every name");
        members
            .iter()
            .position(|&m| m == field)
            .expect("a member of the rules")
    };
    let names = members.iter().map(|&i| &fields[i].wire);
    let tokens = members.iter().map(|&i| super::pointer_token(&fields[i]));
    let choices = presence.choices.iter().filter(|c| c.kind != ChoiceKind::NotAll).map(|c| {
        let exactly_one = c.kind == ChoiceKind::ExactlyOne;
        let items = c.items.iter().map(|item| {
            let indexes = item.iter().map(|n| index(n.field));
            quote!(&[#(#indexes),*])
        });
        tpl!({#p::rules::Choice { exactly_one: #exactly_one, items: &[#__rep0] }}, p, exactly_one, __rep0 = quote!(#(#items),*))
    });
    let requires = presence.requires.iter().map(|r| {
        let member = index(Some(r.field));
        let needs = r.needs.iter().map(|n| index(n.field));
        tpl!({#p::rules::Requires { member: #member, needs: &[#__rep0] }}, p, member, __rep0 = quote!(#(#needs),*))
    });
    let rules = tpl!({
        #p::rules::Presence {
            names: &[#__rep0],
            tokens: &[#__rep1],
            choices: &[#__rep2],
            requires: &[#__rep3],
        }
    }, p, __rep0 = quote!(#(#names),*), __rep1 = quote!(#(#tokens),*), __rep2 = quote!(#(#choices),*), __rep3 = quote!(#(#requires),*));
    if !presence.has_not_all() {
        return tpl!({
            const __presence: #p::rules::Presence = #rules;
        }, p, rules);
    }
    // Each `not_all_of` with its place among the rules on the object, as written.
    let not_all = presence.choices.iter().enumerate().filter(|(_, c)| c.kind == ChoiceKind::NotAll).map(|(at, c)| {
        let members = c.items.iter().flatten().map(|n| index(n.field));
        tpl!({#p::rules::NotAllOf { at: #at, members: &[#__rep0] }}, p, at, __rep0 = quote!(#(#members),*))
    });
    tpl!({
        const __presence: #p::rules::PresenceRules = #p::rules::PresenceRules {
            presence: #rules,
            not_all_of: &[#__rep0],
        };
    }, p, rules, __rep0 = quote!(#(#not_all),*))
}

/// The runtime type of `__presence`, whose functions the calls name.
fn rules(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    if cont.presence.has_not_all() {
        tpl!({#p::rules::PresenceRules}, p)
    } else {
        tpl!({#p::rules::Presence}, p)
    }
}

/// Whether each member is present, as an array: `of(field)` is the field's `Option`.
fn present(cont: &Container, of: impl Fn(&crate::ast::Field) -> TokenStream) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let fields = cont.fields();
    let each = cont.presence.members().into_iter().map(|i| {
        let option = of(&fields[i]);
        tpl!({#p::Option::is_some(&#option)}, p, option)
    });
    quote!([#(#each),*])
}

/// In `validate()`, after the fields: every broken rule, pushed onto `__out`.
pub fn validate(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let present = present(cont, |f| {
        let member = &f.member;
        quote!(self.#member)
    });
    let rules = rules(cont);
    tpl!({
        #rules::check(&__presence, &#present, __at, __out);
    }, rules, present)
}

/// In the reader's `finish`, once the value `__value` is built: the first broken rule refuses
/// it.
pub fn read(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let present = present(cont, |f| {
        let member = &f.member;
        quote!(__value.#member)
    });
    let rules = rules(cont);
    tpl!({
        #rules::refuse::<__E>(&__presence, &#present, *__at)?;
    }, rules, present)
}

/// In the collection's finish, before the absent members are filled in: whether each member
/// was given, held or not (`__state`'s slot is `Some` then).
pub fn collect_present(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let present = present(cont, |f| {
        let local = super::field_local(f);
        quote!(__state.#local)
    });
    tpl!({
        let __present = #present;
    }, present)
}

/// In the collection's finish, once the absent members are listed: every broken rule, listed
/// whether or not the members held.
pub fn collect(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let rules = rules(cont);
    tpl!({
        let __presence_held = #rules::collect(&__presence, &__present, *__at, __out);
    }, rules)
}

/// In the collection's finish, once every part held: no value when a rule broke.
pub fn collect_held(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        if !__presence_held {
            return #p::None;
        }
    }, p)
}

/// In the schema, on the object schema `__s` before any flattened model's: the rules'
/// keywords.
pub fn schema(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let rules = rules(cont);
    tpl!({
        let __s = #rules::schema(&__presence, __s);
    }, rules)
}
