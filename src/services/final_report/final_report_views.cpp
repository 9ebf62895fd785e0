#include "services/final_report/final_report_views.hpp"

#include "core/clock.hpp"
#include "storage/final_report/final_report_json.hpp"

namespace shido::services {

namespace {

namespace fr = core::final_report;

nlohmann::json final_report_sections_json(const fr::Labels& labels) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : labels.sections)
        out.push_back({{"key", fr::key_of(s.section)},
                       {"heading", s.heading},
                       {"max_chars", s.max_chars},
                       {"required", s.required},
                       {"generated", fr::generated(s.section)}});
    return out;
}

nlohmann::json final_report_steps_json(const std::vector<fr::Step>& steps) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : steps)
        out.push_back({{"from", core::key_in(core::report_states(), s.from)},
                       {"to", core::key_in(core::report_states(), s.to)},
                       {"actor_name", s.actor_name},
                       {"comment", s.comment},
                       {"at", core::format_iso8601(s.at)}});
    return out;
}

}  // namespace

nlohmann::json to_json(const FinalReportView& view) {
    nlohmann::json report = nullptr;
    if (view.report) {
        const auto& r = *view.report;
        report = {
            {"state", core::key_in(core::report_states(), r.state)},
            {"body", view.working_copy ? storage::to_json(r.body) : nlohmann::json(nullptr)},
            {"submitted", r.submitted ? storage::to_json(*r.submitted) : nlohmann::json(nullptr)},
            {"version", r.version},
            {"steps", final_report_steps_json(r.steps)},
            {"updated_at", core::format_iso8601(r.updated_at)}};
    }
    return {{"title", view.labels->title},
            {"company_name", view.engagement.company_name},
            {"working_copy", view.working_copy},
            {"sections", final_report_sections_json(*view.labels)},
            {"report", report},
            {"draft", view.draft ? storage::to_json(*view.draft) : nlohmann::json(nullptr)}};
}

nlohmann::json final_report_snapshot(const fr::FinalReport& r) {
    return {{"engagement_id", r.engagement_id},
            {"state", core::key_in(core::report_states(), r.state)},
            {"body", storage::to_json(r.body)},
            {"submitted", r.submitted ? storage::to_json(*r.submitted) : nlohmann::json(nullptr)},
            {"version", r.version}};
}

fr::Document final_report_document(const FinalReportView& view) {
    fr::Document d;
    d.title = view.labels->title;
    d.company_name = view.engagement.company_name;
    d.expert_name = view.engagement.expert_name.value_or("");
    d.course_title = view.course_title;
    fr::Body body;
    if (view.report) {
        d.state = view.report->state;
        d.steps = view.report->steps;
        if (!view.working_copy && view.report->submitted) {
            d.submitted_copy = true;
            body = *view.report->submitted;
        } else {
            body = view.report->body;
        }
    } else if (view.draft) {
        body = *view.draft;
    }
    for (const auto& s : view.labels->sections)
        d.sections.push_back({s.heading, body.text(s.section)});
    d.facts = body.facts;
    return d;
}

}  // namespace shido::services
