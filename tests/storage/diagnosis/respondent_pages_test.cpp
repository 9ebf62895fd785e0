#include <gtest/gtest.h>

#include "storage/diagnosis/diagnosis_repository.hpp"
#include "support/domain_error.hpp"
#include "support/page_walk.hpp"
#include "support/seed.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

// Two rounds; the sheets of the first in every role and source, interleaved with the
// second's, so a page that leaked across rounds would show.
class RespondentPages : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        storage::Connection c(*db_);
        auto engagement = insert_engagement(c, insert_company(c, "診断株式会社", now_),
                                            std::nullopt, core::EngagementStatus::planned, now_);
        storage::DiagnosisRepository repo(c);
        round = repo.insert_round(engagement, "ipa-5min-3.1", "第1回前", now_);
        other_round = repo.insert_round(engagement, "ipa-5min-3.1", "最終", now_);
        const char* roles[] = {"owner", "manager", "staff", "staff"};
        const char* sources[] = {"link", "paper", "csv"};
        for (int i = 0; i < 14; ++i) {
            storage::RespondentRow row;
            row.round_id = i % 5 == 4 ? other_round : round;
            row.role = roles[i % 4];
            row.name = "回答者" + std::to_string(i);
            row.source = sources[i % 3];
            if (row.source != "link") row.submitted_at = now_;
            auto token = row.source == "link"
                             ? std::optional<std::string>("hash" + std::to_string(i))
                             : std::nullopt;
            row.id = repo.insert_respondent(row, token, now_);
            seeded.push_back(row);
        }
    }

    std::vector<long long> expected(core::Id round_id,
                                    const std::optional<std::string>& role) const {
        std::vector<long long> ids;  // inserted in id order: the list's order
        for (const auto& r : seeded)
            if (r.round_id == round_id && (!role || r.role == *role)) ids.push_back(r.id);
        return ids;
    }

    void expect_walk(core::Id round_id, const std::optional<std::string>& role,
                     const std::string& what) {
        storage::Connection c(*db_);
        storage::DiagnosisRepository repo(c);
        expect_pages(
            [&](const core::PageRequest& page) {
                return repo.page_respondents(round_id, role, page);
            },
            expected(round_id, role), what);
    }

    core::Id round = 0, other_round = 0;
    std::vector<storage::RespondentRow> seeded;
};

TEST_F(RespondentPages, EveryRoundInTheOrderMade) {
    expect_walk(round, std::nullopt, "round");
    expect_walk(other_round, std::nullopt, "other round");
    expect_walk(other_round + 100, std::nullopt, "no such round");
    EXPECT_EQ(expected(round, std::nullopt).size(), 12u);
}

TEST_F(RespondentPages, ByRole) {
    for (std::string role : {"owner", "manager", "staff"}) {
        expect_walk(round, role, "round, " + role);
        expect_walk(other_round, role, "other round, " + role);
    }
}

TEST_F(RespondentPages, RowsCarryTheirFields) {
    storage::Connection c(*db_);
    storage::DiagnosisRepository repo(c);
    repo.save_answer(seeded[0].id, 1, "done", now_);
    repo.save_answer(seeded[0].id, 2, "partial", now_);
    auto page = repo.page_respondents(round, std::string("owner"), {std::nullopt, 1});
    ASSERT_EQ(page.items.size(), 1u);
    const auto& r = page.items[0];
    EXPECT_EQ(r.id, seeded[0].id);
    EXPECT_EQ(r.round_id, round);
    EXPECT_EQ(r.role, "owner");
    EXPECT_EQ(r.name, "回答者0");
    EXPECT_EQ(r.source, "link");
    EXPECT_EQ(r.answered_count, 2);
    EXPECT_FALSE(r.submitted_at);
    EXPECT_EQ(r.created_at, now_);
}

TEST_F(RespondentPages, BadCursorIsAValidationError) {
    storage::Connection c(*db_);
    storage::DiagnosisRepository repo(c);
    for (std::string after :
         {core::encode_cursor({"0"}), core::encode_cursor({"1", "2"}), std::string("...")}) {
        EXPECT_TRUE(fails_on("after", [&] {
            repo.page_respondents(round, std::nullopt, {after, 10});
        })) << after;
    }
}

}  // namespace
}  // namespace shido::testing
