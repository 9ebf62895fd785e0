#include "services/dashboard/dashboard_service.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "core/validation.hpp"
#include "storage/dashboard/dashboard_repository.hpp"

namespace shido::services {

namespace {

void require_secretariat(const RequestContext& ctx) {
    if (!core::is_secretariat(ctx.actor)) core::throw_forbidden();
}

std::optional<core::Id> positive_id(const std::string& text) {
    long long id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// 「業種: 製造業」…: the filters in use, as the export's heading names them.
std::vector<std::string> filter_labels(const core::DashboardFilter& f,
                                       const std::optional<std::string>& expert_name) {
    std::vector<std::string> labels;
    if (f.industry) labels.push_back("業種: " + *f.industry);
    if (f.unassigned) labels.push_back("担当専門家: 未割当");
    if (f.expert_id)
        labels.push_back("担当専門家: " + expert_name.value_or(std::to_string(*f.expert_id)));
    if (f.status) labels.push_back("案件の状態: " + std::string(core::label_ja(*f.status)));
    if (f.state)
        labels.push_back("現在の回の状況: " +
                         std::string(core::label_in(core::session_progresses(), *f.state)));
    if (!f.company_name_contains.empty()) labels.push_back("企業名: " + f.company_name_contains);
    return labels;
}

}  // namespace

core::DashboardFilter dashboard_filter(const DashboardQuery& q) {
    core::Validator v;
    core::DashboardFilter f;
    if (q.industry && !q.industry->empty()) f.industry = *q.industry;
    if (q.expert && !q.expert->empty()) {
        if (*q.expert == "none") {
            f.unassigned = true;
        } else if (auto id = positive_id(*q.expert)) {
            f.expert_id = *id;
        } else {
            v.fail("expert_id", "担当専門家の指定が正しくありません。");
        }
    }
    if (q.status && !q.status->empty()) {
        f.status = core::parse_engagement_status(*q.status);
        if (!f.status) v.fail("status", "案件の状態の指定が正しくありません。");
    }
    if (q.state && !q.state->empty()) {
        f.state = core::parse_in(core::session_progresses(), *q.state);
        if (!f.state) v.fail("state", "回の状況の指定が正しくありません。");
    }
    f.company_name_contains = q.company_name_contains;
    v.throw_if_failed();
    return f;
}

core::Page<core::DashboardRow> DashboardService::engagements(const RequestContext& ctx,
                                                             const DashboardQuery& query,
                                                             const core::PageRequest& page) {
    require_secretariat(ctx);
    auto filter = dashboard_filter(query);
    storage::Connection c(env_.db);
    auto rows = storage::DashboardRepository(c, today(env_)).page(filter, page);
    add_submitted_documents(c, rows.items);
    return rows;
}

core::DashboardSummary DashboardService::summary(const RequestContext& ctx,
                                                 const DashboardQuery& query) {
    require_secretariat(ctx);
    auto filter = dashboard_filter(query);
    storage::Connection c(env_.db);
    return storage::DashboardRepository(c, today(env_)).summary(filter);
}

core::Page<core::ExpertWorkload> DashboardService::experts(const RequestContext& ctx,
                                                           const core::PageRequest& page) {
    require_secretariat(ctx);
    storage::Connection c(env_.db);
    return storage::DashboardRepository(c, today(env_)).experts(page);
}

core::DashboardExport DashboardService::export_rows(const RequestContext& ctx,
                                                    const DashboardQuery& query) {
    require_secretariat(ctx);
    auto filter = dashboard_filter(query);
    storage::Connection c(env_.db);
    storage::DashboardRepository repo(c, today(env_));
    core::DashboardExport out;
    out.generated_on = today(env_);
    // One row more than allowed tells that there are too many.
    out.rows = repo.rows(filter, core::max_export_rows + 1);
    if (static_cast<long long>(out.rows.size()) > core::max_export_rows) {
        throw core::DomainError(core::ErrorCode::validation,
                                "出力できるのは" + std::to_string(core::max_export_rows) +
                                    "件までです。条件で絞り込んでから出力してください。");
    }
    add_submitted_documents(c, out.rows);
    std::optional<std::string> expert_name;
    for (const auto& row : out.rows) {
        out.sessions = std::max(out.sessions, static_cast<int>(row.sessions.size()));
        if (filter.expert_id && row.expert_id == filter.expert_id) expert_name = row.expert_name;
    }
    out.filters = filter_labels(filter, expert_name);
    return out;
}

// Each document domain answers for the whole page in one query; a row lists the kinds
// submitted, in the order of the kinds table.
void DashboardService::add_submitted_documents(storage::Connection& c,
                                               std::vector<core::DashboardRow>& rows) {
    if (rows.empty()) return;
    std::vector<core::Id> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) ids.push_back(row.id);
    for (const auto& kind : core::documents::document_kinds) {
        auto source = documents_.find(kind.value);
        if (source == documents_.end()) continue;
        auto statuses = source->second(c, ids);
        for (auto& row : rows) {
            auto found = statuses.find(row.id);
            if (found != statuses.end() &&
                found->second.state == core::documents::DocumentState::submitted)
                row.submitted_documents.push_back(kind.value);
        }
    }
}

}  // namespace shido::services
