// The submission package's ZIP: read back with libzip and with Python's zipfile (what other
// programs do): Japanese names flagged UTF-8 (bit 11), one folder per company, the files byte
// for byte, and a manifest whose SHA-256 values match what is inside.
#include <gtest/gtest.h>
#include <zip.h>

#include <nlohmann/json.hpp>

#include "exports/package/package_zip.hpp"
#include "support/tools.hpp"

namespace shido::exports {
namespace {

using namespace shido::testing;

std::string package_sha256(const std::string& bytes) {
    TempDir dir;
    write_file(dir.path() / "f", bytes);
    auto result = run_command("sha256sum " + shell_quote((dir.path() / "f").string()));
    return result.output.substr(0, 64);
}

struct PackageFixture {
    core::package::PackageSpec spec;
    core::package::Manifest manifest;
    std::vector<std::string> files;
};

PackageFixture package_fixture() {
    PackageFixture f;
    f.spec.manifest_name = "目録";
    f.spec.labels = {{"文書", "ファイル名", "状態", "版", "承認者", "承認日時", "サイズ（バイト）",
                      "SHA-256", "不足の理由"},
                     "収録",
                     "不足"};
    f.manifest.company_name = "=株式会社サンプル";
    f.manifest.folder_name = "株式会社サンプル_提出パッケージ";
    f.manifest.generated_at = 1796000000;
    f.files = {std::string("%PDF-1.7 policy\0bytes", 21), "", "xlsx bytes"};
    f.manifest.entries = {
        {"basic_policy", "情報セキュリティ基本方針", "情報セキュリティ基本方針.pdf", true, 2,
         "=製作 太郎", 1796000000, package_sha256(f.files[0]), f.files[0].size(), ""},
        {"action_plan", "【様式3】対策実行計画書", "【様式3】対策実行計画書.xlsx", false, 0,
         std::nullopt, std::nullopt, "", 0, "この文書は shido でまだ作成できません"},
        {"rules_check", "【様式2】関連規程類の点検結果シート",
         "【様式2】関連規程類の点検結果シート.xlsx", true, 3, std::nullopt, std::nullopt,
         package_sha256(f.files[2]), f.files[2].size(), ""},
    };
    return f;
}

std::map<std::string, std::string> package_read_with_libzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    auto* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    auto* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    EXPECT_NE(archive, nullptr) << zip_error_strerror(&error);
    std::map<std::string, std::string> out;
    if (!archive) return out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_STRICT, &st);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        auto* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (st.size) zip_fread(file, data.data(), st.size);
        zip_fclose(file);
        out[st.name] = data;
    }
    zip_discard(archive);
    return out;
}

TEST(PackageZip, HoldsTheManifestAndEachPresentFileInTheCompanysFolder) {
    auto f = package_fixture();
    auto entries = package_read_with_libzip(write_package_zip(f.manifest, f.spec, f.files));
    const std::string folder = "株式会社サンプル_提出パッケージ/";
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries.at(folder + "情報セキュリティ基本方針.pdf"), f.files[0]);
    EXPECT_EQ(entries.at(folder + "【様式2】関連規程類の点検結果シート.xlsx"), f.files[2]);
    EXPECT_FALSE(entries.contains(folder + "【様式3】対策実行計画書.xlsx"));
    auto manifest = nlohmann::json::parse(entries.at(folder + "目録.json"));
    EXPECT_EQ(manifest["entries"][0]["sha256"], f.manifest.entries[0].sha256);
    EXPECT_EQ(manifest["entries"][0]["approved_at"], "2026-11-30T09:53:20+09:00");
    EXPECT_EQ(manifest["entries"][1]["present"], false);
    EXPECT_EQ(manifest["entries"][1]["missing_reason"], "この文書は shido でまだ作成できません");
}

TEST(PackageZip, ManifestCsvHasABomCrlfAndNeutralisedCells) {
    auto f = package_fixture();
    auto csv = write_manifest_csv(f.manifest, f.spec.labels);
    ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF\"文書\",\"ファイル名\""));
    EXPECT_NE(csv.find("\r\n\"情報セキュリティ基本方針\""), std::string::npos);
    EXPECT_NE(csv.find("\"'=製作 太郎\""), std::string::npos) << csv;  // not a formula
    EXPECT_NE(csv.find("\"不足\""), std::string::npos);
    EXPECT_NE(csv.find(f.manifest.entries[2].sha256), std::string::npos);
}

TEST(PackageZip, NamesAreUtf8FlaggedAndHashesMatchForOtherUnzips) {
    SHIDO_REQUIRE_TOOL(python, "python3", "python3");
    auto f = package_fixture();
    TempDir dir;
    write_file(dir.path() / "p.zip", write_package_zip(f.manifest, f.spec, f.files));
    const char* script = R"(
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist():
    assert i.flag_bits & 0x800, i.filename
m = json.loads(z.read('株式会社サンプル_提出パッケージ/目録.json'))
for e in m['entries']:
    if e['present']:
        data = z.read('株式会社サンプル_提出パッケージ/' + e['file_name'])
        assert hashlib.sha256(data).hexdigest() == e['sha256'], e['file_name']
        assert len(data) == e['size']
print('ok', len(z.infolist()))
)";
    write_file(dir.path() / "check.py", script);
    auto result = run_command(python + " " + shell_quote((dir.path() / "check.py").string()) + " " +
                              shell_quote((dir.path() / "p.zip").string()));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("ok 4"), std::string::npos) << result.output;
}

TEST(PackageZip, RefusesFilesThatDoNotMatchTheEntries) {
    auto f = package_fixture();
    f.files.pop_back();
    EXPECT_THROW(write_package_zip(f.manifest, f.spec, f.files), std::logic_error);
}

}  // namespace
}  // namespace shido::exports
