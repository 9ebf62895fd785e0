#pragma once
#include <string>

#include "core/diagnosis/report.hpp"

namespace shido::exports {

// The invitation sheet as PDF bytes: A4 pages of 2 × 4 cards to cut apart, each with the
// company and round, the respondent's role (and name or department when given), a QR code of
// the answer URL (level M, with quiet zone), the URL in a monospace font, a short instruction
// and the expiry date. Throws std::invalid_argument when a URL is too long for a QR code.
std::string render_invitation_pdf(const core::diagnosis::InvitationSheet& sheet);

}  // namespace shido::exports
