#include "content/regulations.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

Regulations parse_regulations(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    Regulations out{r.text("id"), r.integer("version"), r.text("title"), {}, {}};
    const auto& results = r.array("review_results");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < results.size(); ++i) {
        Reader rr(results[i], source + ".review_results[" + std::to_string(i) + "]");
        out.review_results.push_back({rr.text("key"), rr.text("label")});
        rr.finish();
        if (!keys.insert(out.review_results.back().key).second) rr.fail("duplicate key");
    }
    if (out.review_results.empty()) r.fail("review_results must not be empty");
    const auto& categories = r.array("categories");
    for (std::size_t i = 0; i < categories.size(); ++i) {
        Reader cr(categories[i], source + ".categories[" + std::to_string(i) + "]");
        out.categories.push_back({cr.integer("no"), cr.text("name"), cr.text("outline")});
        cr.finish();
        if (out.categories.back().no != static_cast<int>(i) + 1)
            cr.fail("categories must be numbered 1, 2, ... in order");
    }
    if (out.categories.empty()) r.fail("categories must not be empty");
    r.finish();
    return out;
}

}  // namespace shido::content
