//! The schema's descriptions: the `description` key, or else the doc comment.

use syn::{Attribute, Lit, LitStr};

use super::Attr;

/// The `description` of an item's schema: its `description` key exactly as written (every
/// line, `# ` lines too), or else its doc comment as `docs` reads it.
pub fn description(given: Option<&Attr<LitStr>>, attrs: &[Attribute]) -> Option<String> {
    match given {
        Some(given) => Some(given.value.value()),
        None => docs(attrs),
    }
}

/// The doc comment of an item up to its first section heading (a line starting with `# `, as
/// in `# Examples`), lines joined with `\n`, or `None`.
fn docs(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .take_while(|line| !line.starts_with("# "))
        .collect();
    let text = lines.join("\n").trim().to_owned();
    if text.is_empty() { None } else { Some(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs_of(src: &str) -> Option<String> {
        let item: syn::DeriveInput = syn::parse_str(&format!("{src} struct S;")).unwrap();
        docs(&item.attrs)
    }

    #[test]
    fn joins_the_lines_without_their_leading_space() {
        assert_eq!(
            docs_of("/// First line.  \n///   indented\n#[model(secret)]\n///\n").as_deref(),
            Some("First line.\n  indented")
        );
        assert_eq!(docs_of("#[doc = \"\"] #[model(secret)]"), None);
        assert_eq!(
            docs_of("/// One.\n///\n/// Two.\n///\n/// # Examples\n/// ```\n/// ```\n").as_deref(),
            Some("One.\n\nTwo.")
        );
        assert_eq!(docs_of("/// # Examples\n/// Text.\n"), None);
        assert_eq!(docs_of(""), None);
    }

    #[test]
    fn the_description_key_replaces_the_doc_comment_as_written() {
        let item: syn::DeriveInput = syn::parse_str(
            "/// From the doc comment.\n#[model(description = \" # Config\\n\\n# a comment \")] struct S;",
        )
        .unwrap();
        let mut cx = crate::ctxt::Ctxt::default();
        let given = super::super::container(&mut cx, &item.attrs).description;
        assert!(cx.finish().is_ok());
        assert_eq!(
            description(given.as_ref(), &item.attrs).as_deref(),
            Some(" # Config\n\n# a comment ")
        );
        assert_eq!(
            description(None, &item.attrs).as_deref(),
            Some("From the doc comment.")
        );
    }
}
