#include "services/dashboard/dashboard_views.hpp"

#include "services/json_writer.hpp"

namespace shido::services {

namespace {

std::string_view progress_key(core::SessionProgress progress) {
    return core::key_in(core::session_progresses(), progress);
}

void write_row(JsonWriter& out, const core::DashboardRow& row) {
    out.begin_object();
    out.key("id").value(row.id);
    out.key("company_id").value(row.company_id);
    out.key("company_name").value(row.company_name);
    out.key("industry").value(row.industry);
    out.key("expert_id").value(row.expert_id);
    out.key("expert_name").value(row.expert_name);
    out.key("status").value(core::to_string(row.status));
    out.key("version").value(row.version);
    out.key("sessions").begin_array();
    for (const auto& s : row.sessions) {
        out.begin_object().key("no").value(s.no).key("planned_date").value(s.planned_date);
        out.key("held_on").value(s.held_on).key("progress").value(progress_key(s.progress));
        out.end_object();
    }
    out.end_array();
    out.key("current_session");
    if (row.current.no > 0)
        out.value(row.current.no);
    else
        out.null();
    out.key("state").value(progress_key(row.current.progress));
    out.key("next_date").value(row.next_date);
    out.key("overdue_tasks").value(row.overdue_tasks);
    out.key("reports_waiting").value(row.reports_waiting);
    out.key("submitted_documents").begin_array();
    for (auto kind : row.submitted_documents) out.value(core::documents::key_of(kind));
    out.end_array();
    out.end_object();
}

template <typename T, typename Write>
std::string page_text(const core::Page<T>& page, std::size_t bytes_per_item, Write&& write) {
    JsonWriter out;
    out.reserve(128 + page.items.size() * bytes_per_item);
    out.begin_object().key("items").begin_array();
    for (const auto& item : page.items) write(out, item);
    out.end_array();
    out.key("total").value(page.total);
    out.key("next_after").value(page.next_after);
    out.end_object();
    return out.take();
}

}  // namespace

std::string dashboard_page_json(const core::Page<core::DashboardRow>& page) {
    return page_text(page, 600, write_row);
}

std::string dashboard_summary_json(const core::DashboardSummary& s) {
    JsonWriter out;
    out.begin_object();
    out.key("engagements").value(s.engagements);
    out.key("unassigned").value(s.unassigned);
    out.key("reports_waiting").value(s.reports_waiting);
    out.key("overdue_tasks").value(s.overdue_tasks);
    out.key("by_state").begin_array();
    for (const auto& entry : s.by_state) {
        out.begin_object().key("state").value(progress_key(entry.state));
        out.key("label").value(core::label_in(core::session_progresses(), entry.state));
        out.key("engagements").value(entry.engagements).end_object();
    }
    out.end_array();
    out.key("industries").begin_array();
    for (const auto& entry : s.industries) {
        out.begin_object().key("industry").value(entry.industry);
        out.key("engagements").value(entry.engagements).end_object();
    }
    out.end_array();
    out.end_object();
    return out.take();
}

std::string expert_workload_page_json(const core::Page<core::ExpertWorkload>& page) {
    return page_text(page, 200, [](JsonWriter& out, const core::ExpertWorkload& w) {
        out.begin_object();
        out.key("expert_id").value(w.expert_id);
        out.key("name").value(w.name);
        out.key("active").value(w.active);
        out.key("active_engagements").value(w.active_engagements);
        out.key("sessions_next_30_days").value(w.sessions_next_30_days);
        out.key("reports_waiting").value(w.reports_waiting);
        out.key("overdue_tasks").value(w.overdue_tasks);
        out.end_object();
    });
}

}  // namespace shido::services
