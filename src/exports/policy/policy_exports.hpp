#pragma once
#include <string>

#include "core/policy/policy_print.hpp"

namespace shido::exports {

// 情報セキュリティ基本方針 as the company files, keeps editing and publishes it: A4 PDF (for the
// secretariat), Word .docx (the guide's sample is a Word file), and a self-contained web page.
std::string render_policy_pdf(const core::policy::PolicyPrint& policy);
std::string render_policy_docx(const core::policy::PolicyPrint& policy);
std::string render_policy_html(const core::policy::PolicyPrint& policy);

}  // namespace shido::exports
