#pragma once
#include <string>
#include <vector>

#include "core/policy/policy_document.hpp"

namespace shido::core::policy {

// A policy version as every export lays it out (PDF, .docx, the web page): the title, the
// preamble with its lead, numbered articles, then 制定日 and the signature, right-aligned.
struct PrintedArticle {
    std::string heading;  // "1. 経営者の責任"
    std::string text;
};

struct PolicyPrint {
    std::string title;
    std::string preamble;
    std::vector<PrintedArticle> articles;
    std::string established_line;  // "制定日: 2025年4月1日"
    std::string company_name;
    std::string representative_line;  // "代表取締役社長 山田太郎"
    int version_number = 0;
    bool approved = false;
};

PolicyPrint print_of(const PolicyVersion& version, const PolicySample& sample);

}  // namespace shido::core::policy
