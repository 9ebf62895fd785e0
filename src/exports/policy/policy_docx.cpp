#include "exports/markup_escape.hpp"
#include "exports/office/zip_writer.hpp"
#include "exports/policy/policy_exports.hpp"

namespace shido::exports {

namespace {

const char* const policy_content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>)";

const char* const policy_package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>)";

const char* const policy_document_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>)";

// IPAex明朝 (free, installed with shido and LibreOffice) with 游明朝 as the font Word uses where
// IPAex is missing: every run's East Asian font is set, so Word never falls back to a Western
// font for the Japanese text.
const char* const policy_font_table =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="IPAexMincho"><w:altName w:val="游明朝"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="游明朝"><w:altName w:val="Yu Mincho"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>)";

const char* const policy_styles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="IPAexMincho" w:eastAsia="IPAexMincho" w:hAnsi="IPAexMincho" w:cs="IPAexMincho"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ArticleText"><w:name w:val="Article Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="240"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="right"/><w:spacing w:after="0"/></w:pPr></w:style></w:styles>)";

// One paragraph per line of the text (line breaks the person typed are kept as paragraphs).
void policy_paragraphs(std::string& out, const char* style, const std::string& text) {
    std::size_t from = 0;
    while (true) {
        auto end = text.find('\n', from);
        auto line = text.substr(from, end == std::string::npos ? std::string::npos : end - from);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out += std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style +
               "\"/></w:pPr><w:r><w:t "
               "xml:space=\"preserve\">" +
               escape_markup(line) + "</w:t></w:r></w:p>";
        if (end == std::string::npos) break;
        from = end + 1;
    }
}

std::string policy_document_xml(const core::policy::PolicyPrint& p) {
    std::string body;
    policy_paragraphs(body, "Title", p.title);
    policy_paragraphs(body, "Normal", p.preamble);
    for (const auto& a : p.articles) {
        policy_paragraphs(body, "Heading1", a.heading);
        policy_paragraphs(body, "ArticleText", a.text);
    }
    body += "<w:p/>";
    policy_paragraphs(body, "Signature", p.established_line);
    policy_paragraphs(body, "Signature", p.company_name);
    policy_paragraphs(body, "Signature", p.representative_line);
    // A4 (11906 × 16838 twips), margins of 25 mm.
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
           body +
           R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="851" w:gutter="0"/></w:sectPr></w:body></w:document>)";
}

std::string policy_core_properties(const core::policy::PolicyPrint& p) {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>)" +
           escape_markup(p.title) + "</dc:title><dc:creator>" + escape_markup(p.company_name) +
           "</dc:creator><dc:language>ja-JP</dc:language></cp:coreProperties>";
}

}  // namespace

std::string render_policy_docx(const core::policy::PolicyPrint& p) {
    return office::write_zip({{"[Content_Types].xml", policy_content_types},
                              {"_rels/.rels", policy_package_rels},
                              {"word/_rels/document.xml.rels", policy_document_rels},
                              {"word/document.xml", policy_document_xml(p)},
                              {"word/styles.xml", policy_styles},
                              {"word/fontTable.xml", policy_font_table},
                              {"docProps/core.xml", policy_core_properties(p)}});
}

}  // namespace shido::exports
