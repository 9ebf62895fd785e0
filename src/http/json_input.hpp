#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/accounts/user.hpp"
#include "core/companies/company.hpp"

namespace shido::http {

// A request body as JSON: null when empty; DomainError(bad_request) when it is not valid
// UTF-8 or not JSON. The one parser of outside JSON (fuzzed: tests/fuzz/json_body_fuzz.cpp).
nlohmann::json parse_json_body(std::string_view body);

// Reads typed fields from a request body. A wrong type is a validation error that names
// the field; all errors of one body are reported together by finish().
class BodyReader {
  public:
    explicit BodyReader(const nlohmann::json& body);

    std::optional<std::string> text(const char* key);
    std::string required_text(const char* key);
    std::optional<long long> integer(const char* key);
    // Distinguishes "absent" (outer nullopt) from "null" (inner nullopt).
    std::optional<std::optional<long long>> nullable_integer(const char* key);
    std::optional<std::optional<std::string>> nullable_text(const char* key);
    const nlohmann::json* array(const char* key);
    void finish() const;  // throws DomainError(validation) when any field was wrong
    void fail(const std::string& field, const std::string& message);

  private:
    const nlohmann::json& body_;
    std::map<std::string, std::string> errors_;
};

}  // namespace shido::http
