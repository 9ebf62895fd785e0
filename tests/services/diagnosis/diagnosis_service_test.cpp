#include <iconv.h>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using DiagnosisServiceTest = DatabaseTest;
namespace dx = core::diagnosis;

core::ErrorCode code_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const core::DomainError& e) {
        return e.code();
    }
    return core::ErrorCode::internal;  // "no error" is never what these tests expect
}

dx::Finding item_finding(int item_no) {
    dx::Finding f;
    f.item_no = item_no;
    f.finding = "課題";
    return f;
}

std::string csv_of(const std::vector<std::string>& rows) {
    std::string csv = "役割,氏名,部署";
    for (int no = 1; no <= 25; ++no) csv += "," + std::to_string(no);
    csv += "\r\n";
    for (const auto& row : rows) csv += row + "\r\n";
    return csv;
}

std::string answers_row(const std::string& start, const std::string& answer) {
    std::string row = start;
    for (int no = 1; no <= 25; ++no) row += "," + answer;
    return row;
}

std::string to_cp932(const std::string& utf8) {
    iconv_t cd = iconv_open("CP932", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

class Round : public DiagnosisServiceTest {
  protected:
    void SetUp() override {
        DiagnosisServiceTest::SetUp();
        expert = demo_user("expert1");
        engagement = services_->engagements.list(as(expert), {}).at(0).id;
        round = services_->diagnosis.open_round(as(expert), engagement, "第1回前").id;
    }
    services::IssuedLink invite_one(const std::string& role) {
        return services_->diagnosis
            .invite(as(expert), round, {role, "", "", std::nullopt, std::nullopt})
            .at(0);
    }
    void answer_all(const std::string& token, const std::string& choice) {
        for (int no = 1; no <= 25; ++no) services_->diagnosis.save_answer(token, no, choice);
    }
    core::User expert;
    core::Id engagement = 0;
    core::Id round = 0;
};

TEST_F(Round, AnswersAreSavedOneByOneAndResume) {
    auto link = invite_one("owner");
    EXPECT_GE(link.token.size(), 32u);  // 192 bits
    EXPECT_EQ(services_->diagnosis.save_answer(link.token, 3, "partial"), 1);
    EXPECT_EQ(services_->diagnosis.save_answer(link.token, 3, "done"), 1);  // changed, not added
    auto q = services_->diagnosis.open_questionnaire(link.token);
    EXPECT_EQ(q.answers.at(3), "done");
    EXPECT_EQ(q.company_name, "株式会社サンプル製作所");
    EXPECT_FALSE(q.result);
}

TEST_F(Round, SubmitScoresAndLocks) {
    auto link = invite_one("staff");
    answer_all(link.token, "partial");
    services_->diagnosis.save_answer(link.token, 25, "unknown");
    auto score = services_->diagnosis.submit(link.token, "test");
    EXPECT_EQ(score.total, 47);
    EXPECT_EQ(score.band_key, "danger");
    EXPECT_EQ(code_of([&] { services_->diagnosis.submit(link.token, "test"); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { services_->diagnosis.save_answer(link.token, 1, "done"); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(services_->diagnosis.open_questionnaire(link.token).result->total, 47);
}

TEST_F(Round, IncompleteSubmitListsMissingItems) {
    auto link = invite_one("manager");
    services_->diagnosis.save_answer(link.token, 1, "done");
    try {
        services_->diagnosis.submit(link.token, "test");
        FAIL();
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        EXPECT_EQ(e.fields().size(), 24u);
        EXPECT_TRUE(e.fields().count("items.25"));
    }
}

TEST_F(Round, BadTokensItemsAndChoices) {
    auto link = invite_one("staff");
    EXPECT_EQ(code_of([&] { services_->diagnosis.open_questionnaire("x"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { services_->diagnosis.open_questionnaire(link.token + "A"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { services_->diagnosis.save_answer(link.token, 26, "done"); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { services_->diagnosis.save_answer(link.token, 1, "yes"); }),
              core::ErrorCode::validation);
    services_->diagnosis.revoke(as(expert), link.respondent.id);
    EXPECT_EQ(code_of([&] { services_->diagnosis.open_questionnaire(link.token); }),
              core::ErrorCode::forbidden);
}

TEST_F(Round, ReissueKeepsAnswersAndKillsTheOldLink) {
    auto link = invite_one("staff");
    services_->diagnosis.save_answer(link.token, 1, "done");
    auto fresh = services_->diagnosis.reissue(as(expert), link.respondent.id);
    EXPECT_EQ(code_of([&] { services_->diagnosis.open_questionnaire(link.token); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(services_->diagnosis.open_questionnaire(fresh.token).answers.at(1), "done");
}

TEST_F(Round, ExpiredLinksAndClosedRounds) {
    auto link =
        services_->diagnosis
            .invite(as(expert), round, {"staff", "", "", std::nullopt, std::string("2027-01-31")})
            .at(0);
    EXPECT_EQ(code_of([&] {
                  services_->diagnosis.invite(
                      as(expert), round,
                      {"staff", "", "", std::nullopt, std::string("2020-01-01")});
              }),
              core::ErrorCode::validation);
    now_ = 1'800'000'000 + 400 * 86400;  // well after 2027-01-31 (now_ starts in 2027-01)
    EXPECT_EQ(code_of([&] { services_->diagnosis.save_answer(link.token, 1, "done"); }),
              core::ErrorCode::forbidden);
    auto live = invite_one("staff");
    services_->diagnosis.update_round(as(expert), round, std::nullopt, std::string("closed"));
    EXPECT_EQ(code_of([&] { services_->diagnosis.save_answer(live.token, 1, "done"); }),
              core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] { invite_one("staff"); }), core::ErrorCode::conflict);
}

TEST_F(Round, AnonymousLinksCarryNoName) {
    auto links = services_->diagnosis.invite(as(expert), round,
                                             {"staff", "名前", "営業部", 3, std::nullopt});
    ASSERT_EQ(links.size(), 3u);
    for (const auto& l : links) {
        EXPECT_TRUE(l.respondent.name.empty());
        EXPECT_EQ(l.respondent.department, "営業部");
    }
    EXPECT_NE(links[0].token, links[1].token);
}

TEST_F(Round, AnalysisShowsGapsBetweenOwnerAndStaff) {
    auto owner = invite_one("owner");
    answer_all(owner.token, "done");
    services_->diagnosis.submit(owner.token, "test");
    for (int i = 0; i < 2; ++i) {
        auto staff = invite_one("staff");
        answer_all(staff.token, "done");
        services_->diagnosis.save_answer(staff.token, 4, "not_done");
        services_->diagnosis.submit(staff.token, "test");
    }
    invite_one("manager");  // invited, never answers
    auto result = services_->diagnosis.analysis(as(expert), round);
    EXPECT_EQ(result.analysis.respondents.size(), 3u);
    ASSERT_FALSE(result.analysis.gap_items.empty());
    EXPECT_EQ(result.analysis.gap_items.front(), 4);
    EXPECT_DOUBLE_EQ(result.analysis.items[3].role_gap, 4.0);
    EXPECT_EQ(result.detail.respondents.size(), 4u);
}

TEST_F(Round, PaperSheetIsStoredWholeOrNotAtAll) {
    services::PaperSheet sheet{"経営者", "製作 太郎", "", {}};
    for (int no = 1; no <= 24; ++no) sheet.answers[std::to_string(no)] = "done";
    EXPECT_EQ(code_of([&] { services_->diagnosis.enter_paper(as(expert), round, sheet); }),
              core::ErrorCode::validation);
    sheet.answers["25"] = "maybe";
    EXPECT_EQ(code_of([&] { services_->diagnosis.enter_paper(as(expert), round, sheet); }),
              core::ErrorCode::validation);
    EXPECT_TRUE(services_->diagnosis.round(as(expert), round).respondents.empty());
    sheet.answers["25"] = "unknown";
    auto row = services_->diagnosis.enter_paper(as(expert), round, sheet);
    EXPECT_EQ(row.source, "paper");
    EXPECT_TRUE(row.submitted_at);
    EXPECT_EQ(
        services_->diagnosis.analysis(as(expert), round).analysis.respondents.at(0).score.total,
        95);
}

TEST_F(Round, CsvImportInEveryEncoding) {
    auto utf8 =
        csv_of({answers_row("経営者,山田,", "4"), answers_row("従業員,,製造部", "実施していない")});
    EXPECT_EQ(services_->diagnosis.import_csv(as(expert), round, utf8), 2);
    EXPECT_EQ(services_->diagnosis.import_csv(as(expert), round, "\xEF\xBB\xBF" + utf8), 2);
    EXPECT_EQ(services_->diagnosis.import_csv(as(expert), round, to_cp932(utf8)), 2);
    auto analysis = services_->diagnosis.analysis(as(expert), round).analysis;
    EXPECT_EQ(analysis.respondents.size(), 6u);
    EXPECT_EQ(analysis.respondents[0].name, "山田");
    EXPECT_EQ(analysis.respondents[5].department, "製造部");
}

TEST_F(Round, CsvWithOneBadRowImportsNothing) {
    auto csv = csv_of(
        {answers_row("経営者,,", "4"), answers_row("社長,,", "4"), answers_row("従業員,,", "9")});
    try {
        services_->diagnosis.import_csv(as(expert), round, csv);
        FAIL();
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        ASSERT_GE(e.details().size(), 2u);
        EXPECT_EQ(e.details()[0].row, 3);
        EXPECT_EQ(e.details()[0].column, "role");
    }
    EXPECT_TRUE(services_->diagnosis.round(as(expert), round).respondents.empty());
}

TEST_F(Round, FindingsArePrioritisedAndAudited) {
    dx::Finding low{
        2,     "", "パスワードの使い回し", dx::Level::low, dx::Level::low, dx::Difficulty::easy,
        false, 0};
    dx::Finding key{
        7,    "例外あり", "誤送信対策", dx::Level::medium, dx::Level::high, dx::Difficulty::medium,
        true, 0};
    services_->diagnosis.save_finding(as(expert), round, low);
    services_->diagnosis.save_finding(as(expert), round, key);
    key.notes = "社長のみ例外";
    services_->diagnosis.save_finding(as(expert), round, key);
    auto findings = services_->diagnosis.findings(as(expert), round);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[1].notes, "社長のみ例外");
    auto report = services_->diagnosis.report(as(expert), round);
    EXPECT_EQ(report.priorities.front().item_no, 7);
    EXPECT_EQ(
        code_of([&] { services_->diagnosis.save_finding(as(expert), round, item_finding(26)); }),
        core::ErrorCode::not_found);
    storage::AuditQuery q;
    q.engagement_id = engagement;
    q.entity = "diagnosis_finding";
    EXPECT_EQ(services_->audit.list(as(demo_user("jimu")), q).size(), 3u);
}

TEST_F(Round, AccessFollowsTheEngagement) {
    auto expert2 = demo_user("expert2"), owner1 = demo_user("owner1"), owner2 = demo_user("owner2");
    EXPECT_EQ(code_of([&] { services_->diagnosis.analysis(as(expert2), round); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(code_of([&] { services_->diagnosis.round(as(owner2), round); }),
              core::ErrorCode::forbidden);
    EXPECT_EQ(services_->diagnosis.round(as(owner1), round).round.id,
              round);  // the company's owner
    EXPECT_EQ(
        code_of([&] { services_->diagnosis.save_finding(as(owner1), round, item_finding(1)); }),
        core::ErrorCode::forbidden);  // findings are the expert's
    EXPECT_EQ(services_->diagnosis.analysis(as(demo_user("jimu")), round).detail.round.id, round);
}

TEST_F(Round, ComparisonOfTwoRounds) {
    auto before = invite_one("owner");
    answer_all(before.token, "partial");
    services_->diagnosis.submit(before.token, "test");
    auto final_round = services_->diagnosis.open_round(as(expert), engagement, "最終").id;
    auto after = services_->diagnosis
                     .invite(as(expert), final_round, {"owner", "", "", std::nullopt, std::nullopt})
                     .at(0);
    answer_all(after.token, "done");
    services_->diagnosis.submit(after.token, "test");
    auto c = services_->diagnosis.compare(as(expert), engagement, round, final_round);
    EXPECT_DOUBLE_EQ(c.result.before_total_mean, 50.0);
    EXPECT_DOUBLE_EQ(c.result.after_total_mean, 100.0);
    // Rounds of another engagement are not found under this one.
    EXPECT_EQ(code_of([&] {
                  services_->diagnosis.compare(as(expert), engagement + 1, round, final_round);
              }),
              core::ErrorCode::not_found);
}

}  // namespace
}  // namespace shido::testing
