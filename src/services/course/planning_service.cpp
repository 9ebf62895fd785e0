#include "services/course/planning_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"

namespace shido::services {

core::CourseTiming course_timing(const content::Curriculum& curriculum) {
    core::CourseTiming timing;
    for (const auto& s : curriculum.sessions)
        timing.sessions.push_back({s.no, s.title, s.prep_weeks_min, s.prep_weeks_max});
    timing.guideline_days = curriculum.guideline_days;
    timing.guideline_label = curriculum.guideline_label;
    return timing;
}

PlanCheck PlanningService::judged(std::vector<std::optional<core::CivilDate>> dates) const {
    const auto& course = env_.content.curriculum;
    auto timing = course_timing(course);
    PlanCheck out;
    out.course = &course;
    out.warnings = core::plan_warnings(timing, dates, env_.content.holidays);
    out.problem = core::order_problem(timing, dates);
    out.dates = std::move(dates);
    return out;
}

PlanCheck PlanningService::propose(const EngagementGrant& grant,
                                   const std::string& start_date) const {
    grant.require(core::EngagementAction::edit_plan);
    core::Validator v;
    v.date("start_date", start_date);
    v.throw_if_failed();
    auto start = core::parse_civil_date(start_date);
    auto proposed = core::propose_session_dates(course_timing(env_.content.curriculum), *start,
                                                env_.content.holidays);
    return judged({proposed.begin(), proposed.end()});
}

PlanCheck PlanningService::check(const EngagementGrant& grant,
                                 const std::vector<SessionDateInput>& sessions) const {
    grant.require(core::EngagementAction::edit_plan);
    const auto count = env_.content.curriculum.sessions.size();
    std::vector<std::optional<core::CivilDate>> dates(count);
    core::Validator v;
    for (const auto& s : sessions) {
        auto field = "sessions." + std::to_string(s.no);
        if (s.no < 1 || static_cast<std::size_t>(s.no) > count) {
            v.fail(field, "指導回は1〜" + std::to_string(count) + "のいずれかです。");
            continue;
        }
        if (!s.planned_date) continue;
        v.date(field, *s.planned_date);
        dates[static_cast<std::size_t>(s.no - 1)] = core::parse_civil_date(*s.planned_date);
    }
    v.throw_if_failed();
    return judged(std::move(dates));
}

}  // namespace shido::services
