#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/labelled.hpp"

namespace shido::core::diagnosis {

// Where one answer sheet stands. Derived, never stored: "expired" depends on today's date.
enum class RespondentStatus { invited, answering, submitted, revoked, expired };

struct SheetFacts {
    bool revoked = false;
    bool submitted = false;
    std::optional<std::string> expires_on;  // YYYY-MM-DD, Japan time
    int answered_count = 0;
};

RespondentStatus respondent_status(const SheetFacts& sheet, const std::string& today);
std::span<const Labelled<RespondentStatus>> respondent_statuses();
std::string_view to_string(RespondentStatus status);

// A round takes answers while open; a closed round is read-only.
enum class RoundStatus { open, closed };
std::span<const Labelled<RoundStatus>> round_statuses();
std::optional<RoundStatus> parse_round_status(std::string_view key);

}  // namespace shido::core::diagnosis
