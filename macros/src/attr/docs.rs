//! Doc comments, which the schema takes its descriptions from.

use syn::{Attribute, Lit};

/// The doc comment of an item, lines joined with `\n`, or `None`.
pub fn docs(attrs: &[Attribute]) -> Option<String> {
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
        assert_eq!(docs_of(""), None);
    }
}
