#include "exports/office/docx_reader.hpp"

#include "core/text/utf8.hpp"
#include "exports/office/office_xml.hpp"

namespace shido::exports::office {

namespace {

constexpr const char* docx_not_a_document =
    "Word ファイル (.docx) ではありません。Word で開いて「.docx」形式で保存したものを選ぶか、"
    "本文をコピーして貼り付けてください。";
constexpr const char* docx_malformed =
    "Word ファイル (.docx) の中身が壊れているか、形式が違います。読み込めません。";

// Collects the runs' text (<w:t>) paragraph by paragraph (<w:p>), skipping deleted text
// (<w:delText> is another element, so it is never collected) and field codes (<w:instrText>).
struct DocxTextHandler : OfficeXmlHandler {
    std::string out;
    bool in_text = false;
    bool in_body = false;

    void start(std::string_view name, const XML_Char**) {
        if (name == "body") in_body = true;
        if (!in_body) return;
        if (name == "t") in_text = true;
        if (name == "tab") out += '\t';
        if (name == "br" || name == "cr") out += '\n';
    }
    void end(std::string_view name) {
        if (name == "t") in_text = false;
        if (name == "p" && in_body) out += '\n';
        if (name == "tc" && in_body && !out.empty() && out.back() != '\n') out += '\n';
        if (name == "body") in_body = false;
    }
    void text(std::string_view chars) {
        if (in_text) out.append(chars);
    }
};

}  // namespace

std::string read_docx_text(std::string_view bytes, const ArchiveLimits& limits) {
    OfficeArchive archive(bytes, limits, docx_not_a_document);
    auto document = archive.read("word/document.xml");
    if (!document) archive.refuse_as_other_kind();
    DocxTextHandler handler;
    parse_office_xml(*document, handler, docx_malformed);
    if (!core::is_valid_utf8(handler.out)) refuse_upload(docx_malformed);
    while (!handler.out.empty() && handler.out.back() == '\n') handler.out.pop_back();
    return handler.out;
}

}  // namespace shido::exports::office
