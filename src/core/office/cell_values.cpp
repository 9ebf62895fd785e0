#include "core/office/cell_values.hpp"

#include <charconv>
#include <cmath>

#include "core/calendar/civil_date.hpp"
#include "core/text/utf8.hpp"
#include "core/validation.hpp"

namespace shido::core::office {

namespace {

// Decodes one code point of valid UTF-8 at `i` and moves past it.
char32_t office_next_code_point(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void office_append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::optional<std::string> date_from_serial(std::string_view number) {
    double serial = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), serial);
    if (ec != std::errc() || end != number.data() + number.size() || std::floor(serial) != serial)
        return std::nullopt;
    // Day 25569 of the 1900 system is 1970-01-01 (Excel's serials count the 1900 leap day).
    if (serial < 36526 || serial > 73415) return std::nullopt;  // 2000-01-01 … 2100-12-31
    return to_string(from_days_since_epoch(static_cast<long long>(serial) - 25569));
}

std::optional<std::string> date_from_text(std::string text) {
    for (auto& ch : text)
        if (ch == '/') ch = '-';
    // 2027-3-1 as well as 2027-03-01
    auto first = text.find('-'), second = text.rfind('-');
    if (first == 4 && second != first && second != std::string::npos) {
        auto pad = [](std::string part) { return part.size() == 1 ? "0" + part : part; };
        text = text.substr(0, 4) + "-" + pad(text.substr(5, second - 5)) + "-" +
               pad(text.substr(second + 1));
    }
    if (!is_valid_date(text)) return std::nullopt;
    return text;
}

}  // namespace

std::string comparable_text(std::string_view text) {
    if (!is_valid_utf8(text)) return std::string(text);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = office_next_code_point(text, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
        if (cp == 0x3000 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') continue;
        office_append_utf8(out, cp);
    }
    return out;
}

std::optional<std::string> date_of_cell(const office::SheetCell& cell) {
    if (cell.kind == CellKind::number) return date_from_serial(cell.value);
    if (cell.kind != CellKind::text) return std::nullopt;
    return date_from_text(comparable_text(cell.value));
}

// The export guards text a spreadsheet could take for a formula with a leading ' (see
// exports::neutralise_cell); reading the file back takes the guard off again, so a round trip
// keeps the text as it was written.
std::string unguarded_text(std::string text) {
    static constexpr std::string_view guarded[] = {"=",  "+",  "-",  "@",  "\t",
                                                   "\r", "＝", "＋", "－", "＠"};
    if (!text.starts_with('\'')) return text;
    std::string_view rest(text);
    rest.remove_prefix(1);
    for (auto g : guarded)
        if (rest.starts_with(g)) return std::string(rest);
    return text;
}

SheetGrid grid_of(const SheetCells& sheet) {
    SheetGrid grid;
    for (const auto& cell : sheet.cells) grid.try_emplace({cell.row, cell.column}, &cell);
    return grid;
}

const SheetCell* value_at(const SheetGrid& grid, int row, int column) {
    auto it = grid.find({row, column});
    if (it == grid.end()) return nullptr;
    const auto kind = it->second->kind;
    return kind == CellKind::formula || kind == CellKind::error ? nullptr : it->second;
}

std::vector<DomainError::Detail> formula_errors(const SheetGrid& grid) {
    std::vector<DomainError::Detail> errors;
    for (const auto& [where, cell] : grid) {
        if (cell->kind != CellKind::formula && cell->kind != CellKind::error) continue;
        errors.push_back({where.first, column_letter(where.second),
                          cell->kind == CellKind::formula
                              ? "数式は取り込めません。値を直接入力してください。"
                              : "エラー値のセルは取り込めません。"});
    }
    return errors;
}

}  // namespace shido::core::office
