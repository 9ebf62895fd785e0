#include "services/views.hpp"

#include "core/clock.hpp"

namespace shido::services {

namespace {
template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json parse_snapshot(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return nlohmann::json::parse(*text, nullptr, false);
}
}  // namespace

nlohmann::json to_json(const core::User& u) {
    return {{"id", u.id},
            {"email", u.email},
            {"name", u.name},
            {"role", core::to_string(u.role)},
            {"company_id", nullable(u.company_id)},
            {"company_role", u.company_role ? nlohmann::json(core::to_string(*u.company_role))
                                            : nlohmann::json(nullptr)},
            {"active", u.active}};
}

nlohmann::json to_json(const core::Company& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"industry", c.industry},
            {"employee_count", nullable(c.employee_count)},
            {"address", c.address},
            {"website", c.website},
            {"representative_title", c.representative_title},
            {"representative_name", c.representative_name},
            {"created_at", core::format_iso8601(c.created_at)},
            {"updated_at", core::format_iso8601(c.updated_at)}};
}

void write(JsonWriter& out, const core::Engagement& e) {
    out.begin_object();
    out.key("id").value(e.id);
    out.key("company_id").value(e.company_id);
    out.key("company_name").value(e.company_name);
    out.key("expert_id").value(e.expert_id);
    out.key("expert_name").value(e.expert_name);
    out.key("status").value(core::to_string(e.status));
    out.key("version").value(e.version);
    out.key("sessions").begin_array();
    for (const auto& s : e.sessions) {
        out.begin_object()
            .key("no")
            .value(s.no)
            .key("planned_date")
            .value(s.planned_date)
            .end_object();
    }
    out.end_array();
    out.key("created_at").value(core::format_iso8601(e.created_at));
    out.key("updated_at").value(core::format_iso8601(e.updated_at));
    out.end_object();
}

std::string engagement_list_json(const std::vector<core::Engagement>& list) {
    JsonWriter out;
    out.reserve(64 + list.size() * 400);
    out.begin_object().key("items").begin_array();
    for (const auto& e : list) write(out, e);
    out.end_array().end_object();
    return out.take();
}

nlohmann::json to_json(const core::Engagement& e) {
    JsonWriter out;
    write(out, e);
    return nlohmann::json::parse(out.text());
}

nlohmann::json to_json(const storage::AuditEntry& a) {
    return {{"id", a.id},
            {"at", core::format_iso8601(a.at)},
            {"actor_id", nullable(a.actor_id)},
            {"actor_name", a.actor_name},
            {"action", a.action},
            {"entity", a.entity},
            {"entity_id", nullable(a.entity_id)},
            {"engagement_id", nullable(a.engagement_id)},
            {"before", parse_snapshot(a.before_json)},
            {"after", parse_snapshot(a.after_json)},
            {"request_id", a.request_id}};
}

nlohmann::json to_json(const content::Curriculum& c) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : c.sessions) {
        sessions.push_back({{"no", s.no},
                            {"title", s.title},
                            {"theme", s.theme},
                            {"expert_prepares", s.expert_prepares},
                            {"company_prepares", s.company_prepares},
                            {"agenda", s.agenda},
                            {"deliverables", s.deliverables}});
    }
    return {{"id", c.id}, {"version", c.version}, {"title", c.title}, {"sessions", sessions}};
}

}  // namespace shido::services
