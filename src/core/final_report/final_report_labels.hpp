#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/final_report/final_report.hpp"

namespace shido::core::final_report {

struct SectionLabel {
    Section section = Section::overview;
    std::string heading;        // 実施概要, …
    std::size_t max_chars = 0;  // the longest text the section takes
    bool required = false;      // must have text before the report is submitted
};

// The report's words as the programme gives them (content/final_report/<id>.json): headings,
// limits and the phrases the draft is written with. A phrase may hold {name} placeholders.
struct Labels {
    std::string id;
    int version = 0;
    std::string title;                           // 最終報告書
    std::vector<SectionLabel> sections;          // one per Section, in its order
    std::map<std::string, std::string> phrases;  // by key (see draft.cpp for the keys used)

    const SectionLabel& section(Section s) const;
    const std::string& phrase(const std::string& key) const;  // throws on an unknown key
};

// The phrase keys the draft uses; the loader refuses a file missing one.
const std::vector<std::string>& phrase_keys();

// `text` with each {name} replaced by its value; unknown names are left as they are.
std::string fill(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace shido::core::final_report
