#include "core/access/anchor.hpp"

#include <set>

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(Anchor, KeysAndLabels) {
    EXPECT_EQ(to_string(Anchor::engagement), "engagement");
    EXPECT_EQ(to_string(Anchor::diagnosis_round), "diagnosis_round");
    EXPECT_EQ(to_string(Anchor::respondent), "respondent");
    EXPECT_EQ(to_string(Anchor::company), "company");
    EXPECT_EQ(label_ja(Anchor::engagement), "指導案件");
    EXPECT_EQ(label_ja(Anchor::diagnosis_round), "自社診断の回");
    EXPECT_EQ(label_ja(Anchor::respondent), "回答者");
    EXPECT_EQ(label_ja(Anchor::company), "企業");
}

TEST(Anchor, EveryAnchorIsListedOnceWithItsOwnKeyAndLabel) {
    std::set<std::string_view> keys, labels;
    for (auto anchor : all_anchors) {
        keys.insert(to_string(anchor));
        labels.insert(label_ja(anchor));
    }
    EXPECT_EQ(std::size(all_anchors), 4u);
    EXPECT_EQ(keys.size(), std::size(all_anchors));
    EXPECT_EQ(labels.size(), std::size(all_anchors));
}

}  // namespace
}  // namespace shido::core
