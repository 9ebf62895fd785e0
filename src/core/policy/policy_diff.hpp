#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy_document.hpp"

namespace shido::core::policy {

// A version as the lines a reader compares: each with the part of the policy it belongs to.
struct PolicyLine {
    std::string section;  // 前文, 1. 経営者の責任, 制定日, ...
    std::string text;
};

std::vector<PolicyLine> lines_of(const PolicyDocument& document, const PolicySample& sample);

enum class LineChange { unchanged, changed, added, removed };

// A run of characters of one side of a row; `changed` marks what differs from the other side.
struct DiffSegment {
    std::string text;
    bool changed = false;
};

// One row of the side-by-side comparison: the left (older) and right (newer) line. Within a
// changed line the changed characters are marked: Japanese has no spaces to diff words by.
struct DiffRow {
    std::string section;
    LineChange change = LineChange::unchanged;
    std::optional<std::string> left;
    std::optional<std::string> right;
    std::vector<DiffSegment> left_segments;
    std::vector<DiffSegment> right_segments;
};

std::vector<DiffRow> diff_lines(const std::vector<PolicyLine>& left,
                                const std::vector<PolicyLine>& right);

// The segments of two versions of one line, compared character by character.
std::pair<std::vector<DiffSegment>, std::vector<DiffSegment>> diff_characters(
    const std::string& left, const std::string& right);

const char* to_string(LineChange change);

}  // namespace shido::core::policy
