#include "storage/access/anchor_repository.hpp"

#include <string>

#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* engagement_columns = "SELECT e.id, e.company_id, e.expert_id ";

// The FROM/WHERE part per anchor: each joins its way up to the engagement by primary keys.
std::string anchor_sql(core::Anchor anchor) {
    switch (anchor) {
        case core::Anchor::engagement:
            return "FROM engagements e WHERE e.id = :id";
        case core::Anchor::diagnosis_round:
            return "FROM diagnosis_rounds r JOIN engagements e ON e.id = r.engagement_id "
                   "WHERE r.id = :id";
        case core::Anchor::respondent:
            return "FROM respondents p JOIN diagnosis_rounds r ON r.id = p.round_id "
                   "JOIN engagements e ON e.id = r.engagement_id WHERE p.id = :id";
        case core::Anchor::company:
            break;  // company_scope below
    }
    return "FROM engagements e WHERE 1 = 0";
}

struct CompanyScopeLookup {
    explicit CompanyScopeLookup(soci::session& sql) : st(sql) {
        st.exchange(soci::into(company_id));
        st.exchange(soci::into(assigned));
        st.exchange(soci::use(expert_key));
        st.exchange(soci::use(key));
        prepare(st,
                "SELECT c.id, (SELECT COUNT(*) FROM engagements e WHERE e.company_id = c.id "
                "AND e.expert_id = :x) FROM companies c WHERE c.id = :id");
    }
    long long key = 0, expert_key = 0, company_id = 0, assigned = 0;
    soci::statement st;
};

std::optional<AnchoredEngagement> company_scope(Connection& c, core::Id id,
                                                const core::Actor& actor) {
    auto& q = c.prepared<CompanyScopeLookup>();
    q.key = id;
    q.expert_key = actor.role == core::Role::expert ? actor.user_id : 0;
    if (!fetch_one(q.st, c.dialect())) return std::nullopt;
    std::optional<core::Id> expert;
    if (q.assigned > 0) expert = actor.user_id;
    return AnchoredEngagement{0, {q.company_id, expert}};
}

template <core::Anchor A>
struct AnchorLookup {
    explicit AnchorLookup(soci::session& sql) : st(sql) {
        st.exchange(soci::into(engagement_id));
        st.exchange(soci::into(company_id));
        st.exchange(soci::into(expert.value, expert.ind));
        st.exchange(soci::use(key));
        prepare(st, engagement_columns + anchor_sql(A));
    }
    long long key = 0, engagement_id = 0, company_id = 0;
    NullableIn<long long> expert;
    soci::statement st;
};

template <core::Anchor A>
std::optional<AnchoredEngagement> lookup(Connection& c, core::Id id) {
    auto& q = c.prepared<AnchorLookup<A>>();
    q.key = id;
    q.expert = {};
    if (!fetch_one(q.st, c.dialect())) return std::nullopt;
    return AnchoredEngagement{q.engagement_id, {q.company_id, q.expert.get()}};
}

}  // namespace

std::optional<AnchoredEngagement> find_anchored_engagement(Connection& c, core::Anchor anchor,
                                                           core::Id id, const core::Actor& actor) {
    switch (anchor) {
        case core::Anchor::engagement:
            return lookup<core::Anchor::engagement>(c, id);
        case core::Anchor::diagnosis_round:
            return lookup<core::Anchor::diagnosis_round>(c, id);
        case core::Anchor::respondent:
            return lookup<core::Anchor::respondent>(c, id);
        case core::Anchor::company:
            return company_scope(c, id, actor);
    }
    return std::nullopt;
}

}  // namespace shido::storage
