#pragma once
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace shido::http {

int status_of(core::ErrorCode code);
const char* reason_phrase(int status);

// {"error":{"code":"…","message":"…(Japanese)…","fields":{…}}}
nlohmann::json error_body(const core::DomainError& error);

}  // namespace shido::http
