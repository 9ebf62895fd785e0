#pragma once
// Shared by the course's use cases (tasks, confirmations, session records, reports); not a
// public interface of the services layer.
#include <string>

#include "content/curriculum.hpp"
#include "core/engagements/engagement.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/database.hpp"

namespace shido::services::course_detail {

// The granted engagement (404 if it went away) and the course it was opened on.
struct EngagementOnCourse {
    core::Engagement engagement;
    const content::Curriculum* course = nullptr;
    const content::CurriculumSession& session(int no) const;  // 404 unless the course has it
    const core::SessionPlan& plan(int no) const;
};

EngagementOnCourse engagement_on_course(storage::Connection& c, const ServiceEnv& env,
                                        const EngagementGrant& grant);

[[noreturn]] void throw_stale(const std::string& what);
[[noreturn]] void throw_refused(const std::string& message);  // 409 with the reason

}  // namespace shido::services::course_detail
