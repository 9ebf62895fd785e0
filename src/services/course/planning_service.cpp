#include "services/course/planning_service.hpp"

#include "core/error.hpp"
#include "core/validation.hpp"
#include "storage/engagements/engagement_repository.hpp"

#include <stdexcept>

namespace shido::services {

core::CourseTiming course_timing(const content::Curriculum& curriculum) {
    core::CourseTiming timing;
    for (const auto& s : curriculum.sessions)
        timing.sessions.push_back({s.no, s.title, s.prep_weeks_min, s.prep_weeks_max});
    timing.guideline_days = curriculum.guideline_days;
    timing.guideline_label = curriculum.guideline_label;
    return timing;
}

core::Engagement opened_on(const content::Curriculum& course) {
    core::Engagement e;
    e.course_id = course.id;
    e.course_version = course.version;
    for (const auto& session : course.sessions) {
        core::SessionPlan plan;
        plan.no = session.no;
        e.sessions.push_back(plan);
    }
    return e;
}

const content::Curriculum& course_of(const content::Library& library, const core::Engagement& e) {
    const auto* course = library.course(e.course_id);
    if (!course || course->version != e.course_version)
        throw std::runtime_error("engagement " + std::to_string(e.id) + " was opened on course " +
                                 e.course_id + " version " + std::to_string(e.course_version) +
                                 ", which content/curriculum does not hold");
    return *course;
}

const content::Curriculum& PlanningService::course_for(const EngagementGrant& grant) const {
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    return course_of(env_.content, *engagement);
}

PlanCheck PlanningService::judged(const content::Curriculum& course,
                                  std::vector<std::optional<core::CivilDate>> dates) const {
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
    const auto& course = course_for(grant);
    auto proposed =
        core::propose_session_dates(course_timing(course), *start, env_.content.holidays);
    return judged(course, {proposed.begin(), proposed.end()});
}

PlanCheck PlanningService::check(const EngagementGrant& grant,
                                 const std::vector<SessionInput>& sessions) const {
    grant.require(core::EngagementAction::edit_plan);
    const auto& course = course_for(grant);
    const auto count = course.sessions.size();
    std::vector<std::optional<core::CivilDate>> dates(count);
    core::Validator v;
    for (const auto& s : sessions) {
        auto field = "sessions." + std::to_string(s.no);
        if (s.no < 1 || static_cast<std::size_t>(s.no) > count) {
            v.fail(field, "指導回は1〜" + std::to_string(count) + "のいずれかです。");
            continue;
        }
        if (!s.planned_date || !*s.planned_date) continue;
        v.date(field, **s.planned_date);
        dates[static_cast<std::size_t>(s.no - 1)] = core::parse_civil_date(**s.planned_date);
    }
    v.throw_if_failed();
    return judged(course, std::move(dates));
}

}  // namespace shido::services
