#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace shido::core {

// The kinds of failure a caller may handle. The HTTP layer is the only place
// that turns them into status codes.
enum class ErrorCode {
    bad_request,
    unauthenticated,
    forbidden,
    csrf,
    // 403: a session whose person must enrol a second factor before anything else
    two_factor_enrolment_required,
    not_found,
    conflict,
    package_incomplete,  // 409: the submission package asked for before its documents exist
    payload_too_large,
    validation,
    too_many_requests,
    unavailable,  // the server is busy (503): try again shortly
    internal,
};

const char* to_string(ErrorCode code);

// One exception type for every expected failure; its message is shown to people,
// so it is Japanese.
class DomainError : public std::runtime_error {
  public:
    using FieldErrors = std::map<std::string, std::string>;
    // Problems located in an uploaded file: row (1-based line), column, message.
    struct Detail {
        int row = 0;
        std::string column;
        std::string message;
    };

    DomainError(ErrorCode code, std::string message, FieldErrors fields = {},
                std::vector<Detail> details = {});

    ErrorCode code() const noexcept { return code_; }
    const FieldErrors& fields() const noexcept { return fields_; }
    const std::vector<Detail>& details() const noexcept { return details_; }

  private:
    ErrorCode code_;
    FieldErrors fields_;
    std::vector<Detail> details_;
};

[[noreturn]] void throw_not_found(const std::string& what);
[[noreturn]] void throw_forbidden();

}  // namespace shido::core
