#include "services/diagnosis/invitation_service.hpp"

#include <set>

#include "core/diagnosis/respondent_role.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"
#include "services/audit/audit_service.hpp"
#include "services/crypto.hpp"
#include "services/diagnosis/diagnosis_internal.hpp"
#include "services/diagnosis/diagnosis_views.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

using core::EngagementAction;
using namespace diagnosis_detail;

namespace {

Change respondent_change(core::AuditAction action, const storage::RespondentRow& row,
                         core::Id engagement_id, nlohmann::json before = nullptr) {
    return Change{
        action,       core::AuditEntity::respondent, row.id, engagement_id, std::move(before),
        snapshot(row)};
}

}  // namespace

std::vector<IssuedLink> InvitationService::invite(const RequestContext& ctx,
                                                  const EngagementGrant& round, const Invite& in) {
    core::Validator v;
    auto role = parse_role_or_fail(v, in.role);
    v.optional_text("name", in.name, core::max_name_chars);
    v.optional_text("department", in.department, core::max_name_chars);
    if (in.count) v.int_range("count", *in.count, 1, max_links_per_request);
    auto today_text = today(env_);
    if (in.expires_on) {
        v.date("expires_at", *in.expires_on);
        if (core::is_valid_date(*in.expires_on) && *in.expires_on < today_text)
            v.fail("expires_at", "有効期限には今日以降の日付を指定してください。");
    }
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto row = granted_round(c, round, EngagementAction::manage_diagnosis);
    require_open(row);
    v.throw_if_failed();
    storage::DiagnosisRepository repo(c);
    std::vector<IssuedLink> links;
    int count = in.count.value_or(1);
    for (int i = 0; i < count; ++i) {
        // N links are anonymous: a name would identify the person they are meant to protect.
        auto sheet = new_respondent(row.id, role, in.count ? "" : in.name, in.department, "link");
        sheet.expires_on = in.expires_on;
        IssuedLink link{sheet, random_token(24)};
        link.respondent.id = repo.insert_respondent(sheet, sha256_hex(link.token), now);
        link.respondent = *repo.find_respondent(link.respondent.id);
        record(c, ctx, now,
               respondent_change(core::AuditAction::invite, link.respondent, row.engagement_id));
        links.push_back(std::move(link));
    }
    tx.commit();
    return links;
}

storage::RespondentRow InvitationService::revoke(const RequestContext& ctx,
                                                 const EngagementGrant& respondent) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto [before, round] = granted_respondent(c, respondent, EngagementAction::manage_diagnosis);
    if (before.revoked_at) return before;
    storage::DiagnosisRepository repo(c);
    repo.revoke(before.id, now);
    auto after = *repo.find_respondent(before.id);
    record(
        c, ctx, now,
        respondent_change(core::AuditAction::revoke, after, round.engagement_id, snapshot(before)));
    tx.commit();
    return after;
}

IssuedLink InvitationService::reissue(const RequestContext& ctx,
                                      const EngagementGrant& respondent) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    auto [row, round] = granted_respondent(c, respondent, EngagementAction::manage_diagnosis);
    require_open(round);
    if (row.source != "link" || row.revoked_at || row.submitted_at)
        throw core::DomainError(
            core::ErrorCode::conflict,
            "取り消し済み・提出済み、または紙や CSV で入力した回答者のリンクは再発行できません。");
    IssuedLink link{row, random_token(24)};
    storage::DiagnosisRepository(c).set_token(row.id, sha256_hex(link.token), now);
    record(c, ctx, now,
           respondent_change(core::AuditAction::reissue_link, row, round.engagement_id));
    tx.commit();
    return link;
}

core::diagnosis::InvitationSheet InvitationService::invitation_sheet(
    const EngagementGrant& round, const std::vector<std::pair<core::Id, std::string>>& links,
    const std::string& base_url) {
    core::Validator v;
    if (links.empty()) v.fail("links", "印刷するリンクを指定してください。");
    // The same link twice prints once; the cap counts distinct links, before any hashing.
    std::set<std::pair<core::Id, std::string>> distinct(links.begin(), links.end());
    if (distinct.size() > static_cast<std::size_t>(max_links_per_request))
        v.fail("links", "一度に印刷できるのは " + std::to_string(max_links_per_request) +
                            " 件までです。部署ごとなどに分けて印刷してください。");
    v.throw_if_failed();
    storage::Connection c(env_.db);
    auto row = granted_round(c, round, EngagementAction::manage_diagnosis);
    storage::DiagnosisRepository repo(c);
    auto engagement = storage::EngagementRepository(c).find(row.engagement_id);
    core::diagnosis::InvitationSheet sheet;
    sheet.company_name = engagement->company_name;
    sheet.round_name = row.name;
    sheet.instrument_title = instrument_of(env_, row).title;
    std::set<std::pair<core::Id, std::string>> printed;
    for (const auto& [respondent_id, token] : links) {
        if (!printed.insert({respondent_id, token}).second) continue;
        auto sheet_row = repo.find_respondent_by_token(sha256_hex(token));
        // Only links of this round that are still live can be printed: the token proves it.
        if (!sheet_row || sheet_row->id != respondent_id || sheet_row->round_id != row.id ||
            sheet_row->revoked_at) {
            v.fail("links." + std::to_string(respondent_id),
                   "このリンクは無効か、この回のものではありません。");
            continue;
        }
        auto role = core::diagnosis::parse_respondent_role(sheet_row->role)
                        .value_or(core::diagnosis::RespondentRole::staff);
        sheet.invitations.push_back(
            {role, sheet_row->name, sheet_row->department, answer_url(base_url, token)});
        if (sheet_row->expires_on) sheet.expires_on = *sheet_row->expires_on;
    }
    v.throw_if_failed();
    return sheet;
}

}  // namespace shido::services
