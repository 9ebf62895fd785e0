#include "exports/office/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/text/utf8.hpp"

namespace shido::exports::office {

namespace {

using core::office::CellKind;
using core::office::SheetCell;

[[noreturn]] void xlsx_refuse(const std::string& message) {
    throw core::DomainError(core::ErrorCode::validation, message);
}

[[noreturn]] void xlsx_not_a_workbook() {
    xlsx_refuse(
        "Excel ファイル (.xlsx) ではありません。様式2をダウンロードしたファイルを Excel "
        "で編集し、.xlsx 形式で保存したものを選んでください。");
}

[[noreturn]] void xlsx_too_large(const XlsxLimits& limits) {
    xlsx_refuse("ファイルの展開後の大きさが上限（" +
                std::to_string(limits.max_entry_bytes / (1024 * 1024)) +
                " MiB）を超えているか、圧縮率が異常です。取り込めません。");
}

struct ZipClose {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The archive opened from memory; entries read by name within the limits.
class XlsxArchive {
  public:
    XlsxArchive(std::string_view bytes, const XlsxLimits& limits) : limits_(limits) {
        if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4))
            xlsx_not_a_workbook();
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (!source) xlsx_not_a_workbook();
        archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
        zip_error_fini(&error);
        if (!archive_) {
            zip_source_free(source);
            xlsx_not_a_workbook();
        }
        auto entries = zip_get_num_entries(archive_.get(), 0);
        if (entries < 0 || static_cast<std::size_t>(entries) > limits_.max_entries)
            xlsx_refuse("ファイルに含まれる部品の数が多すぎます。取り込めません。");
        // What the archive declares is checked first (a bomb is refused before any inflating);
        // read() then counts what inflating really produces.
        zip_uint64_t declared = 0;
        for (zip_int64_t i = 0; i < entries; ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
                xlsx_not_a_workbook();
            check_declared(st);
            if (st.valid & ZIP_STAT_SIZE) declared += st.size;
            if (declared > limits_.max_total_bytes) xlsx_too_large(limits_);
        }
    }

    // The entry's bytes, or nullopt when the archive has no such entry.
    std::optional<std::string> read(const std::string& name) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(archive_.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
        check_declared(st);
        std::unique_ptr<zip_file_t, ZipFileClose> file(
            zip_fopen_index(archive_.get(), st.index, 0));
        if (!file) xlsx_not_a_workbook();
        std::string out;
        char buffer[16384];
        for (;;) {
            auto n = zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0) xlsx_not_a_workbook();
            if (n == 0) break;
            out.append(buffer, static_cast<std::size_t>(n));
            total_ += static_cast<std::size_t>(n);
            // Declared sizes are not trusted: the bytes produced count.
            if (out.size() > limits_.max_entry_bytes || total_ > limits_.max_total_bytes)
                xlsx_too_large(limits_);
        }
        if ((st.valid & ZIP_STAT_COMP_SIZE) && out.size() > 1024 * 1024 &&
            out.size() / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio)
            xlsx_too_large(limits_);
        return out;
    }

  private:
    void check_declared(const zip_stat_t& st) const {
        if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_entry_bytes)
            xlsx_too_large(limits_);
        if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
            st.size > 1024 * 1024 &&
            st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio)
            xlsx_too_large(limits_);
    }

    const XlsxLimits& limits_;
    std::unique_ptr<zip_t, ZipClose> archive_;
    std::size_t total_ = 0;
};

std::string_view xlsx_local_name(const XML_Char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* xlsx_attribute(const XML_Char** attributes, std::string_view wanted) {
    for (int i = 0; attributes[i]; i += 2)
        if (xlsx_local_name(attributes[i]) == wanted) return attributes[i + 1];
    return nullptr;
}

constexpr const char* xlsx_malformed =
    "Excel ファイル (.xlsx) の中身が壊れているか、形式が違います。取り込めません。";

// What every part's handler shares. Handlers never throw: expat is C, so a problem is noted
// and the parse stopped, and xlsx_parse() reports it once expat has returned.
struct XlsxHandlerBase {
    bool doctype = false;
    std::optional<std::string> problem;
    void fail(std::string message) {
        if (!problem) problem = std::move(message);
    }
};

template <typename Handler>
struct XlsxParse {
    XML_Parser parser;
    Handler* handler;
    bool stopped() const { return handler->problem || handler->doctype; }
    void stop_if_failed() const {
        if (stopped()) XML_StopParser(parser, XML_FALSE);
    }
};

// One XML part parsed with expat. A document type declaration is refused outright (no
// entities of any kind are needed in Office XML), so no entity expansion can happen.
template <typename Handler>
void xlsx_parse(const std::string& xml, Handler& handler) {
    struct Parser {
        XML_Parser p = XML_ParserCreate(nullptr);
        ~Parser() { XML_ParserFree(p); }
    } parser;
    if (!parser.p) throw std::bad_alloc();
    XlsxParse<Handler> run{parser.p, &handler};
    using Run = XlsxParse<Handler>;
    XML_SetUserData(parser.p, &run);
    XML_SetElementHandler(
        parser.p,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* r = static_cast<Run*>(data);
            if (r->stopped()) return;
            r->handler->start(xlsx_local_name(name), attributes);
            r->stop_if_failed();
        },
        [](void* data, const XML_Char* name) {
            auto* r = static_cast<Run*>(data);
            if (r->stopped()) return;
            r->handler->end(xlsx_local_name(name));
            r->stop_if_failed();
        });
    XML_SetCharacterDataHandler(parser.p, [](void* data, const XML_Char* s, int len) {
        auto* r = static_cast<Run*>(data);
        if (r->stopped()) return;
        r->handler->text(std::string_view(s, static_cast<std::size_t>(len)));
        r->stop_if_failed();
    });
    XML_SetStartDoctypeDeclHandler(
        parser.p, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* r = static_cast<Run*>(data);
            r->handler->doctype = true;
            r->stop_if_failed();
        });
    if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        xlsx_refuse(xlsx_malformed);
    auto status = XML_Parse(parser.p, xml.data(), static_cast<int>(xml.size()), 1);
    if (handler.problem) xlsx_refuse(*handler.problem);
    if (status != XML_STATUS_OK || handler.doctype) xlsx_refuse(xlsx_malformed);
}

// xl/workbook.xml: the relationship id of the first sheet.
struct XlsxWorkbookHandler : XlsxHandlerBase {
    std::optional<std::string> first_sheet_rid;
    void start(std::string_view name, const XML_Char** attributes) {
        if (name != "sheet" || first_sheet_rid) return;
        if (const auto* rid = xlsx_attribute(attributes, "id")) first_sheet_rid = rid;
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

// xl/_rels/workbook.xml.rels: relationship id → target part.
struct XlsxRelsHandler : XlsxHandlerBase {
    std::map<std::string, std::string> targets;
    void start(std::string_view name, const XML_Char** attributes) {
        if (name != "Relationship") return;
        const auto* id = xlsx_attribute(attributes, "Id");
        const auto* target = xlsx_attribute(attributes, "Target");
        if (id && target) targets.emplace(id, target);
    }
    void end(std::string_view) {}
    void text(std::string_view) {}
};

// Text of <t> elements, leaving out phonetic runs (<rPh>): a cell's or a shared string's text.
struct XlsxTextCollector {
    int in_t = 0, in_phonetic = 0;
    std::string value;
    void start(std::string_view name) {
        if (name == "t") ++in_t;
        if (name == "rPh") ++in_phonetic;
    }
    void end(std::string_view name) {
        if (name == "t" && in_t > 0) --in_t;
        if (name == "rPh" && in_phonetic > 0) --in_phonetic;
    }
    void text(std::string_view s) {
        if (in_t > 0 && in_phonetic == 0) value.append(s);
    }
};

struct XlsxSharedStringsHandler : XlsxHandlerBase {
    std::size_t max_strings = 0;
    std::vector<std::string> strings;
    std::optional<XlsxTextCollector> current;
    void start(std::string_view name, const XML_Char**) {
        if (name == "si") {
            if (strings.size() >= max_strings)
                return fail("ファイルの文字列が多すぎます。取り込めません。");
            current.emplace();
        } else if (current) {
            current->start(name);
        }
    }
    void end(std::string_view name) {
        if (!current) return;
        if (name == "si") {
            strings.push_back(std::move(current->value));
            current.reset();
        } else {
            current->end(name);
        }
    }
    void text(std::string_view s) {
        if (current) current->text(s);
    }
};

// "B12" → (12, 2); nullopt when malformed or outside Excel's grid.
std::optional<std::pair<int, int>> xlsx_cell_position(std::string_view ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i)
        col = col * 26 + (ref[i] - 'A' + 1);
    int row = 0;
    auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (i == 0 || ec != std::errc() || end != ref.data() + ref.size() || row < 1 || row > 1048576 ||
        col > 16384)
        return std::nullopt;
    return std::pair{row, col};
}

struct XlsxSheetHandler : XlsxHandlerBase {
    const std::vector<std::string>* shared = nullptr;
    std::size_t max_cells = 0;
    core::office::SheetCells out;

    int row = 0, next_col = 1;
    std::optional<SheetCell> cell;
    std::string type;
    std::string v_text, f_text;
    bool in_v = false, in_f = false, has_f = false;
    std::optional<XlsxTextCollector> inline_text;

    void start(std::string_view name, const XML_Char** attributes) {
        if (name == "row") {
            const auto* r = xlsx_attribute(attributes, "r");
            int n = 0;
            if (r) {
                std::string_view rs(r);
                auto [end, ec] = std::from_chars(rs.data(), rs.data() + rs.size(), n);
                if (ec != std::errc() || end != rs.data() + rs.size() || n < 1 || n > 1048576)
                    return fail(xlsx_malformed);
            }
            row = r ? n : row + 1;
            next_col = 1;
        } else if (name == "c") {
            start_cell(attributes);
        } else if (cell && name == "v") {
            in_v = true;
        } else if (cell && name == "f") {
            in_f = has_f = true;
        } else if (cell && name == "is") {
            inline_text.emplace();
        } else if (inline_text) {
            inline_text->start(name);
        }
    }

    void start_cell(const XML_Char** attributes) {
        if (out.cells.size() >= max_cells)
            return fail("ファイルのセルが多すぎます。取り込めません。");
        cell.emplace();
        if (const auto* r = xlsx_attribute(attributes, "r")) {
            auto pos = xlsx_cell_position(r);
            if (!pos) {
                cell.reset();
                return fail(xlsx_malformed);
            }
            cell->row = pos->first;
            cell->column = pos->second;
        } else {
            cell->row = std::max(row, 1);
            cell->column = next_col;
        }
        next_col = cell->column + 1;
        const auto* t = xlsx_attribute(attributes, "t");
        type = t ? t : "n";
        v_text.clear();
        f_text.clear();
        has_f = false;
        inline_text.reset();
    }

    void end(std::string_view name) {
        if (name == "v") in_v = false;
        if (name == "f") in_f = false;
        if (inline_text && name != "is") inline_text->end(name);
        if (name == "c" && cell) finish_cell();
    }

    void text(std::string_view s) {
        if (in_v) v_text.append(s);
        if (in_f) f_text.append(s);
        if (inline_text) inline_text->text(s);
        if (v_text.size() + f_text.size() > 200000) fail(xlsx_malformed);
    }

    void finish_cell() {
        if (has_f) {
            cell->kind = CellKind::formula;
            cell->value = f_text;
        } else if (type == "s") {
            std::size_t index = 0;
            auto [end, ec] = std::from_chars(v_text.data(), v_text.data() + v_text.size(), index);
            if (ec != std::errc() || end != v_text.data() + v_text.size() ||
                index >= shared->size()) {
                cell.reset();
                return fail(xlsx_malformed);
            }
            cell->value = (*shared)[index];
        } else if (type == "inlineStr") {
            cell->value = inline_text ? inline_text->value : "";
        } else if (type == "str") {
            cell->value = v_text;
        } else if (type == "b") {
            cell->kind = CellKind::boolean;
            cell->value = v_text;
        } else if (type == "e") {
            cell->kind = CellKind::error;
            cell->value = v_text;
        } else {
            cell->kind = CellKind::number;
            cell->value = v_text;
            if (v_text.empty()) {  // a styled empty cell
                cell.reset();
                return;
            }
        }
        out.cells.push_back(std::move(*cell));
        cell.reset();
        inline_text.reset();
    }
};

std::string xlsx_first_sheet_part(XlsxArchive& archive) {
    std::string fallback = "xl/worksheets/sheet1.xml";
    auto workbook = archive.read("xl/workbook.xml");
    if (!workbook) xlsx_not_a_workbook();
    XlsxWorkbookHandler wb;
    xlsx_parse(*workbook, wb);
    auto rels_xml = archive.read("xl/_rels/workbook.xml.rels");
    if (!wb.first_sheet_rid || !rels_xml) return fallback;
    XlsxRelsHandler rels;
    xlsx_parse(*rels_xml, rels);
    auto it = rels.targets.find(*wb.first_sheet_rid);
    if (it == rels.targets.end()) return fallback;
    const auto& target = it->second;
    return target.starts_with("/") ? target.substr(1) : "xl/" + target;
}

}  // namespace

core::office::SheetCells read_xlsx_cells(std::string_view bytes, const XlsxLimits& limits) {
    XlsxArchive archive(bytes, limits);
    auto sheet_part = xlsx_first_sheet_part(archive);
    XlsxSharedStringsHandler strings;
    strings.max_strings = limits.max_cells;
    if (auto xml = archive.read("xl/sharedStrings.xml")) xlsx_parse(*xml, strings);
    auto sheet_xml = archive.read(sheet_part);
    if (!sheet_xml) xlsx_not_a_workbook();
    XlsxSheetHandler sheet;
    sheet.shared = &strings.strings;
    sheet.max_cells = limits.max_cells;
    xlsx_parse(*sheet_xml, sheet);
    for (const auto& cell : sheet.out.cells)
        if (!core::is_valid_utf8(cell.value)) xlsx_refuse(xlsx_malformed);
    return std::move(sheet.out);
}

}  // namespace shido::exports::office
