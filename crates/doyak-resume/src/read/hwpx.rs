//! HWPX (한글 2014+ OWPML): the sections `Contents/sectionN.xml`, in the
//! order the package's spine gives.
//!
//! Paragraphs `hp:p` (runs' `hp:t`, with `hp:tab`, `hp:lineBreak` and the
//! special spaces inside `hp:t`), tables `hp:tbl` of `hp:tr`/`hp:tc` whose
//! cells hold `hp:subList` paragraphs → [`Block::Table`](super::Block::Table),
//! rows kept. Merged cells stay as 한글 stores them: a cell spanning two
//! rows appears once, in its first row. Headers, footers, notes and hidden
//! comments are not body text; text boxes are.
//!
//! Elements are matched by local name: the `hp`, `hs` prefixes differ
//! between 한글 versions and converters, the names do not.

use quick_xml::Reader;
use quick_xml::escape::unescape;
use quick_xml::events::Event;

use super::archive::Archive;
use super::flow::{self, Dialect};
use super::{Block, ReadError};

/// The package file (OPF) whose manifest and spine order the sections.
pub(super) const PACKAGE: &str = "Contents/content.hpf";
/// The `mimetype` entry of an HWPX package.
pub(super) const MIMETYPE: &str = "application/hwp+zip";
/// ODF-style manifest, which lists `encryption-data` for each encrypted part
/// of a password-protected HWPX.
const MANIFEST: &str = "META-INF/manifest.xml";

const HWPX: Dialect = Dialect {
    skip: &[
        "header",
        "footer",
        "footNote",
        "endNote",
        "hiddenComment",
        // `hp:switch` offers `hp:case` for newer readers and `hp:default`
        // as a fallback copy of the same content.
        "default",
    ],
    inline_parent: "t",
};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut archive = Archive::open(bytes)?;
    if let Some(manifest) = archive.read(MANIFEST)?
        && String::from_utf8_lossy(&manifest).contains("encryption-data")
    {
        return Err(ReadError::Encrypted);
    }
    let names = archive.names();
    let mut sections = match archive.read(PACKAGE)? {
        Some(package) => spine_sections(&package, &names),
        None => Vec::new(),
    };
    if sections.is_empty() {
        sections = numbered_sections(&names);
    }
    if sections.is_empty() {
        return Err(ReadError::broken("HWPX에 본문 구역(section)이 없습니다"));
    }
    let mut blocks = Vec::new();
    for section in sections {
        if let Some(xml) = archive.read(&section)? {
            blocks.extend(flow::walk(&section, &xml, &HWPX)?);
        }
    }
    Ok(blocks)
}

/// The section entries the spine lists, in spine order. The manifest's
/// `href` is usually relative to the archive's root ("Contents/section0.xml")
/// though the package file sits in `Contents/`; both readings are tried.
/// A package that does not parse gives no sections, and the numbered
/// fallback takes over.
fn spine_sections(package: &[u8], names: &[String]) -> Vec<String> {
    let Ok(package) = std::str::from_utf8(package) else {
        return Vec::new();
    };
    let mut reader = Reader::from_str(package);
    let mut manifest: Vec<(String, String)> = Vec::new();
    let mut spine: Vec<String> = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(element) | Event::Empty(element)) => {
                let attribute = |key: &str| {
                    element
                        .attributes()
                        .filter_map(Result::ok)
                        .find_map(|attribute| {
                            (attribute.key.local_name().as_ref() == key)
                                .then(|| unescape(&attribute.value).ok().map(|v| v.into_owned()))
                                .flatten()
                        })
                };
                match element.local_name().as_ref() {
                    "item" => {
                        if let (Some(id), Some(href)) = (attribute("id"), attribute("href")) {
                            manifest.push((id, href));
                        }
                    }
                    "itemref" => spine.extend(attribute("idref")),
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let mut sections = Vec::new();
    for idref in spine {
        let Some((_, href)) = manifest.iter().find(|(id, _)| *id == idref) else {
            continue;
        };
        let candidates = [href.clone(), format!("Contents/{href}")];
        if let Some(name) = candidates
            .into_iter()
            .find(|candidate| section_number(candidate).is_some() && names.contains(candidate))
            && !sections.contains(&name)
        {
            sections.push(name);
        }
    }
    sections
}

/// `Contents/section0.xml`, `Contents/section1.xml` … in numeric order (so
/// section10 comes after section9).
fn numbered_sections(names: &[String]) -> Vec<String> {
    let mut numbered: Vec<(u32, &String)> = names
        .iter()
        .filter(|name| name.starts_with("Contents/"))
        .filter_map(|name| section_number(name).map(|number| (number, name)))
        .collect();
    numbered.sort();
    numbered.into_iter().map(|(_, name)| name.clone()).collect()
}

/// N of a `…/sectionN.xml` entry name.
fn section_number(name: &str) -> Option<u32> {
    let file = name.rsplit('/').next()?;
    file.strip_prefix("section")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_numbered_numerically_not_alphabetically() {
        let names: Vec<String> = [
            "Contents/section10.xml",
            "Contents/section2.xml",
            "Contents/header.xml",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            numbered_sections(&names),
            vec!["Contents/section2.xml", "Contents/section10.xml"],
            "section2 precedes section10; header.xml is not a section"
        );
    }

    #[test]
    fn the_spine_orders_sections_and_skips_other_items() {
        let package = br#"<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>
            <opf:item id="header" href="Contents/header.xml"/>
            <opf:item id="s0" href="Contents/section0.xml"/>
            <opf:item id="s1" href="section1.xml"/>
            </opf:manifest><opf:spine>
            <opf:itemref idref="header"/><opf:itemref idref="s1"/><opf:itemref idref="s0"/>
            </opf:spine></opf:package>"#;
        let names: Vec<String> = [
            "Contents/section0.xml",
            "Contents/section1.xml",
            "Contents/header.xml",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            spine_sections(package, &names),
            vec!["Contents/section1.xml", "Contents/section0.xml"],
            "spine order wins; an href relative to Contents/ is found too"
        );
    }
}
