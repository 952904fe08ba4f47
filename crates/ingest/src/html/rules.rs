//! Which elements break paragraphs, hold no content, or are boilerplate on a page.

use html5ever::local_name;
use html5ever::tokenizer::Tag;
use html5ever::LocalName;

use super::attr;

pub(super) fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area") | local_name!("base") | local_name!("br") | local_name!("col")
            | local_name!("embed") | local_name!("hr") | local_name!("img") | local_name!("input")
            | local_name!("link") | local_name!("meta") | local_name!("param") | local_name!("source")
            | local_name!("track") | local_name!("wbr")
    )
}

pub(super) fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p") | local_name!("div") | local_name!("h1") | local_name!("h2") | local_name!("h3")
            | local_name!("h4") | local_name!("h5") | local_name!("h6") | local_name!("li")
            | local_name!("ul") | local_name!("ol") | local_name!("dl") | local_name!("dt")
            | local_name!("dd") | local_name!("tr") | local_name!("table") | local_name!("section")
            | local_name!("article") | local_name!("main") | local_name!("blockquote")
            | local_name!("pre") | local_name!("figure") | local_name!("figcaption")
            | local_name!("hr") | local_name!("header") | local_name!("footer") | local_name!("aside")
            | local_name!("nav") | local_name!("address") | local_name!("details")
            | local_name!("summary")
    )
}

/// Words in a class, id or role that mark an element as not part of the article.
const BOILERPLATE_WORDS: &[&str] = &[
    "comment", "advert", "banner", "promo", "sidebar", "most-read", "mostread", "most_read",
    "popular", "related", "share", "social", "subscribe", "newsletter", "cookie", "breadcrumb",
    "byline", "navbar", "navigation", "menu", "sponsor", "recommend", "read-also", "readmore",
];

/// True if the element and everything in it is boilerplate on a page.
pub(super) fn is_boilerplate(tag: &Tag) -> bool {
    let by_name = matches!(
        tag.name,
        local_name!("nav") | local_name!("header") | local_name!("footer") | local_name!("aside")
            | local_name!("form") | local_name!("button") | local_name!("select")
            | local_name!("iframe") | local_name!("svg") | local_name!("noscript")
            | local_name!("template") | local_name!("object") | local_name!("canvas")
    );
    if by_name || attr(tag, "hidden").is_some() || attr(tag, "aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = attr(tag, "role") {
        if ["navigation", "banner", "complementary", "contentinfo", "search"]
            .iter()
            .any(|r| role.eq_ignore_ascii_case(r))
        {
            return true;
        }
    }
    ["class", "id"].iter().filter_map(|a| attr(tag, a)).any(|value| {
        value.split_whitespace().any(|token| {
            let token = token.to_ascii_lowercase();
            token == "ad"
                || token == "ads"
                || token.starts_with("ad-")
                || token.starts_with("ads-")
                || token.ends_with("-ad")
                || token.ends_with("-ads")
                || BOILERPLATE_WORDS.iter().any(|w| token.contains(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tokenizer::TagKind;
    use html5ever::{Attribute, QualName, ns};

    fn tag(name: &str, attrs: &[(&str, &str)]) -> Tag {
        Tag {
            kind: TagKind::StartTag,
            name: LocalName::from(name),
            self_closing: false,
            had_duplicate_attributes: false,
            attrs: attrs
                .iter()
                .map(|(k, v)| Attribute { name: QualName::new(None, ns!(), LocalName::from(*k)), value: (*v).into() })
                .collect(),
        }
    }

    #[test]
    fn boilerplate() {
        let check = |name: &str, attrs: &[(&str, &str)], expect: bool| {
            assert_eq!(is_boilerplate(&tag(name, attrs)), expect, "{name} {attrs:?}");
        };
        check("nav", &[], true);
        check("aside", &[], true);
        check("div", &[("class", "ad")], true);
        check("div", &[("class", "wrap ad-slot")], true);
        check("section", &[("id", "comments")], true);
        check("ul", &[("class", "most-read")], true);
        check("div", &[("role", "navigation")], true);
        check("div", &[("aria-hidden", "true")], true);
        check("div", &[("class", "article-body")], false);
        check("div", &[("class", "headline")], false);
        check("p", &[], false);
    }
}
