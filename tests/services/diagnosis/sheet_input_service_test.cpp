#include "services/diagnosis/sheet_input_service.hpp"

#include <iconv.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using SheetInputServiceTest = RoundTest;

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

services::PaperSheet all_done(const std::string& role) {
    services::PaperSheet sheet{role, "製作 太郎", "経営", {}};
    for (int no = 1; no <= 25; ++no) sheet.answers[std::to_string(no)] = "done";
    return sheet;
}

TEST_F(SheetInputServiceTest, PaperSheetIsStoredWholeOrNotAtAll) {
    auto sheet = all_done("経営者");
    sheet.answers.erase("25");
    EXPECT_TRUE(fails_on("answers.25",
                         [&] { diagnosis().sheets.enter_paper(as(expert), on_round(), sheet); }));
    sheet.answers["25"] = "maybe";
    EXPECT_TRUE(fails_on("answers.25",
                         [&] { diagnosis().sheets.enter_paper(as(expert), on_round(), sheet); }));
    sheet.answers["25"] = "unknown";
    sheet.answers["26"] = "done";
    EXPECT_TRUE(fails_on("answers.26",
                         [&] { diagnosis().sheets.enter_paper(as(expert), on_round(), sheet); }));
    sheet.answers.erase("26");
    sheet.answers["x"] = "done";
    EXPECT_TRUE(fails_on("answers.x",
                         [&] { diagnosis().sheets.enter_paper(as(expert), on_round(), sheet); }));
    sheet.answers.erase("x");
    EXPECT_EQ(diagnosis().rounds.respondents(on_round(), {}).total, 0);

    auto row = diagnosis().sheets.enter_paper(as(expert), on_round(), sheet);
    EXPECT_EQ(row.source, "paper");
    EXPECT_EQ(row.role, "owner");
    EXPECT_EQ(row.submitted_at, now_);
    EXPECT_EQ(row.answered_count, 25);
    EXPECT_EQ(diagnosis().analysis.analysis(on_round()).analysis.respondents.at(0).score.total, 95);
}

TEST_F(SheetInputServiceTest, PaperSheetIsAuditedWithItsAnswers) {
    auto row = diagnosis().sheets.enter_paper(as(expert), on_round(), all_done("staff"));
    auto entries = audit("respondent");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "enter_paper");
    EXPECT_EQ(entries[0].entity_id, row.id);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["source"], "paper");
    EXPECT_EQ(after["answers"].size(), 25u);
    EXPECT_EQ(after["answers"]["1"], "done");
}

TEST_F(SheetInputServiceTest, CsvImportInEveryEncoding) {
    auto utf8 =
        csv_of({answers_row("経営者,山田,", "4"), answers_row("従業員,,製造部", "実施していない")});
    auto& sheets = diagnosis().sheets;
    EXPECT_EQ(sheets.import_csv(as(expert), on_round(), utf8), 2);
    EXPECT_EQ(sheets.import_csv(as(expert), on_round(), "\xEF\xBB\xBF" + utf8), 2);
    EXPECT_EQ(sheets.import_csv(as(expert), on_round(), to_cp932(utf8)), 2);
    auto analysis = diagnosis().analysis.analysis(on_round()).analysis;
    ASSERT_EQ(analysis.respondents.size(), 6u);
    EXPECT_EQ(analysis.respondents[0].name, "山田");
    EXPECT_EQ(analysis.respondents[0].score.total, 100);
    EXPECT_EQ(analysis.respondents[5].department, "製造部");
    EXPECT_EQ(analysis.respondents[5].score.total, 0);
    auto imports = audit("diagnosis_round");
    ASSERT_GE(imports.size(), 3u);
    EXPECT_EQ(imports[0].action, "import_csv");
    EXPECT_EQ(imports[0].entity_id, round);
    EXPECT_EQ(nlohmann::json::parse(*imports[0].after_json)["imported"], 2);
}

TEST_F(SheetInputServiceTest, CsvWithOneBadRowImportsNothing) {
    auto csv = csv_of(
        {answers_row("経営者,,", "4"), answers_row("社長,,", "4"), answers_row("従業員,,", "9")});
    auto error = error_of([&] { diagnosis().sheets.import_csv(as(expert), on_round(), csv); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), core::ErrorCode::validation);
    ASSERT_GE(error->details().size(), 2u);
    EXPECT_EQ(error->details()[0].row, 3);
    EXPECT_EQ(error->details()[0].column, "role");
    EXPECT_EQ(diagnosis().rounds.respondents(on_round(), {}).total, 0);
}

TEST_F(SheetInputServiceTest, AClosedRoundTakesNoSheets) {
    close_round();
    EXPECT_EQ(
        code_of([&] { diagnosis().sheets.enter_paper(as(expert), on_round(), all_done("staff")); }),
        core::ErrorCode::conflict);
    EXPECT_EQ(code_of([&] {
                  diagnosis().sheets.import_csv(as(expert), on_round(),
                                                csv_of({answers_row("経営者,,", "4")}));
              }),
              core::ErrorCode::conflict);
}

TEST_F(SheetInputServiceTest, UseCasesRefuseGrantsForAnotherActionOrRecord) {
    auto& sheets = diagnosis().sheets;
    const auto manage = EngagementAction::manage_diagnosis;
    const UseCase uses[] = {
        [&](const auto& g) { sheets.enter_paper(as(expert), g, all_done("staff")); },
        [&](const auto& g) {
            sheets.import_csv(as(expert), g, csv_of({answers_row("経営者,,", "4")}));
        },
    };
    for (const auto& use : uses) {
        expect_requires_action(services_->access, Anchor::diagnosis_round, round, manage, use);
        expect_requires_anchor(services_->access, Anchor::engagement, engagement, manage,
                               Anchor::diagnosis_round, use);
    }
    EXPECT_EQ(diagnosis().rounds.respondents(on_round(), {}).total, 0);
}

}  // namespace
}  // namespace shido::testing
