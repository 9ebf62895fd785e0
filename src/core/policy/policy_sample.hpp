#pragma once
#include <string>
#include <vector>

namespace shido::core::policy {

// The guide's sample basic policy (付録2), as loaded from content/policy/<id>.json: the text a
// company adapts, the choices of whose information assets the preamble names, and the phrases
// by which shido recognises the sample's articles in a pasted policy and customer information
// in the hearing notes. Nothing of it is written in code.
struct AssetScope {
    std::string key;    // customer_entrusted, own, both
    std::string label;  // お客様からお預かりした, 当社の, ...
};

struct SampleArticle {
    std::string title;
    std::string text;
    std::vector<std::string> coverage_phrases;  // any of them shows a pasted policy covers it
};

struct SampleLabels {
    std::string title;           // 表題
    std::string preamble;        // 前文
    std::string established_on;  // 制定日
    std::string signature;       // 会社名・代表者
};

struct PolicySample {
    std::string id;
    int version = 0;
    std::string title;
    std::string source;
    std::string preamble_lead;  // "{company_name}（以下、当社）は、{asset_scope}"
    std::string preamble;       // what follows the asset scope
    std::vector<AssetScope> asset_scopes;
    std::string scope_with_customer_information;
    std::string scope_without_customer_information;
    std::vector<std::string> customer_information_phrases;
    std::vector<SampleArticle> articles;
    SampleLabels labels;

    const AssetScope* scope(const std::string& key) const;
};

}  // namespace shido::core::policy
