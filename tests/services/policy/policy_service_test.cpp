// The basic policy's use cases on a real database: drafting from the sample with the
// company's data, versions kept, approval by the owner only, an approved version that refuses
// every change, stale versions, submission, what the secretariat reads, and the audit trail.
#include <gtest/gtest.h>

#include "services/policy/policy_views.hpp"
#include "storage/audit/audit_repository.hpp"
#include "storage/policy/policy_repository.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using core::documents::DocumentState;

class PolicyServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        // The demo gives each engagement a first version: the sample with the company's data.
        base = policy().get(on_maker(owner1, EngagementAction::view_documents)).head->version;
    }
    services::EngagementGrant on_maker(const core::User& user, EngagementAction action) {
        return grant(as(user), Anchor::engagement, maker.id, action);
    }
    services::PolicyService& policy() { return services_->policy; }
    services::PolicyView save_as(const core::User& user, core::policy::PolicyDocument d,
                                 int version, const std::string& note = "") {
        return policy().save(as(user), on_maker(user, EngagementAction::edit_documents),
                             {std::move(d), note, version});
    }
    core::policy::PolicyDocument sample_draft() {
        return policy().draft(on_maker(owner1, EngagementAction::edit_documents), true).document;
    }
    long long policy_audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        q.entity = "policy_version";
        q.action = action;
        return storage::AuditRepository(c).page(q).total;
    }

    core::User jimu, expert1, owner1;
    core::Engagement maker;
    int base = 0;
};

TEST_F(PolicyServiceTest, TheDraftIsTheSampleWithTheCompanysNameAndRepresentative) {
    auto d = sample_draft();
    EXPECT_EQ(d.company_name, maker.company_name);
    EXPECT_EQ(d.articles.size(), 5u);
    EXPECT_EQ(d.articles[3].title, "法令及び契約上の要求事項の遵守");
    EXPECT_FALSE(d.established_on);
    EXPECT_EQ(policy().status(on_maker(owner1, EngagementAction::view)).state,
              DocumentState::draft);  // the demo's first version
}

TEST_F(PolicyServiceTest, TheHearingNotesProposeTheAssetScopeThroughTheInjectedFunction) {
    std::vector<core::Id> asked;
    services::PolicyService with_notes(env(), [&asked](storage::Connection&, core::Id id) {
        asked.push_back(id);
        return std::vector<std::string>{"顧客情報（氏名・住所）を紙とExcelで管理"};
    });
    auto d = with_notes.draft(on_maker(expert1, EngagementAction::edit_documents), true);
    EXPECT_EQ(asked, std::vector<core::Id>{maker.id});
    EXPECT_EQ(d.proposal.asset_scope, library_.policy_sample.scope_with_customer_information);
    EXPECT_EQ(d.document.asset_scope, d.proposal.asset_scope);
    EXPECT_EQ(d.proposal.found, "顧客情報");
    auto plain = policy().draft(on_maker(expert1, EngagementAction::edit_documents), true);
    EXPECT_EQ(plain.proposal.asset_scope,
              library_.policy_sample.scope_without_customer_information);
}

TEST_F(PolicyServiceTest, EverySaveIsANewVersionAndTheDraftContinuesFromTheNewest) {
    auto first = save_as(owner1, sample_draft(), base, "サンプルから");
    ASSERT_EQ(first.versions.size(), 2u);
    EXPECT_EQ(first.status.state, DocumentState::draft);
    auto d = sample_draft();
    d.articles.push_back({"委託先の管理", "委託先を適切に管理します。"});
    auto second = save_as(expert1, d, first.head->version);
    ASSERT_EQ(second.versions.size(), 3u);
    EXPECT_EQ(second.versions[1].note, "サンプルから");
    EXPECT_EQ(second.versions[2].created_by_name, expert1.name);
    auto next = policy().draft(on_maker(owner1, EngagementAction::edit_documents), false);
    EXPECT_EQ(next.based_on, 3);
    EXPECT_EQ(next.document.articles.size(), 6u);
    EXPECT_EQ(policy_audit("create"), 3);  // the demo's and these two
}

TEST_F(PolicyServiceTest, AStaleVersionIsAConflictAndStoresNothing) {
    auto first = save_as(owner1, sample_draft(), base);
    EXPECT_EQ(code_of([&] { save_as(expert1, sample_draft(), 0); }), core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { save_as(expert1, sample_draft(), base); }), core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { save_as(expert1, sample_draft(), first.head->version + 5); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(policy().get(on_maker(owner1, EngagementAction::view_documents)).versions.size(), 2u);
    EXPECT_EQ(policy_audit("create"), 2);
}

TEST_F(PolicyServiceTest, AnImpossibleEstablishmentDateIsRefusedAndNothingIsStored) {
    auto d = sample_draft();
    d.established_on = "2025-13-01";
    EXPECT_TRUE(fails_on("established_on", [&] { save_as(owner1, d, base); }));
    auto after = policy().get(on_maker(owner1, EngagementAction::view_documents));
    EXPECT_EQ(after.versions.size(), 1u);
    EXPECT_EQ(after.head->version, base);
}

TEST_F(PolicyServiceTest, OnlyTheOwnerApprovesAndAnApprovedVersionRefusesChange) {
    auto saved = save_as(expert1, sample_draft(), base);
    EXPECT_EQ(code_of([&] { on_maker(expert1, EngagementAction::approve_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::approve_documents); }),
              core::ErrorCode::forbidden);
    auto approved = policy().approve(
        as(owner1), on_maker(owner1, EngagementAction::approve_documents), 2, saved.head->version);
    EXPECT_EQ(approved.status.state, DocumentState::approved);
    EXPECT_EQ(approved.versions[1].approved_by_name, owner1.name);
    EXPECT_TRUE(approved.versions[1].approved_at);
    EXPECT_FALSE(approved.versions[0].approved_at);

    auto refused = error_of([&] {
        policy().set_note(as(expert1), on_maker(expert1, EngagementAction::edit_documents), 2,
                          "書き換え", approved.head->version);
    });
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->code(), core::ErrorCode::conflict);
    EXPECT_NE(std::string(refused->what()).find("新しい版"), std::string::npos);
    auto kept = policy().version(on_maker(owner1, EngagementAction::view_documents), 2);
    EXPECT_EQ(kept.note, "");
    EXPECT_EQ(policy_audit("approve_policy"), 1);
    EXPECT_EQ(policy_audit("update"), 0);
}

TEST_F(PolicyServiceTest, TheNoteOfAnUnapprovedVersionCanBeCorrected) {
    auto saved = save_as(owner1, sample_draft(), base);
    auto after = policy().set_note(as(owner1), on_maker(owner1, EngagementAction::edit_documents),
                                   2, "社内確認待ち", saved.head->version);
    EXPECT_EQ(after.versions[1].note, "社内確認待ち");
    EXPECT_EQ(after.head->version, saved.head->version + 1);
    EXPECT_EQ(policy_audit("update"), 1);
}

TEST_F(PolicyServiceTest, TheExpertSubmitsTheApprovedVersionAndTheSecretariatReadsOnlyThat) {
    EXPECT_EQ(code_of([&] {
                  policy().submitted(on_maker(jimu, EngagementAction::view_submitted_documents));
              }),
              core::ErrorCode::conflict);
    auto saved = save_as(owner1, sample_draft(), base);
    EXPECT_EQ(code_of([&] {
                  policy().submit(as(expert1),
                                  on_maker(expert1, EngagementAction::submit_documents),
                                  saved.head->version);
              }),
              core::ErrorCode::conflict);  // nothing approved yet
    auto approved = policy().approve(
        as(owner1), on_maker(owner1, EngagementAction::approve_documents), 2, saved.head->version);
    auto d = sample_draft();
    d.preamble += "（改訂中）";
    auto newer = save_as(owner1, d, approved.head->version);  // a draft after the approval
    auto submitted = policy().submit(
        as(expert1), on_maker(expert1, EngagementAction::submit_documents), newer.head->version);
    EXPECT_EQ(submitted.status.state, DocumentState::submitted);
    EXPECT_EQ(code_of([&] { on_maker(owner1, EngagementAction::submit_documents); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { on_maker(jimu, EngagementAction::view_documents); }),
              core::ErrorCode::forbidden);
    auto read = policy().submitted(on_maker(jimu, EngagementAction::view_submitted_documents));
    EXPECT_EQ(read.version.number, 2);  // the approved one, not the newer draft
    EXPECT_EQ(read.version.document.preamble.find("改訂中"), std::string::npos);
    EXPECT_EQ(policy_audit("submit_policy"), 1);
    EXPECT_EQ(policy().status(on_maker(jimu, EngagementAction::view)).state,
              DocumentState::submitted);
}

TEST_F(PolicyServiceTest, ComparesTwoVersionsAndChecksAPastedPolicy) {
    auto first = save_as(owner1, sample_draft(), base);
    auto d = sample_draft();
    d.articles[1].text = "当社は、情報セキュリティ委員会を設置します。";
    save_as(owner1, d, first.head->version);
    auto rows = policy().compare(on_maker(expert1, EngagementAction::view_documents), 2, 3);
    int changed = 0;
    for (const auto& r : rows) changed += r.change == core::policy::LineChange::changed;
    EXPECT_EQ(changed, 1);
    EXPECT_EQ(code_of([&] {
                  policy().compare(on_maker(expert1, EngagementAction::view_documents), 2, 9);
              }),
              core::ErrorCode::not_found);
    auto coverage = policy().coverage(on_maker(expert1, EngagementAction::edit_documents),
                                      "当社は法令を遵守し、事故の再発防止に努める。");
    ASSERT_EQ(coverage.size(), 5u);
    EXPECT_FALSE(coverage[0].covered);
    EXPECT_TRUE(coverage[3].covered);
    EXPECT_TRUE(coverage[4].covered);
    EXPECT_TRUE(fails_on("text", [&] {
        policy().coverage(on_maker(expert1, EngagementAction::edit_documents), " ");
    }));
}

TEST_F(PolicyServiceTest, StatusesOfManyEngagementsComeFromOneQuery) {
    auto saved = save_as(owner1, sample_draft(), base);
    auto all = services_->engagements.list(as(jimu), {}).items;
    std::vector<core::Id> ids;
    for (const auto& e : all) ids.push_back(e.id);
    storage::Connection c(*db_);
    auto statuses = storage::PolicyRepository(c).statuses(ids);
    ASSERT_EQ(statuses.size(), all.size());  // the demo drafted each engagement's policy
    EXPECT_EQ(statuses.at(maker.id).state, DocumentState::draft);
    EXPECT_EQ(statuses.at(maker.id).updated_at, saved.head->updated_at);
}

}  // namespace
}  // namespace shido::testing

namespace shido::testing {
namespace {

TEST_F(PolicyServiceTest, ThePublicPageShowsTheApprovedVersionUntilSwitchedOff) {
    auto saved = save_as(owner1, sample_draft(), base);
    EXPECT_EQ(code_of([&] {
                  policy().publish(as(owner1),
                                   on_maker(owner1, EngagementAction::approve_documents),
                                   saved.head->version);
              }),
              core::ErrorCode::conflict);  // nothing approved
    auto approved = policy().approve(
        as(owner1), on_maker(owner1, EngagementAction::approve_documents), 2, saved.head->version);
    auto token = policy().publish(as(owner1), on_maker(owner1, EngagementAction::approve_documents),
                                  approved.head->version);
    EXPECT_EQ(token.size(), 32u);
    EXPECT_EQ(policy().public_page(token).version_number, 2);
    {
        storage::Connection c(*db_);
        std::string stored;
        c.sql() << "SELECT public_token_hash FROM policy_documents WHERE engagement_id = :e",
            soci::use(maker.id), soci::into(stored);
        EXPECT_NE(stored, token);  // only the hash is kept
    }
    auto head = policy().get(on_maker(owner1, EngagementAction::view_documents)).head;
    policy().unpublish(as(owner1), on_maker(owner1, EngagementAction::approve_documents),
                       head->version);
    EXPECT_EQ(code_of([&] { policy().public_page(token); }), core::ErrorCode::not_found);
    EXPECT_EQ(policy_audit("publish_policy"), 1);
    EXPECT_EQ(policy_audit("unpublish_policy"), 1);
}

}  // namespace
}  // namespace shido::testing
