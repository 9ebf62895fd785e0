#include "core/diagnosis/csv_import.hpp"

#include <charconv>
#include <optional>

#include "core/validation.hpp"

namespace shido::core::diagnosis {

namespace {

using Row = std::vector<std::string>;

struct Line {
    int number = 0;
    Row cells;
};

// RFC 4180: quoted cells may hold commas, quotes ("") and line breaks.
std::vector<Line> split_csv(std::string_view text) {
    std::vector<Line> lines;
    Line current{1, {}};
    std::string cell;
    bool quoted = false;
    int line_number = 1;
    auto end_cell = [&] {
        current.cells.push_back(std::move(cell));
        cell.clear();
    };
    auto end_line = [&] {
        end_cell();
        lines.push_back(std::move(current));
        current = Line{line_number, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                if (ch == '\n') ++line_number;
                cell.push_back(ch);
            }
        } else if (ch == '"' && cell.empty()) {
            quoted = true;
        } else if (ch == ',') {
            end_cell();
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line_number;
            end_line();
        } else {
            cell.push_back(ch);
        }
    }
    if (!cell.empty() || !current.cells.empty()) end_line();
    std::erase_if(lines, [](const Line& l) {
        for (const auto& c : l.cells)
            if (c.find_first_not_of(" \t") != std::string::npos) return false;
        return true;
    });
    return lines;
}

std::string trim(const std::string& text) {
    return std::string(trim_spaces(text));
}

struct Columns {
    int role = -1, name = -1, department = -1;
    std::map<int, int> items;  // item no → column index
};

std::optional<int> as_int(std::string_view text) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<int> item_number(std::string header) {
    for (std::string_view prefix : {"項目", "No.", "No", "Q", "q"})
        if (header.rfind(prefix, 0) == 0) header = header.substr(prefix.size());
    return as_int(header);
}

// Places `index` in `slot` unless the column is already named: with two columns of the same
// name it would be a guess which one counts.
void assign(int& slot, int index, const std::string& name, std::vector<CsvError>& errors) {
    if (slot >= 0) {
        errors.push_back(
            {1, name, "見出し「" + name + "」が2回あります。どちらか一方にしてください。"});
        return;
    }
    slot = index;
}

Columns read_header(const Instrument& instrument, const Row& header,
                    std::vector<CsvError>& errors) {
    Columns columns;
    for (std::size_t i = 0; i < header.size(); ++i) {
        auto name = trim(header[i]);
        int index = static_cast<int>(i);
        if (name == "role" || name == "役割") {
            assign(columns.role, index, name, errors);
        } else if (name == "name" || name == "氏名" || name == "名前") {
            assign(columns.name, index, name, errors);
        } else if (name == "department" || name == "部署") {
            assign(columns.department, index, name, errors);
        } else if (auto no = item_number(name); no && instrument.item(*no)) {
            assign(columns.items.try_emplace(*no, -1).first->second, index, name, errors);
        } else {
            errors.push_back({1, name,
                              "見出し「" + name + "」は使えません。role, name, department, 1〜" +
                                  std::to_string(instrument.items.size()) + " を使ってください。"});
        }
    }
    if (columns.role < 0) errors.push_back({1, "role", "見出しに role（役割）の列がありません。"});
    for (const auto& item : instrument.items)
        if (!columns.items.count(item.no))
            errors.push_back({1, std::to_string(item.no),
                              "見出しに項目" + std::to_string(item.no) + "の列がありません。"});
    return columns;
}

const Choice* read_choice(const Instrument& instrument, const std::string& text) {
    if (auto points = as_int(text)) return instrument.choice_by_points(*points);
    if (const Choice* by_label = instrument.choice_by_label(text)) return by_label;
    return instrument.choice(text);
}

std::string cell_of(const Row& row, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < row.size()
               ? trim(row[static_cast<std::size_t>(index)])
               : "";
}

std::string choices_hint(const Instrument& instrument) {
    std::string hint;
    for (const auto& c : instrument.choices)
        hint += (hint.empty() ? "" : "、") + c.label + "(" + std::to_string(c.points) + ")";
    return hint;
}

void read_row(const Instrument& instrument, const Columns& columns, const Line& line,
              CsvImport& out) {
    Sheet sheet;
    std::size_t errors_before = out.errors.size();
    auto role_text = cell_of(line.cells, columns.role);
    if (auto role = parse_respondent_role(role_text))
        sheet.role = *role;
    else
        out.errors.push_back(
            {line.number, "role",
             "役割「" + role_text + "」は 経営者・管理者・従業員 のいずれかにしてください。"});
    sheet.name = cell_of(line.cells, columns.name);
    sheet.department = cell_of(line.cells, columns.department);
    for (auto [field, value] :
         {std::pair{"name", &sheet.name}, std::pair{"department", &sheet.department}}) {
        if (!is_valid_utf8(*value) || has_control_characters(*value) ||
            utf8_length(*value) > max_name_chars)
            out.errors.push_back(
                {line.number, field,
                 std::to_string(max_name_chars) +
                     "文字以内の文字で入力してください（制御文字は使えません）。"});
    }
    for (const auto& [item_no, index] : columns.items) {
        auto text = cell_of(line.cells, index);
        const Choice* choice = text.empty() ? nullptr : read_choice(instrument, text);
        if (choice) {
            sheet.answers[item_no] = choice->key;
        } else {
            out.errors.push_back({line.number, std::to_string(item_no),
                                  text.empty()
                                      ? "回答がありません。"
                                      : "回答「" + text + "」は使えません。" +
                                            choices_hint(instrument) + "のいずれかです。"});
        }
    }
    if (line.cells.size() > columns.items.size() + 3)
        out.errors.push_back({line.number, "", "列が多すぎます。"});
    if (out.errors.size() == errors_before) out.sheets.push_back(std::move(sheet));
}

}  // namespace

CsvImport parse_answer_csv(const Instrument& instrument, std::string_view text) {
    CsvImport out;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    if (!is_valid_utf8(text)) {
        out.errors.push_back(
            {0, "", "文字コードを判別できません。UTF-8 または Shift_JIS で保存してください。"});
        return out;
    }
    auto lines = split_csv(text);
    if (lines.empty()) {
        out.errors.push_back({1, "", "ファイルが空です。"});
        return out;
    }
    auto columns = read_header(instrument, lines.front().cells, out.errors);
    if (!out.errors.empty()) return out;
    if (lines.size() == 1) out.errors.push_back({2, "", "回答の行がありません。"});
    for (std::size_t i = 1; i < lines.size(); ++i) read_row(instrument, columns, lines[i], out);
    if (!out.errors.empty()) out.sheets.clear();  // all or nothing
    return out;
}

}  // namespace shido::core::diagnosis
