// 様式3 as .xlsx and PDF: the workbook read back with our own reader and the core import keeps
// every field a person can edit; the drop-downs are in the file; the PDF carries the text.
#include <gtest/gtest.h>

#include "../../core/action_plan/plan_sheet_fixture.hpp"
#include "core/action_plan/plan_document.hpp"
#include "exports/action_plan/action_plan_exports.hpp"
#include "exports/office/office_archive.hpp"
#include "exports/office/xlsx_reader.hpp"
#include "support/pdf_tools.hpp"

namespace shido::exports {
namespace {

using core::action_plan::Feasibility;
using core::action_plan::Measure;
using core::action_plan::PlanDocument;
using core::action_plan::Progress;
namespace plan_fixture = core::action_plan::plan_fixture;

std::string plan_part(const std::string& xlsx, const std::string& name) {
    office::OfficeArchive archive(xlsx, {}, "not a workbook");
    return archive.read(name).value_or("");
}

std::vector<Measure> sample_measures() {
    Measure a;
    a.id = 7;
    a.position = 2;
    a.area_key = "technical";
    a.situation = "=OSの更新が止まっているPCがある";
    a.action = "更新の担当と確認日を決める\n月1回確認する";
    a.business_linked = true;
    a.urgency = core::diagnosis::Level::high;
    a.importance = core::diagnosis::Level::high;
    a.difficulty = core::diagnosis::Difficulty::easy;
    a.feasibility = Feasibility::feasible;
    a.deadline = "2027-03-31";
    a.concerns = "＠要員";
    a.owner = "総務 山田";
    a.progress = Progress::in_progress;
    Measure b;
    b.id = 9;
    b.position = 1;
    b.area_key = "organisational";
    b.action = "情報セキュリティ委員会を置く";
    b.feasibility = Feasibility::not_feasible;
    return {a, b};
}

PlanDocument plan_document(const std::vector<Measure>& measures) {
    PlanDocument d;
    d.title = "【様式3】業界ガイドライン適合のための対策実行計画書";
    d.sheet_name = "様式3";
    d.company_name = "株式会社サンプル製作所";
    d.generated_on = "2027-01-15";
    d.version_line = "第2版（承認: 山田 太郎 2027-01-10）";
    d.id_note = "管理番号は変えないでください。";
    d.instructions_title = "【記入に当たっての注意事項】";
    d.instructions = {"1. 実施施策は改善分野ごとに行を追加して記入する。",
                      "2. 経営施策に連携した情報セキュリティ対策の場合に、チェック(✔)を入れる。"};
    d.far_deadline_note = "※ 1年より先の期限";
    d.form = plan_fixture::plan_form();
    for (const auto& m : core::action_plan::in_sheet_order(measures, d.form))
        d.rows.push_back({core::action_plan::sheet_row_of(m, d.form, "自社診断 No.3"), m.id == 7});
    return d;
}

TEST(ActionPlanXlsx, RoundTripKeepsEveryEditableField) {
    auto measures = sample_measures();
    auto bytes = write_action_plan_xlsx(plan_document(measures));
    auto cells = office::read_xlsx_cells(bytes);
    auto out = core::action_plan::read_plan_rows(cells, plan_fixture::plan_form(),
                                                 {{7, 9}, std::string("2026-10-01")});
    ASSERT_TRUE(out.errors.empty())
        << out.errors[0].row << out.errors[0].column << out.errors[0].message;
    ASSERT_EQ(out.measures.size(), 2u);
    // Sheet order: 組織的対策 first.
    EXPECT_EQ(out.measures[0].id, 9);
    const auto& a = out.measures[1];
    const auto& want = measures[0];
    EXPECT_EQ(a.id, want.id);
    EXPECT_EQ(a.area_key, want.area_key);
    EXPECT_EQ(a.situation, want.situation);
    EXPECT_EQ(a.action, want.action);
    EXPECT_EQ(a.business_linked, want.business_linked);
    EXPECT_EQ(a.urgency, want.urgency);
    EXPECT_EQ(a.importance, want.importance);
    EXPECT_EQ(a.difficulty, want.difficulty);
    EXPECT_EQ(a.feasibility, want.feasibility);
    EXPECT_EQ(a.deadline, want.deadline);
    EXPECT_EQ(a.concerns, want.concerns);
    EXPECT_EQ(a.owner, want.owner);
    EXPECT_EQ(a.progress, want.progress);
    EXPECT_EQ(out.measures[1].position, 2);
    EXPECT_EQ(out.measures[0].feasibility, Feasibility::not_feasible);
}

TEST(ActionPlanXlsx, TheWorkbookHoldsTheDropDownsAndNeutralisedText) {
    auto bytes = write_action_plan_xlsx(plan_document(sample_measures()));
    auto sheet = plan_part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<dataValidations count=\"7\""), std::string::npos)
        << sheet.substr(0, 400);
    EXPECT_NE(sheet.find("高,中,低"), std::string::npos);
    auto strings = plan_part(bytes, "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("'=OSの更新"), std::string::npos);
    EXPECT_NE(strings.find("'＠要員"), std::string::npos);
}

TEST(ActionPlanPdf, CarriesTheRowsAndTheInstructions) {
    auto pdf = render_action_plan_pdf(plan_document(sample_measures()));
    ASSERT_TRUE(pdf.starts_with("%PDF"));
    auto text = shido::testing::joined(shido::testing::pdf_text(pdf));
    EXPECT_NE(text.find("対策実行計画書"), std::string::npos);
    EXPECT_NE(text.find("情報セキュリティ委員会を置く"), std::string::npos);
    EXPECT_NE(text.find("記入に当たっての注意事項"), std::string::npos);
    EXPECT_NE(text.find("技術的対策"), std::string::npos);
    EXPECT_NE(shido::testing::pdf_fonts(pdf).find("IPAexGothic"), std::string::npos);
}

TEST(ActionPlanPdf, AnEmptyPlanSaysSo) {
    auto text =
        shido::testing::joined(shido::testing::pdf_text(render_action_plan_pdf(plan_document({}))));
    EXPECT_NE(text.find("対策はまだありません"), std::string::npos);
}

}  // namespace
}  // namespace shido::exports
