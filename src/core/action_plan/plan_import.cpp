#include <algorithm>
#include <charconv>
#include <map>

#include "core/action_plan/plan_sheet.hpp"
#include "core/office/cell_values.hpp"
#include "core/validation.hpp"

namespace shido::core::action_plan {

namespace {

using office::CellKind;
using office::comparable_text;
using office::SheetCell;

std::string plan_column_name(PlanColumn column) {
    return office::column_letter(static_cast<int>(column));
}

const std::string& plan_header(const PlanSheetForm& form, PlanColumn column) {
    return form.headers.at(static_cast<std::size_t>(static_cast<int>(column) - 1));
}

std::string quoted_choices(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& label : labels) out += "「" + label + "」";
    return out;
}

// Marks people type for ✔ when the list is not used: ✓ レ ○ 〇 1 and TRUE.
bool is_check_mark(const std::string& given, const std::string& check_mark) {
    static const std::string alternatives[] = {"✔", "✓", "レ", "○", "〇", "1", "TRUE", "true"};
    if (given == comparable_text(check_mark)) return true;
    return std::find(std::begin(alternatives), std::end(alternatives), given) !=
           std::end(alternatives);
}

class PlanImportRun {
  public:
    PlanImportRun(const office::SheetCells& sheet, const PlanSheetForm& form,
                  const PlanImportLimits& limits)
        : grid_(office::grid_of(sheet)), form_(form), limits_(limits) {}

    PlanImportOutcome run() {
        refuse_formulas();
        // Another workbook than 様式3: its rows would only give noise.
        if (!check_headers()) return std::move(out_);
        read_rows();
        if (!out_.errors.empty()) out_.measures.clear();
        return std::move(out_);
    }

  private:
    void fail(int row, PlanColumn column, std::string message) {
        out_.errors.push_back({row, plan_column_name(column), std::move(message)});
    }

    const SheetCell* at(int row, int column) const { return office::value_at(grid_, row, column); }
    const SheetCell* at(int row, PlanColumn column) const {
        return at(row, static_cast<int>(column));
    }
    std::string text_at(int row, PlanColumn column) const {
        const auto* cell = at(row, column);
        return cell ? cell->value : std::string();
    }
    std::string comparable_at(int row, PlanColumn column) const {
        return comparable_text(text_at(row, column));
    }

    void refuse_formulas() {
        for (auto& error : office::formula_errors(grid_)) out_.errors.push_back(std::move(error));
    }

    bool header_is(int row, PlanColumn column, const std::string& wanted) {
        if (comparable_at(row, column) == comparable_text(wanted)) return true;
        fail(row, column,
             "見出しが「" + wanted +
                 "」ではありません。様式3（対策実行計画書）のファイルを選んでください。");
        return false;
    }

    bool check_headers() {
        bool ok = true;
        for (int col = 1; col <= plan_column_count; ++col) {
            auto column = static_cast<PlanColumn>(col);
            if (column == PlanColumn::feasibility || column == PlanColumn::deadline) {
                ok = header_is(plan_subheader_row, column, plan_header(form_, column)) && ok;
            } else {
                ok = header_is(plan_header_row, column, plan_header(form_, column)) && ok;
            }
        }
        return header_is(plan_header_row, PlanColumn::feasibility, form_.narrowing_header) && ok;
    }

    // The sources column is only shown, so a row holding nothing else is empty.
    bool row_is_empty(int row) const {
        for (int col = 1; col < static_cast<int>(PlanColumn::sources); ++col) {
            const auto* cell = at(row, col);
            if (cell && !comparable_text(cell->value).empty()) return false;
        }
        return true;
    }

    int last_row() const {
        int last = 0;
        for (const auto& [where, cell] : grid_)
            if (where.second <= plan_column_count) last = std::max(last, where.first);
        return last;
    }

    void read_rows() {
        for (int row = plan_first_data_row; row <= last_row(); ++row) {
            if (row_is_empty(row)) continue;
            if (out_.measures.size() == max_measures) {
                fail(row, PlanColumn::id, "対策は" + std::to_string(max_measures) + "行までです。");
                return;
            }
            out_.measures.push_back(read_row(row));
        }
    }

    Measure read_row(int row) {
        Measure m;
        m.position = static_cast<int>(out_.measures.size()) + 1;
        m.id = id_at(row);
        m.area_key = area_at(row);
        m.situation = text_field(row, PlanColumn::situation, max_measure_text_chars, true);
        m.action = text_field(row, PlanColumn::action, max_measure_text_chars, true);
        m.business_linked = check_at(row);
        m.urgency = level_at(row, PlanColumn::urgency);
        m.importance = level_at(row, PlanColumn::importance);
        m.difficulty = difficulty_at(row);
        m.feasibility = feasibility_at(row);
        m.deadline = deadline_at(row);
        m.concerns = text_field(row, PlanColumn::concerns, max_measure_text_chars, true);
        m.owner = std::string(
            trim_spaces(text_field(row, PlanColumn::owner, max_measure_owner_chars, false)));
        m.progress = progress_at(row);
        return m;
    }

    Id id_at(int row) {
        auto text = comparable_at(row, PlanColumn::id);
        if (text.empty()) return 0;
        long long id = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (ec != std::errc() || end != text.data() + text.size() || !limits_.known_ids.count(id)) {
            fail(row, PlanColumn::id,
                 "管理番号「" + text_at(row, PlanColumn::id) +
                     "」はこの計画にありません。新しい行は管理番号を空欄にしてください。");
            return 0;
        }
        if (!seen_ids_.insert(id).second) {
            fail(row, PlanColumn::id, "管理番号 " + text + " が2回あります。");
            return 0;
        }
        return id;
    }

    std::string area_at(int row) {
        auto given = comparable_at(row, PlanColumn::area);
        std::vector<std::string> labels;
        for (const auto& area : form_.areas) {
            if (given == comparable_text(area.label)) return area.key;
            labels.push_back(area.label);
        }
        fail(row, PlanColumn::area,
             given.empty()
                 ? "改善分野を選んでください（" + quoted_choices(labels) + "）。"
                 : "改善分野「" + text_at(row, PlanColumn::area) + "」は選択肢にありません。" +
                       quoted_choices(labels) + "のどれかを選んでください。");
        return {};
    }

    // The label of one of `labels` (index), nothing for an empty cell; anything else an error.
    std::optional<std::size_t> choice_at(int row, PlanColumn column,
                                         const std::vector<std::string>& labels) {
        auto given = comparable_at(row, column);
        if (given.empty()) return std::nullopt;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (given == comparable_text(labels[i])) return i;
        fail(row, column,
             plan_header(form_, column) + "「" + text_at(row, column) + "」は選択肢にありません。" +
                 quoted_choices(labels) + "のどれかを選んでください。");
        return std::nullopt;
    }

    std::optional<diagnosis::Level> level_at(int row, PlanColumn column) {
        static const diagnosis::Level levels[] = {diagnosis::Level::high, diagnosis::Level::medium,
                                                  diagnosis::Level::low};
        auto index = choice_at(row, column, level_choices());
        return index ? std::optional(levels[*index]) : std::nullopt;
    }

    std::optional<diagnosis::Difficulty> difficulty_at(int row) {
        static const diagnosis::Difficulty values[] = {diagnosis::Difficulty::easy,
                                                       diagnosis::Difficulty::medium,
                                                       diagnosis::Difficulty::hard};
        auto index = choice_at(row, PlanColumn::difficulty, difficulty_choices());
        return index ? std::optional(values[*index]) : std::nullopt;
    }

    std::optional<Feasibility> feasibility_at(int row) {
        auto index = choice_at(row, PlanColumn::feasibility,
                               {form_.feasibility_labels.begin(), form_.feasibility_labels.end()});
        if (!index) return std::nullopt;
        return *index == 0 ? Feasibility::feasible : Feasibility::not_feasible;
    }

    Progress progress_at(int row) {
        auto index = choice_at(row, PlanColumn::progress,
                               {form_.progress_labels.begin(), form_.progress_labels.end()});
        return index ? progress_values[*index] : Progress::not_started;
    }

    bool check_at(int row) {
        const auto* cell = at(row, PlanColumn::business_linked);
        if (!cell) return false;
        if (cell->kind == CellKind::boolean) return cell->value == "1";
        auto given = comparable_text(cell->value);
        if (given.empty()) return false;
        if (is_check_mark(given, form_.check_mark)) return true;
        fail(row, PlanColumn::business_linked,
             plan_header(form_, PlanColumn::business_linked) + "は「" + form_.check_mark +
                 "」か空欄にしてください。");
        return false;
    }

    std::optional<std::string> deadline_at(int row) {
        const auto* cell = at(row, PlanColumn::deadline);
        if (!cell || comparable_text(cell->value).empty()) return std::nullopt;
        auto date = office::date_of_cell(*cell);
        if (!date) {
            fail(row, PlanColumn::deadline, "実施期限は日付（例: 2027-09-30）で入力してください。");
            return std::nullopt;
        }
        if (limits_.earliest_deadline && *date < *limits_.earliest_deadline) {
            fail(row, PlanColumn::deadline,
                 "実施期限 " + *date + " は指導の開始日（" + *limits_.earliest_deadline +
                     "）より前です。");
            return std::nullopt;
        }
        return date;
    }

    std::string text_field(int row, PlanColumn column, std::size_t max, bool paragraphs) {
        auto value = office::unguarded_text(text_at(row, column));
        if (auto problem = text_problem(value, max, paragraphs)) {
            fail(row, column, *problem);
            return {};
        }
        return value;
    }

    office::SheetGrid grid_;
    const PlanSheetForm& form_;
    const PlanImportLimits& limits_;
    std::set<Id> seen_ids_;
    PlanImportOutcome out_;
};

}  // namespace

PlanImportOutcome read_plan_rows(const office::SheetCells& sheet, const PlanSheetForm& form,
                                 const PlanImportLimits& limits) {
    return PlanImportRun(sheet, form, limits).run();
}

}  // namespace shido::core::action_plan
