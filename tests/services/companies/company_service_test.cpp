#include "services/companies/company_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/page_walk.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

class CompanyServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        maker = *owner1.company_id;
        carrier = *demo_user("owner2").company_id;
    }
    std::vector<storage::AuditEntry> audit_of(core::Id company) {
        services::AuditFilter filter;
        filter.entity = "company";
        filter.entity_id = company;
        return services_->audit.list(as(jimu), filter).items;
    }
    core::User jimu, expert1, owner1;
    core::Id maker = 0, carrier = 0;
};

TEST_F(CompanyServiceTest, ListHoldsTheVisibleCompaniesByName) {
    auto& companies = services_->companies;
    auto all = companies.list(as(jimu), "", {});
    EXPECT_EQ(all.total, 2);
    EXPECT_EQ(ids_of(all.items), (std::vector<long long>{carrier, maker}));
    EXPECT_EQ(ids_of(companies.list(as(expert1), "", {}).items), std::vector<long long>{maker});
    EXPECT_EQ(ids_of(companies.list(as(owner1), "", {}).items), std::vector<long long>{maker});
    EXPECT_EQ(ids_of(companies.list(as(jimu), "運輸", {}).items), std::vector<long long>{carrier});
    auto none = companies.list(as(expert1), "運輸", {});
    EXPECT_TRUE(none.items.empty());
    EXPECT_EQ(none.total, 0);
    core::PageRequest one{std::nullopt, 1};
    auto first = companies.list(as(jimu), "", one);
    ASSERT_TRUE(first.next_after);
    one.after = first.next_after;
    EXPECT_EQ(ids_of(companies.list(as(jimu), "", one).items), std::vector<long long>{maker});
    one.after = "((";
    EXPECT_TRUE(fails_on("after", [&] { companies.list(as(jimu), "", one); }));
}

TEST_F(CompanyServiceTest, ViewingACompanyNeedsAGrantOnIt) {
    auto view = [&](const core::User& user, core::Id company) {
        return services_->companies.get(
            grant(as(user), Anchor::company, company, EngagementAction::view));
    };
    EXPECT_EQ(view(jimu, carrier).name, "サンプル運輸株式会社");
    EXPECT_EQ(view(expert1, maker).name, "株式会社サンプル製作所");
    EXPECT_EQ(view(owner1, maker).id, maker);
    auto manager =
        add_user("manager1@example.jp", "総務 花子", core::Role::company, maker, "manager");
    EXPECT_EQ(view(manager, maker).id, maker);
    EXPECT_EQ(code_of([&] { view(expert1, carrier); }), core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { view(owner1, carrier); }), core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { view(manager, carrier); }), core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { view(jimu, 999999); }), core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { view(expert1, 999999); }), core::ErrorCode::not_found);
    // An expert without engagements sees no company at all.
    auto idle = add_user("idle@example.jp", "専門家 三郎", core::Role::expert);
    EXPECT_EQ(code_of([&] { view(idle, maker); }), core::ErrorCode::forbidden);
}

TEST_F(CompanyServiceTest, GetRefusesGrantsForAnotherActionOrRecord) {
    expect_requires_action(services_->access, Anchor::company, maker, EngagementAction::view,
                           [&](const auto& grant) { services_->companies.get(grant); });
    auto engagement = services_->engagements.list(as(expert1), {}).items.at(0).id;
    expect_requires_anchor(services_->access, Anchor::engagement, engagement,
                           EngagementAction::view, Anchor::company,
                           [&](const auto& grant) { services_->companies.get(grant); });
}

TEST_F(CompanyServiceTest, CreateValidatesAndIsAudited) {
    services::CompanyInput bad;
    bad.name = "  ";
    bad.website = "ftp://example.jp";
    bad.employee_count = std::optional<int>(-1);
    auto error = error_of([&] { services_->companies.create(as(jimu), bad); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    for (const char* field : {"name", "website", "employee_count"})
        EXPECT_TRUE(error->fields().count(field)) << field;

    services::CompanyInput input;
    input.name = "新規株式会社";
    input.industry = "小売業";
    input.employee_count = std::optional<int>(8);
    auto company = services_->companies.create(as(jimu), input);
    EXPECT_EQ(company.created_at, now_);
    auto entries = audit_of(company.id);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "create");
    EXPECT_FALSE(entries[0].engagement_id);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["name"], "新規株式会社");
    EXPECT_EQ(after["employee_count"], 8);
}

TEST_F(CompanyServiceTest, UpdateKeepsWhatIsNotSentAndRecordsBeforeAndAfter) {
    services::CompanyInput patch;
    patch.address = "東京都品川区";
    patch.employee_count = std::optional<int>();  // cleared
    now_ += 30;
    auto updated = services_->companies.update(as(jimu), maker, patch);
    EXPECT_EQ(updated.name, "株式会社サンプル製作所");
    EXPECT_EQ(updated.address, "東京都品川区");
    EXPECT_FALSE(updated.employee_count);
    EXPECT_EQ(updated.updated_at, now_);
    auto entries = audit_of(maker);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "update");
    auto before = nlohmann::json::parse(*entries[0].before_json);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(before["employee_count"], 45);
    EXPECT_TRUE(after["employee_count"].is_null());
    EXPECT_EQ(after["address"], "東京都品川区");

    services_->companies.update(as(jimu), maker, patch);  // the same again: nothing changes
    EXPECT_EQ(audit_of(maker).size(), 2u);
    EXPECT_EQ(code_of([&] { services_->companies.update(as(jimu), 999999, patch); }),
              core::ErrorCode::not_found);
}

TEST_F(CompanyServiceTest, OnlyTheSecretariatCreatesAndEdits) {
    services::CompanyInput input;
    input.name = "無断株式会社";
    for (const auto& user : {expert1, owner1}) {
        EXPECT_EQ(code_of([&] { services_->companies.create(as(user), input); }),
                  core::ErrorCode::forbidden);
        EXPECT_EQ(code_of([&] { services_->companies.update(as(user), maker, input); }),
                  core::ErrorCode::forbidden);
    }
    EXPECT_EQ(services_->companies.list(as(jimu), "", {}).total, 2);
}

}  // namespace
}  // namespace shido::testing
