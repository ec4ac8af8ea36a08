//! Doc comments, which the schema takes its descriptions from.

use syn::{Attribute, Lit};

/// The doc comment of an item up to its first section heading (a line starting with `# `, as
/// in `# Examples`), lines joined with `\n`, or `None`.
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
}
