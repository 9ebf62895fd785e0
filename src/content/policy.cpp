#include "content/policy.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

core::policy::PolicySample parse_policy_sample(const nlohmann::json& doc,
                                               const std::string& source) {
    Reader r(doc, source);
    core::policy::PolicySample s;
    s.id = r.text("id");
    s.version = r.integer("version");
    s.title = r.text("title");
    s.source = r.text("source");
    s.preamble_lead = r.text("preamble_lead");
    s.preamble = r.text("preamble");
    if (s.preamble_lead.find("{company_name}") == std::string::npos ||
        s.preamble_lead.find("{asset_scope}") == std::string::npos)
        r.fail("preamble_lead must hold {company_name} and {asset_scope}");
    const auto& scopes = r.array("asset_scopes");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        Reader sr(scopes[i], source + ".asset_scopes[" + std::to_string(i) + "]");
        s.asset_scopes.push_back({sr.text("key"), sr.text("label")});
        sr.finish();
        if (!keys.insert(s.asset_scopes.back().key).second) sr.fail("duplicate key");
    }
    if (s.asset_scopes.empty()) r.fail("asset_scopes must not be empty");
    s.scope_with_customer_information = r.text("scope_with_customer_information");
    s.scope_without_customer_information = r.text("scope_without_customer_information");
    if (!keys.contains(s.scope_with_customer_information) ||
        !keys.contains(s.scope_without_customer_information))
        r.fail("the proposed scopes must be keys of asset_scopes");
    s.customer_information_phrases = r.texts("customer_information_phrases");
    const auto& articles = r.array("articles");
    for (std::size_t i = 0; i < articles.size(); ++i) {
        Reader ar(articles[i], source + ".articles[" + std::to_string(i) + "]");
        s.articles.push_back({ar.text("title"), ar.text("text"), ar.texts("coverage_phrases")});
        ar.finish();
        if (s.articles.back().coverage_phrases.empty())
            ar.fail("coverage_phrases must not be empty");
    }
    if (s.articles.empty()) r.fail("articles must not be empty");
    Reader lr(r.object("labels"), source + ".labels");
    s.labels = {lr.text("title"), lr.text("preamble"), lr.text("established_on"),
                lr.text("signature")};
    lr.finish();
    r.finish();
    return s;
}

}  // namespace shido::content
