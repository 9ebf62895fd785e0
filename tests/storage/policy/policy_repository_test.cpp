#include "storage/policy/policy_repository.hpp"

#include <gtest/gtest.h>

#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using PolicyRepositoryTest = DatabaseTest;

core::policy::PolicyDocument policy_repository_document(const std::string& company) {
    core::policy::PolicyDocument d;
    d.title = "情報セキュリティ基本方針";
    d.asset_scope = "own";
    d.preamble = "情報資産を守ります。";
    d.articles = {{"経営者の責任", "改善に努めます。\n二行目"}};
    d.established_on = "2025-04-01";
    d.company_name = company;
    return d;
}

TEST_F(PolicyRepositoryTest, VersionsAreNumberedKeptAndGuardedByTheHeadsVersion) {
    storage::Connection c(*db_);
    storage::PolicyRepository repo(c);
    auto company = insert_company(c, "株式会社版管理", now_);
    auto e = insert_engagement(c, company, std::nullopt, core::EngagementStatus::planned, now_);
    EXPECT_FALSE(repo.head(e));
    storage::PolicyActor by{std::nullopt, "経営者"};
    EXPECT_EQ(repo.add_version(e, 0, policy_repository_document("A"), "最初", by, now_), 1);
    EXPECT_FALSE(repo.add_version(e, 0, policy_repository_document("B"), "", by, now_));
    EXPECT_FALSE(repo.add_version(e, 7, policy_repository_document("B"), "", by, now_));
    EXPECT_EQ(repo.add_version(e, 1, policy_repository_document("B"), "", by, now_ + 1), 2);
    auto head = repo.head(e);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->latest_number, 2);
    EXPECT_EQ(head->version, 2);
    auto versions = repo.versions(e);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].document.company_name, "A");
    EXPECT_EQ(versions[0].document.articles[0].text, "改善に努めます。\n二行目");
    EXPECT_EQ(versions[0].document.established_on, "2025-04-01");
    EXPECT_EQ(versions[0].note, "最初");
    EXPECT_EQ(versions[1].created_at, now_ + 1);
    EXPECT_FALSE(repo.version(e, 3));
}

TEST_F(PolicyRepositoryTest, AnApprovedVersionKeepsItsNoteAndSubmissionNeedsAnApproval) {
    storage::Connection c(*db_);
    storage::PolicyRepository repo(c);
    auto company = insert_company(c, "株式会社承認", now_);
    auto e = insert_engagement(c, company, std::nullopt, core::EngagementStatus::planned, now_);
    storage::PolicyActor owner{std::nullopt, "経営者"};
    repo.add_version(e, 0, policy_repository_document("A"), "", owner, now_);
    EXPECT_FALSE(repo.submit(e, 1, now_));
    EXPECT_FALSE(repo.approve(e, 1, 9, owner, now_));
    EXPECT_TRUE(repo.approve(e, 1, 1, owner, now_ + 10));
    EXPECT_FALSE(repo.set_note(e, 1, "変更", 2, now_));
    EXPECT_EQ(repo.version(e, 1)->note, "");
    EXPECT_EQ(repo.version(e, 1)->approved_at, now_ + 10);
    EXPECT_TRUE(repo.submit(e, 2, now_ + 20));
    auto head = repo.head(e);
    EXPECT_EQ(head->submitted_number, 1);
    EXPECT_EQ(head->submitted_at, now_ + 20);
    auto statuses = repo.statuses({e, e + 1000});
    ASSERT_EQ(statuses.size(), 1u);
    EXPECT_EQ(statuses.at(e).state, core::documents::DocumentState::submitted);
    EXPECT_EQ(statuses.at(e).submitted_at, now_ + 20);
    EXPECT_TRUE(repo.statuses({}).empty());
}

}  // namespace
}  // namespace shido::testing
