#pragma once
#include <nlohmann/json.hpp>

#include "core/hearing/hearing_sheet.hpp"
#include "services/hearing/hearing_service.hpp"

namespace shido::services {

// The API JSON of the hearing sheet (schemas Hearing* in openapi.json).
nlohmann::json to_json(const HearingView& view);
nlohmann::json to_json(const core::hearing::SheetItem& item, bool expert_hints);
nlohmann::json to_json(const UnclearHearingItems& items);
nlohmann::json to_json(const SubmittedHearing& submitted);
nlohmann::json hearing_status_json(const core::documents::DocumentStatus& status);

// What is frozen at submission: the edition, the headers and every item with its text.
nlohmann::json hearing_submitted_json(const core::hearing::HearingTemplate& sheet,
                                      const std::vector<core::hearing::SheetSection>& sections);
// The rows of a frozen copy, for its exports.
std::vector<core::hearing::HearingRow> hearing_rows_of(const nlohmann::json& snapshot);

// The audit snapshot: stored fields only.
nlohmann::json snapshot(const core::hearing::Entry& entry);

}  // namespace shido::services
