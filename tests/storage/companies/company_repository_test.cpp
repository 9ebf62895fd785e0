#include "storage/companies/company_repository.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using Kind = core::VisibleScope::Kind;
using CompanyRepositoryTest = DatabaseTest;

TEST_F(CompanyRepositoryTest, TextRoundTripsLiterally) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    const std::string hostile =
        "Robert'); DROP TABLE companies;-- <script>alert(1)</script> 株式会社";
    auto id = insert_company(c, hostile, now_);
    auto found = repo.find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, hostile);
    EXPECT_EQ(found->industry, "製造業");
    EXPECT_EQ(found->employee_count, 12);
    EXPECT_EQ(found->created_at, now_);
    EXPECT_FALSE(repo.find(id + 1000));
}

TEST_F(CompanyRepositoryTest, NullEmployeeCountStaysNull) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    core::Company company;
    company.name = "空欄株式会社";
    auto id = repo.insert(company, now_);
    EXPECT_FALSE(repo.find(id)->employee_count.has_value());
}

TEST_F(CompanyRepositoryTest, UpdateChangesEveryField) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    auto company = *repo.find(insert_company(c, "旧社名", now_));
    company.name = "新社名";
    company.industry = "運輸業";
    company.employee_count.reset();
    company.address = "東京都";
    company.website = "https://example.jp/";
    company.representative_title = "代表取締役";
    company.representative_name = "代表 太郎";
    repo.update(company, now_ + 60);
    auto stored = *repo.find(company.id);
    EXPECT_EQ(stored.name, "新社名");
    EXPECT_EQ(stored.industry, "運輸業");
    EXPECT_FALSE(stored.employee_count);
    EXPECT_EQ(stored.address, "東京都");
    EXPECT_EQ(stored.website, "https://example.jp/");
    EXPECT_EQ(stored.representative_title, "代表取締役");
    EXPECT_EQ(stored.representative_name, "代表 太郎");
    EXPECT_EQ(stored.created_at, now_);
    EXPECT_EQ(stored.updated_at, now_ + 60);
}

// Nine companies, two of them with the same name; experts see the companies of their
// engagements (a company with two of them once).
class CompanyPages : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        expert1 = insert_user(c, "x1@example.jp", "専門家 一", core::Role::expert, now_);
        expert2 = insert_user(c, "x2@example.jp", "専門家 二", core::Role::expert, now_);
        idle_expert = insert_user(c, "x3@example.jp", "専門家 三", core::Role::expert, now_);
        for (const char* name : {"株式会社サンプル", "100%商事", "100_商事", "100\\商事",
                                 "株式会社サンプル", "Beta", "alpha", "Alpha", "100円商事"})
            companies.push_back({insert_company(c, name, now_), name});
        auto engage = [&](std::size_t company, std::optional<core::Id> expert) {
            insert_engagement(c, companies[company].first, expert, core::EngagementStatus::planned,
                              now_);
        };
        engage(0, expert1);
        engage(0, expert1);  // twice the same company for the same expert
        engage(0, expert2);
        engage(1, expert1);
        engage(4, expert1);
        engage(5, expert2);
        engage(6, std::nullopt);
    }

    std::vector<long long> by_name(const std::vector<std::size_t>& which,
                                   const std::string& contains = "") const {
        std::vector<std::pair<std::string, core::Id>> rows;
        for (auto i : which)
            if (companies[i].second.find(contains) != std::string::npos)
                rows.push_back({companies[i].second, companies[i].first});
        std::sort(rows.begin(), rows.end());
        std::vector<long long> ids;
        for (const auto& row : rows) ids.push_back(row.second);
        return ids;
    }

    void expect_walk(core::VisibleScope scope, const std::string& contains,
                     const std::vector<long long>& expected, const std::string& what) {
        storage::Connection c(*db_);
        storage::CompanyRepository repo(c);
        expect_pages(
            [&](const core::PageRequest& page) {
                return repo.page(storage::CompanyQuery{scope, contains, page});
            },
            expected, what);
    }

    core::Id expert1 = 0, expert2 = 0, idle_expert = 0;
    std::vector<std::pair<core::Id, std::string>> companies;
    const std::vector<std::size_t> all{0, 1, 2, 3, 4, 5, 6, 7, 8};
};

TEST_F(CompanyPages, ByVisibleScope) {
    expect_walk({Kind::everything, 0}, "", by_name(all), "everything");
    expect_walk({Kind::assigned_to_expert, expert1}, "", by_name({0, 1, 4}), "expert 1");
    expect_walk({Kind::assigned_to_expert, expert2}, "", by_name({0, 5}), "expert 2");
    expect_walk({Kind::assigned_to_expert, idle_expert}, "", {}, "expert without engagements");
    expect_walk({Kind::of_company, companies[4].first}, "", {companies[4].first}, "own company");
    expect_walk({Kind::of_company, companies[8].first}, "", {companies[8].first},
                "own company without engagements");
    expect_walk({Kind::nothing, 0}, "", {}, "nothing");
}

TEST_F(CompanyPages, NameFilterTakesLikeMetacharactersLiterally) {
    for (const char* text : {"%", "_", "\\", "0%", "100", "サンプル", "存在しない"})
        expect_walk({Kind::everything, 0}, text, by_name(all, text),
                    std::string("name contains ") + text);
    EXPECT_EQ(by_name(all, "_").size(), 1u);
    expect_walk({Kind::assigned_to_expert, expert1}, "サンプル", by_name({0, 4}),
                "expert 1, サンプル");
    expect_walk({Kind::assigned_to_expert, expert2}, "%", {}, "expert 2, %");
}

TEST_F(CompanyPages, BadCursorIsAValidationError) {
    storage::Connection c(*db_);
    storage::CompanyRepository repo(c);
    for (std::string after :
         {core::encode_cursor({"42"}), core::encode_cursor({"a", "b"}), std::string("$$$")}) {
        core::PageRequest page;
        page.after = after;
        EXPECT_TRUE(fails_on("after", [&] {
            repo.page(storage::CompanyQuery{{Kind::everything, 0}, "", page});
        })) << after;
    }
}

}  // namespace
}  // namespace shido::testing
