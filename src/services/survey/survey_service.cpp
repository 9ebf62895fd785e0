#include "services/survey/survey_service.hpp"

#include <charconv>

#include "core/calendar/civil_date.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/survey/survey_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/survey/survey_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

[[noreturn]] void survey_throw_stale() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "アンケートは別の画面で先に更新されました。画面を読み込み直してから、"
                            "もう一度操作してください。");
}

[[noreturn]] void survey_throw_submitted() {
    throw core::DomainError(core::ErrorCode::conflict,
                            "アンケートはすでに提出済みのため、変更できません。");
}

void survey_require_version(const std::optional<int>& version) {
    if (!version)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"version", "version を指定してください。"}});
}

const core::survey::SurveyForm& survey_form_of(const ServiceEnv& env,
                                               const core::survey::SurveyResponse& response) {
    if (const auto* form = env.content.survey(response.survey_id)) return *form;
    // A response keeps the form it was answered on; its file must stay in content/survey/.
    throw std::runtime_error("content/survey/" + response.survey_id + ".json is missing");
}

SurveyView survey_view_of(storage::Connection& c, const ServiceEnv& env, core::Id engagement_id) {
    auto engagement = storage::EngagementRepository(c).find(engagement_id);
    if (!engagement) core::throw_not_found("指導案件");
    SurveyView view;
    view.company_name = engagement->company_name;
    if (auto stored = storage::SurveyRepository(c).find(engagement_id)) {
        view.response = std::move(*stored);
        view.form = &survey_form_of(env, view.response);
    } else {
        view.form = &env.content.current_survey();
        view.response.engagement_id = engagement_id;
        view.response.survey_id = view.form->id;
        view.response.survey_version = view.form->version;
    }
    view.state = core::survey::document_state_of(view.response.version, view.response.state);
    return view;
}

std::optional<core::Timestamp> survey_day_start(const std::optional<std::string>& date,
                                                const char* field, long long day_offset) {
    if (!date || date->empty()) return std::nullopt;
    auto civil = core::parse_civil_date(*date);
    if (!civil)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{field, "日付は YYYY-MM-DD の形で指定してください。"}});
    // Midnight in Japan (UTC+9) of the day, as seconds since the epoch.
    return (core::days_since_epoch(*civil) + day_offset) * 86400 - 9 * 3600;
}

std::optional<core::Id> survey_expert_filter(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    core::Id id = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec != std::errc() || end != text->data() + text->size() || id <= 0)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"expert_id", "専門家の ID（正の整数）で指定してください。"}});
    return id;
}

// The chosen values of a response, read with the form it was answered on.
core::survey::RatedResponse survey_rated(const ServiceEnv& env,
                                         const storage::SubmittedSurvey& row) {
    core::survey::RatedResponse rated;
    rated.engagement_id = row.engagement_id;
    rated.expert_id = row.expert_id;
    rated.expert_name = row.expert_name;
    rated.industry = row.industry;
    const auto* form = env.content.survey(row.survey_id);
    if (!form) return rated;
    for (const auto& [item, choice_key] : row.answers.ratings)
        if (const auto* choice = form->choice(choice_key)) rated.values[item] = choice->value;
    return rated;
}

}  // namespace

SurveyView SurveyService::get(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::answer_survey);
    storage::Connection c(env_.db);
    return survey_view_of(c, env_, grant.engagement_id());
}

SurveyView SurveyService::save(const RequestContext& ctx, const EngagementGrant& grant,
                               const SurveyInput& input, std::optional<int> version) {
    grant.require(core::EngagementAction::answer_survey);
    survey_require_version(version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = survey_view_of(c, env_, grant.engagement_id());
    if (before.response.state == core::survey::ResponseState::submitted) survey_throw_submitted();
    if (*version != before.response.version) survey_throw_stale();
    core::Validator v;
    auto answers = core::survey::validated_answers(*before.form, input.ratings, input.comments, v);
    v.throw_if_failed();
    auto wanted = before.response;
    wanted.answers = std::move(answers);
    if (!storage::SurveyRepository(c).save_draft(wanted, before.response.version, ctx.actor.user_id,
                                                 now))
        survey_throw_stale();
    auto after = survey_view_of(c, env_, grant.engagement_id());
    bool created = before.response.version == 0;
    record(c, ctx, now,
           Change{created ? core::AuditAction::create : core::AuditAction::update,
                  core::AuditEntity::survey_response, grant.engagement_id(), grant.engagement_id(),
                  created ? nlohmann::json(nullptr) : survey_snapshot(before.response),
                  survey_snapshot(after.response)});
    tx.commit();
    return after;
}

SurveyView SurveyService::submit(const RequestContext& ctx, const EngagementGrant& grant,
                                 std::optional<int> version) {
    grant.require(core::EngagementAction::answer_survey);
    survey_require_version(version);
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto before = survey_view_of(c, env_, grant.engagement_id());
    if (before.response.state == core::survey::ResponseState::submitted) survey_throw_submitted();
    if (*version != before.response.version) survey_throw_stale();
    core::survey::require_complete(*before.form, before.response.answers);
    if (!storage::SurveyRepository(c).submit(grant.engagement_id(), before.response.version,
                                             ctx.actor.user_id, now))
        survey_throw_stale();
    auto after = survey_view_of(c, env_, grant.engagement_id());
    record(c, ctx, now,
           Change{core::AuditAction::submit_survey, core::AuditEntity::survey_response,
                  grant.engagement_id(), grant.engagement_id(), survey_snapshot(before.response),
                  survey_snapshot(after.response)});
    tx.commit();
    return after;
}

SurveyView SurveyService::response(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view_survey_results);
    storage::Connection c(env_.db);
    auto view = survey_view_of(c, env_, grant.engagement_id());
    // A draft is the owner's alone: the secretariat reads only what was handed in.
    if (view.response.state != core::survey::ResponseState::submitted)
        throw core::DomainError(core::ErrorCode::conflict,
                                "アンケートは、まだ事務局に提出されていません。");
    return view;
}

SurveyResults SurveyService::results(const RequestContext& ctx, const SurveyResultsQuery& query) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
    SurveyResults out;
    out.form = &env_.content.current_survey();
    out.expert_id = survey_expert_filter(query.expert_id);
    storage::SubmittedSurveyFilter filter;
    filter.expert_id = out.expert_id;
    filter.from = survey_day_start(query.from, "from", 0);
    filter.until = survey_day_start(query.to, "to", 1);  // the whole last day
    if (filter.from && filter.until && *filter.from >= *filter.until)
        throw core::DomainError(core::ErrorCode::validation, "入力内容に誤りがあります。",
                                {{"to", "終了日は開始日以降の日付を指定してください。"}});
    if (filter.from) out.from = query.from;
    if (filter.until) out.to = query.to;
    storage::Connection c(env_.db);
    auto rows = storage::SurveyRepository(c).submitted(filter);
    std::vector<core::survey::RatedResponse> rated;
    for (const auto& row : rows) rated.push_back(survey_rated(env_, row));
    std::vector<const core::survey::RatedResponse*> all;
    for (const auto& r : rated) all.push_back(&r);
    out.overall = core::survey::aggregate(*out.form, all);
    out.by_expert = core::survey::aggregate_by_expert(*out.form, rated, "専門家未割当");
    out.by_industry = core::survey::aggregate_by_industry(*out.form, rated, "業種未設定");
    return out;
}

core::documents::DocumentStatus SurveyService::status(const EngagementGrant& grant) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    return storage::SurveyRepository(c).statuses({grant.engagement_id()}).at(grant.engagement_id());
}

}  // namespace shido::services
