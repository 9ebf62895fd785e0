#include "services/course/course_work_internal.hpp"

#include "core/error.hpp"
#include "services/course/planning_service.hpp"
#include "storage/engagements/engagement_repository.hpp"

namespace shido::services::course_detail {

const content::CurriculumSession& EngagementOnCourse::session(int no) const {
    for (const auto& s : course->sessions)
        if (s.no == no) return s;
    core::throw_not_found("指導の回");
}

const core::SessionPlan& EngagementOnCourse::plan(int no) const {
    for (const auto& s : engagement.sessions)
        if (s.no == no) return s;
    core::throw_not_found("指導の回");
}

EngagementOnCourse engagement_on_course(storage::Connection& c, const ServiceEnv& env,
                                        const EngagementGrant& grant) {
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    EngagementOnCourse out{std::move(*engagement), nullptr};
    out.course = &course_of(env.content, out.engagement);
    return out;
}

void throw_stale(const std::string& what) {
    throw core::DomainError(core::ErrorCode::conflict,
                            what +
                                "は他の人が先に更新しました。画面を読み込み直してから、もう一度"
                                "操作してください。");
}

void throw_refused(const std::string& message) {
    throw core::DomainError(core::ErrorCode::conflict, message);
}

}  // namespace shido::services::course_detail
