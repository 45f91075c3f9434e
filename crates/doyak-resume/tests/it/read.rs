//! The file readers on files made the way real ones are: DOCX and HWPX
//! zipped here with real namespaces, PDFs written by the project's own PDF
//! writer (Pretendard subset with ToUnicode, as 한글 and Word embed fonts),
//! and hostile bytes of every kind.

use std::io::Write;

use doyak_resume::read::{Block, Format, MAX_BYTES, ReadError, read_document};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;

fn paragraph(text: &str) -> Block {
    Block::Paragraph(text.to_owned())
}

fn table(rows: &[&[&str]]) -> Block {
    Block::Table(
        rows.iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect(),
    )
}

/// A zip of (name, content) entries, deflated, in the given order.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .expect("start entry");
        writer.write_all(content).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

// ---------------------------------------------------------------- DOCX

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn docx_with_body(body: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

fn w_p(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn w_tbl(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|row| {
            let cells: String = row
                .iter()
                .map(|cell| format!("<w:tc><w:tcPr/>{}</w:tc>", w_p(cell)))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>")
}

fn resume_docx() -> Vec<u8> {
    let body = [
        w_p("이 력 서"),
        // Runs split mid-word, as Word does after spell-checking.
        r#"<w:p><w:r><w:t>이름: 김</w:t></w:r><w:r><w:t>도약</w:t></w:r></w:p>"#.to_owned(),
        w_p("학력"),
        w_tbl(&[
            &["구분", "기간", "학교명"],
            &["입학", "2010.03", "서울공업고등학교"],
            &["졸업", "2013.02", "서울공업고등학교"],
        ]),
        w_p("경력"),
        w_tbl(&[
            &["회사명", "입사일", "퇴사일"],
            &["(주)한빛물류", "2019.06", "2023.12"],
        ]),
        // A content control around the certificates, a tab and a line break.
        r#"<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>자격증</w:t><w:tab/><w:t>지게차운전기능사 2019.05 취득</w:t><w:br/><w:t>정보처리기능사 2021.11 취득</w:t></w:r></w:p></w:sdtContent></w:sdt>"#.to_owned(),
        // Tracked deletion, the old place of moved text and a field code
        // are not text.
        r#"<w:p><w:del><w:r><w:delText>지운 글</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>옮기기 전</w:t></w:r></w:moveFrom><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>자기소개 &amp; 지원동기</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    docx_with_body(&body)
}

#[test]
fn docx_paragraphs_and_tables_come_back_in_order() {
    let document = read_document("김도약_이력서.docx", &resume_docx()).expect("a valid DOCX reads");
    assert_eq!(
        document.format,
        Format::Docx,
        "word/document.xml makes it a DOCX"
    );
    assert_eq!(
        document.blocks,
        vec![
            paragraph("이 력 서"),
            paragraph("이름: 김도약"),
            paragraph("학력"),
            table(&[
                &["구분", "기간", "학교명"],
                &["입학", "2010.03", "서울공업고등학교"],
                &["졸업", "2013.02", "서울공업고등학교"],
            ]),
            paragraph("경력"),
            table(&[
                &["회사명", "입사일", "퇴사일"],
                &["(주)한빛물류", "2019.06", "2023.12"]
            ]),
            paragraph("자격증\t지게차운전기능사 2019.05 취득"),
            paragraph("정보처리기능사 2021.11 취득"),
            paragraph("자기소개 & 지원동기"),
        ],
        "runs join, w:br splits the paragraph, w:tab is a tab, the sdt's content counts, \
         deleted text and field codes do not, the tab-stop definition is not a tab"
    );
}

#[test]
fn docx_nested_table_is_flattened_into_its_cell() {
    let inner = w_tbl(&[&["A사", "2019"], &["B사", "2021"]]);
    let body = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{inner}</w:tc></w:tr></w:tbl>",
        w_p("경력"),
        w_p("상세")
    );
    let document = read_document("nested.docx", &docx_with_body(&body)).expect("reads");
    assert_eq!(
        document.blocks,
        vec![table(&[&["경력", "상세\nA사\n2019\nB사\n2021"]])],
        "the inner table's text stays in the outer cell, one cell a line, in reading order"
    );
}

#[test]
fn a_zip_without_word_document_is_broken_when_named_docx() {
    let bytes = zip(&[("[Content_Types].xml", b"<Types/>")]);
    let error = read_document("이력서.docx", &bytes).expect_err("no main part");
    assert!(
        matches!(error, ReadError::Broken { .. }),
        "a .docx without its body is a damaged DOCX: {error:?}"
    );
    assert_eq!(
        read_document("사진.zip", &bytes),
        Err(ReadError::UnknownFormat),
        "any other zip is not a résumé format"
    );
}

#[test]
fn an_encrypted_docx_is_refused_as_encrypted() {
    // What Word writes for a password-protected DOCX: an OLE2 compound file
    // whose directory names an EncryptionInfo stream (UTF-16LE names).
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.resize(512, 0);
    bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(2048, 0);
    assert_eq!(
        read_document("이력서.docx", &bytes),
        Err(ReadError::Encrypted),
        "the counselor must ask for the file without its password, not hear it is broken"
    );
}

#[test]
fn a_deflate_bomb_entry_is_stopped_at_the_cap() {
    // 51 MB of one repeated byte deflates to about 50 KB: small enough to be
    // under MAX_BYTES, over the 50 MB inflate cap once read.
    let bomb = vec![b' '; 51 * 1024 * 1024];
    let bytes = zip(&[("word/document.xml", bomb.as_slice())]);
    assert!(
        bytes.len() < MAX_BYTES,
        "the bomb must get past the size check to test the cap"
    );
    let error = read_document("bomb.docx", &bytes).expect_err("over the inflate cap");
    assert!(
        matches!(&error, ReadError::Broken { detail } if detail.contains("MB")),
        "inflating stops at the cap and says so: {error:?}"
    );
}

// ---------------------------------------------------------------- HWPX

const HS: &str = "http://www.hancom.co.kr/hwpml/2011/section";
const HP: &str = "http://www.hancom.co.kr/hwpml/2011/paragraph";

fn hp_p(inner_t: &str) -> String {
    format!(
        r#"<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>{inner_t}</hp:t></hp:run><hp:linesegarray><hp:lineseg textpos="0"/></hp:linesegarray></hp:p>"#
    )
}

/// A table anchored in a paragraph, as 한글 stores it, each cell's text in
/// its subList.
fn hp_tbl(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    format!(
                        r#"<hp:tc name="" header="0"><hp:subList id="" textDirection="HORIZONTAL">{}</hp:subList><hp:cellAddr colAddr="{c}" rowAddr="{r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>"#,
                        hp_p(cell)
                    )
                })
                .collect();
            format!("<hp:tr>{cells}</hp:tr>")
        })
        .collect();
    format!(
        r#"<hp:p id="1" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:tbl id="1" rowCnt="{}" colCnt="3"><hp:sz width="1000" height="1000"/>{rows}</hp:tbl><hp:t/></hp:run></hp:p>"#,
        rows.len()
    )
}

fn hwpx_section(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{body}</hs:sec>"#
    )
}

fn hwpx(sections: &[(&str, String)], spine: &[&str]) -> Vec<u8> {
    let items: String = sections
        .iter()
        .map(|(id, _)| {
            format!(
                r#"<opf:item id="{id}" href="Contents/{id}.xml" media-type="application/xml"/>"#
            )
        })
        .collect();
    let itemrefs: String = spine
        .iter()
        .map(|id| format!(r#"<opf:itemref idref="{id}" linear="yes"/>"#))
        .collect();
    let package = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id=""><opf:metadata><opf:title/></opf:metadata><opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>{items}</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>{itemrefs}</opf:spine></opf:package>"#
    );
    let container = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>"#;
    let header = r#"<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"><hh:beginNum page="1"/></hh:head>"#;
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("mimetype".into(), b"application/hwp+zip".to_vec()),
        (
            "META-INF/container.xml".into(),
            container.as_bytes().to_vec(),
        ),
        ("Contents/content.hpf".into(), package.into_bytes()),
        ("Contents/header.xml".into(), header.as_bytes().to_vec()),
    ];
    entries.extend(
        sections
            .iter()
            .map(|(id, xml)| (format!("Contents/{id}.xml"), xml.clone().into_bytes())),
    );
    let entries: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    zip(&entries)
}

fn resume_hwpx() -> Vec<u8> {
    let first = hwpx_section(
        &[
            // The first paragraph carries the section's settings and a header
            // control, which are not body text.
            format!(
                r#"<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:secPr id=""/><hp:ctrl><hp:header id="1" applyPageType="BOTH"><hp:subList>{}</hp:subList></hp:header></hp:ctrl></hp:run><hp:run charPrIDRef="1"><hp:t>이 력 서</hp:t></hp:run></hp:p>"#,
                hp_p("머리말 글")
            ),
            hp_p("이름: 김도약"),
            hp_p("학력"),
            hp_tbl(&[
                &["구분", "기간", "학교명"],
                &["입학", "2010.03", "서울공업고등학교"],
                &["졸업", "2013.02", "서울공업고등학교"],
            ]),
        ]
        .concat(),
    );
    let second = hwpx_section(
        &[
            hp_p("경력"),
            hp_tbl(&[&["회사명", "입사일", "퇴사일"], &["(주)한빛물류", "2019.06", "2023.12"]]),
            hp_p(r#"자격증<hp:tab width="4000" leader="0" type="1"/>지게차운전기능사 2019.05 취득<hp:lineBreak/>정보처리기능사 2021.11 취득"#),
        ]
        .concat(),
    );
    // Written to the zip second section first: only the spine says which
    // comes first.
    hwpx(
        &[("section1", second), ("section0", first)],
        &["section0", "section1"],
    )
}

#[test]
fn hwpx_sections_follow_the_spine_with_tables_as_rows() {
    let document = read_document("김도약_이력서.hwpx", &resume_hwpx()).expect("a valid HWPX reads");
    assert_eq!(
        document.format,
        Format::Hwpx,
        "content.hpf and the mimetype make it HWPX"
    );
    assert_eq!(
        document.blocks,
        vec![
            paragraph("이 력 서"),
            paragraph("이름: 김도약"),
            paragraph("학력"),
            table(&[
                &["구분", "기간", "학교명"],
                &["입학", "2010.03", "서울공업고등학교"],
                &["졸업", "2013.02", "서울공업고등학교"],
            ]),
            paragraph("경력"),
            table(&[
                &["회사명", "입사일", "퇴사일"],
                &["(주)한빛물류", "2019.06", "2023.12"]
            ]),
            paragraph("자격증\t지게차운전기능사 2019.05 취득"),
            paragraph("정보처리기능사 2021.11 취득"),
        ],
        "section0 before section1 as the spine says (not zip order), the header's text left out, \
         hp:tab a tab, hp:lineBreak a new paragraph, each table's cells kept by row"
    );
}

#[test]
fn hwpx_without_a_spine_falls_back_to_section_numbers() {
    let sections: Vec<(String, String)> = (0..11)
        .map(|n| {
            (
                format!("section{n}"),
                hwpx_section(&hp_p(&format!("구역{n}"))),
            )
        })
        .collect();
    let mut entries: Vec<(String, Vec<u8>)> =
        vec![("mimetype".into(), b"application/hwp+zip".to_vec())];
    // Reverse zip order, no content.hpf.
    entries.extend(
        sections
            .iter()
            .rev()
            .map(|(id, xml)| (format!("Contents/{id}.xml"), xml.clone().into_bytes())),
    );
    let entries: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    let document = read_document("a.hwpx", &zip(&entries)).expect("reads by the mimetype");
    let expected: Vec<Block> = (0..11).map(|n| paragraph(&format!("구역{n}"))).collect();
    assert_eq!(
        document.blocks, expected,
        "section10 comes after section9, not after section1"
    );
}

#[test]
fn an_encrypted_hwpx_is_refused_as_encrypted() {
    let manifest = r#"<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data odf:checksum-type="SHA1"/></odf:file-entry></odf:manifest>"#;
    let bytes = zip(&[
        ("mimetype", b"application/hwp+zip"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("Contents/section0.xml", b"\x8f\x13\xa0 ciphertext"),
    ]);
    assert_eq!(
        read_document("이력서.hwpx", &bytes),
        Err(ReadError::Encrypted),
        "한글 lists encryption-data for each encrypted part in the manifest"
    );
}

// ---------------------------------------------------------------- text

const TEXT: &str = "이름: 김도약\r\n\r\n자격증\r\n  지게차운전기능사 2019.05 취득  \r\n";

fn text_blocks() -> Vec<Block> {
    vec![
        paragraph("이름: 김도약"),
        paragraph("자격증"),
        paragraph("지게차운전기능사 2019.05 취득"),
    ]
}

#[test]
fn text_in_every_korean_encoding_reads_the_same() {
    let utf8_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
    let utf16 = |little: bool| -> Vec<u8> {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in TEXT.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    };
    let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(TEXT);
    assert!(!unmappable, "the sample is plain CP949");
    for (label, bytes) in [
        ("UTF-8", TEXT.as_bytes().to_vec()),
        ("UTF-8 BOM", utf8_bom),
        ("UTF-16LE", utf16(true)),
        ("UTF-16BE", utf16(false)),
        ("CP949", cp949.into_owned()),
    ] {
        let document = read_document("이력서.txt", &bytes)
            .unwrap_or_else(|error| panic!("{label} must read: {error:?}"));
        assert_eq!(document.format, Format::Text, "{label}");
        assert_eq!(
            document.blocks,
            text_blocks(),
            "{label}: one trimmed paragraph a line, blank lines dropped"
        );
    }
}

#[test]
fn text_in_an_unknown_encoding_names_the_line() {
    let mut bytes = "이름\n경력\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFF\n");
    assert_eq!(
        read_document("이력서.txt", &bytes),
        Err(ReadError::UnknownEncoding { line: 3 }),
        "0xFF 0xFF is neither UTF-8 nor CP949, on the third line"
    );
}

#[test]
fn empty_and_blank_files_have_no_text() {
    for (label, bytes) in [
        ("empty", b"".as_slice()),
        ("whitespace", b" \r\n\t\n   \n".as_slice()),
        (
            "digits and punctuation",
            b"2019.05 - 010-1234-5678\n".as_slice(),
        ),
    ] {
        assert_eq!(
            read_document("이력서.txt", bytes),
            Err(ReadError::NoText),
            "{label}: nothing a counselor could read"
        );
    }
    assert_eq!(
        read_document("빈문서.docx", &docx_with_body(&w_p("   "))),
        Err(ReadError::NoText),
        "a DOCX with only blank paragraphs has no text either"
    );
}

#[test]
fn files_over_the_limit_are_refused_before_parsing() {
    let bytes = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        read_document("큰파일.txt", &bytes),
        Err(ReadError::TooLarge {
            size: MAX_BYTES + 1,
            limit: MAX_BYTES
        }),
        "one byte over the limit is too large, and the error names both sizes"
    );
}

// ---------------------------------------------------------------- PDF

const PDF_LINES: [&str; 6] = [
    "이름: 김도약",
    "학력: 서울공업고등학교 2010.03 입학, 2013.02 졸업",
    "경력: (주)한빛물류 2019.06 입사, 2023.12 퇴사",
    "지게차운전기능사 2019.05 취득",
    "정보처리기능사 2021.11 취득",
    "똠방각하 뷁 쀍 힣 갂",
];

fn resume_pdf() -> Vec<u8> {
    let document = doyak_report::Document {
        title: "이력서".into(),
        subtitle: None,
        meta: Vec::new(),
        blocks: PDF_LINES
            .iter()
            .map(|line| doyak_report::Block::Paragraph((*line).into()))
            .collect(),
        footer: "도약".into(),
    };
    doyak_report::render_pdf(&document).expect("the report writer renders")
}

#[test]
fn pdf_text_layer_gives_every_hangul_line() {
    let document =
        read_document("이력서.pdf", &resume_pdf()).expect("a PDF with a text layer reads");
    assert_eq!(document.format, Format::Pdf);
    let paragraphs: Vec<&str> = document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => text.as_str(),
            Block::Table(_) => panic!("PDF tables are never guessed: {block:?}"),
        })
        .collect();
    let mut position = 0;
    for line in PDF_LINES {
        let found = paragraphs[position..]
            .iter()
            .position(|paragraph| *paragraph == line)
            .unwrap_or_else(|| panic!("{line:?} must come back exactly, in order: {paragraphs:?}"));
        position += found + 1;
    }
}

/// A one-page PDF with the given content stream and extra trailer entries,
/// with a correct cross-reference table. Objects from 5 on are
/// `extra_objects`.
fn minimal_pdf(content: &str, extra_objects: &[&str], extra_trailer: &str) -> Vec<u8> {
    minimal_pdf_with(content, "", extra_objects, extra_trailer)
}

/// [`minimal_pdf`] with the page's resource dictionary's content.
fn minimal_pdf_with(
    content: &str,
    resources: &str,
    extra_objects: &[&str],
    extra_trailer: &str,
) -> Vec<u8> {
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << {resources} >> >>"
    );
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        page,
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
    ];
    objects.extend(extra_objects.iter().map(|object| (*object).to_owned()));
    let mut bytes = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(bytes.len());
        bytes.extend(format!("{} 0 obj\n{object}\nendobj\n", index + 1).into_bytes());
    }
    let xref = bytes.len();
    bytes.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        bytes.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    bytes.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra_trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    bytes
}

#[test]
fn a_scanned_pdf_has_no_text() {
    for (label, content) in [
        ("empty page", ""),
        ("a drawn rectangle", "0 0 1 rg 100 100 200 300 re f"),
    ] {
        assert_eq!(
            read_document("스캔.pdf", &minimal_pdf(content, &[], "")),
            Err(ReadError::NoText),
            "{label}: pages without a text layer are what a scan looks like"
        );
    }
}

#[test]
fn a_pdf_with_an_encrypt_dictionary_no_password_opens_is_encrypted() {
    // A standard security handler whose user password is not empty: the
    // O and U strings do not match the empty password.
    let encrypt = "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 \
                   /O <0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20> \
                   /U <2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40> >>";
    let bytes = minimal_pdf(
        "BT /F1 12 Tf 72 720 Td (secret) Tj ET",
        &[encrypt],
        "/Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
    );
    assert_eq!(
        read_document("이력서.pdf", &bytes),
        Err(ReadError::Encrypted),
        "a PDF that needs a password to open must say so, not that it is empty or broken"
    );
}

/// The résumé PDF encrypted by lopdf with RC4 128-bit (what "문서 암호"
/// in most PDF printers writes).
fn encrypted_resume_pdf(owner_password: &str, user_password: &str) -> Vec<u8> {
    let mut document = lopdf::Document::load_mem(&resume_pdf()).expect("our own PDF loads");
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &document,
        owner_password,
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    })
    .expect("RC4 128 parameters");
    document.encrypt(&state).expect("encrypts");
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("saves");
    bytes
}

#[test]
fn a_pdf_that_needs_a_password_is_encrypted() {
    assert_eq!(
        read_document("이력서.pdf", &encrypted_resume_pdf("owner", "1234")),
        Err(ReadError::Encrypted),
        "without the user password there is no text to read, and the counselor must be told why"
    );
}

#[test]
fn a_pdf_protected_only_against_copying_is_read() {
    let document = read_document("이력서.pdf", &encrypted_resume_pdf("owner", ""))
        .expect("an empty user password opens the file, as in every viewer");
    assert!(
        document
            .blocks
            .contains(&paragraph("지게차운전기능사 2019.05 취득")),
        "the decrypted text layer is the same as the plain one: {:?}",
        document.blocks
    );
}

// ---------------------------------------------------------------- hostile bytes

#[test]
fn damaged_files_are_broken_never_a_panic() {
    let docx = resume_docx();
    let hwpx = resume_hwpx();
    let pdf = resume_pdf();
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    for (label, name, bytes) in [
        ("random bytes named .docx", "a.docx", random.clone()),
        ("random bytes named .pdf", "a.pdf", random.clone()),
        ("random bytes named .hwpx", "a.hwpx", random),
        ("truncated docx", "a.docx", docx[..docx.len() / 2].to_vec()),
        ("truncated hwpx", "a.hwpx", hwpx[..hwpx.len() / 2].to_vec()),
        ("truncated pdf", "a.pdf", pdf[..pdf.len() / 3].to_vec()),
    ] {
        let result = read_document(name, &bytes);
        assert!(
            matches!(result, Err(ReadError::Broken { .. })),
            "{label}: a damaged file is reported as damaged so the counselor asks again: {result:?}"
        );
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    // A stack overflow aborts the process, which catch_unwind cannot catch:
    // every parser must bound its recursion or not recurse.
    let depth = 200_000;
    let arrays = minimal_pdf(
        &format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        &[],
        "",
    );
    let dictionaries = minimal_pdf("", &[&"<< /A ".repeat(depth)], "");
    let strings = minimal_pdf(&format!("BT {}", "(".repeat(depth)), &[], "");
    for bytes in [arrays, dictionaries, strings] {
        // Reaching the next line is the assertion: any answer but an abort.
        let _ = read_document("a.pdf", &bytes);
    }
    let xml = format!(
        "{}{}{}",
        "<w:tbl>".repeat(depth),
        w_p("안쪽"),
        "</w:tbl>".repeat(depth)
    );
    assert_eq!(
        read_document("a.docx", &docx_with_body(&xml)).map(|document| document.blocks),
        Ok(vec![table(&[&["안쪽"]])]),
        "the XML walker keeps its own stack: 200,000 nested tables flatten into one cell"
    );
}

#[test]
fn an_hwp5_file_is_refused_with_advice() {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.resize(1024, 0);
    assert_eq!(
        read_document("이력서.hwp", &bytes),
        Err(ReadError::HwpUnsupported),
        "no permissive HWP 5 reader is used yet; the message says to save as HWPX or PDF"
    );
}

/// The valid DOCX, HWPX and PDF, built once for all the mutations.
fn fixtures() -> &'static [(&'static str, Vec<u8>); 3] {
    static FIXTURES: std::sync::OnceLock<[(&str, Vec<u8>); 3]> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(|| {
        [
            ("a.docx", resume_docx()),
            ("a.hwpx", resume_hwpx()),
            ("a.pdf", resume_pdf()),
        ]
    })
}

/// A fixture with some bytes overwritten and perhaps cut short.
fn mutated(mut bytes: Vec<u8>, edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    for &(at, byte) in edits {
        let at = at % bytes.len();
        bytes[at] = byte;
    }
    if let Some(cut) = cut {
        bytes.truncate(cut % (bytes.len() + 1));
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in "[a-z]{0,3}\\.(txt|docx|hwpx|hwp|pdf|bin)") {
        let _ = read_document(&name, &bytes);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0..3usize,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let (name, bytes) = &fixtures()[which];
        // Ok or any error: what matters is that a hostile file cannot take
        // the desk down.
        let _ = read_document(name, &mutated(bytes.clone(), &edits, cut));
    }
}
