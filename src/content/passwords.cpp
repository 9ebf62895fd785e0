#include "content/passwords.hpp"

#include <algorithm>
#include <cctype>

#include "content/json_file.hpp"

namespace shido::content {

core::PasswordRule parse_password_rule(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    r.text("id");
    r.text("description");
    core::PasswordRule rule;
    auto min = r.integer("min_length");
    if (min < 8 || min > 64) r.fail("min_length must be between 8 and 64");
    rule.min_chars = static_cast<std::size_t>(min);
    const auto& common = r.array("common");
    for (std::size_t i = 0; i < common.size(); ++i) {
        if (!common[i].is_string() || common[i].get<std::string>().empty())
            r.fail("common[" + std::to_string(i) + "] must be a non-empty string");
        auto word = common[i].get<std::string>();
        if (std::any_of(word.begin(), word.end(),
                        [](unsigned char c) { return std::isupper(c) != 0; }))
            r.fail("common[" + std::to_string(i) + "] must be lower case (compared without case)");
        rule.common.push_back(std::move(word));
    }
    std::sort(rule.common.begin(), rule.common.end());
    if (std::adjacent_find(rule.common.begin(), rule.common.end()) != rule.common.end())
        r.fail("common has a duplicate entry");
    r.finish();
    return rule;
}

}  // namespace shido::content
