// 様式3 on a real database: who may read, edit, approve and submit it; the build from the demo's
// key finding and a 様式2 category (twice adds nothing); whole-sheet saves keeping ids and
// sources; 409 on a stale version; unknown ids refused; the audit; approval snapshots and a
// later change being a new version; the status the engagement page reads.
#include <gtest/gtest.h>

#include "services/action_plan/action_plan_views.hpp"
#include "storage/audit/audit_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using core::action_plan::Measure;
using core::documents::DocumentState;

class ActionPlanServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        manager = add_user("manager-plan@example.jp", "製作所 管理者", core::Role::company,
                           maker.company_id, "manager");
    }
    services::EngagementGrant on_maker(const core::User& user, EngagementAction action) {
        return grant(as(user), Anchor::engagement, maker.id, action);
    }
    // 様式2 category 4 (アクセス制御及び認証) marked revised, as the expert does in session 2.
    void revise_rule_category() {
        core::rules::RowInput in;
        in.result = "revised";
        in.content = "パスワード規程を改定";
        in.assignee = "情報システム 担当";
        in.due_date = "2027-03-31";
        services_->rules_check.save_row(
            as(expert1), on_maker(expert1, EngagementAction::edit_documents), 4, in, 0);
    }
    services::ActionPlanBuilt build(const core::User& who, int version) {
        return services_->action_plan.build(
            as(who), on_maker(who, EngagementAction::edit_documents), version);
    }
    services::ActionPlanView save(const core::User& who, int version, std::vector<Measure> rows) {
        return services_->action_plan.save(as(who), on_maker(who, EngagementAction::edit_documents),
                                           version, std::move(rows));
    }
    static std::vector<Measure> measures_of(const services::ActionPlanView& view) {
        std::vector<Measure> out;
        for (const auto& m : view.measures) out.push_back(m.measure);
        std::sort(out.begin(), out.end(),
                  [](const Measure& a, const Measure& b) { return a.position < b.position; });
        return out;
    }
    std::vector<storage::AuditEntry> audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        q.entity = "action_plan";
        q.action = action;
        return storage::AuditRepository(c).page(q).items;
    }

    core::User jimu, expert1, owner1, manager;
    core::Engagement maker;
};

TEST_F(ActionPlanServiceTest, BuildTakesTheKeyFindingAndTheRevisedCategoryOnce) {
    revise_rule_category();
    auto first = services_->action_plan.get(on_maker(owner1, EngagementAction::view_documents));
    EXPECT_EQ(first.state, DocumentState::not_started);
    ASSERT_EQ(first.coverage.size(), 2u);
    EXPECT_TRUE(first.coverage[0].measure_ids.empty());

    auto built = build(expert1, 0);
    EXPECT_EQ(built.added, 2);
    EXPECT_EQ(built.view.version(), 1);
    ASSERT_EQ(built.view.measures.size(), 2u);
    // The finding (高/高/中) comes before the rule row (no ratings) by the priority rule.
    const auto& top = built.view.measures[0];
    EXPECT_EQ(top.priority, 1);
    EXPECT_EQ(top.measure.situation, "重要情報のアクセス権が部署ごとに設定されていない");
    EXPECT_EQ(top.measure.area_key, "technical");
    ASSERT_EQ(top.items.size(), 1u);
    EXPECT_EQ(top.items[0].no, 4);
    // The thread reaches the revised category of the same area.
    ASSERT_EQ(top.rules.size(), 1u);
    EXPECT_EQ(top.rules[0].no, 4);
    EXPECT_FALSE(top.rules[0].direct);
    const auto& rule = built.view.measures[1];
    EXPECT_EQ(rule.measure.action, "パスワード規程を改定");
    EXPECT_EQ(rule.measure.owner, "情報システム 担当");
    ASSERT_EQ(rule.rules.size(), 1u);
    EXPECT_TRUE(rule.rules[0].direct);
    for (const auto& c : built.view.coverage) EXPECT_EQ(c.measure_ids.size(), 1u);

    auto again = build(expert1, 1);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.view.version(), 1);
    EXPECT_EQ(again.view.measures.size(), 2u);
    EXPECT_EQ(audit("build_action_plan").size(), 1u);
}

TEST_F(ActionPlanServiceTest, SaveKeepsIdsAndSourcesRefusesUnknownIdsAndStaleVersions) {
    auto built = build(expert1, 0);
    auto rows = measures_of(built.view);
    ASSERT_EQ(rows.size(), 1u);
    auto id = rows[0].id;
    rows[0].urgency = core::diagnosis::Level::low;
    rows[0].sources.clear();  // a client cannot change where a row came from
    Measure by_hand;
    by_hand.area_key = "physical";
    by_hand.action = "入退室の記録を付ける";
    rows.push_back(by_hand);
    auto saved = save(owner1, 1, rows);
    EXPECT_EQ(saved.version(), 2);
    auto stored = measures_of(saved);
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[0].id, id);
    EXPECT_EQ(stored[0].urgency, core::diagnosis::Level::low);
    ASSERT_EQ(stored[0].sources.size(), 1u);
    EXPECT_TRUE(stored[1].sources.empty());
    EXPECT_EQ(audit("update").size(), 1u);

    EXPECT_EQ(code_of([&] { save(expert1, 1, stored); }), core::ErrorCode::conflict);
    auto unknown = stored;
    unknown[1].id = 999999;
    auto error = error_of([&] { save(expert1, 2, unknown); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    EXPECT_TRUE(error->fields().count("measures[1].id"));
    auto early = stored;
    early[0].deadline = "2026-01-01";  // before the first session (2026-12-03)
    EXPECT_TRUE(fails_on("measures[0].deadline", [&] { save(expert1, 2, early); }));
    EXPECT_EQ(
        measures_of(services_->action_plan.get(on_maker(expert1, EngagementAction::view_documents)))
            .size(),
        2u);

    // The preview shows the diff without writing.
    auto changed = stored;
    changed[1].owner = "総務 花子";
    auto diff = services_->action_plan.preview(on_maker(expert1, EngagementAction::edit_documents),
                                               {changed[1]});
    ASSERT_EQ(diff.removed.size(), 1u);
    EXPECT_EQ(diff.removed[0].id, id);
    ASSERT_EQ(diff.changed.size(), 1u);
    EXPECT_EQ(diff.changed[0].fields.back().field, "owner");
    EXPECT_EQ(
        services_->action_plan.get(on_maker(expert1, EngagementAction::view_documents)).version(),
        2);
}

TEST_F(ActionPlanServiceTest, OnlyTheOwnerApprovesAndALaterChangeIsANewVersion) {
    build(expert1, 0);
    auto approve = [&](const core::User& who, int version) {
        return services_->action_plan.approve(
            as(who), on_maker(who, EngagementAction::approve_documents), version);
    };
    EXPECT_EQ(code_of([&] { approve(expert1, 1); }), core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { approve(manager, 1); }), core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { approve(owner1, 2); }), core::ErrorCode::conflict);
    auto approved = approve(owner1, 1);
    EXPECT_EQ(approved.state, DocumentState::approved);
    EXPECT_EQ(approved.stored->approved_by_name, owner1.name);
    EXPECT_EQ(approved.stored->approved_at, now_);
    EXPECT_EQ(code_of([&] { approve(owner1, 1); }), core::ErrorCode::conflict);
    EXPECT_EQ(audit("approve_action_plan").size(), 1u);

    auto rows = measures_of(approved);
    rows[0].action = "部署ごとのフォルダに分ける";
    auto changed = save(expert1, 1, rows);
    EXPECT_EQ(changed.version(), 2);
    EXPECT_EQ(changed.state, DocumentState::draft);
    // The approved version is still there as it was.
    auto snapshot = services_->action_plan.approved_snapshot(
        on_maker(expert1, EngagementAction::view_documents));
    EXPECT_EQ(snapshot.version, 1);
    EXPECT_EQ(snapshot.approved_by_name, owner1.name);
    EXPECT_EQ(snapshot.company_name, maker.company_name);
    ASSERT_EQ(snapshot.measures.size(), 1u);
    EXPECT_EQ(snapshot.measures[0].action, "");
}

TEST_F(ActionPlanServiceTest, TheExpertSubmitsOnlyAnApprovedVersionAndTheSecretariatReadsIt) {
    build(expert1, 0);
    auto submit = [&](const core::User& who, int version) {
        return services_->action_plan.submit(
            as(who), on_maker(who, EngagementAction::submit_documents), version);
    };
    EXPECT_EQ(code_of([&] { submit(expert1, 1); }), core::ErrorCode::conflict);  // not approved
    EXPECT_EQ(code_of([&] {
                  services_->action_plan.submitted(
                      on_maker(jimu, EngagementAction::view_submitted_documents));
              }),
              core::ErrorCode::conflict);
    services_->action_plan.approve(as(owner1),
                                   on_maker(owner1, EngagementAction::approve_documents), 1);
    EXPECT_EQ(code_of([&] { submit(owner1, 1); }), core::ErrorCode::forbidden);
    auto submitted = submit(expert1, 1);
    EXPECT_EQ(submitted.state, DocumentState::submitted);
    auto json = services_->action_plan.submitted(
        on_maker(jimu, EngagementAction::view_submitted_documents));
    EXPECT_EQ(json["state"], "submitted");
    EXPECT_EQ(json["measures"].size(), 1u);
    EXPECT_EQ(services_->action_plan.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::submitted);
    EXPECT_EQ(audit("submit_action_plan").size(), 1u);
}

TEST_F(ActionPlanServiceTest, TheSecretariatNeitherReadsTheDraftNorEditsIt) {
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::view_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::edit_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(services_->action_plan.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::not_started);
    // The documents overview learns the plan's state from the registered reader.
    build(expert1, 0);
    EXPECT_EQ(services_->action_plan.status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::draft);
}

}  // namespace
}  // namespace shido::testing
