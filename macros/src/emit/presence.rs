//! A struct's presence rules (`required_one_of`, `required_any_of`, `not_all_of`, `when`,
//! `requires`): one constant, `__presence`, that the runtime's `rules::Presence` interprets
//! (`rules::PresenceRules` when a rule is `not_all_of`: the same and those rules beside it, so
//! that a struct without one is written as it was before there was `not_all_of`; and
//! `rules::WhenRules` when a rule is `when`, likewise), and a call of `rules::PresenceSet`,
//! which all three implement, in each place a value is read, checked or described, given
//! whether each member the rules are about is present (its `Option` is `Some`) and, after
//! those, whether each `when`'s condition holds. A struct without the rules gets none of it:
//! every function here returns no tokens then.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;
use crate::attr::{ChoiceKind, Consequence, VariantValue};

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
    let choices = presence.choices.iter().filter(|c| matches!(c.kind, ChoiceKind::ExactlyOne | ChoiceKind::AtLeastOne)).map(|c| {
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
    if !presence.has_not_all() && !presence.has_when() {
        return tpl!({
            const __presence: #p::rules::Presence = #rules;
        }, p, rules);
    }
    // Each `not_all_of` with its place among the rules on the object, as written.
    let not_all = presence.choices.iter().enumerate().filter(|(_, c)| c.kind == ChoiceKind::NotAll).map(|(at, c)| {
        let members = c.items.iter().flatten().map(|n| index(n.field));
        tpl!({#p::rules::NotAllOf { at: #at, members: &[#__rep0] }}, p, at, __rep0 = quote!(#(#members),*))
    });
    let rules = tpl!({
        #p::rules::PresenceRules {
            presence: #rules,
            not_all_of: &[#__rep0],
        }
    }, p, rules, __rep0 = quote!(#(#not_all),*));
    if !presence.has_when() {
        return tpl!({
            const __presence: #p::rules::PresenceRules = #rules;
        }, p, rules);
    }
    // Each `when` with its place among the rules on the object, as written.
    let when = presence.whens().map(|(at, c, w)| {
        let member = &fields[w.field.field.expect("the check resolves every name")].wire;
        let values = w.values.iter().map(|v| literal(&v.value));
        let required = w.consequence == Consequence::Required;
        let members = c.items.iter().flatten().map(|n| index(n.field));
        tpl!({
            #p::rules::When { at: #at, member: #member, values: &[#__rep0], required: #required, members: &[#__rep1] }
        }, p, at, member, __rep0 = quote!(#(#values),*), required, __rep1 = quote!(#(#members),*))
    });
    tpl!({
        const __presence: #p::rules::WhenRules = #p::rules::WhenRules {
            rules: #rules,
            when: &[#__rep0],
        };
    }, p, rules, __rep0 = quote!(#(#when),*))
}

/// A condition's value as a `Literal` of the runtime.
fn literal(value: &VariantValue) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    match value {
        VariantValue::Str(s) => {
            let s = s.value();
            tpl!({#p::rules::Literal::Str(#s)}, p, s)
        }
        VariantValue::Scalar(scalar) => super::value_enum::scalar_literal(*scalar, &p),
    }
}

/// Whether each member is present, as an array: `of(field)` is the field's `Option`. After
/// them, whether each `when`'s condition holds: `holds(rule, field)` tells it, given the rule
/// (`__presence.when[i]`) and the field its condition reads.
fn present(
    cont: &Container,
    of: impl Fn(&crate::ast::Field) -> TokenStream,
    holds: impl Fn(TokenStream, &crate::ast::Field) -> TokenStream,
) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let fields = cont.fields();
    let each = cont.presence.members().into_iter().map(|i| {
        let option = of(&fields[i]);
        tpl!({#p::Option::is_some(&#option)}, p, option)
    });
    let conditions = cont.presence.whens().enumerate().map(|(i, (_, _, w))| {
        let field = &fields[w.field.field.expect("the check resolves every name")];
        holds(quote!(__presence.when[#i]), field)
    });
    quote!([#(#each),* #(, #conditions)*])
}

/// In `validate()`, after the fields: every broken rule, pushed onto `__out`.
pub fn validate(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let present = present(
        cont,
        |f| {
            let member = &f.member;
            quote!(self.#member)
        },
        |rule, f| {
            let member = &f.member;
            tpl!({#p::rules::When::matches(&#rule, &self.#member)}, p, rule, member)
        },
    );
    tpl!({
        #p::rules::PresenceSet::check(&__presence, &#present, __at, __out);
    }, p, present)
}

/// In the reader's `finish`, once the value `__value` is built: the first broken rule refuses
/// it. (A `when`'s condition reads the field as built: it has no `default`, so a member absent
/// is left `None`, or missing.)
pub fn read(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let present = present(
        cont,
        |f| {
            let member = &f.member;
            quote!(__value.#member)
        },
        |rule, f| {
            let member = &f.member;
            tpl!({#p::rules::When::matches(&#rule, &__value.#member)}, p, rule, member)
        },
    );
    tpl!({
        #p::rules::PresenceSet::refuse::<__E>(&__presence, &#present, *__at)?;
    }, p, present)
}

/// In the collection's finish, before the absent members are filled in: whether each member
/// was given, held or not (`__state`'s slot is `Some` then); a `when`'s condition holds on a
/// member given and held (one its own rule refused is listed already, and its value unknown).
pub fn collect_present(cont: &Container) -> TokenStream {
    if cont.presence.is_empty() {
        return TokenStream::new();
    }
    let p = tpl!({ ::authlete_models::__private });
    let present = present(
        cont,
        |f| {
            let local = super::field_local(f);
            quote!(__state.#local)
        },
        |rule, f| {
            let local = super::field_local(f);
            tpl!({#p::rules::When::matches_read(&#rule, &__state.#local)}, p, rule, local)
        },
    );
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
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        let __presence_held = #p::rules::PresenceSet::collect(&__presence, &__present, *__at, __out);
    }, p)
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
    let p = tpl!({ ::authlete_models::__private });
    tpl!({
        let __s = #p::rules::PresenceSet::schema(&__presence, __s);
    }, p)
}

#[cfg(test)]
mod tests {
    fn expand(src: &str) -> String {
        let input: syn::DeriveInput = syn::parse_str(src).unwrap();
        crate::emit::derive(&input).to_string().replace(' ', "")
    }

    #[test]
    fn a_struct_without_when_keeps_the_rules_type_it_had() {
        let plain = expand(
            "#[model(required_any_of(a, b))] struct A { #[model(not_null)] a: Option<u8>, b: Option<Option<u8>> }",
        );
        assert!(plain.contains("const__presence:::authlete_models::__private::rules::Presence="));
        let not_all = expand(
            "#[model(not_all_of(a, b))] struct A { #[model(not_null)] a: Option<u8>, b: Option<Option<u8>> }",
        );
        assert!(
            not_all.contains("const__presence:::authlete_models::__private::rules::PresenceRules=")
        );
        for out in [&plain, &not_all] {
            assert!(!out.contains("When"), "{out}");
            // Whichever type holds the rules, the calls are the trait's.
            for call in [
                "PresenceSet::check(&__presence,&[",
                "PresenceSet::refuse::<__E>(&__presence,&[",
                "PresenceSet::collect(&__presence,&__present,*__at,__out)",
                "PresenceSet::schema(&__presence,__s)",
            ] {
                let call = format!("::authlete_models::__private::rules::{call}");
                assert!(out.contains(&call), "{call} in {out}");
            }
            // The array of members present, without a slot after them.
            assert!(
                out.contains("(&self.a),::authlete_models::__private::Option::is_some(&self.b)]"),
                "{out}"
            );
        }
    }

    #[test]
    fn each_when_is_a_rule_at_its_place_and_a_condition_after_the_members() {
        let out = expand(
            r#"#[model(required_any_of(a, b), when(k = "x" | 1, required(a)), not_all_of(a, b), when(n = 2.5, not_all(b)))]
            struct A { #[model(not_null)] a: Option<u8>, b: Option<Option<u8>>, k: Option<Kind>, n: f64 }"#,
        );
        assert!(
            out.contains("const__presence:::authlete_models::__private::rules::WhenRules="),
            "{out}"
        );
        assert!(
            out.contains("NotAllOf{at:2usize,members:&[0usize,1usize]}"),
            "{out}"
        );
        assert!(
            out.contains(r#"When{at:1usize,member:"k",values:&[::authlete_models::__private::rules::Literal::Str("x"),::authlete_models::__private::rules::Literal::Int(1)],required:true,members:&[0usize]}"#),
            "{out}"
        );
        assert!(out.contains("When{at:3usize,member:\"n\",values:&[::authlete_models::__private::rules::Literal::Float(2.5)],required:false,members:&[1usize]}"), "{out}");
        // Validating: the members present, then each condition on the value held.
        assert!(
            out.contains("(&self.b),::authlete_models::__private::rules::When::matches(&__presence.when[0usize],&self.k),::authlete_models::__private::rules::When::matches(&__presence.when[1usize],&self.n)]"),
            "{out}"
        );
        // Collecting: on the member given and held.
        assert!(
            out.contains("When::matches_read(&__presence.when[0usize],&__state.__field_k)"),
            "{out}"
        );
        assert!(
            out.contains("When::matches(&__presence.when[1usize],&__value.n)"),
            "{out}"
        );
        assert!(
            out.contains("::authlete_models::__private::rules::PresenceSet::check(&__presence,"),
            "{out}"
        );
    }
}
