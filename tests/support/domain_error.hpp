#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace shido::testing {

// The DomainError `action` throws, or nothing when it throws none (other exceptions escape
// and fail the test).
inline std::optional<core::DomainError> error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const core::DomainError& e) {
        return e;
    }
    return std::nullopt;
}

// The code of that error: compare it with EXPECT_EQ, so "no error" fails as well.
inline std::optional<core::ErrorCode> code_of(const std::function<void()>& action) {
    auto error = error_of(action);
    if (!error) return std::nullopt;
    return error->code();
}

// True when `action` fails validation on `field` (among others, maybe).
inline bool fails_on(const std::string& field, const std::function<void()>& action) {
    auto error = error_of(action);
    return error && error->code() == core::ErrorCode::validation && error->fields().count(field);
}

}  // namespace shido::testing
