#pragma once
#include <vector>

#include "http/json_input.hpp"
#include "services/engagements/engagement_service.hpp"

namespace shido::http {

// The body's "sessions": [{"no": 1, "planned_date": "YYYY-MM-DD" | null}, ...]; shape errors
// go to the reader (which session numbers exist is the service's rule).
std::vector<services::SessionInput> session_inputs(BodyReader& in);

}  // namespace shido::http
