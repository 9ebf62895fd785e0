#include "core/policy/policy_print.hpp"

namespace shido::core::policy {

PolicyPrint print_of(const PolicyVersion& version, const PolicySample& sample) {
    const auto& d = version.document;
    PolicyPrint p;
    p.title = d.title;
    p.preamble = full_preamble(d, sample);
    for (std::size_t i = 0; i < d.articles.size(); ++i)
        p.articles.push_back(
            {std::to_string(i + 1) + ". " + d.articles[i].title, d.articles[i].text});
    auto date = japanese_date(d.established_on);
    p.established_line = sample.labels.established_on + ": " + (date.empty() ? "未定" : date);
    p.company_name = d.company_name;
    p.representative_line = d.representative_title;
    if (!d.representative_title.empty() && !d.representative_name.empty())
        p.representative_line += " ";
    p.representative_line += d.representative_name;
    p.version_number = version.number;
    p.approved = version.approved();
    return p;
}

}  // namespace shido::core::policy
