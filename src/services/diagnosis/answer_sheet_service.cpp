#include "services/diagnosis/answer_sheet_service.hpp"

#include "core/error.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using namespace diagnosis_detail;

namespace {

struct OpenSheet {
    storage::RespondentRow respondent;
    storage::RoundRow round;
};

[[noreturn]] void throw_link_unusable(const std::string& message) {
    throw core::DomainError(core::ErrorCode::forbidden, message);
}

// Finds the sheet of a token and refuses links that were revoked, have expired or belong to a
// closed round. Every refusal says what happened and whom to ask, in Japanese.
OpenSheet sheet_of(storage::Connection& c, const std::string& token, const std::string& today) {
    if (token.size() < 20 || token.size() > 100) core::throw_not_found("回答用リンク");
    storage::DiagnosisRepository repo(c);
    auto respondent = repo.find_respondent_by_token(sha256_hex(token));
    if (!respondent)
        throw core::DomainError(core::ErrorCode::not_found,
                                "この回答用リンクは無効です。URLをもう一度確認するか、案内した担当"
                                "者にお問い合わせください。");
    if (respondent->revoked_at)
        throw_link_unusable(
            "この回答用リンクは取り消されています。案内した担当者にお問い合わせください。");
    auto round = repo.find_round(respondent->round_id);
    if (respondent->expires_on && *respondent->expires_on < today && !respondent->submitted_at)
        throw_link_unusable("この回答用リンクの有効期限（" + *respondent->expires_on +
                            "）が過ぎています。");
    return OpenSheet{*respondent, *round};
}

void require_answering(const OpenSheet& sheet) {
    if (sheet.respondent.submitted_at)
        throw core::DomainError(core::ErrorCode::conflict,
                                "この回答はすでに提出されています。提出後は変更できません。");
    if (sheet.round.status != "open")
        throw core::DomainError(core::ErrorCode::conflict,
                                "この自社診断の受付は締め切られました。");
}

RequestContext respondent_context(const storage::RespondentRow& row,
                                  const std::string& request_id) {
    auto role = core::diagnosis::parse_respondent_role(row.role).value_or(
        core::diagnosis::RespondentRole::staff);
    std::string who = "回答者（" + std::string(core::diagnosis::label_ja(role)) +
                      (row.name.empty() ? "" : " " + row.name) + "）";
    return RequestContext{core::Actor{0, core::Role::company, std::nullopt, who, std::nullopt},
                          request_id};
}

}  // namespace

AnswerSheet AnswerSheetService::open(const std::string& token) {
    storage::Connection c(env_.db);
    auto sheet = sheet_of(c, token, today(env_));
    const auto& instrument = instrument_of(env_, sheet.round);
    AnswerSheet q{sheet.respondent,
                  sheet.round,
                  "",
                  &instrument,
                  storage::DiagnosisRepository(c).answers_of(sheet.respondent.id),
                  std::nullopt};
    if (auto engagement = storage::EngagementRepository(c).find(sheet.round.engagement_id))
        q.company_name = engagement->company_name;
    if (sheet.respondent.submitted_at) q.result = core::diagnosis::score(instrument, q.answers);
    return q;
}

int AnswerSheetService::save_answer(const std::string& token, int item_no,
                                    const std::string& choice) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto sheet = sheet_of(c, token, today(env_));
    require_answering(sheet);
    const auto& instrument = instrument_of(env_, sheet.round);
    if (!instrument.item(item_no)) core::throw_not_found("診断項目");
    if (!instrument.choice(choice))
        throw core::DomainError(core::ErrorCode::validation, "回答の選択肢が正しくありません。",
                                {{"choice", "選択肢から選んでください。"}});
    storage::DiagnosisRepository repo(c);
    if (!repo.claim_open_sheet(sheet.respondent.id, now))
        throw core::DomainError(core::ErrorCode::conflict,
                                "この回答はすでに提出されています。提出後は変更できません。");
    repo.save_answer(sheet.respondent.id, item_no, choice, now);
    auto answered = repo.answer_count(sheet.respondent.id);
    tx.commit();
    return answered;
}

core::diagnosis::Score AnswerSheetService::submit(const std::string& token,
                                                  const std::string& request_id) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto sheet = sheet_of(c, token, today(env_));
    require_answering(sheet);
    const auto& instrument = instrument_of(env_, sheet.round);
    storage::DiagnosisRepository repo(c);
    auto answers = repo.answers_of(sheet.respondent.id);
    core::DomainError::FieldErrors missing;
    for (const auto& item : instrument.items)
        if (!answers.count(item.no)) missing["items." + std::to_string(item.no)] = "未回答です。";
    if (!missing.empty())
        throw core::DomainError(core::ErrorCode::validation,
                                "未回答の項目が" + std::to_string(missing.size()) +
                                    "件あります。すべて回答してから提出してください。",
                                missing);
    if (!repo.mark_submitted(sheet.respondent.id, now))
        throw core::DomainError(core::ErrorCode::conflict, "この回答はすでに提出されています。");
    auto after = *repo.find_respondent(sheet.respondent.id);
    Change change{core::AuditAction::submit,
                  core::AuditEntity::respondent,
                  after.id,
                  sheet.round.engagement_id,
                  nullptr,
                  snapshot(after)};
    change.after["answers"] = to_json(answers);
    record(c, respondent_context(after, request_id), now, change);
    tx.commit();
    return core::diagnosis::score(instrument, answers);
}

}  // namespace shido::services
