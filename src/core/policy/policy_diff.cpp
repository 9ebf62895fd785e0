#include "core/policy/policy_diff.hpp"

#include <dtl/dtl.hpp>

namespace shido::core::policy {

namespace {

std::vector<std::string> policy_split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    for (char ch : text) {
        if (ch == '\r') continue;
        if (ch == '\n') {
            lines.push_back(std::move(line));
            line.clear();
        } else {
            line += ch;
        }
    }
    if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

// UTF-8 code points as strings (the text is valid UTF-8: it was checked on the way in).
std::vector<std::string> policy_code_points(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

void policy_append(std::vector<DiffSegment>& segments, const std::string& text, bool changed) {
    if (!segments.empty() && segments.back().changed == changed)
        segments.back().text += text;
    else
        segments.push_back({text, changed});
}

}  // namespace

std::vector<PolicyLine> lines_of(const PolicyDocument& d, const PolicySample& sample) {
    std::vector<PolicyLine> out;
    auto add = [&out](const std::string& section, const std::string& text) {
        for (auto& line : policy_split_lines(text)) out.push_back({section, std::move(line)});
    };
    add(sample.labels.title, d.title);
    add(sample.labels.preamble, full_preamble(d, sample));
    for (std::size_t i = 0; i < d.articles.size(); ++i) {
        auto heading = std::to_string(i + 1) + ". " + d.articles[i].title;
        out.push_back({heading, heading});
        add(heading, d.articles[i].text);
    }
    auto date = japanese_date(d.established_on);
    out.push_back({sample.labels.established_on, sample.labels.established_on + ": " + date});
    out.push_back({sample.labels.signature, d.company_name});
    auto representative =
        d.representative_title +
        (d.representative_title.empty() || d.representative_name.empty() ? "" : " ") +
        d.representative_name;
    out.push_back({sample.labels.signature, representative});
    return out;
}

std::pair<std::vector<DiffSegment>, std::vector<DiffSegment>> diff_characters(
    const std::string& left, const std::string& right) {
    dtl::Diff<std::string> diff(policy_code_points(left), policy_code_points(right));
    diff.compose();
    std::vector<DiffSegment> l, r;
    const auto sequence = diff.getSes().getSequence();
    for (const auto& [ch, info] : sequence) {
        if (info.type == dtl::SES_COMMON) {
            policy_append(l, ch, false);
            policy_append(r, ch, false);
        } else if (info.type == dtl::SES_DELETE) {
            policy_append(l, ch, true);
        } else {
            policy_append(r, ch, true);
        }
    }
    return {std::move(l), std::move(r)};
}

std::vector<DiffRow> diff_lines(const std::vector<PolicyLine>& left,
                                const std::vector<PolicyLine>& right) {
    std::vector<std::string> a, b;
    for (const auto& l : left) a.push_back(l.text);
    for (const auto& l : right) b.push_back(l.text);
    dtl::Diff<std::string> diff(a, b);
    diff.compose();
    std::vector<DiffRow> rows;
    std::vector<std::size_t> removed, added;  // pending, paired when the run ends
    auto flush = [&]() {
        std::size_t pairs = std::min(removed.size(), added.size());
        for (std::size_t i = 0; i < removed.size() || i < added.size(); ++i) {
            DiffRow row;
            if (i < pairs) {
                row.change = LineChange::changed;
                row.section = right[added[i]].section;
                row.left = left[removed[i]].text;
                row.right = right[added[i]].text;
                std::tie(row.left_segments, row.right_segments) =
                    diff_characters(*row.left, *row.right);
            } else if (i < removed.size()) {
                row.change = LineChange::removed;
                row.section = left[removed[i]].section;
                row.left = left[removed[i]].text;
                row.left_segments = {{*row.left, true}};
            } else {
                row.change = LineChange::added;
                row.section = right[added[i]].section;
                row.right = right[added[i]].text;
                row.right_segments = {{*row.right, true}};
            }
            rows.push_back(std::move(row));
        }
        removed.clear();
        added.clear();
    };
    const auto sequence = diff.getSes().getSequence();
    for (const auto& [text, info] : sequence) {
        if (info.type == dtl::SES_DELETE) {
            removed.push_back(static_cast<std::size_t>(info.beforeIdx - 1));
        } else if (info.type == dtl::SES_ADD) {
            added.push_back(static_cast<std::size_t>(info.afterIdx - 1));
        } else {
            flush();
            DiffRow row;
            row.section = right[static_cast<std::size_t>(info.afterIdx - 1)].section;
            row.left = row.right = text;
            row.left_segments = row.right_segments = {{text, false}};
            rows.push_back(std::move(row));
        }
    }
    flush();
    return rows;
}

const char* to_string(LineChange change) {
    switch (change) {
        case LineChange::unchanged:
            return "unchanged";
        case LineChange::changed:
            return "changed";
        case LineChange::added:
            return "added";
        case LineChange::removed:
            return "removed";
    }
    return "unchanged";
}

}  // namespace shido::core::policy
