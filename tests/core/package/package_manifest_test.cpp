// The submission package's pure rules: Windows-safe names, the company's folder, which parts
// are missing and the message that names them.
#include <gtest/gtest.h>

#include "core/package/package_manifest.hpp"

namespace shido::core::package {
namespace {

TEST(PackageSafeName, ReplacesWhatWindowsForbids) {
    EXPECT_EQ(safe_file_name("A/B\\C:D*E?F\"G<H>I|J"), "A_B_C_D_E_F_G_H_I_J");
    EXPECT_EQ(safe_file_name(std::string("改\n行\t") + '\x7f'), "改_行__");
}

TEST(PackageSafeName, KeepsJapaneseAndDropsTrailingDotsAndSpaces) {
    EXPECT_EQ(safe_file_name("【様式2】関連規程類の点検結果シート.xlsx"),
              "【様式2】関連規程類の点検結果シート.xlsx");
    EXPECT_EQ(safe_file_name("株式会社サンプル. . "), "株式会社サンプル");
    EXPECT_EQ(safe_file_name(""), "_");
    EXPECT_EQ(safe_file_name("..."), "_");
}

TEST(PackageSafeName, PrefixesDeviceNames) {
    EXPECT_EQ(safe_file_name("CON"), "_CON");
    EXPECT_EQ(safe_file_name("nul.txt"), "_nul.txt");
    EXPECT_EQ(safe_file_name("COM1"), "_COM1");
    EXPECT_EQ(safe_file_name("COM10"), "COM10");
    EXPECT_EQ(safe_file_name("CONSOLE"), "CONSOLE");
}

TEST(PackageSafeName, CutsLongNamesAtACharacterBoundary) {
    std::string long_name;
    for (int i = 0; i < 100; ++i) long_name += "株";  // 3 bytes each
    auto cut = safe_file_name(long_name);
    EXPECT_EQ(cut.size(), 120u);  // 40 whole characters
    EXPECT_EQ(cut, long_name.substr(0, 120));
}

TEST(PackageFolder, NamesTheCompanySafely) {
    PackageSpec spec;
    spec.folder_pattern = "{company_name}_提出パッケージ";
    EXPECT_EQ(folder_name(spec, "株式会社A/B*"), "株式会社A_B__提出パッケージ");
}

Manifest package_manifest_with(bool policy, bool plan) {
    Manifest m;
    m.entries.push_back({"basic_policy", "情報セキュリティ基本方針", "情報セキュリティ基本方針.pdf",
                         policy, 2, "製作 太郎", 1700000000, "ab", 10,
                         policy ? "" : "まだ事務局に提出されていません"});
    m.entries.push_back({"action_plan", "【様式3】対策実行計画書", "【様式3】対策実行計画書.xlsx",
                         plan, 0, std::nullopt, std::nullopt, "", 0,
                         plan ? "" : "この文書は shido でまだ作成できません"});
    return m;
}

TEST(PackageMissing, ListsEveryAbsentPartInOrder) {
    auto none = package_manifest_with(false, false);
    auto missing = missing_entries(none);
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0]->key, "basic_policy");
    EXPECT_EQ(missing[1]->key, "action_plan");
    EXPECT_TRUE(missing_entries(package_manifest_with(true, true)).empty());
    EXPECT_EQ(missing_entries(package_manifest_with(true, false)).size(), 1u);
}

TEST(PackageMissing, TheMessageNamesEachDocumentAndWhy) {
    auto m = package_manifest_with(false, false);
    auto message = incomplete_message(missing_entries(m));
    EXPECT_NE(message.find("「情報セキュリティ基本方針」（まだ事務局に提出されていません）"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("「【様式3】対策実行計画書」"), std::string::npos) << message;
    EXPECT_NE(message.find("不足分を除いて"), std::string::npos);
}

TEST(PackageParts, KnowsTheKeysItsContentMayName) {
    EXPECT_TRUE(is_known_part_key("final_report"));
    EXPECT_TRUE(is_known_part_key("diagnosis_summary"));
    EXPECT_FALSE(is_known_part_key("survey"));
}

}  // namespace
}  // namespace shido::core::package
