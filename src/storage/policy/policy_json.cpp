#include "storage/policy/policy_json.hpp"

namespace shido::storage {

nlohmann::json to_json(const core::policy::PolicyDocument& d) {
    auto articles = nlohmann::json::array();
    for (const auto& a : d.articles) articles.push_back({{"title", a.title}, {"text", a.text}});
    return {{"title", d.title},
            {"asset_scope", d.asset_scope},
            {"preamble", d.preamble},
            {"articles", articles},
            {"established_on",
             d.established_on ? nlohmann::json(*d.established_on) : nlohmann::json(nullptr)},
            {"company_name", d.company_name},
            {"representative_title", d.representative_title},
            {"representative_name", d.representative_name}};
}

core::policy::PolicyDocument policy_document_from_json(const nlohmann::json& j) {
    core::policy::PolicyDocument d;
    d.title = j.at("title").get<std::string>();
    d.asset_scope = j.at("asset_scope").get<std::string>();
    d.preamble = j.at("preamble").get<std::string>();
    for (const auto& a : j.at("articles"))
        d.articles.push_back({a.at("title").get<std::string>(), a.at("text").get<std::string>()});
    if (!j.at("established_on").is_null())
        d.established_on = j.at("established_on").get<std::string>();
    d.company_name = j.at("company_name").get<std::string>();
    d.representative_title = j.at("representative_title").get<std::string>();
    d.representative_name = j.at("representative_name").get<std::string>();
    return d;
}

}  // namespace shido::storage
