#pragma once
#include <string>
#include <string_view>

namespace shido::core {

// What a sessions list shows of a User-Agent header: the browser and the system, in words a
// person recognises (「Chrome（Windows）」), or 「不明な端末」. A guess, never a check: the
// header is whatever the client sent.
std::string device_label(std::string_view user_agent);

// A User-Agent header as it is stored: printable ASCII only (real browsers send nothing else;
// anything else is dropped), at most 512 characters.
std::string clean_user_agent(std::string_view header);

}  // namespace shido::core
