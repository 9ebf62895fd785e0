#include "core/policy/policy_document.hpp"

namespace shido::core::policy {

const AssetScope* PolicySample::scope(const std::string& key) const {
    for (const auto& s : asset_scopes)
        if (s.key == key) return &s;
    return nullptr;
}

namespace {

std::string replaced(std::string text, const std::string& token, const std::string& value) {
    for (auto at = text.find(token); at != std::string::npos;
         at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
    return text;
}

}  // namespace

PolicyDocument draft_from_sample(const PolicySample& sample, const CompanyFacts& company,
                                 const std::string& asset_scope) {
    PolicyDocument d;
    d.title = sample.title;
    d.asset_scope = asset_scope;
    d.preamble = sample.preamble;
    for (const auto& a : sample.articles) d.articles.push_back({a.title, a.text});
    d.company_name = company.name;
    d.representative_title = company.representative_title;
    d.representative_name = company.representative_name;
    return d;
}

std::string full_preamble(const PolicyDocument& document, const PolicySample& sample) {
    const auto* scope = sample.scope(document.asset_scope);
    auto lead = replaced(sample.preamble_lead, "{company_name}", document.company_name);
    lead = replaced(lead, "{asset_scope}", scope ? scope->label : "");
    return lead + document.preamble;
}

std::string japanese_date(const std::optional<std::string>& iso_date) {
    if (!iso_date || !is_valid_date(*iso_date)) return "";
    auto number = [&](std::size_t from, std::size_t len) {
        return std::to_string(std::stoi(iso_date->substr(from, len)));
    };
    return number(0, 4) + "年" + number(5, 2) + "月" + number(8, 2) + "日";
}

void validate(const PolicyDocument& d, const PolicySample& sample, Validator& v) {
    v.require_text("title", d.title, max_text_chars);
    if (!sample.scope(d.asset_scope)) {
        std::string choices;
        for (const auto& s : sample.asset_scopes)
            choices += (choices.empty() ? "「" : "」「") + s.label;
        v.fail("asset_scope", "前文の情報資産は" + choices + "」から選んでください。");
    }
    v.optional_paragraphs("preamble", d.preamble, max_policy_text_chars);
    if (d.articles.empty()) v.fail("articles", "条項を1つ以上入力してください。");
    if (d.articles.size() > max_policy_articles)
        v.fail("articles",
               "条項は" + std::to_string(max_policy_articles) + "件までにしてください。");
    for (std::size_t i = 0; i < d.articles.size() && i < max_policy_articles; ++i) {
        auto field = "articles." + std::to_string(i);
        v.require_text(field + ".title", d.articles[i].title, max_text_chars);
        v.optional_paragraphs(field + ".text", d.articles[i].text, max_policy_text_chars);
    }
    if (d.established_on && !is_valid_date(*d.established_on))
        v.fail("established_on", "制定日は実在する日付（例: 2025-04-01）で入力してください。");
    v.require_text("company_name", d.company_name, max_text_chars);
    v.optional_text("representative_title", d.representative_title, max_name_chars);
    v.optional_text("representative_name", d.representative_name, max_name_chars);
}

documents::DocumentStatus policy_status(const std::optional<PolicyHead>& head) {
    documents::DocumentStatus s;
    s.kind = documents::DocumentKind::basic_policy;
    if (!head) return s;
    s.updated_at = head->updated_at;
    s.submitted_at = head->submitted_at;
    if (head->submitted_number && head->submitted_number == head->approved_number)
        s.state = documents::DocumentState::submitted;
    else if (head->approved_number)
        s.state = documents::DocumentState::approved;
    else
        s.state = documents::DocumentState::draft;
    return s;
}

}  // namespace shido::core::policy
