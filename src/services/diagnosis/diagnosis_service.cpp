#include "services/diagnosis/diagnosis_service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/diagnosis/csv_import.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "services/text_encoding.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

namespace diagnosis_detail {

void authorise_engagement(storage::Connection& c, const RequestContext& ctx, core::Id engagement_id,
                          EngagementAction action) {
    auto scope = storage::EngagementRepository(c).scope_of(engagement_id);
    if (!scope) core::throw_not_found("指導案件");
    if (!core::may(ctx.actor, action, *scope))
        throw core::DomainError(core::ErrorCode::forbidden,
                                "この指導案件の自社診断を扱う権限がありません。");
}

storage::RoundRow authorised_round(storage::Connection& c, const RequestContext& ctx,
                                   core::Id round_id, EngagementAction action) {
    auto round = storage::DiagnosisRepository(c).find_round(round_id);
    if (!round) core::throw_not_found("自社診断の回");
    authorise_engagement(c, ctx, round->engagement_id, action);
    return *round;
}

const core::diagnosis::Instrument& instrument_of(const ServiceEnv& env,
                                                 const storage::RoundRow& round) {
    const auto* instrument = env.content.instrument(round.instrument_id);
    if (!instrument)
        throw std::runtime_error("instrument " + round.instrument_id + " is not loaded");
    return *instrument;
}

void require_open(const storage::RoundRow& round) {
    if (round.status != "open")
        throw core::DomainError(core::ErrorCode::conflict,
                                "この回の自社診断は締め切られています。");
}

void throw_link_unusable(const std::string& message) {
    throw core::DomainError(core::ErrorCode::forbidden, message);
}

}  // namespace diagnosis_detail

namespace {

constexpr std::size_t max_round_name_chars = 50;
constexpr int max_links_per_request = 100;

core::diagnosis::RespondentRole parse_role_or_fail(core::Validator& v, const std::string& text) {
    auto role = core::diagnosis::parse_respondent_role(text);
    if (!role) v.fail("role", "回答者の立場は 経営者・管理者・従業員 のいずれかを選んでください。");
    return role.value_or(core::diagnosis::RespondentRole::staff);
}

storage::RespondentRow new_respondent(core::Id round_id, core::diagnosis::RespondentRole role,
                                      std::string name, std::string department,
                                      std::string source) {
    storage::RespondentRow row;
    row.round_id = round_id;
    row.role = std::string(core::diagnosis::to_string(role));
    row.name = std::move(name);
    row.department = std::move(department);
    row.source = std::move(source);
    return row;
}

Change respondent_change(const std::string& action, const storage::RespondentRow& row,
                         core::Id engagement_id, const std::string& today) {
    return Change{action, "respondent", row.id, engagement_id, nullptr, to_json(row, today)};
}

}  // namespace

std::string DiagnosisService::today() const {
    return core::date_in_japan(env_.now());
}

std::string answer_url(const std::string& base_url, const std::string& token) {
    return base_url + "/a/" + token;
}

std::string respondent_status(const storage::RespondentRow& row, const std::string& today) {
    if (row.revoked_at) return "revoked";
    if (row.submitted_at) return "submitted";
    if (row.expires_on && *row.expires_on < today) return "expired";
    return row.answered_count > 0 ? "answering" : "invited";
}

std::vector<storage::RoundRow> DiagnosisService::list_rounds(const RequestContext& ctx,
                                                             core::Id engagement_id) {
    storage::Connection c(env_.db);
    authorise_engagement(c, ctx, engagement_id, EngagementAction::manage_diagnosis);
    return storage::DiagnosisRepository(c).list_rounds(engagement_id);
}

storage::RoundRow DiagnosisService::open_round(const RequestContext& ctx, core::Id engagement_id,
                                               const std::string& name) {
    core::Validator v;
    v.require_text("name", name, max_round_name_chars);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    authorise_engagement(c, ctx, engagement_id, EngagementAction::manage_diagnosis);
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    auto id = repo.insert_round(engagement_id, env_.content.current_instrument().id, name, now);
    auto round = *repo.find_round(id);
    record(c, ctx, now,
           Change{"create", "diagnosis_round", id, engagement_id, nullptr, to_json(round)});
    tx.commit();
    return round;
}

RoundDetail DiagnosisService::round(const RequestContext& ctx, core::Id round_id) {
    storage::Connection c(env_.db);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    return RoundDetail{round, &instrument_of(env_, round),
                       storage::DiagnosisRepository(c).list_respondents(round_id)};
}

storage::RoundRow DiagnosisService::update_round(const RequestContext& ctx, core::Id round_id,
                                                 const std::optional<std::string>& name,
                                                 const std::optional<std::string>& status) {
    core::Validator v;
    if (name) v.require_text("name", *name, max_round_name_chars);
    if (status && *status != "open" && *status != "closed")
        v.fail("status", "状態は open（受付中）か closed（締切）です。");
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    repo.update_round(round_id, name.value_or(before.name), status.value_or(before.status), now);
    auto after = *repo.find_round(round_id);
    if (after.name != before.name || after.status != before.status)
        record(c, ctx, now,
               Change{"update", "diagnosis_round", round_id, before.engagement_id, to_json(before),
                      to_json(after)});
    tx.commit();
    return after;
}

std::vector<IssuedLink> DiagnosisService::invite(const RequestContext& ctx, core::Id round_id,
                                                 const Invite& in) {
    core::Validator v;
    auto role = parse_role_or_fail(v, in.role);
    v.optional_text("name", in.name, core::max_name_chars);
    v.optional_text("department", in.department, core::max_name_chars);
    if (in.count) v.int_range("count", *in.count, 1, max_links_per_request);
    if (in.expires_on) {
        v.date("expires_at", *in.expires_on);
        if (core::is_valid_date(*in.expires_on) && *in.expires_on < today())
            v.fail("expires_at", "有効期限には今日以降の日付を指定してください。");
    }
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    require_open(round);
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    std::vector<IssuedLink> links;
    int count = in.count.value_or(1);
    for (int i = 0; i < count; ++i) {
        // N links are anonymous: a name would identify the person they are meant to protect.
        auto row = new_respondent(round_id, role, in.count ? "" : in.name, in.department, "link");
        row.expires_on = in.expires_on;
        IssuedLink link{row, random_token(24)};
        link.respondent.id = repo.insert_respondent(row, sha256_hex(link.token), now);
        link.respondent = *repo.find_respondent(link.respondent.id);
        record(c, ctx, now,
               respondent_change("invite", link.respondent, round.engagement_id, today()));
        links.push_back(std::move(link));
    }
    tx.commit();
    return links;
}

storage::RespondentRow DiagnosisService::revoke(const RequestContext& ctx, core::Id respondent_id) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::DiagnosisRepository repo(c);
    auto before = repo.find_respondent(respondent_id);
    if (!before) core::throw_not_found("回答者");
    auto round = authorised_round(c, ctx, before->round_id, EngagementAction::manage_diagnosis);
    if (before->revoked_at) return *before;
    repo.revoke(respondent_id, now);
    auto after = *repo.find_respondent(respondent_id);
    record(c, ctx, now,
           Change{"revoke", "respondent", respondent_id, round.engagement_id,
                  to_json(*before, today()), to_json(after, today())});
    tx.commit();
    return after;
}

IssuedLink DiagnosisService::reissue(const RequestContext& ctx, core::Id respondent_id) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::DiagnosisRepository repo(c);
    auto row = repo.find_respondent(respondent_id);
    if (!row) core::throw_not_found("回答者");
    auto round = authorised_round(c, ctx, row->round_id, EngagementAction::manage_diagnosis);
    require_open(round);
    if (row->source != "link" || row->revoked_at || row->submitted_at)
        throw core::DomainError(
            core::ErrorCode::conflict,
            "取り消し済み・提出済み、または紙や CSV で入力した回答者のリンクは再発行できません。");
    IssuedLink link{*row, random_token(24)};
    repo.set_token(respondent_id, sha256_hex(link.token), now);
    record(c, ctx, now, respondent_change("reissue_link", *row, round.engagement_id, today()));
    tx.commit();
    return link;
}

storage::RespondentRow DiagnosisService::enter_paper(const RequestContext& ctx, core::Id round_id,
                                                     const PaperSheet& sheet) {
    core::Validator v;
    auto role = parse_role_or_fail(v, sheet.role);
    v.optional_text("name", sheet.name, core::max_name_chars);
    v.optional_text("department", sheet.department, core::max_name_chars);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
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
    auto change = respondent_change("enter_paper", stored, round.engagement_id, today());
    change.after["answers"] = to_json(answers);
    record(c, ctx, now, change);
    tx.commit();
    return stored;
}

int DiagnosisService::import_csv(const RequestContext& ctx, core::Id round_id,
                                 std::string_view bytes) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
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
           Change{"import_csv",
                  "diagnosis_round",
                  round_id,
                  round.engagement_id,
                  nullptr,
                  {{"imported", parsed.sheets.size()}}});
    tx.commit();
    return static_cast<int>(parsed.sheets.size());
}

AnalysisResult DiagnosisService::analysis(const RequestContext& ctx, core::Id round_id) {
    storage::Connection c(env_.db);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    const auto& instrument = instrument_of(env_, round);
    storage::DiagnosisRepository repo(c);
    return AnalysisResult{RoundDetail{round, &instrument, repo.list_respondents(round_id)},
                          core::diagnosis::analyse(instrument, repo.submitted_sheets(round_id))};
}

std::vector<core::diagnosis::Finding> DiagnosisService::findings(const RequestContext& ctx,
                                                                 core::Id round_id) {
    storage::Connection c(env_.db);
    authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    return storage::DiagnosisRepository(c).findings(round_id);
}

core::diagnosis::Finding DiagnosisService::save_finding(const RequestContext& ctx,
                                                        core::Id round_id,
                                                        core::diagnosis::Finding finding) {
    core::Validator v;
    v.optional_text("notes", finding.notes, 2000);
    v.optional_text("finding", finding.finding, 1000);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::record_findings);
    if (!instrument_of(env_, round).item(finding.item_no)) core::throw_not_found("診断項目");
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    std::optional<core::diagnosis::Finding> before;
    for (const auto& f : repo.findings(round_id))
        if (f.item_no == finding.item_no) before = f;
    finding.updated_at = now;
    repo.save_finding(round_id, round.instrument_id, finding);
    record(c, ctx, now,
           Change{before ? "update" : "create", "diagnosis_finding", round_id, round.engagement_id,
                  before ? to_json(*before) : nlohmann::json(nullptr), to_json(finding)});
    tx.commit();
    return finding;
}

Comparison DiagnosisService::compare(const RequestContext& ctx, core::Id engagement_id,
                                     core::Id from, core::Id to) {
    auto before = analysis(ctx, from);
    auto after = analysis(ctx, to);
    if (before.detail.round.engagement_id != engagement_id ||
        after.detail.round.engagement_id != engagement_id)
        core::throw_not_found("この指導案件の自社診断の回");
    if (before.detail.round.instrument_id != after.detail.round.instrument_id)
        throw core::DomainError(core::ErrorCode::validation,
                                "版の異なる自社診断は比較できません。");
    return Comparison{before.detail.round, after.detail.round,
                      core::diagnosis::compare(before.analysis, after.analysis)};
}

core::diagnosis::DiagnosisReport DiagnosisService::report(const RequestContext& ctx,
                                                          core::Id round_id) {
    auto result = analysis(ctx, round_id);
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(result.detail.round.engagement_id);
    auto company = storage::CompanyRepository(c).find(engagement->company_id);
    core::diagnosis::DiagnosisReport report;
    report.instrument = result.detail.instrument;
    report.company_name = company->name;
    report.industry = company->industry;
    report.expert_name = engagement->expert_name.value_or("");
    report.round_name = result.detail.round.name;
    report.generated_on = today();
    report.analysis = std::move(result.analysis);
    report.findings = storage::DiagnosisRepository(c).findings(round_id);
    report.priorities = core::diagnosis::prioritise(report.findings);
    return report;
}

core::diagnosis::InvitationSheet DiagnosisService::invitation_sheet(
    const RequestContext& ctx, core::Id round_id,
    const std::vector<std::pair<core::Id, std::string>>& links, const std::string& base_url) {
    storage::Connection c(env_.db);
    auto round = authorised_round(c, ctx, round_id, EngagementAction::manage_diagnosis);
    storage::DiagnosisRepository repo(c);
    auto engagement = storage::EngagementRepository(c).find(round.engagement_id);
    core::diagnosis::InvitationSheet sheet;
    sheet.company_name = engagement->company_name;
    sheet.round_name = round.name;
    sheet.instrument_title = instrument_of(env_, round).title;
    core::Validator v;
    for (const auto& [respondent_id, token] : links) {
        auto row = repo.find_respondent_by_token(sha256_hex(token));
        // Only links of this round that are still live can be printed: the token proves it.
        if (!row || row->id != respondent_id || row->round_id != round_id || row->revoked_at) {
            v.fail("links." + std::to_string(respondent_id),
                   "このリンクは無効か、この回のものではありません。");
            continue;
        }
        auto role = core::diagnosis::parse_respondent_role(row->role).value_or(
            core::diagnosis::RespondentRole::staff);
        sheet.invitations.push_back(
            {role, row->name, row->department, answer_url(base_url, token)});
        if (row->expires_on) sheet.expires_on = *row->expires_on;
    }
    if (links.empty()) v.fail("links", "印刷するリンクを指定してください。");
    v.throw_if_failed();
    return sheet;
}

}  // namespace shido::services
