// content/action_plan/ipa-3.1.json: the form's labels and instructions, the four areas, and the
// strict loader refusing an unknown area field, an item or category mapped twice or not at all.
#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "content/action_plan.hpp"
#include "content/json_file.hpp"
#include "content/library.hpp"

namespace shido::content {
namespace {

std::string plan_refusal_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

#define EXPECT_PLAN_REFUSED(load, fragment)                              \
    do {                                                                 \
        auto message = plan_refusal_of([&] { (void)(load); });           \
        EXPECT_NE(message.find(fragment), std::string::npos) << message; \
    } while (false)

class ActionPlanContentTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { library_ = new Library(load_library(SHIDO_CONTENT_DIR)); }
    static void TearDownTestSuite() { delete library_; }
    nlohmann::json file() const {
        return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/action_plan/ipa-3.1.json");
    }
    ActionPlanContent parse(const nlohmann::json& doc) const {
        return parse_action_plan(doc, "test", library_->current_instrument(),
                                 library_->regulations);
    }
    static Library* library_;
};
Library* ActionPlanContentTest::library_ = nullptr;

TEST_F(ActionPlanContentTest, TheShippedFormHasItsTitleAreasColumnsAndFivePoints) {
    const auto& p = library_->current_action_plan();
    EXPECT_EQ(p.title, "【様式3】業界ガイドライン適合のための対策実行計画書");
    ASSERT_EQ(p.areas.size(), 4u);
    EXPECT_EQ(p.areas[0].label, "組織的対策");
    EXPECT_EQ(p.areas[3].key, "physical");
    EXPECT_EQ(p.columns.concerns, "予算、要員等の懸念点");
    EXPECT_EQ(p.columns.id, "管理番号");
    ASSERT_EQ(p.instructions.size(), 5u);
    EXPECT_EQ(p.instructions[3],
              "実施可否を判断し、今後半年～1,2年程度の期間で実施するものを選定する。");
    EXPECT_EQ(p.feasibility[0].label, "可");
    EXPECT_EQ(p.progress[3].label, "見送り");
    EXPECT_EQ(p.rules.horizon_months, 12);
}

TEST_F(ActionPlanContentTest, EveryDiagnosisItemAndRuleCategoryHasOneArea) {
    const auto& rules = library_->current_action_plan().rules;
    EXPECT_EQ(rules.item_area.size(), library_->current_instrument().items.size());
    EXPECT_EQ(rules.category_area.size(), library_->regulations.categories.size());
    EXPECT_EQ(rules.item_area.at(4), "technical");  // アクセス制限
    EXPECT_EQ(rules.item_area.at(20), "human");     // 教育
    EXPECT_EQ(rules.item_area.at(15), "physical");  // 入退室
    EXPECT_EQ(rules.category_area.at(1), "organisational");
    EXPECT_EQ(rules.category_area.at(2), "human");
    EXPECT_EQ(rules.category_area.at(5), "physical");
    EXPECT_EQ(rules.category_area.at(7), "technical");
}

TEST_F(ActionPlanContentTest, RefusesAnItemInTwoAreasOrInNone) {
    auto doubled = file();
    doubled["areas"][3]["diagnosis_items"].push_back(4);
    EXPECT_PLAN_REFUSED(parse(doubled), "test.areas[3]: diagnosis item 4 is in two areas");
    auto missing = file();
    missing["areas"][3]["rule_categories"] = nlohmann::json::array();
    EXPECT_PLAN_REFUSED(parse(missing), "rule category 5 is in no area");
    auto unknown = file();
    unknown["areas"][0]["diagnosis_items"].push_back(26);
    EXPECT_PLAN_REFUSED(parse(unknown), "diagnosis item 26 is unknown");
}

TEST_F(ActionPlanContentTest, RefusesAnUnknownFieldADuplicateAreaAndChoicesOutOfOrder) {
    auto extra = file();
    extra["areas"][2]["colour"] = "red";
    EXPECT_PLAN_REFUSED(parse(extra), "test.areas[2]");
    auto duplicate = file();
    duplicate["areas"][1]["key"] = "organisational";
    EXPECT_PLAN_REFUSED(parse(duplicate), "duplicate area key organisational");
    auto swapped = file();
    std::swap(swapped["progress"][0], swapped["progress"][1]);
    EXPECT_PLAN_REFUSED(parse(swapped), "progress must be the keys of the code in their order");
    auto other_edition = file();
    other_edition["diagnosis_id"] = "ipa-5min-2.0";
    EXPECT_PLAN_REFUSED(parse(other_edition), "diagnosis_id must be ipa-5min-3.1");
}

}  // namespace
}  // namespace shido::content
