#pragma once
#include <optional>
#include <string>
#include <vector>

namespace shido::core::security_action {

// SECURITY ACTION is the company's own declaration (自己宣言) on IPA's site, never a
// certification. ★ asks to take up the five commitments (情報セキュリティ5か条); ★★ asks for
// the self-assessment, a basic policy and its publication. The words are content data
// (content/security_action/<id>.json); this is the rule which conditions shido has seen met.

struct Commitment {
    std::string title;
    std::string explanation;
};

// The ★★ conditions shido can see, by what it knows.
enum class ConditionKind { self_assessment, policy_approved, policy_published };

struct ConditionSpec {
    ConditionKind kind = ConditionKind::self_assessment;
    std::string label;
    std::string done_text;
    std::string next_step;  // what to do in shido while it is not done
};

struct SecurityActionSpec {
    std::string id;
    std::string title;
    std::string notice;  // a self-declaration, not a certification
    std::string site_url;
    std::string one_star_title;
    std::string one_star_next_step;  // the declaration itself is made on IPA's site
    std::vector<Commitment> commitments;
    std::string two_star_title;
    std::string two_star_next_step;  // every condition met: declare on the site
    std::vector<ConditionSpec> conditions;
};

// What shido knows of one engagement.
struct ReadinessFacts {
    bool self_assessment_finished = false;  // a finished (closed) round
    bool policy_approved = false;           // the owner approved a version
    bool policy_published = false;          // its public page is on
};

struct ConditionStatus {
    const ConditionSpec* spec = nullptr;
    bool done = false;
};

struct Readiness {
    std::vector<ConditionStatus> conditions;  // ★★, in the content's order
    bool two_star_ready = false;
    std::string next_step;  // the first condition not done, or the declaration
};

Readiness readiness(const SecurityActionSpec& spec, const ReadinessFacts& facts);

}  // namespace shido::core::security_action
