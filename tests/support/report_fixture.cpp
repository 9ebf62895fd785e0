#include "support/report_fixture.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace shido::testing {

namespace dx = core::diagnosis;

namespace {

dx::Instrument load_instrument(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    const nlohmann::json doc = nlohmann::json::parse(in);
    dx::Instrument instrument;
    instrument.id = doc.at("id").get<std::string>();
    instrument.version = doc.at("version").get<int>();
    instrument.title = doc.at("title").get<std::string>();
    instrument.edition = doc.at("edition").get<std::string>();
    for (const auto& c : doc.at("choices"))
        instrument.choices.push_back({c.at("key").get<std::string>(),
                                      c.at("label").get<std::string>(), c.at("points").get<int>(),
                                      c.value("follow_up", false)});
    for (const auto& b : doc.at("bands"))
        instrument.bands.push_back({b.at("key").get<std::string>(), b.at("min").get<int>(),
                                    b.at("max").get<int>(), b.at("label").get<std::string>(),
                                    b.at("meaning").get<std::string>()});
    for (const auto& p : doc.at("parts")) {
        dx::Part part{p.at("no").get<int>(), p.at("title").get<std::string>(), {}};
        for (const auto& i : p.at("items")) {
            dx::Item item;
            item.no = i.at("no").get<int>();
            item.part_no = part.no;
            item.topic = i.at("topic").get<std::string>();
            item.question = i.at("question").get<std::string>();
            item.check_points = i.value("check_points", std::vector<std::string>{});
            item.example_measures = i.value("example_measures", std::vector<std::string>{});
            part.item_nos.push_back(item.no);
            instrument.items.push_back(std::move(item));
        }
        instrument.parts.push_back(std::move(part));
    }
    return instrument;
}

dx::Answers answers_from(const std::string& pattern) {
    // One character per item: d = done, p = partial, n = not done, u = unknown, . = no answer.
    dx::Answers answers;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const int no = static_cast<int>(i) + 1;
        if (c == 'd') answers[no] = "done";
        if (c == 'p') answers[no] = "partial";
        if (c == 'n') answers[no] = "not_done";
        if (c == 'u') answers[no] = "unknown";
    }
    return answers;
}

}  // namespace

const dx::Instrument& real_instrument() {
    static const dx::Instrument instrument =
        load_instrument(std::string(SHIDO_CONTENT_DIR) + "/diagnosis/ipa-5min-3.1.json");
    return instrument;
}

std::vector<dx::Sheet> five_sheets() {
    using R = dx::RespondentRole;
    //                      items 1........10........20...25
    return {
        {1, R::owner, "山田 太郎", "経営", answers_from("ddddddddddddddddddddddddd")},
        {2, R::manager, "-鈴木", "@総務部", answers_from("ddpdpdddpdddpdddnddpdpnpd")},
        {3, R::manager, "", "", answers_from("ddpnpddudpdnpdddnddnpnnpu")},
        {4, R::staff, "佐藤 花子", "=営業部", answers_from("dduuddpnnpdnppddnndnnnnun")},
        {5, R::staff, "+田中", "製造部", answers_from("ddpndupnnpnnpndunnnnnnnuu")},
    };
}

std::vector<dx::Sheet> generated_sheets(int count) {
    // The same LCG and mapping as bench/export_bench.py.
    static const char* const keys[] = {"done", "done", "partial", "not_done", "unknown"};
    unsigned long long state = 20240601;
    auto next = [&] {
        state = (state * 6364136223846793005ULL + 1442695040888963407ULL) & 0xFFFFFFFFFFFFFFFFULL;
        return static_cast<unsigned>(state >> 33);
    };
    std::vector<dx::Sheet> sheets;
    for (int i = 0; i < count; ++i) {
        dx::Sheet sheet;
        sheet.respondent_id = i + 1;
        sheet.role = i == 0
                         ? dx::RespondentRole::owner
                         : (i % 4 == 1 ? dx::RespondentRole::manager : dx::RespondentRole::staff);
        sheet.name = "回答者" + std::to_string(i + 1);
        sheet.department = i % 3 == 0 ? "総務部" : "営業部";
        for (int no = 1; no <= 25; ++no) sheet.answers[no] = keys[next() % 5];
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

std::vector<dx::Finding> sample_findings() {
    using L = dx::Level;
    using D = dx::Difficulty;
    return {
        {3, "全員が同じパスワードを使い回している。",
         "パスワードの長さと使い回し禁止を社内ルールにする。", L::high, L::high, D::easy, true, 0},
        {11, "NASのみで世代管理がない。", "+外部媒体への週次バックアップを始める", L::high,
         L::medium, D::medium, false, 0},
        {20, "", "年1回の研修を計画する", L::medium, std::nullopt, D::hard, false, 0},
        {24, "連絡先一覧がない", "=HYPERLINK(\"http://evil.example\")", std::nullopt, L::low,
         std::nullopt, false, 0},
        {7, "メモだけ", "", std::nullopt, std::nullopt, std::nullopt, false, 0},  // left out
    };
}

dx::DiagnosisReport make_report(const std::string& company_name,
                                const std::vector<dx::Sheet>& sheets,
                                std::vector<dx::Finding> findings) {
    dx::DiagnosisReport report;
    report.instrument = &real_instrument();
    report.company_name = company_name;
    report.industry = "製造業";
    report.expert_name = "専門家 一郎";
    report.round_name = "第1回 自社診断";
    report.generated_on = "2025-06-01";
    report.analysis = dx::analyse(real_instrument(), sheets);
    report.priorities = dx::prioritise(findings);
    report.findings = std::move(findings);
    return report;
}

}  // namespace shido::testing
