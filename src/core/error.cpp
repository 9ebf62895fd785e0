#include "core/error.hpp"

namespace shido::core {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_request:
            return "bad_request";
        case ErrorCode::unauthenticated:
            return "unauthenticated";
        case ErrorCode::forbidden:
            return "forbidden";
        case ErrorCode::csrf:
            return "csrf";
        case ErrorCode::two_factor_enrolment_required:
            return "two_factor_enrolment_required";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::conflict:
            return "conflict";
        case ErrorCode::package_incomplete:
            return "package_incomplete";
        case ErrorCode::payload_too_large:
            return "payload_too_large";
        case ErrorCode::validation:
            return "validation";
        case ErrorCode::too_many_requests:
            return "too_many_requests";
        case ErrorCode::unavailable:
            return "unavailable";
        case ErrorCode::internal:
            return "internal";
    }
    return "internal";
}

DomainError::DomainError(ErrorCode code, std::string message, FieldErrors fields,
                         std::vector<Detail> details)
    : std::runtime_error(std::move(message)),
      code_(code),
      fields_(std::move(fields)),
      details_(std::move(details)) {}

void throw_not_found(const std::string& what) {
    throw DomainError(ErrorCode::not_found, what + "が見つかりません。");
}

void throw_forbidden() {
    throw DomainError(ErrorCode::forbidden, "この操作を行う権限がありません。");
}

}  // namespace shido::core
