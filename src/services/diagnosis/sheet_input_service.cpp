#include "services/diagnosis/sheet_input_service.hpp"

#include "core/diagnosis/csv_import.hpp"
#include "core/error.hpp"
#include "services/audit/audit_service.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "services/text_encoding.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

storage::RespondentRow SheetInputService::enter_paper(const RequestContext& ctx,
                                                      const EngagementGrant& grant,
                                                      const PaperSheet& sheet) {
    core::Validator v;
    auto role = parse_role_or_fail(v, sheet.role);
    v.optional_text("name", sheet.name, core::max_name_chars);
    v.optional_text("department", sheet.department, core::max_name_chars);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = granted_round(c, grant, EngagementAction::manage_diagnosis);
    auto round_id = round.id;
    require_open(round);
    const auto& instrument = instrument_of(env_, round);
    core::diagnosis::Answers answers;
    for (const auto& item : instrument.items) {
        auto it = sheet.answers.find(std::to_string(item.no));
        if (it == sheet.answers.end())
            v.fail("answers." + std::to_string(item.no), "回答を選んでください。");
        else if (!instrument.choice(it->second))
            v.fail("answers." + std::to_string(item.no), "回答の選択肢が正しくありません。");
        else
            answers[item.no] = it->second;
    }
    for (const auto& [key, value] : sheet.answers)
        if (key.empty() || key.size() > 3 ||
            key.find_first_not_of("0123456789") != std::string::npos ||
            !instrument.item(std::stoi(key)))
            v.fail("answers." + key, "存在しない診断項目です。");
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    auto row = new_respondent(round_id, role, sheet.name, sheet.department, "paper");
    row.submitted_at = now;
    row.id = repo.insert_respondent(row, std::nullopt, now);
    for (const auto& [item_no, choice] : answers) repo.save_answer(row.id, item_no, choice, now);
    auto stored = *repo.find_respondent(row.id);
    Change change{core::AuditAction::enter_paper,
                  core::AuditEntity::respondent,
                  stored.id,
                  round.engagement_id,
                  nullptr,
                  snapshot(stored)};
    change.after["answers"] = to_json(answers);
    record(c, ctx, now, change);
    tx.commit();
    return stored;
}

int SheetInputService::import_csv(const RequestContext& ctx, const EngagementGrant& grant,
                                  std::string_view bytes) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = granted_round(c, grant, EngagementAction::manage_diagnosis);
    auto round_id = round.id;
    require_open(round);
    auto parsed = core::diagnosis::parse_answer_csv(instrument_of(env_, round), to_utf8(bytes));
    if (!parsed.errors.empty()) {
        std::vector<core::DomainError::Detail> details;
        for (const auto& e : parsed.errors) details.push_back({e.row, e.column, e.message});
        // The count is read before the details are moved into the error.
        std::string message = "CSV に誤りがあるため、取り込みませんでした（" +
                              std::to_string(details.size()) + "件）。";
        throw core::DomainError(core::ErrorCode::validation, message, {}, std::move(details));
    }
    storage::DiagnosisRepository repo(c);
    for (const auto& sheet : parsed.sheets) {
        auto row = new_respondent(round_id, sheet.role, sheet.name, sheet.department, "csv");
        row.submitted_at = now;
        row.id = repo.insert_respondent(row, std::nullopt, now);
        for (const auto& [item_no, choice] : sheet.answers)
            repo.save_answer(row.id, item_no, choice, now);
    }
    record(c, ctx, now,
           Change{core::AuditAction::import_csv,
                  core::AuditEntity::diagnosis_round,
                  round_id,
                  round.engagement_id,
                  nullptr,
                  {{"imported", parsed.sheets.size()}}});
    tx.commit();
    return static_cast<int>(parsed.sheets.size());
}

}  // namespace shido::services
