#pragma once
#include <string>
#include <string_view>

namespace shido::services {

// Uploaded text as UTF-8: UTF-8 with or without a BOM passes through; anything else is read as
// Shift_JIS (Windows code page 932, what Excel writes for Japanese CSV). Throws
// DomainError(validation) when it is neither.
std::string to_utf8(std::string_view bytes);

}  // namespace shido::services
