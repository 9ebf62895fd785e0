#include "core/hearing/hearing_sheet.hpp"

#include <gtest/gtest.h>

namespace shido::core::hearing {
namespace {

HearingTemplate small_template() {
    HearingTemplate t;
    t.id = "t";
    t.version = 1;
    t.sections = {{1, "事業内容", "", {}},
                  {2, "IT環境", "", {{"2.1", "システム構成", "ヒント"}, {"2.2", "データ", ""}}}};
    return t;
}

TEST(HearingSheet, ASectionWithoutItemsIsItsOwnItemAndEntriesFallIntoPlace) {
    Entry written;
    written.id = 7;
    written.item_key = "2.2";
    written.section_no = 2;
    written.result = "顧客台帳";
    written.version = 3;
    Entry added;
    added.id = 9;
    added.section_no = 1;
    added.label = "工場見学";
    added.version = 1;
    Entry unknown;
    unknown.id = 11;
    unknown.item_key = "3.1";
    unknown.section_no = 3;
    auto sections = compose_sheet(small_template(), {written, added, unknown});
    ASSERT_EQ(sections.size(), 2u);
    ASSERT_EQ(sections[0].items.size(), 2u);
    EXPECT_EQ(sections[0].items[0].key, "1");
    EXPECT_EQ(sections[0].items[0].label, "事業内容");
    EXPECT_EQ(sections[0].items[0].entry.version, 0);
    EXPECT_EQ(sections[0].items[1].key, "x9");
    EXPECT_TRUE(sections[0].items[1].added);
    EXPECT_EQ(sections[1].items[1].entry.result, "顧客台帳");
    EXPECT_EQ(sections[1].items[1].entry.version, 3);
    EXPECT_EQ(sections[1].items[0].hint, "ヒント");
    EXPECT_EQ(document_rows(sections).size(), 4u) << "the unknown key is dropped";
}

TEST(HearingSheet, AddedKeysParseStrictly) {
    EXPECT_EQ(parse_added_item_key("x12"), 12);
    EXPECT_EQ(added_item_key(12), "x12");
    EXPECT_EQ(parse_added_item_key("x9223372036854775807"), 9223372036854775807LL)
        << "the largest id";
    for (const char* bad : {"x", "x0", "x012", "12", "x1a", "X12", "x-1", "x99999999999999999999"})
        EXPECT_FALSE(parse_added_item_key(bad)) << bad;
}

TEST(HearingSheet, FindsTemplateItemsAndSections) {
    auto t = small_template();
    auto found = find_template_item(t, "2.1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->section_no, 2);
    EXPECT_EQ(find_template_item(t, "1")->item.label, "事業内容");
    EXPECT_FALSE(find_template_item(t, "2")) << "a section with items is not an item";
    EXPECT_TRUE(has_section(t, 2));
    EXPECT_FALSE(has_section(t, 3));
}

TEST(HearingSheet, AReviewNoteIsAppendedDatedOnItsOwnLine) {
    EXPECT_EQ(result_with_review_note("週1回", "毎日に変更済み", "2027-01-20", 2),
              "週1回\n【第2回で確認 2027-01-20】毎日に変更済み");
    EXPECT_EQ(result_with_review_note("", "確認した", "2027-01-20", 2),
              "【第2回で確認 2027-01-20】確認した");
    EXPECT_EQ(result_with_review_note("そのまま", "", "2027-01-20", 2), "そのまま");
}

TEST(HearingSheet, StateFollowsWritingAndSubmission) {
    using documents::DocumentState;
    EXPECT_EQ(hearing_state(false, std::nullopt), DocumentState::not_started);
    EXPECT_EQ(hearing_state(true, std::nullopt), DocumentState::draft);
    EXPECT_EQ(hearing_state(true, Timestamp{5}), DocumentState::submitted);
}

}  // namespace
}  // namespace shido::core::hearing
