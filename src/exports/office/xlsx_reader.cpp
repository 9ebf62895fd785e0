#include "exports/office/xlsx_reader.hpp"

#include <expat.h>

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
#include "exports/office/office_archive.hpp"
#include "exports/office/office_xml.hpp"

namespace shido::exports::office {

namespace {

using core::office::CellKind;
using core::office::SheetCell;

[[noreturn]] void xlsx_refuse(const std::string& message) {
    throw core::DomainError(core::ErrorCode::validation, message);
}

constexpr const char* xlsx_not_a_workbook_message =
    "Excel ファイル (.xlsx) ではありません。様式2をダウンロードしたファイルを Excel "
    "で編集し、.xlsx 形式で保存したものを選んでください。";

ArchiveLimits archive_limits_of(const XlsxLimits& limits) {
    return {limits.max_entries, limits.max_entry_bytes, limits.max_total_bytes, limits.max_ratio};
}

using XlsxArchive = OfficeArchive;

[[noreturn]] void xlsx_not_a_workbook() {
    xlsx_refuse(xlsx_not_a_workbook_message);
}

std::string_view xlsx_local_name(const XML_Char* name) {
    return office_local_name(name);
}

const XML_Char* xlsx_attribute(const XML_Char** attributes, std::string_view wanted) {
    for (int i = 0; attributes[i]; i += 2)
        if (xlsx_local_name(attributes[i]) == wanted) return attributes[i + 1];
    return nullptr;
}

constexpr const char* xlsx_malformed =
    "Excel ファイル (.xlsx) の中身が壊れているか、形式が違います。取り込めません。";

using XlsxHandlerBase = OfficeXmlHandler;

template <typename Handler>
void xlsx_parse(const std::string& xml, Handler& handler) {
    parse_office_xml(xml, handler, xlsx_malformed);
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
    XlsxArchive archive(bytes, archive_limits_of(limits), xlsx_not_a_workbook_message);
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
