#pragma once
#include <string>
#include <string_view>

namespace shido::exports {

// `text` as a QR code in a standalone SVG image: one black path on a white square with a quiet
// zone of `quiet_modules`, scaled by its viewBox (the second factor's enrolment page). Apart
// from qr_code.hpp so that its callers need no cairo.
// Throws std::invalid_argument when the text is too long for a QR code.
std::string qr_svg(std::string_view text, int quiet_modules = 4);

}  // namespace shido::exports
