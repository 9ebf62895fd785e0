// The submission package's and SECURITY ACTION's content files, read strictly.
#include <gtest/gtest.h>

#include "content/json_file.hpp"
#include "content/library.hpp"
#include "content/package.hpp"
#include "content/security_action.hpp"

namespace shido::content {
namespace {

nlohmann::json package_content_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/package/standard.json");
}

nlohmann::json security_action_content_file() {
    return read_json_file(std::string(SHIDO_CONTENT_DIR) + "/security_action/ipa.json");
}

template <typename Parse>
std::string package_refusal(const nlohmann::json& doc, Parse parse) {
    try {
        parse(doc, "test");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(PackageContent, HoldsTheCloseDocumentsWithJapaneseNames) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& spec = library.package;
    std::vector<std::string> keys, names;
    for (const auto& p : spec.parts) keys.push_back(p.key), names.push_back(p.file_name);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"basic_policy", "rules_check", "action_plan",
                                        "diagnosis_summary", "diagnosis_report", "final_report"}));
    EXPECT_EQ(names[0], "情報セキュリティ基本方針.pdf");
    EXPECT_EQ(names[1], "【様式2】関連規程類の点検結果シート.xlsx");
    EXPECT_EQ(names[2], "【様式3】対策実行計画書.xlsx");
    EXPECT_EQ(spec.manifest_name, "目録");
    EXPECT_EQ(spec.labels.columns.size(), 9u);
}

TEST(PackageContent, RefusesUnknownKeysDuplicatesAndUnsafeNames) {
    auto parse = [](const nlohmann::json& d, const std::string& s) { parse_package_spec(d, s); };
    auto unknown = package_content_file();
    unknown["parts"][0]["key"] = "survey";
    EXPECT_NE(package_refusal(unknown, parse).find("unknown part key"), std::string::npos);
    auto twice = package_content_file();
    twice["parts"][1]["key"] = "basic_policy";
    EXPECT_NE(package_refusal(twice, parse).find("duplicate key"), std::string::npos);
    auto unsafe = package_content_file();
    unsafe["parts"][0]["file_name"] = "方針:最新.pdf";
    EXPECT_NE(package_refusal(unsafe, parse).find("Windows-safe"), std::string::npos);
    auto extra = package_content_file();
    extra["parts"][0]["required"] = true;
    EXPECT_NE(package_refusal(extra, parse), "(accepted)");
    auto no_company = package_content_file();
    no_company["folder_pattern"] = "提出パッケージ";
    EXPECT_NE(package_refusal(no_company, parse).find("{company_name}"), std::string::npos);
    EXPECT_EQ(package_refusal(package_content_file(), parse), "(accepted)");
}

TEST(SecurityActionContent, FiveCommitmentsAndTheThreeConditions) {
    auto library = load_library(SHIDO_CONTENT_DIR);
    const auto& spec = library.security_action;
    EXPECT_EQ(spec.commitments.size(), 5u);
    ASSERT_EQ(spec.conditions.size(), 3u);
    EXPECT_EQ(spec.conditions[0].kind, core::security_action::ConditionKind::self_assessment);
    EXPECT_EQ(spec.site_url, "https://security-shien.ipa.go.jp/security/");
    EXPECT_NE(spec.notice.find("認証"), std::string::npos);  // says it is not a certification
}

TEST(SecurityActionContent, RefusesWrongCountsAndKinds) {
    auto parse = [](const nlohmann::json& d, const std::string& s) { parse_security_action(d, s); };
    auto four = security_action_content_file();
    four["one_star"]["commitments"].erase(0);
    EXPECT_NE(package_refusal(four, parse).find("five"), std::string::npos);
    auto kind = security_action_content_file();
    kind["two_star"]["conditions"][0]["kind"] = "certified";
    EXPECT_NE(package_refusal(kind, parse).find("unknown condition kind"), std::string::npos);
    auto twice = security_action_content_file();
    twice["two_star"]["conditions"][1]["kind"] = "self_assessment";
    EXPECT_NE(package_refusal(twice, parse).find("duplicate"), std::string::npos);
    auto http = security_action_content_file();
    http["site_url"] = "http://example.jp/";
    EXPECT_NE(package_refusal(http, parse).find("https"), std::string::npos);
    EXPECT_EQ(package_refusal(security_action_content_file(), parse), "(accepted)");
}

}  // namespace
}  // namespace shido::content
