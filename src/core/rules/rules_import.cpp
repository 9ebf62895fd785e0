#include "core/rules/rules_import.hpp"

#include <charconv>
#include <cmath>
#include <map>

#include "core/office/cell_values.hpp"

namespace shido::core::rules {

namespace {

using office::CellKind;
using office::SheetCell;

std::string column_name(RulesColumn column) {
    return office::column_letter(static_cast<int>(column));
}

class RulesImportRun {
  public:
    RulesImportRun(const office::SheetCells& sheet, const ImportForm& form)
        : grid_(office::grid_of(sheet)), form_(form) {}

    ImportOutcome run() {
        refuse_formulas();
        // Another workbook than 様式2: its rows would only give noise.
        if (!check_headers()) return std::move(out_);
        read_rows();
        if (!out_.errors.empty()) out_.rows.clear();
        return std::move(out_);
    }

  private:
    void fail(int row, RulesColumn column, std::string message) {
        out_.errors.push_back({row, column_name(column), std::move(message)});
    }

    // A cell's value; formulas and error values were reported already and count as empty.
    const SheetCell* at(int row, RulesColumn column) const {
        return office::value_at(grid_, row, static_cast<int>(column));
    }

    std::string text_at(int row, RulesColumn column) const {
        const auto* cell = at(row, column);
        return cell ? cell->value : std::string();
    }

    void refuse_formulas() {
        for (auto& error : office::formula_errors(grid_)) out_.errors.push_back(std::move(error));
    }

    bool check_headers() {
        bool ok = true;
        for (int col = 1; col <= rules_column_count; ++col) {
            const auto* cell = at(rules_header_row, static_cast<RulesColumn>(col));
            const auto& wanted = form_.headers.at(static_cast<std::size_t>(col - 1));
            if (cell && office::comparable_text(cell->value) == office::comparable_text(wanted))
                continue;
            ok = false;
            fail(rules_header_row, static_cast<RulesColumn>(col),
                 "見出しが「" + wanted +
                     "」ではありません。様式2（関連規程類の点検結果シート）のファイルを選んでくださ"
                     "い。");
        }
        return ok;
    }

    bool row_is_empty(int row) const {
        for (int col = 1; col <= rules_column_count; ++col) {
            const auto* cell = at(row, static_cast<RulesColumn>(col));
            if (cell && !office::comparable_text(cell->value).empty()) return false;
        }
        return true;
    }

    int last_row() const {
        int last = 0;
        for (const auto& [where, cell] : grid_)
            if (where.second <= rules_column_count) last = std::max(last, where.first);
        return last;
    }

    void read_rows() {
        const int count = static_cast<int>(form_.category_names.size());
        std::vector<std::optional<RulesRow>> found(static_cast<std::size_t>(count));
        for (int row = rules_header_row + 1; row <= last_row(); ++row) {
            if (row_is_empty(row)) continue;
            auto no = category_no_at(row, count);
            if (!no) continue;
            auto& slot = found[static_cast<std::size_t>(*no - 1)];
            if (slot) {
                fail(row, RulesColumn::no, "No." + std::to_string(*no) + " が2回あります。");
                continue;
            }
            slot = read_row(row, *no);
        }
        for (int no = 1; no <= count; ++no) {
            if (found[static_cast<std::size_t>(no - 1)]) {
                out_.rows.push_back(std::move(*found[static_cast<std::size_t>(no - 1)]));
            } else {
                fail(rules_header_row, RulesColumn::no,
                     "No." + std::to_string(no) + "（" +
                         form_.category_names[static_cast<std::size_t>(no - 1)] +
                         "）の行がありません。");
            }
        }
    }

    std::optional<int> category_no_at(int row, int count) {
        auto text = office::comparable_text(text_at(row, RulesColumn::no));
        int no = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), no);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || no < 1 ||
            no > count) {
            fail(row, RulesColumn::no,
                 "No. には 1〜" + std::to_string(count) + " の番号を入れてください。");
            return std::nullopt;
        }
        auto name = text_at(row, RulesColumn::category);
        if (office::comparable_text(name) !=
            office::comparable_text(form_.category_names[static_cast<std::size_t>(no - 1)])) {
            fail(row, RulesColumn::category,
                 "No." + std::to_string(no) + " の関連規程は「" +
                     form_.category_names[static_cast<std::size_t>(no - 1)] + "」です。");
            return std::nullopt;
        }
        return no;
    }

    RulesRow read_row(int row, int no) {
        RulesRow r;
        r.category_no = no;
        r.category_key = category_key(form_.regulations_id, no);
        r.result = result_at(row);
        r.content = text_field(row, RulesColumn::content, max_content_chars, true);
        r.assignee = std::string(
            trim_spaces(text_field(row, RulesColumn::assignee, max_assignee_chars, false)));
        r.upkeep = text_field(row, RulesColumn::upkeep, max_upkeep_chars, true);
        if (const auto* cell = at(row, RulesColumn::due_date);
            cell && !office::comparable_text(cell->value).empty()) {
            r.due_date = office::date_of_cell(*cell);
            if (!r.due_date)
                fail(row, RulesColumn::due_date,
                     "期限は日付（例: 2027-03-31）で入力してください。");
        }
        return r;
    }

    std::optional<ReviewResult> result_at(int row) {
        const auto* cell = at(row, RulesColumn::result);
        if (!cell) return std::nullopt;
        auto given = office::comparable_text(cell->value);
        if (given.empty()) return std::nullopt;
        for (std::size_t i = 0; i < form_.result_labels.size(); ++i)
            if (given == office::comparable_text(form_.result_labels[i])) return review_results[i];
        std::string choices;
        for (const auto& label : form_.result_labels) choices += "「" + label + "」";
        fail(row, RulesColumn::result,
             "今回の見直し「" + cell->value + "」は選択肢にありません。" + choices +
                 "のどれかを選んでください。");
        return std::nullopt;
    }

    std::string text_field(int row, RulesColumn column, std::size_t max, bool paragraphs) {
        auto value = office::unguarded_text(text_at(row, column));
        if (auto problem = text_problem(value, max, paragraphs)) {
            fail(row, column, *problem);
            return {};
        }
        return value;
    }

    office::SheetGrid grid_;
    const ImportForm& form_;
    ImportOutcome out_;
};

}  // namespace

ImportOutcome read_rules_rows(const office::SheetCells& sheet, const ImportForm& form) {
    return RulesImportRun(sheet, form).run();
}

}  // namespace shido::core::rules
