#include "core/access/access_policy.hpp"

#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace shido::core {
namespace {

using A = EngagementAction;

// The engagement every actor below is judged against: company 10, expert user 7.
const EngagementScope engagement{/*company_id=*/10, /*expert_id=*/7};

// One actor per way of standing to that engagement.
struct Case {
    std::string name;
    Actor actor;
    Relation relation;  // what relation_of must say
    std::set<EngagementAction> allowed;
};

// The product's rule, written out here from the documentation (ARCHITECTURE.md, the header
// comment of access_policy.hpp), not read from the implementation's table.
const Case cases[] = {
    {"secretariat",
     {1, Role::secretariat, {}, "事務局", {}},
     Relation::secretariat,
     {A::view, A::edit_plan, A::assign_expert, A::view_audit, A::manage_diagnosis, A::view_reports,
      A::review_reports, A::view_submitted_documents, A::view_survey_results, A::manage_members}},
    {"assigned expert",
     {7, Role::expert, {}, "担当専門家", {}},
     Relation::assigned_expert,
     {A::view, A::edit_plan, A::manage_diagnosis, A::record_findings, A::view_records,
      A::write_records, A::work_tasks, A::confirm_arrangements, A::view_reports, A::view_documents,
      A::edit_documents, A::submit_documents, A::view_submitted_documents}},
    {"other expert", {8, Role::expert, {}, "他の専門家", {}}, Relation::other_expert, {}},
    {"owner",
     {20, Role::company, 10, "社長", CompanyRole::owner},
     Relation::owner,
     {A::view, A::manage_diagnosis, A::view_records, A::work_tasks, A::confirm_arrangements,
      A::acknowledge_handling, A::view_reports, A::view_record_reads, A::view_documents,
      A::edit_documents, A::approve_documents, A::view_submitted_documents, A::answer_survey,
      A::manage_members}},
    {"manager",
     {21, Role::company, 10, "担当者", CompanyRole::manager},
     Relation::manager,
     {A::view, A::work_tasks, A::confirm_arrangements, A::acknowledge_handling, A::view_documents,
      A::edit_documents}},
    {"other company",
     {22, Role::company, 11, "他社の社長", CompanyRole::owner},
     Relation::other_company,
     {}},
    {"company member without company",
     {23, Role::company, std::nullopt, "無所属", CompanyRole::owner},
     Relation::other_company,
     {}},
};

const EngagementAction every_action[] = {A::view,
                                         A::edit_plan,
                                         A::assign_expert,
                                         A::view_audit,
                                         A::manage_diagnosis,
                                         A::record_findings,
                                         A::view_records,
                                         A::write_records,
                                         A::work_tasks,
                                         A::confirm_arrangements,
                                         A::acknowledge_handling,
                                         A::view_reports,
                                         A::review_reports,
                                         A::view_record_reads,
                                         A::view_documents,
                                         A::edit_documents,
                                         A::approve_documents,
                                         A::submit_documents,
                                         A::view_submitted_documents,
                                         A::answer_survey,
                                         A::view_survey_results,
                                         A::manage_members};

TEST(AccessPolicy, EveryActionForEveryRelationFollowsTheTable) {
    ASSERT_EQ(std::size(all_engagement_actions), std::size(every_action));
    for (const auto& c : cases) {
        EXPECT_EQ(relation_of(c.actor, engagement), c.relation) << c.name;
        for (auto action : every_action) {
            bool expected = c.allowed.count(action) > 0;
            EXPECT_EQ(may(c.actor, action, engagement), expected)
                << c.name << " / " << to_string(action);
            EXPECT_EQ(may(c.relation, action), expected) << c.name << " / " << to_string(action);
        }
    }
}

TEST(AccessPolicy, EveryRelationHasACase) {
    std::set<Relation> covered;
    for (const auto& c : cases) covered.insert(c.relation);
    for (auto relation : all_relations) EXPECT_TRUE(covered.count(relation)) << to_string(relation);
    EXPECT_EQ(covered.size(), std::size(all_relations));
}

TEST(AccessPolicy, KeysAreDistinct) {
    std::set<std::string_view> actions, relations;
    for (auto action : all_engagement_actions) actions.insert(to_string(action));
    for (auto relation : all_relations) relations.insert(to_string(relation));
    EXPECT_EQ(actions, (std::set<std::string_view>{"view",
                                                   "edit_plan",
                                                   "assign_expert",
                                                   "view_audit",
                                                   "manage_diagnosis",
                                                   "record_findings",
                                                   "view_records",
                                                   "write_records",
                                                   "work_tasks",
                                                   "confirm_arrangements",
                                                   "acknowledge_handling",
                                                   "view_reports",
                                                   "review_reports",
                                                   "view_record_reads",
                                                   "view_documents",
                                                   "edit_documents",
                                                   "approve_documents",
                                                   "submit_documents",
                                                   "view_submitted_documents",
                                                   "answer_survey",
                                                   "view_survey_results",
                                                   "manage_members"}));
    EXPECT_EQ(relations,
              (std::set<std::string_view>{"secretariat", "assigned_expert", "other_expert", "owner",
                                          "manager", "other_company"}));
}

TEST(RelationOf, ExpertOfAnUnassignedEngagementIsAnOtherExpert) {
    EngagementScope unassigned{10, std::nullopt};
    Actor expert{7, Role::expert, {}, "専門家", {}};
    EXPECT_EQ(relation_of(expert, unassigned), Relation::other_expert);
    EXPECT_FALSE(may(expert, A::view, unassigned));
}

TEST(RelationOf, OnlyTheRoleDecidesWhichIdIsCompared) {
    // An expert whose user id happens to equal the company id is not a member of it…
    Actor expert{10, Role::expert, {}, "専門家", {}};
    EXPECT_EQ(relation_of(expert, engagement), Relation::other_expert);
    // …and a company member whose user id equals the expert id is not the expert.
    Actor member{7, Role::company, 11, "他社", CompanyRole::manager};
    EXPECT_EQ(relation_of(member, engagement), Relation::other_company);
    // A company id on a secretariat or expert account changes nothing.
    Actor secretariat{1, Role::secretariat, 11, "事務局", {}};
    EXPECT_EQ(relation_of(secretariat, engagement), Relation::secretariat);
    Actor expert_with_company{8, Role::expert, 10, "専門家", CompanyRole::owner};
    EXPECT_EQ(relation_of(expert_with_company, engagement), Relation::other_expert);
}

TEST(RelationOf, CompanyMemberWithoutPositionIsAManager) {
    Actor member{21, Role::company, 10, "社員", std::nullopt};
    EXPECT_EQ(relation_of(member, engagement), Relation::manager);
    EXPECT_FALSE(may(member, A::manage_diagnosis, engagement));
}

TEST(VisibleScope, FollowsTheRole) {
    auto secretariat = visible_scope(Actor{1, Role::secretariat, {}, "事務局", {}});
    EXPECT_EQ(secretariat.kind, VisibleScope::Kind::everything);

    auto expert = visible_scope(Actor{7, Role::expert, {}, "専門家", {}});
    EXPECT_EQ(expert.kind, VisibleScope::Kind::assigned_to_expert);
    EXPECT_EQ(expert.id, 7);

    auto owner = visible_scope(Actor{20, Role::company, 10, "社長", CompanyRole::owner});
    EXPECT_EQ(owner.kind, VisibleScope::Kind::of_company);
    EXPECT_EQ(owner.id, 10);

    auto manager = visible_scope(Actor{21, Role::company, 10, "担当者", CompanyRole::manager});
    EXPECT_EQ(manager.kind, VisibleScope::Kind::of_company);
    EXPECT_EQ(manager.id, 10);

    auto orphan = visible_scope(Actor{23, Role::company, std::nullopt, "無所属", {}});
    EXPECT_EQ(orphan.kind, VisibleScope::Kind::nothing);
}

TEST(VisibleScope, SecretariatWithACompanyStillSeesEverything) {
    auto scope = visible_scope(Actor{1, Role::secretariat, 10, "事務局", {}});
    EXPECT_EQ(scope.kind, VisibleScope::Kind::everything);
}

TEST(AccessPolicy, OnlyTheSecretariatIsTheSecretariat) {
    const Actor secretariat{1, Role::secretariat, {}, "事務局", {}};
    const Actor expert{7, Role::expert, {}, "担当", {}};
    EXPECT_TRUE(is_secretariat(secretariat));
    EXPECT_FALSE(is_secretariat(expert));
}

}  // namespace
}  // namespace shido::core
