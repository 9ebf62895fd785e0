#include "services/demo/demo_data.hpp"

#include "core/calendar/civil_date.hpp"

#include "services/accounts/user_service.hpp"
#include "services/accounts/user_views.hpp"
#include "services/audit/audit_service.hpp"
#include "services/companies/company_views.hpp"
#include "services/course/planning_service.hpp"
#include "services/crypto.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "services/engagements/engagement_views.hpp"
#include "services/notifications/notify.hpp"
#include "services/policy/policy_views.hpp"
#include "storage/accounts/two_factor_repository.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/companies/company_repository.hpp"
#include "storage/dashboard/course_work_seed.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/policy/policy_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

struct DemoLoader {
    storage::Connection& c;
    RequestContext ctx;
    core::Timestamp now;
    std::string password_hash;
    const content::Curriculum& course;  // the course demo engagements are opened on
    bool notify_assignments;            // the demo's experts hear of their engagements

    core::Id user(const std::string& email, const std::string& name, core::Role role,
                  std::optional<core::Id> company = {},
                  std::optional<core::CompanyRole> company_role = {}) {
        core::User u;
        u.email = email;
        u.name = name;
        u.role = role;
        u.company_id = company;
        u.company_role = company_role;
        u.id = storage::UserRepository(c).insert(u, password_hash, now);
        // The demo signs in with the printed passwords alone (the login page says so).
        storage::set_second_factor_exempt(c, u.id, true);
        u.second_factor_exempt = true;
        record(c, ctx, now,
               Change{core::AuditAction::create, core::AuditEntity::user, u.id, std::nullopt,
                      nullptr, to_json(u)});
        return u.id;
    }

    core::Id company(core::Company company) {
        company.id = storage::CompanyRepository(c).insert(company, now);
        company.created_at = company.updated_at = now;
        record(c, ctx, now,
               Change{core::AuditAction::create, core::AuditEntity::company, company.id,
                      std::nullopt, nullptr, to_json(company)});
        return company.id;
    }

    core::Id engagement(core::Id company_id, std::optional<core::Id> expert_id,
                        core::EngagementStatus status, const std::array<const char*, 4>& dates) {
        core::Engagement e = opened_on(course);
        e.company_id = company_id;
        e.expert_id = expert_id;
        e.status = status;
        for (std::size_t i = 0; i < dates.size() && i < e.sessions.size(); ++i)
            if (dates[i] != nullptr) e.sessions[i].planned_date = dates[i];
        storage::EngagementRepository repo(c);
        e.id = repo.insert(e, now);
        auto stored = *repo.find(e.id);
        record(c, ctx, now,
               Change{core::AuditAction::create, core::AuditEntity::engagement, e.id, e.id, nullptr,
                      snapshot(stored)});
        if (notify_assignments) notify_expert_assigned(c, stored, std::nullopt, now);
        return e.id;
    }

    // The sample basic policy, filled with the company's data, as the company's first draft:
    // the engagement page and the access checks find a version to open from the start.
    void policy_draft(core::Id engagement_id, const core::Company& company,
                      const core::policy::PolicySample& sample) {
        auto document = core::policy::draft_from_sample(
            sample, {company.name, company.representative_title, company.representative_name},
            sample.scope_without_customer_information);
        storage::PolicyRepository repo(c);
        repo.add_version(engagement_id, 0, document, "デモ：サンプルから作成",
                         {std::nullopt, company.representative_name}, now);
        auto created = repo.version(engagement_id, 1);
        record(
            c, ctx, now,
            Change{core::AuditAction::create, core::AuditEntity::policy_version,
                   repo.version_id(engagement_id, 1), engagement_id, nullptr, snapshot(*created)});
    }
};

core::Company make_company(std::string name, std::string industry, int employees,
                           std::string address, std::string website, std::string title,
                           std::string representative) {
    core::Company c;
    c.name = std::move(name);
    c.industry = std::move(industry);
    c.employee_count = employees;
    c.address = std::move(address);
    c.website = std::move(website);
    c.representative_title = std::move(title);
    c.representative_name = std::move(representative);
    return c;
}

// Sheets typed in from paper, so the analysis screens have something to show: the owner sees
// more done than the staff (role gaps), some わからない, and one finding with priorities.
void load_demo_diagnosis(DemoLoader& load, const core::diagnosis::Instrument& instrument,
                         core::Id engagement) {
    struct DemoSheet {
        core::diagnosis::RespondentRole role;
        const char* name;
        const char* department;
        const char* pattern;  // choice per item, repeated: d done, p partial, n not done, u unknown
    };
    static const DemoSheet sheets[] = {
        {core::diagnosis::RespondentRole::owner, "製作 太郎", "経営", "ddddddddp"},
        {core::diagnosis::RespondentRole::manager, "総務 花子", "総務部", "ddpdnddpu"},
        {core::diagnosis::RespondentRole::staff, "", "製造部", "dpnnpdnup"},
        {core::diagnosis::RespondentRole::staff, "", "製造部", "dpnpnduppn"},
        {core::diagnosis::RespondentRole::staff, "", "営業部", "ddnnpdpu"},
    };
    storage::DiagnosisRepository repo(load.c);
    auto round = repo.insert_round(engagement, instrument.id, "デモ：第1回前", load.now);
    record(load.c, load.ctx, load.now,
           Change{core::AuditAction::create, core::AuditEntity::diagnosis_round, round, engagement,
                  nullptr, snapshot(*repo.find_round(round))});
    for (const auto& sheet : sheets) {
        storage::RespondentRow row;
        row.round_id = round;
        row.role = std::string(core::diagnosis::to_string(sheet.role));
        row.name = sheet.name;
        row.department = sheet.department;
        row.source = "paper";
        row.submitted_at = load.now;
        auto id = repo.insert_respondent(row, std::nullopt, load.now);
        std::string pattern = sheet.pattern;
        for (const auto& item : instrument.items) {
            char code = pattern[static_cast<std::size_t>(item.no - 1) % pattern.size()];
            const char* choice = code == 'd'   ? "done"
                                 : code == 'p' ? "partial"
                                 : code == 'n' ? "not_done"
                                               : "unknown";
            repo.save_answer(id, item.no, choice, load.now);
        }
    }
    core::diagnosis::Finding finding;
    finding.item_no = 4;
    finding.notes =
        "経営者は「実施している」、現場は「実施していない」。共有フォルダが全員に公開されている。";
    finding.finding = "重要情報のアクセス権が部署ごとに設定されていない";
    finding.urgency = core::diagnosis::Level::high;
    finding.importance = core::diagnosis::Level::high;
    finding.difficulty = core::diagnosis::Difficulty::medium;
    finding.key_area = true;
    finding.updated_at = load.now;
    repo.save_finding(round, instrument.id, finding);
}

// Engagement number i at one of ten stages, in turn: 0 nothing dated; 1 every session dated
// ahead; 2–9 one to four sessions held (two stages each), the reports of the earlier ones
// accepted and the last one's submitted (even stages) or returned, not yet written or accepted
// (odd ones, in turn). Each session has a company and an expert task due the day before it,
// done once the session is held; every fourth engagement has an overdue company task.
void add_course_work(storage::CourseWorkSeed& seed, core::Id engagement, int i, int sessions,
                     const core::CivilDate& today, core::Timestamp now) {
    auto day = [&](long long offset) { return core::to_string(core::add_days(today, offset)); };
    const int stage = i % 10;
    if (stage == 0) {
        for (int no = 1; no <= sessions; ++no)
            seed.sessions.push_back({engagement, no, std::nullopt, std::nullopt});
        return;
    }
    const int held = stage == 1 ? 0 : std::min(sessions, 1 + (stage - 2) / 2);
    const long long start =
        held == 0 ? 5 + i % 20 : -14LL * (held - 1) - 3 - i % 7;  // session 1's day from today
    for (int no = 1; no <= sessions; ++no) {
        long long offset = start + 14LL * (no - 1);
        bool was_held = no <= held;
        seed.sessions.push_back(
            {engagement, no, day(offset),
             was_held ? std::optional<std::string>(day(offset)) : std::nullopt});
        for (const char* side : {"company", "expert"})
            seed.tasks.push_back({engagement, no, side,
                                  std::string(side[0] == 'c' ? "事前資料の準備" : "事前確認") +
                                      "（第" + std::to_string(no) + "回）",
                                  day(offset - 1),
                                  was_held ? std::optional<core::Timestamp>(now) : std::nullopt});
        if (!was_held) continue;
        if (no < held) {
            seed.reports.push_back({engagement, no, "accepted"});
        } else if (stage % 2 == 0) {
            seed.reports.push_back({engagement, no, "submitted"});
        } else if (int turn = (i / 10) % 3; turn == 0) {
            seed.reports.push_back({engagement, no, "returned"});
        } else if (turn == 2) {
            seed.reports.push_back({engagement, no, "accepted"});
        }
    }
    if (i % 4 == 0)
        seed.tasks.push_back({engagement, std::min(sessions, held + 1), "company", "追加資料の提出",
                              day(-2), std::nullopt});
}

void load_generated(DemoLoader& load, const DemoOptions& options, const std::string& today) {
    storage::CourseWorkSeed seed;
    const auto today_date = core::parse_civil_date(today).value();
    const int sessions = static_cast<int>(load.course.sessions.size());
    static const char* industries[] = {"製造業", "運輸業", "卸売業",
                                       "小売業", "建設業", "医療・福祉"};
    std::optional<core::Id> expert;
    for (int i = 0; i < options.extra_engagements; ++i) {
        if (i % options.engagements_per_generated_expert == 0) {
            int n = i / options.engagements_per_generated_expert + 1;
            expert = load.user("expert-gen" + std::to_string(n) + "@bench.shido.jp",
                               "生成専門家" + std::to_string(n), core::Role::expert);
        }
        auto company = load.company(make_company("生成企業" + std::to_string(i + 1) + "株式会社",
                                                 industries[i % 6], 10 + i % 90, "東京都", "",
                                                 "代表取締役", "代表 太郎"));
        // Every status in turn, so that status filters are as selective as in real use.
        auto status = core::all_engagement_statuses[static_cast<std::size_t>(i) %
                                                    std::size(core::all_engagement_statuses)];
        auto id = load.engagement(company, expert, status,
                                  {"2026-12-01", "2026-12-15", "2027-01-05", "2027-01-19"});
        if (options.course_work) add_course_work(seed, id, i, sessions, today_date, load.now);
    }
    storage::write_course_work(load.c, seed, load.now);
}

}  // namespace

DemoSummary load_demo(ServiceEnv env, const DemoOptions& options) {
    storage::Connection c(env.db);
    if (storage::UserRepository(c).find_by_email("jimu@demo.shido.jp")) return {false, 0};
    std::string hash = hash_password(demo_password);
    storage::Transaction tx(c);
    DemoLoader load{c,
                    RequestContext{core::Actor{0, core::Role::secretariat, {}, "demo", {}}, "demo"},
                    env.now(),
                    hash,
                    env.content.curriculum,
                    true};

    load.user("jimu@demo.shido.jp", "事務局 花子", core::Role::secretariat);
    auto expert1 = load.user("expert1@demo.shido.jp", "専門家 一郎", core::Role::expert);
    auto expert2 = load.user("expert2@demo.shido.jp", "専門家 二郎", core::Role::expert);
    auto maker_company =
        make_company("株式会社サンプル製作所", "製造業（金属加工）", 45, "東京都大田区南蒲田1-2-3",
                     "https://www.example.jp/", "代表取締役", "製作 太郎");
    auto carrier_company =
        make_company("サンプル運輸株式会社", "運輸業（一般貨物）", 120, "神奈川県横浜市港北区4-5-6",
                     "https://www.example.com/", "代表取締役社長", "運輸 次郎");
    auto maker = load.company(maker_company);
    auto carrier = load.company(carrier_company);
    load.user("owner1@demo.shido.jp", "製作 太郎", core::Role::company, maker,
              core::CompanyRole::owner);
    load.user("owner2@demo.shido.jp", "運輸 次郎", core::Role::company, carrier,
              core::CompanyRole::owner);
    auto maker_engagement =
        load.engagement(maker, expert1, core::EngagementStatus::in_progress,
                        {"2026-12-03", "2026-12-17", "2027-01-07", "2027-01-21"});
    load_demo_diagnosis(load, env.content.current_instrument(), maker_engagement);
    load.policy_draft(maker_engagement, maker_company, env.content.policy_sample);
    auto carrier_engagement = load.engagement(carrier, expert2, core::EngagementStatus::planned,
                                              {"2027-01-12", nullptr, nullptr, nullptr});
    load.policy_draft(carrier_engagement, carrier_company, env.content.policy_sample);
    load.notify_assignments = false;  // generated bench data: no mail for thousands of rows
    load_generated(load, options, today(env));
    tx.commit();
    return {true, 2 + options.extra_engagements};
}

}  // namespace shido::services
