#include "core/policy/policy_analysis.hpp"

namespace shido::core::policy {

namespace {

// Full-width and half-width spaces and line breaks do not separate Japanese words, and pasted
// text is full of them: a phrase is looked for in the text without them.
std::string policy_without_spaces(const std::string& text) {
    static const std::string ideographic_space = "\u3000";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, ideographic_space.size(), ideographic_space) == 0) {
            i += ideographic_space.size() - 1;
            continue;
        }
        char ch = text[i];
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
        out += ch;
    }
    return out;
}

}  // namespace

std::vector<ArticleCoverage> coverage(const std::string& pasted_text, const PolicySample& sample) {
    auto text = policy_without_spaces(pasted_text);
    std::vector<ArticleCoverage> out;
    int no = 0;
    for (const auto& article : sample.articles) {
        ArticleCoverage c{++no, article.title, false, std::nullopt};
        std::vector<std::string> phrases{article.title};
        phrases.insert(phrases.end(), article.coverage_phrases.begin(),
                       article.coverage_phrases.end());
        for (const auto& phrase : phrases) {
            if (!phrase.empty() && text.find(policy_without_spaces(phrase)) != std::string::npos) {
                c.covered = true;
                c.found = phrase;
                break;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

ScopeProposal propose_asset_scope(const std::vector<std::string>& hearing_texts,
                                  const PolicySample& sample) {
    for (const auto& raw : hearing_texts) {
        auto text = policy_without_spaces(raw);
        for (const auto& phrase : sample.customer_information_phrases)
            if (!phrase.empty() && text.find(policy_without_spaces(phrase)) != std::string::npos)
                return {sample.scope_with_customer_information, phrase};
    }
    return {sample.scope_without_customer_information, std::nullopt};
}

}  // namespace shido::core::policy
