#!/usr/bin/env python3
"""Writes the HELD-OUT résumé set: files/ and labels.json from src/.

A copy of tests/labelled/make.py (same markup, same label format, same
checks); only the set it reads differs. This set was written after the
engine was tuned and must never be used to tune it.

    python3 make.py          # regenerate files/ and labels.json

Every résumé is invented (no real people: made-up names, 010-0000-xxxx
phones, fake addresses). Each src/NN-name.txt holds a JSON header, a line
`---`, then the résumé's UTF-8 text in a tiny markup:

  | a | b | c        a table row (cells split on " | "; consecutive rows
                     make one table; an empty cell is written "|  |")
  a // b             inside a cell: two paragraphs in the cell
  a ⏎ b              inside a paragraph: a hard line break (w:br,
                     hp:lineBreak); a new line in .txt
  <<<section>>>      .hwpx: start the next section (section1.xml, ...);
                     other formats: a blank line
  a TAB in a line    w:tab / hp:tab in .docx/.hwpx, a tab in .txt

The header says how the file is written and what it holds (the labels):

  "format": "txt" | "docx" | "hwpx"
  "enc":    txt only: "utf-8" | "utf-8-sig" | "utf-16" (LE with BOM) | "cp949"
  "eol":    txt only: "lf" (default) | "crlf"
  "tables": txt only, how a table is flattened: "tsv" (cells joined by a
            tab, default) | "cells" (one cell per line, as PDF text looks)
            | "pipe" (kept as "| a | b |") | "spaces" (cells joined by
            three spaces)
  "runs":   docx/hwpx: "split" cuts paragraphs into several runs (with
            proofErr/bookmarks in docx), as Word and 한글 do
  "sections": six 0/1 digits for 인적사항 학력 경력 자격증 교육훈련 자기소개
  "certs":  [[national name_ko or null, name as written, status], ...]
  "emps":   [[company, title or null, "YYYY-MM", "YYYY-MM" or null], ...]
  "ach":    [clause as written, ...]
  "notes":  the traps in the file

make.py checks every label against the text (names, companies, titles
and achievements must occur in the file's text as written; national names
must be name_ko in assets/refdata/qualifications.csv) and computes
experience_months: for each employment (end or as_of) - start + 1 months,
overlapping months counted once.
"""

import codecs
import csv
import io
import json
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "files")
QUAL = os.path.join(HERE, "..", "..", "..", "..", "assets", "refdata", "qualifications.csv")
AS_OF = "2026-12"
SECTIONS = ["인적사항", "학력", "경력", "자격증", "교육훈련", "자기소개"]
STATUSES = {"held", "written_passed", "planned"}
ZIP_TIME = (2026, 2, 2, 9, 0, 0)
BR = " ⏎ "
SECTION_BREAK = "<<<section>>>"


# ---------------------------------------------------------------- parsing

def parse_source(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        sys.exit(f"{path}: no '---' line after the JSON header")
    meta = json.loads(head)
    blocks = []  # ("p", text) | ("t", rows) | ("s",)
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("|"):
            cells = line[1:].rstrip()
            if cells.endswith(" |"):
                cells = cells[:-2]
            elif cells.endswith("|"):
                cells = cells[:-1]
            row = [c.strip() for c in cells[1:].split(" | ")] if cells.startswith(" ") else [c.strip() for c in cells.split(" | ")]
            if blocks and blocks[-1][0] == "t":
                blocks[-1][1].append(row)
            else:
                blocks.append(("t", [row]))
        elif line.strip() == SECTION_BREAK:
            blocks.append(("s",))
        else:
            blocks.append(("p", line))
    return meta, blocks


# ---------------------------------------------------------------- text

def cell_lines(cell):
    return [c for c in cell.split(" // ")]


def render_text(blocks, tables="tsv"):
    out = []
    for b in blocks:
        if b[0] == "p":
            out.extend(b[1].split(BR))
        elif b[0] == "s":
            out.append("")
        else:
            for row in b[1]:
                if tables == "tsv":
                    out.append("\t".join(" ".join(cell_lines(c)) for c in row))
                elif tables == "spaces":
                    out.append("   ".join(" ".join(cell_lines(c)) for c in row))
                elif tables == "pipe":
                    out.append("| " + " | ".join(" ".join(cell_lines(c)) for c in row) + " |")
                elif tables == "cells":
                    for c in row:
                        out.extend(l for l in cell_lines(c) if l != "")
                else:
                    sys.exit(f"unknown tables mode {tables}")
    return "\n".join(out) + "\n"


def write_txt(path, meta, blocks):
    text = render_text(blocks, meta.get("tables", "tsv"))
    if meta.get("eol") == "crlf":
        text = text.replace("\n", "\r\n")
    enc = meta["enc"]
    if enc == "utf-8":
        data = text.encode("utf-8")
    elif enc == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif enc == "utf-16":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif enc == "cp949":
        data = text.encode("cp949")  # raises on a character CP949 lacks
    else:
        sys.exit(f"{path}: unknown encoding {enc}")
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- zips

def zwrite(z, name, data, stored=False):
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def split_pieces(text, rng, split):
    """The text of one paragraph cut into run pieces."""
    if not split or len(text) < 4:
        return [text]
    cuts = sorted(set(rng.randrange(1, len(text)) for _ in range(rng.randint(1, 3))))
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    return [p for p in pieces if p]


# docx ---------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RPR = '<w:rPr><w:rFonts w:ascii="맑은 고딕" w:eastAsia="맑은 고딕" w:hAnsi="맑은 고딕"/><w:sz w:val="20"/></w:rPr>'


def docx_run_text(text):
    """w:t pieces of one run, tabs as w:tab."""
    parts = text.split("\t")
    xml = []
    for i, part in enumerate(parts):
        if i:
            xml.append("<w:tab/>")
        if part:
            xml.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return "".join(xml)


def docx_para(text, rng, split, bold=False):
    runs = []
    for li, line in enumerate(text.split(BR)):
        if li:
            runs.append(f"<w:r>{RPR}<w:br/></w:r>")
        for pi, piece in enumerate(split_pieces(line, rng, split)):
            if split and pi and rng.random() < 0.3:
                runs.append('<w:proofErr w:type="spellStart"/>')
            if split and pi and rng.random() < 0.1:
                bid = rng.randrange(1000)
                runs.append(f'<w:bookmarkStart w:id="{bid}" w:name="_Hlk{bid}"/><w:bookmarkEnd w:id="{bid}"/>')
            runs.append(f"<w:r>{RPR}{docx_run_text(piece)}</w:r>")
    ppr = '<w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr>'
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def docx_table(rows, rng, split):
    ncols = max(len(r) for r in rows)
    width = 9000 // ncols
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(ncols))
    xml = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for row in rows:
        xml.append("<w:tr>")
        for ci, cell in enumerate(row):
            span = ncols - len(row) + 1 if ci == len(row) - 1 else 1
            tcpr = f'<w:tcPr><w:tcW w:w="{width * span}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            tcpr += "</w:tcPr>"
            paras = "".join(docx_para(l, rng, split) for l in cell_lines(cell))
            xml.append(f"<w:tc>{tcpr}{paras}</w:tc>")
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return "".join(xml)


def write_docx(path, meta, blocks, seed):
    rng = random.Random(seed)
    split = meta.get("runs") == "split"
    body = []
    for b in blocks:
        if b[0] == "p":
            body.append(docx_para(b[1], rng, split))
        elif b[0] == "s":
            body.append(docx_para("", rng, False))
        else:
            body.append(docx_table(b[1], rng, split))
            body.append(docx_para("", rng, False))  # Word keeps a paragraph after a table
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1701" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/>'
        '</w:sectPr></w:body></w:document>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '</Relationships>')
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>이력서</dc:title><dc:creator>user</dc:creator></cp:coreProperties>')
    with zipfile.ZipFile(path, "w") as z:
        zwrite(z, "[Content_Types].xml", content_types)
        zwrite(z, "_rels/.rels", rels)
        zwrite(z, "docProps/core.xml", core)
        zwrite(z, "word/document.xml", document)
        zwrite(z, "word/_rels/document.xml.rels", doc_rels)


# hwpx ---------------------------------------------------------------

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"
HH = "http://www.hancom.co.kr/hwpml/2011/head"
OPF = "http://www.idpf.org/2007/opf/"


class Ids:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


def hwpx_t(text):
    parts = text.split("\t")
    inner = '<hp:tab width="4000" leader="0" type="1"/>'.join(escape(p) for p in parts)
    return f"<hp:t>{inner}</hp:t>"


def hwpx_para(text, rng, split, ids):
    runs = []
    lines = text.split(BR)
    for li, line in enumerate(lines):
        pieces = split_pieces(line, rng, split)
        for pi, piece in enumerate(pieces):
            t = hwpx_t(piece)
            if li < len(lines) - 1 and pi == len(pieces) - 1:
                t = t[:-len("</hp:t>")] + "<hp:lineBreak/></hp:t>"
            runs.append(f'<hp:run charPrIDRef="{rng.choice([0, 0, 1]) if split else 0}">{t}</hp:run>')
    if not runs:
        runs.append('<hp:run charPrIDRef="0"/>')
    seg = ('<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" '
           'baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>')
    return (f'<hp:p id="{ids.next()}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
            f'{"".join(runs)}{seg}</hp:p>')


def hwpx_table(rows, rng, split, ids):
    ncols = max(len(r) for r in rows)
    width = 42520 // ncols
    xml = [f'<hp:p id="{ids.next()}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
           '<hp:run charPrIDRef="0">'
           f'<hp:tbl id="{1000 + ids.next()}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
           'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" '
           f'rowCnt="{len(rows)}" colCnt="{ncols}" cellSpacing="0" borderFillIDRef="1" noAdjust="0">'
           f'<hp:sz width="42520" widthRelTo="ABSOLUTE" height="{1500 * len(rows)}" heightRelTo="ABSOLUTE" protect="0"/>'
           '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" '
           'vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>'
           '<hp:outMargin left="283" right="283" top="283" bottom="283"/>'
           '<hp:inMargin left="510" right="510" top="141" bottom="141"/>']
    for ri, row in enumerate(rows):
        xml.append("<hp:tr>")
        col = 0
        for ci, cell in enumerate(row):
            span = ncols - len(row) + 1 if ci == len(row) - 1 else 1
            paras = "".join(hwpx_para(l, rng, split, ids) for l in cell_lines(cell))
            xml.append(
                '<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="1">'
                '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" '
                'linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">'
                f'{paras}</hp:subList>'
                f'<hp:cellAddr colAddr="{col}" rowAddr="{ri}"/><hp:cellSpan colSpan="{span}" rowSpan="1"/>'
                f'<hp:cellSz width="{width * span}" height="1500"/>'
                '<hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>')
            col += span
        xml.append("</hp:tr>")
    xml.append("</hp:tbl><hp:t/></hp:run></hp:p>")
    return "".join(xml)


SEC_PR = ('<hp:run charPrIDRef="0"><hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" '
          'tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" '
          'textVerticalWidthHead="0" masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/>'
          '<hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
          '<hp:pagePr landscape="WIDELY" width="59528" height="84186" gutterType="LEFT_ONLY">'
          '<hp:margin header="4252" footer="4252" gutter="0" left="8504" right="8504" top="5668" bottom="4252"/>'
          '</hp:pagePr></hp:secPr><hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" '
          'sameSz="1" sameGap="0"/></hp:ctrl></hp:run>')


def write_hwpx(path, meta, blocks, seed):
    rng = random.Random(seed)
    split = meta.get("runs") == "split"
    ids = Ids()
    sections = [[]]
    for b in blocks:
        if b[0] == "s":
            sections.append([])
        elif b[0] == "p":
            sections[-1].append(hwpx_para(b[1], rng, split, ids))
        else:
            sections[-1].append(hwpx_table(b[1], rng, split, ids))
    # the first paragraph of each section carries the section's properties, with no text
    sec_xml = []
    for body in sections:
        first = (f'<hp:p id="{ids.next()}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
                 f'{SEC_PR}<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" '
                 'baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray></hp:p>')
        sec_xml.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>"
            f'<hs:sec xmlns:hp="{HP}" xmlns:hs="{HS}" xmlns:hh="{HH}" '
            'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core">'
            f'{first}{"".join(body)}</hs:sec>')
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        f'<hh:head xmlns:hh="{HH}" xmlns:hp="{HP}" version="1.4" secCnt="{len(sections)}">'
        '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
        '<hh:refList><hh:fontfaces itemCnt="1"><hh:fontface lang="HANGUL" fontCnt="1">'
        '<hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"/></hh:fontface></hh:fontfaces>'
        '<hh:charProperties itemCnt="2"><hh:charPr id="0" height="1000" textColor="#000000" shadeColor="none" '
        'useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="0"/>'
        '<hh:charPr id="1" height="1000" textColor="#000000" shadeColor="none" useFontSpace="0" '
        'useKerning="0" symMark="NONE" borderFillIDRef="0"><hh:bold/></hh:charPr></hh:charProperties>'
        '</hh:refList></hh:head>')
    items = ['<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>']
    items += [f'<opf:item id="section{i}" href="Contents/section{i}.xml" media-type="application/xml"/>'
              for i in range(len(sections))]
    items.append('<opf:item id="settings" href="settings.xml" media-type="application/xml"/>')
    spine = ['<opf:itemref idref="header" linear="yes"/>']
    spine += [f'<opf:itemref idref="section{i}" linear="yes"/>' for i in range(len(sections))]
    hpf = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        f'<opf:package xmlns:opf="{OPF}" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
        'version="" unique-identifier="" id="">'
        '<opf:metadata><opf:title>이력서</opf:title><opf:language>ko</opf:language></opf:metadata>'
        f'<opf:manifest>{"".join(items)}</opf:manifest><opf:spine>{"".join(spine)}</opf:spine></opf:package>')
    container = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
        '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
        '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/>'
        '</ocf:rootfiles></ocf:container>')
    version = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" '
        'major="5" minor="1" micro="0" buildNumber="1" os="1" xmlVersion="1.4" application="Hancom Office Hangul" '
        'appVersion="11, 0, 0, 1234 WIN32LEWindows_10"/>')
    settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
                '<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app">'
                '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>')
    # 한글 keeps the first ~1 KB of the text as a preview; a reader must not read it twice
    preview = render_text(blocks, "pipe")[:1000].replace("\n", "\r\n")
    with zipfile.ZipFile(path, "w") as z:
        zwrite(z, "mimetype", "application/hwp+zip", stored=True)
        zwrite(z, "version.xml", version)
        zwrite(z, "Contents/header.xml", header)
        for i, s in enumerate(sec_xml):
            zwrite(z, f"Contents/section{i}.xml", s)
        zwrite(z, "Preview/PrvText.txt", preview)
        zwrite(z, "settings.xml", settings)
        zwrite(z, "META-INF/container.xml", container)
        zwrite(z, "Contents/content.hpf", hpf)


# ---------------------------------------------------------------- labels

def ym(s):
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"bad month {s!r}")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def experience_months(emps):
    months = set()
    for e in emps:
        a, b = ym(e["start"]), ym(e["end"] or AS_OF)
        months.update(range(a, b + 1))
    return len(months)


def load_national():
    with open(QUAL, encoding="utf-8") as f:
        return {r["name_ko"] for r in csv.DictReader(f)}


def main():
    national = load_national()
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    labels, errors = [], []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        meta, blocks = parse_source(os.path.join(SRC, name))
        fmt = meta["format"]
        rel = f"files/{stem}.{fmt}"
        dest = os.path.join(HERE, rel)
        if fmt == "txt":
            write_txt(dest, meta, blocks)
        elif fmt == "docx":
            write_docx(dest, meta, blocks, stem)
        elif fmt == "hwpx":
            write_hwpx(dest, meta, blocks, stem)
        else:
            errors.append(f"{name}: unknown format {fmt}")
            continue
        text = render_text(blocks, "tsv")
        flat = re.sub(r"\s+", " ", text.replace(BR, " "))

        def present(s, what):
            if s is not None and s not in text and s not in flat:
                errors.append(f"{name}: {what} {s!r} not in the text")

        sec = meta["sections"]
        if len(sec) != 6 or set(sec) - {"0", "1"}:
            errors.append(f"{name}: sections must be six 0/1 digits")
        certs = []
        for nat, cname, status in meta["certs"]:
            if nat is not None and nat not in national:
                errors.append(f"{name}: {nat!r} is not a name_ko of qualifications.csv")
            if status not in STATUSES:
                errors.append(f"{name}: status {status!r}")
            present(cname, "certificate")
            certs.append({"national": nat, "name": cname, "status": status})
        emps = []
        for company, title, start, end in meta["emps"]:
            present(company, "company")
            present(title, "title")
            try:
                if ym(start) > ym(end or AS_OF):
                    errors.append(f"{name}: {company} ends before it starts")
            except ValueError as e:
                errors.append(f"{name}: {e}")
            emps.append({"company": company, "title": title, "start": start, "end": end})
        for a in meta["ach"]:
            present(a, "achievement")
        labels.append({
            "file": rel,
            "as_of": AS_OF,
            "sections": {k: sec[i] == "1" for i, k in enumerate(SECTIONS)},
            "certificates": certs,
            "employments": emps,
            "experience_months": experience_months(emps) if not errors else 0,
            "achievements": meta["ach"],
            "notes": meta["notes"],
        })
    if errors:
        sys.exit("\n".join(errors))
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(labels)} files written")


if __name__ == "__main__":
    main()
