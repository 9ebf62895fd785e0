#pragma once
#include <string>

#include "services/context.hpp"

namespace shido::services {

inline constexpr const char* demo_password = "demo-password-2026";

struct DemoOptions {
    // Extra generated engagements (for benchmarks), spread over generated experts.
    int extra_engagements = 0;
    int engagements_per_generated_expert = 20;
    // The generated engagements at every stage of the course: sessions held, 実施報告 in each
    // state, tasks done, open and overdue, around today (for the dashboard's benchmark).
    bool course_work = false;
};

struct DemoSummary {
    bool loaded = false;  // false: the demo was already there, nothing changed
    int engagements = 0;
};

// Loads the demo: one secretariat user, two experts, two companies with an owner each, and
// one engagement per company. Idempotent: does nothing when the demo users exist.
DemoSummary load_demo(ServiceEnv env, const DemoOptions& options);

}  // namespace shido::services
