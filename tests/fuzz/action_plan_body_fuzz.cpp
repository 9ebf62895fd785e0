// A whole 様式3 sheet as a person sends it (PUT or preview): parse the body, read every row
// strictly, validate it against the plan's content and dates, and order, flag and diff it as
// the service does. Only the two structured refusals (bad_request, validation) may come out; a
// valid sheet always orders into as many rows and shows no change against itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/library.hpp"
#include "core/action_plan/action_plan.hpp"
#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "http/action_plan/action_plan_bodies.hpp"
#include "http/json_input.hpp"

namespace {

const shido::core::action_plan::PlanRules& fuzz_plan_rules() {
    static const auto library = shido::content::load_library(SHIDO_CONTENT_DIR);
    static const auto rules = library.current_action_plan().rules;
    return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace plan = shido::core::action_plan;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto body = shido::http::parse_json_body(text);
        auto [version, measures] = shido::http::action_plan_sheet_of(body, fuzz_plan_rules());
        const plan::PlanDates dates{"2026-12-03", "2027-01-21"};
        shido::core::Validator v;
        plan::validate_sheet(measures, fuzz_plan_rules(), dates, v);
        v.throw_if_failed();
        FUZZ_CHECK(plan::prioritised(measures).size() == measures.size());
        for (const auto& m : measures) (void)plan::beyond_horizon(m, dates, 12);
        FUZZ_CHECK(plan::changes_between(measures, measures).changed.empty());
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::bad_request ||
                   e.code() == shido::core::ErrorCode::validation);
    }
    return 0;
}
