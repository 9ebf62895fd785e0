#pragma once
#include <optional>

#include "core/documents/document_state.hpp"
#include "core/ids.hpp"

namespace shido::core::documents {

// Where one engagement's document stands, as its own domain reports it to the engagement page
// and the dashboard. Times are those of the latest change and of the latest submission.
struct DocumentStatus {
    DocumentKind kind = DocumentKind::hearing_sheet;
    DocumentState state = DocumentState::not_started;
    std::optional<Timestamp> updated_at;
    std::optional<Timestamp> submitted_at;
};

}  // namespace shido::core::documents
