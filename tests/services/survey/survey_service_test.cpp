// The アンケート on a real database: only the owner answers and submits, only the secretariat
// reads the submitted answers (never the expert, never a draft), versions, the response frozen
// after submission, the audit, the results across engagements and the status for the page.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "storage/audit/audit_repository.hpp"
#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using core::documents::DocumentState;

class SurveyServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        owner1 = demo_user("owner1");
        owner2 = demo_user("owner2");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        carrier = services_->engagements.list(as(owner2), {}).items.at(0);
        manager = add_user("manager-survey@example.jp", "製作所 管理者", core::Role::company,
                           maker.company_id, "manager");
    }
    services::EngagementGrant on(const core::Engagement& e, const core::User& user,
                                 EngagementAction action) {
        return grant(as(user), Anchor::engagement, e.id, action);
    }
    // Every rating item answered with `choice` (the last one left out when `all` is false).
    services::SurveyInput answers(const std::string& choice, bool all = true) {
        services::SurveyInput in;
        const auto& items = library_.current_survey().items;
        for (std::size_t i = 0; i + (all ? 0 : 1) < items.size(); ++i)
            in.ratings[items[i].key] = choice;
        in.comments["good_points"] = "現場に合わせた説明でした";
        return in;
    }
    services::SurveyView save(const core::Engagement& e, const core::User& who,
                              const services::SurveyInput& in, int version) {
        return services_->survey.save(as(who), on(e, who, EngagementAction::answer_survey), in,
                                      version);
    }
    services::SurveyView submit(const core::Engagement& e, const core::User& who, int version) {
        return services_->survey.submit(as(who), on(e, who, EngagementAction::answer_survey),
                                        version);
    }
    std::vector<storage::AuditEntry> audit(const std::string& action) {
        storage::Connection c(*db_);
        storage::AuditQuery q;
        q.engagement_id = maker.id;
        q.entity = "survey_response";
        q.action = action;
        return storage::AuditRepository(c).page(q).items;
    }

    core::User jimu, expert1, owner1, owner2, manager;
    core::Engagement maker, carrier;
};

TEST_F(SurveyServiceTest, OnlyTheOwnerAnswersAndOnlyTheSecretariatReads) {
    for (const auto* who : {&expert1, &manager, &jimu, &owner2})
        EXPECT_EQ(code_of([&] { (void)on(maker, *who, EngagementAction::answer_survey); }),
                  core::ErrorCode::forbidden)
            << who->email;
    for (const auto* who : {&expert1, &manager, &owner1})
        EXPECT_EQ(code_of([&] { (void)on(maker, *who, EngagementAction::view_survey_results); }),
                  core::ErrorCode::forbidden)
            << who->email;
    auto view = services_->survey.get(on(maker, owner1, EngagementAction::answer_survey));
    EXPECT_EQ(view.response.version, 0);
    EXPECT_EQ(view.state, DocumentState::not_started);
    EXPECT_EQ(view.form, &library_.current_survey());
    // The results across engagements are the secretariat's alone.
    EXPECT_EQ(code_of([&] { services_->survey.results(as(expert1), {}); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->survey.results(as(owner1), {}); }),
              core::ErrorCode::forbidden);
}

TEST_F(SurveyServiceTest, UseCasesRunOnlyWithTheirOwnAction) {
    expect_requires_action(services_->access, Anchor::engagement, maker.id,
                           EngagementAction::answer_survey,
                           [&](const services::EngagementGrant& g) { services_->survey.get(g); });
    expect_requires_action(
        services_->access, Anchor::engagement, maker.id, EngagementAction::view_survey_results,
        [&](const services::EngagementGrant& g) { services_->survey.response(g); });
}

TEST_F(SurveyServiceTest, DraftsAreSavedWithVersionsAndAudited) {
    auto v1 = save(maker, owner1, answers("4", false), 0);
    EXPECT_EQ(v1.response.version, 1);
    EXPECT_EQ(v1.state, DocumentState::draft);
    EXPECT_EQ(v1.response.survey_id, "guidance-1");
    EXPECT_EQ(code_of([&] { save(maker, owner1, answers("5"), 0); }), core::ErrorCode::conflict);
    auto v2 = save(maker, owner1, answers("5"), 1);
    EXPECT_EQ(v2.response.version, 2);
    EXPECT_EQ(v2.response.answers.ratings.at("overall"), "5");
    ASSERT_EQ(audit("create").size(), 1u);
    ASSERT_EQ(audit("update").size(), 1u);
    auto update = audit("update")[0];
    auto after = nlohmann::json::parse(*update.after_json);
    auto before = nlohmann::json::parse(*update.before_json);
    EXPECT_EQ(after["answers"]["ratings"]["overall"], "5");
    EXPECT_EQ(before["answers"]["ratings"].count("overall"), 0u);
}

TEST_F(SurveyServiceTest, BadAnswersNameTheItemAndStoreNothing) {
    auto in = answers("4");
    in.ratings["overall"] = "7";
    in.ratings["speed"] = "3";
    auto error = error_of([&] { save(maker, owner1, in, 0); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    EXPECT_EQ(error->fields().at("ratings.overall"),
              "「今回の指導に全体として満足している」の回答は、選択肢から選んでください。");
    EXPECT_TRUE(error->fields().contains("ratings.speed"));
    EXPECT_EQ(
        services_->survey.get(on(maker, owner1, EngagementAction::answer_survey)).response.version,
        0);
    EXPECT_TRUE(audit("create").empty());
}

TEST_F(SurveyServiceTest, SubmissionNeedsEveryItemAndFreezesTheResponse) {
    save(maker, owner1, answers("4", false), 0);
    EXPECT_TRUE(fails_on("ratings.overall", [&] { submit(maker, owner1, 1); }));
    EXPECT_EQ(code_of([&] { submit(maker, owner1, 0); }), core::ErrorCode::conflict);
    // The secretariat reads nothing of a draft.
    EXPECT_EQ(
        code_of([&] {
            services_->survey.response(on(maker, jimu, EngagementAction::view_survey_results));
        }),
        core::ErrorCode::conflict);
    save(maker, owner1, answers("4"), 1);
    now_ += 60;
    auto submitted = submit(maker, owner1, 2);
    EXPECT_EQ(submitted.state, DocumentState::submitted);
    EXPECT_EQ(submitted.response.submitted_at, now_);
    EXPECT_EQ(code_of([&] { save(maker, owner1, answers("1"), submitted.response.version); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { submit(maker, owner1, submitted.response.version); }),
              core::ErrorCode::conflict);
    ASSERT_EQ(audit("submit_survey").size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(*audit("submit_survey")[0].after_json)["state"], "submitted");
    auto read = services_->survey.response(on(maker, jimu, EngagementAction::view_survey_results));
    EXPECT_EQ(read.response.answers.ratings.at("overall"), "4");
    EXPECT_EQ(read.response.answers.comments.at("good_points"), "現場に合わせた説明でした");
    // The expert learns only that it was handed in.
    auto status = services_->survey.status(on(maker, expert1, EngagementAction::view));
    EXPECT_EQ(status.state, DocumentState::submitted);
    EXPECT_EQ(status.submitted_at, now_);
}

TEST_F(SurveyServiceTest, ResultsAcrossEngagementsPerExpertAndPeriod) {
    save(maker, owner1, answers("5"), 0);
    submit(maker, owner1, 1);
    auto carrier_in = answers("2");
    carrier_in.ratings["overall"] = "4";
    save(carrier, owner2, carrier_in, 0);
    auto draft_only = services_->survey.results(as(jimu), {});
    EXPECT_EQ(draft_only.overall.responses, 1);
    submit(carrier, owner2, 1);
    auto results = services_->survey.results(as(jimu), {});
    const auto items = library_.current_survey().items.size();
    EXPECT_EQ(results.overall.responses, 2);
    ASSERT_EQ(results.overall.items.size(), items);
    EXPECT_DOUBLE_EQ(*results.overall.items.front().mean, 3.5);  // (5 + 2) / 2
    EXPECT_DOUBLE_EQ(*results.overall.items.back().mean, 4.5);   // overall: (5 + 4) / 2
    // Every rating: 5 × n for the maker; 2 × (n − 1) + 4 for the carrier.
    double n = static_cast<double>(items);
    EXPECT_DOUBLE_EQ(*results.overall.overall_mean, (5 * n + 2 * (n - 1) + 4) / (2 * n));
    ASSERT_EQ(results.by_expert.size(), 2u);
    EXPECT_EQ(results.by_expert[0].label, "専門家 一郎");
    EXPECT_DOUBLE_EQ(*results.by_expert[0].aggregate.overall_mean, 5.0);
    ASSERT_EQ(results.by_industry.size(), 2u);
    services::SurveyResultsQuery q;
    q.expert_id = std::to_string(expert1.id);
    EXPECT_EQ(services_->survey.results(as(jimu), q).overall.responses, 1);
    q = {};
    q.from = core::date_in_japan(now_ + 86400);
    EXPECT_EQ(services_->survey.results(as(jimu), q).overall.responses, 0);
    q.from = core::date_in_japan(now_);
    q.to = core::date_in_japan(now_);
    EXPECT_EQ(services_->survey.results(as(jimu), q).overall.responses, 2);
    q.to = "2026-02-30";
    EXPECT_TRUE(fails_on("to", [&] { services_->survey.results(as(jimu), q); }));
    q = {};
    q.expert_id = "abc";
    EXPECT_TRUE(fails_on("expert_id", [&] { services_->survey.results(as(jimu), q); }));
}

TEST_F(SurveyServiceTest, TheDocumentsOverviewShowsTheSurveyStatus) {
    save(maker, owner1, answers("3"), 0);
    auto statuses = services_->documents.overview(on(maker, expert1, EngagementAction::view));
    bool found = false;
    for (const auto& item : statuses)
        if (item.status.kind == core::documents::DocumentKind::survey) {
            found = true;
            EXPECT_EQ(item.status.state, DocumentState::draft);
        }
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace shido::testing
