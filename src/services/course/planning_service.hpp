#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/curriculum.hpp"
#include "core/course/planning.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/engagements/engagement_service.hpp"

namespace shido::services {

// The course's timing rules, read from its content file.
core::CourseTiming course_timing(const content::Curriculum& curriculum);

// A new engagement on `course`: it keeps the course's id and version, and has one planned
// session per session of the course.
core::Engagement opened_on(const content::Curriculum& course);

// The course an engagement was opened on (std::runtime_error when its file is gone: content
// files are never removed, a new edition is a new file).
const content::Curriculum& course_of(const content::Library& library, const core::Engagement& e);

struct PlanCheck {
    const content::Curriculum* course = nullptr;
    std::vector<std::optional<core::CivilDate>> dates;  // one per session of the course
    std::vector<core::PlanWarning> warnings;
    std::optional<std::string> problem;  // dates out of order: saving them is refused
};

// Proposes and checks session dates against the course and the public holidays. Nothing is
// stored: the plan is saved with the engagement (EngagementService::update).
class PlanningService {
  public:
    explicit PlanningService(ServiceEnv env) : env_(env) {}

    PlanCheck propose(const EngagementGrant& grant, const std::string& start_date) const;
    PlanCheck check(const EngagementGrant& grant, const std::vector<SessionInput>& sessions) const;

  private:
    const content::Curriculum& course_for(const EngagementGrant& grant) const;
    PlanCheck judged(const content::Curriculum& course,
                     std::vector<std::optional<core::CivilDate>> dates) const;
    ServiceEnv env_;
};

}  // namespace shido::services
