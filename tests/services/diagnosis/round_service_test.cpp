#include "services/diagnosis/round_service.hpp"

#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/page_walk.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using RoundServiceTest = RoundTest;

std::set<std::string> keys_of(const nlohmann::json& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items()) keys.insert(key);
    return keys;
}

TEST_F(RoundServiceTest, OpenedRoundsAreListedWithTheCurrentEdition) {
    auto rounds = diagnosis().rounds.list(on_engagement());
    ASSERT_EQ(rounds.size(), 2u);  // the demo's and this one, in the order opened
    EXPECT_EQ(rounds[0].name, "デモ：第1回前");
    EXPECT_EQ(rounds[0].respondent_count, 5);
    EXPECT_EQ(rounds[0].submitted_count, 5);
    EXPECT_EQ(rounds[1].id, round);
    EXPECT_EQ(rounds[1].status, "open");
    EXPECT_EQ(rounds[1].instrument_id, library_.current_instrument().id);
    auto detail = diagnosis().rounds.get(on_round());
    EXPECT_EQ(detail.round.id, round);
    EXPECT_EQ(detail.round.engagement_id, engagement);
    ASSERT_NE(detail.instrument, nullptr);
    EXPECT_EQ(detail.instrument->id, library_.current_instrument().id);
    EXPECT_EQ(detail.instrument->items.size(), 25u);
}

TEST_F(RoundServiceTest, OpeningIsAuditedWithTheStoredFields) {
    auto entries = audit("diagnosis_round");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "create");
    EXPECT_EQ(entries[0].entity_id, round);
    EXPECT_EQ(entries[0].actor_id, expert.id);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(keys_of(after), (std::set<std::string>{"id", "engagement_id", "instrument_id", "name",
                                                     "status", "created_at", "updated_at"}));
    EXPECT_EQ(after["name"], "第1回前");
    EXPECT_EQ(after["created_at"], now_);
}

TEST_F(RoundServiceTest, NamesAreRequiredAndShort) {
    EXPECT_TRUE(
        fails_on("name", [&] { diagnosis().rounds.open(as(expert), on_engagement(), " "); }));
    EXPECT_TRUE(fails_on("name", [&] {
        diagnosis().rounds.open(as(expert), on_engagement(), std::string(51, 'a'));
    }));
    EXPECT_NO_THROW(diagnosis().rounds.open(as(expert), on_engagement(), std::string(50, 'a')));
    EXPECT_TRUE(fails_on("name", [&] {
        diagnosis().rounds.update(as(expert), on_round(), std::string(""), std::nullopt);
    }));
    EXPECT_TRUE(fails_on("status", [&] {
        diagnosis().rounds.update(as(expert), on_round(), std::nullopt, std::string("archived"));
    }));
}

TEST_F(RoundServiceTest, UpdateRecordsRealChangesOnly) {
    now_ += 10;
    auto renamed = diagnosis().rounds.update(as(expert), on_round(), std::string("第1回前（再）"),
                                             std::nullopt);
    EXPECT_EQ(renamed.name, "第1回前（再）");
    EXPECT_EQ(renamed.status, "open");
    EXPECT_EQ(renamed.updated_at, now_);
    close_round();
    EXPECT_EQ(diagnosis().rounds.get(on_round()).round.status, "closed");
    diagnosis().rounds.update(as(expert), on_round(), std::nullopt, std::string("closed"));
    auto entries = audit("diagnosis_round");
    ASSERT_EQ(entries.size(), 4u);  // demo create, create, rename, close: not the no-op
    EXPECT_EQ(entries[0].action, "update");
    auto before = nlohmann::json::parse(*entries[0].before_json);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(before["status"], "open");
    EXPECT_EQ(after["status"], "closed");
    EXPECT_FALSE(after.contains("respondent_count"));
    EXPECT_FALSE(after.contains("submitted_count"));
}

TEST_F(RoundServiceTest, RespondentsArePagedAndFilteredByRole) {
    std::vector<long long> all, staff;
    for (const char* role : {"staff", "owner", "staff", "manager", "staff"}) {
        auto id = invite_one(role).respondent.id;
        all.push_back(id);
        if (std::string(role) == "staff") staff.push_back(id);
    }
    auto page_of = [&](std::optional<std::string> role) {
        return [&, role](const core::PageRequest& page) {
            return diagnosis().rounds.respondents(on_round(), {role, page});
        };
    };
    expect_pages(page_of(std::nullopt), all, "every role", {2, 50});
    expect_pages(page_of(std::string("staff")), staff, "staff", {2, 50});
    expect_pages(page_of(std::string("従業員")), staff, "staff by its label", {2});
    expect_pages(page_of(std::string("")), all, "empty role", {50});
    EXPECT_TRUE(fails_on("role", [&] {
        diagnosis().rounds.respondents(on_round(), {std::string("boss"), {}});
    }));
    EXPECT_TRUE(fails_on("after", [&] {
        diagnosis().rounds.respondents(on_round(), {std::nullopt, {std::string("zz!"), 10}});
    }));
}

TEST_F(RoundServiceTest, TheOwnerRunsTheRoundButNotOthers) {
    auto owner1 = demo_user("owner1");
    auto as_owner =
        grant(as(owner1), Anchor::diagnosis_round, round, EngagementAction::manage_diagnosis);
    EXPECT_EQ(diagnosis().rounds.get(as_owner).round.id, round);
    for (const char* other : {"expert2", "owner2"}) {
        auto user = demo_user(other);
        EXPECT_EQ(code_of([&] {
                      grant(as(user), Anchor::diagnosis_round, round,
                            EngagementAction::manage_diagnosis);
                  }),
                  core::ErrorCode::forbidden)
            << other;
        EXPECT_EQ(code_of([&] {
                      grant(as(user), Anchor::engagement, engagement,
                            EngagementAction::manage_diagnosis);
                  }),
                  core::ErrorCode::forbidden)
            << other;
    }
    auto manager = add_user("manager1@example.jp", "総務 花子", core::Role::company,
                            owner1.company_id, "manager");
    EXPECT_EQ(code_of([&] {
                  grant(as(manager), Anchor::diagnosis_round, round,
                        EngagementAction::manage_diagnosis);
              }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] {
                  grant(as(expert), Anchor::diagnosis_round, 999999,
                        EngagementAction::manage_diagnosis);
              }),
              core::ErrorCode::not_found);
}

TEST_F(RoundServiceTest, UseCasesRefuseGrantsForAnotherActionOrRecord) {
    auto& rounds = diagnosis().rounds;
    const auto manage = EngagementAction::manage_diagnosis;
    expect_requires_action(services_->access, Anchor::engagement, engagement, manage,
                           [&](const auto& g) { rounds.list(g); });
    expect_requires_action(services_->access, Anchor::engagement, engagement, manage,
                           [&](const auto& g) { rounds.open(as(expert), g, "不正"); });
    const UseCase on_a_round[] = {
        [&](const auto& g) { rounds.get(g); },
        [&](const auto& g) { rounds.update(as(expert), g, std::string("不正"), std::nullopt); },
        [&](const auto& g) { rounds.respondents(g, {}); },
    };
    for (const auto& use : on_a_round) {
        expect_requires_action(services_->access, Anchor::diagnosis_round, round, manage, use);
        expect_requires_anchor(services_->access, Anchor::engagement, engagement, manage,
                               Anchor::diagnosis_round, use);
    }
    EXPECT_EQ(rounds.list(on_engagement()).size(), 2u);       // nothing was opened…
    EXPECT_EQ(rounds.get(on_round()).round.name, "第1回前");  // …or renamed
}

}  // namespace
}  // namespace shido::testing
