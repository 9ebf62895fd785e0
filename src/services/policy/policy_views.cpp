#include "services/policy/policy_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"
#include "storage/policy/policy_json.hpp"

namespace shido::services {

namespace {

nlohmann::json policy_time(const std::optional<core::Timestamp>& t) {
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json policy_version_summary(const core::policy::PolicyVersion& v) {
    return {{"number", v.number},
            {"note", v.note},
            {"created_by_name", v.created_by_name},
            {"created_at", core::format_iso8601(v.created_at)},
            {"approved_by_name", nullable(v.approved_by_name)},
            {"approved_at", policy_time(v.approved_at)}};
}

nlohmann::json policy_segments(const std::vector<core::policy::DiffSegment>& segments) {
    auto out = nlohmann::json::array();
    for (const auto& s : segments) out.push_back({{"text", s.text}, {"changed", s.changed}});
    return out;
}

}  // namespace

nlohmann::json policy_status_json(const core::documents::DocumentStatus& s) {
    return {{"kind", core::documents::key_of(s.kind)},
            {"state", core::documents::key_of(s.state)},
            {"label", core::documents::label_of(s.state)},
            {"updated_at", policy_time(s.updated_at)},
            {"submitted_at", policy_time(s.submitted_at)}};
}

nlohmann::json to_json(const core::policy::PolicyVersion& v) {
    auto out = policy_version_summary(v);
    out["document"] = storage::to_json(v.document);
    return out;
}

nlohmann::json to_json(const PolicyView& view) {
    auto versions = nlohmann::json::array();
    for (const auto& v : view.versions) versions.push_back(policy_version_summary(v));
    nlohmann::json latest = nullptr;
    if (!view.versions.empty()) latest = to_json(view.versions.back());
    auto scopes = nlohmann::json::array();
    for (const auto& s : view.sample->asset_scopes)
        scopes.push_back({{"key", s.key}, {"label", s.label}});
    const auto& head = view.head;
    return {{"status", policy_status_json(view.status)},
            {"version", head ? head->version : 0},
            {"latest_number", head ? nlohmann::json(head->latest_number) : nlohmann::json(nullptr)},
            {"approved_number", head ? nullable(head->approved_number) : nlohmann::json(nullptr)},
            {"submitted_number", head ? nullable(head->submitted_number) : nlohmann::json(nullptr)},
            {"public_number", head ? nullable(head->public_number) : nlohmann::json(nullptr)},
            {"versions", versions},
            {"latest", latest},
            {"asset_scopes", scopes},
            {"preamble_lead", view.sample->preamble_lead},
            {"sample_source", view.sample->source}};
}

nlohmann::json to_json(const PolicyDraft& d) {
    return {{"document", storage::to_json(d.document)},
            {"based_on", nullable(d.based_on)},
            {"proposal",
             {{"asset_scope", d.proposal.asset_scope}, {"found", nullable(d.proposal.found)}}}};
}

nlohmann::json to_json(const SubmittedPolicy& s) {
    auto out = to_json(s.version);
    out["submitted_at"] = core::format_iso8601(s.submitted_at);
    return out;
}

nlohmann::json policy_diff_json(int from, int to, const std::vector<core::policy::DiffRow>& rows) {
    auto out = nlohmann::json::array();
    for (const auto& r : rows)
        out.push_back({{"section", r.section},
                       {"change", core::policy::to_string(r.change)},
                       {"left", nullable(r.left)},
                       {"right", nullable(r.right)},
                       {"left_segments", policy_segments(r.left_segments)},
                       {"right_segments", policy_segments(r.right_segments)}});
    return {{"from", from}, {"to", to}, {"rows", out}};
}

nlohmann::json policy_coverage_json(const std::vector<core::policy::ArticleCoverage>& coverage) {
    auto articles = nlohmann::json::array();
    int missing = 0;
    for (const auto& a : coverage) {
        articles.push_back({{"no", a.no},
                            {"title", a.title},
                            {"covered", a.covered},
                            {"found", nullable(a.found)}});
        if (!a.covered) ++missing;
    }
    return {{"articles", articles}, {"missing", missing}};
}

nlohmann::json snapshot(const core::policy::PolicyVersion& v) {
    return {{"number", v.number},
            {"document", storage::to_json(v.document)},
            {"note", v.note},
            {"created_by_name", v.created_by_name},
            {"created_at", v.created_at},
            {"approved_by_name", nullable(v.approved_by_name)},
            {"approved_at", nullable(v.approved_at)}};
}

}  // namespace shido::services
