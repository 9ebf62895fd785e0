#pragma once
#include <string>
#include <string_view>

namespace shido::exports {

// Text as it may stand in XML (.docx parts) or HTML (the published policy page): & < > " '
// become references, and the C0 control characters XML 1.0 forbids are left out (tab and line
// feed stay). The one way user text enters markup.
std::string escape_markup(std::string_view text);

}  // namespace shido::exports
