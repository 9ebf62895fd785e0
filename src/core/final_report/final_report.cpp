#include "core/final_report/final_report.hpp"

#include <stdexcept>

#include "core/final_report/final_report_labels.hpp"

namespace shido::core::final_report {

namespace {

constexpr std::array<std::string_view, sections.size()> final_report_section_keys{
    "overview", "diagnosis", "policy", "rules", "plan", "support", "evaluation"};

}  // namespace

std::string_view key_of(Section section) {
    return final_report_section_keys[static_cast<std::size_t>(section)];
}

std::optional<Section> parse_section(std::string_view key) {
    for (auto s : sections)
        if (key_of(s) == key) return s;
    return std::nullopt;
}

bool generated(Section section) {
    return section != Section::support && section != Section::evaluation;
}

documents::DocumentState document_state_of(const std::optional<ReportState>& state) {
    using documents::DocumentState;
    if (!state) return DocumentState::not_started;
    switch (*state) {
        case ReportState::draft:
        case ReportState::returned:
            return DocumentState::draft;
        case ReportState::submitted:
        case ReportState::accepted:
            return DocumentState::submitted;
    }
    return DocumentState::draft;
}

const SectionLabel& Labels::section(Section s) const {
    for (const auto& label : sections)
        if (label.section == s) return label;
    throw std::logic_error("final report section without a label");
}

const std::string& Labels::phrase(const std::string& key) const {
    auto it = phrases.find(key);
    if (it == phrases.end()) throw std::logic_error("final report phrase missing: " + key);
    return it->second;
}

const std::vector<std::string>& phrase_keys() {
    static const std::vector<std::string> keys{
        "session_held",     "session_planned",  "session_unplanned",
        "no_sessions",      "no_round",         "first_round",
        "final_round",      "no_final_round",   "difference",
        "improved",         "declined",         "item",
        "policy_none",      "policy_draft",     "policy_approved",
        "policy_submitted", "policy_published", "policy_not_published",
        "rules_none",       "rules_count",      "rules_unset",
        "plan_state",       "plan_summary"};
    return keys;
}

std::string fill(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto open = text.find('{', i);
        auto close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, open - i);
        auto it = values.find(text.substr(open + 1, close - open - 1));
        out += it == values.end() ? text.substr(open, close - open + 1) : it->second;
        i = close + 1;
    }
    return out;
}

}  // namespace shido::core::final_report
