#include "services/calendar/calendar_service.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/audit/audit_service.hpp"
#include "services/calendar/calendar_views.hpp"
#include "services/course/planning_service.hpp"
#include "services/crypto.hpp"
#include "storage/accounts/user_repository.hpp"
#include "storage/calendar/calendar_feed_repository.hpp"
#include "storage/engagements/engagement_repository.hpp"
#include "storage/transaction.hpp"

namespace shido::services {

namespace {

constexpr std::size_t calendar_token_bytes = 32;

[[noreturn]] void throw_feed_not_found() {
    throw core::DomainError(
        core::ErrorCode::not_found,
        "このカレンダーの購読URLは無効です。停止されたか、新しいURLに変わりました"
        "。shido の「カレンダー連携」で確認してください。");
}

std::string engagement_url(const std::string& base_url, core::Id id) {
    return base_url + "/engagements/" + std::to_string(id);
}

// The events of an engagement's dated sessions, from `from` on (every date when empty).
void add_events(const content::Library& library, const core::Engagement& e,
                const std::string& base_url, const std::optional<core::CivilDate>& from,
                std::vector<core::CalendarEvent>& out) {
    const auto& course = course_of(library, e);
    for (const auto& session : e.sessions) {
        auto index = static_cast<std::size_t>(session.no - 1);
        const std::string fallback = "第" + std::to_string(session.no) + "回";
        core::SessionEventText text{fallback, "", engagement_url(base_url, e.id)};
        if (index < course.sessions.size()) {
            text.title = course.sessions[index].title;
            text.theme = course.sessions[index].theme;
        }
        auto event = core::session_event(e, session, text);
        if (!event || (from && event->date < *from)) continue;
        out.push_back(std::move(*event));
    }
}

std::string file_part(std::string text) {
    for (char& ch : text)
        if (ch == '/' || ch == '\\' || ch == '"' || static_cast<unsigned char>(ch) < 0x20) ch = '_';
    return text;
}

}  // namespace

std::string calendar_feed_url(const std::string& base_url, const std::string& token) {
    return base_url + "/api/v1/calendar-feeds/" + token + "/calendar.ics";
}

SessionCalendar CalendarService::session_calendar(const EngagementGrant& grant, int session_no,
                                                  const std::string& base_url) {
    grant.require(core::EngagementAction::view);
    storage::Connection c(env_.db);
    auto engagement = storage::EngagementRepository(c).find(grant.engagement_id());
    if (!engagement) core::throw_not_found("指導案件");
    if (session_no < 1 || session_no > static_cast<int>(engagement->sessions.size()))
        core::throw_not_found("指導回");
    core::Engagement one = *engagement;
    one.sessions = {engagement->sessions[static_cast<std::size_t>(session_no - 1)]};
    SessionCalendar result;
    add_events(env_.content, one, base_url, std::nullopt, result.calendar.events);
    if (result.calendar.events.empty())
        throw core::DomainError(
            core::ErrorCode::not_found,
            "この回の日程はまだ決まっていないため、カレンダーに追加できません。");
    const auto& event = result.calendar.events.front();
    result.calendar.name = event.summary;
    result.file_name = file_part(engagement->company_name + "_第" + std::to_string(session_no) +
                                 "回_" + core::to_string(event.date)) +
                       ".ics";
    return result;
}

CalendarFeedStatus CalendarService::feed_status(const RequestContext& ctx) {
    storage::Connection c(env_.db);
    CalendarFeedStatus status;
    if (auto feed = storage::CalendarFeedRepository(c).find_by_user(ctx.actor.user_id)) {
        status.active = true;
        status.created_at = feed->created_at;
        status.last_polled_at = feed->last_polled_at;
    }
    return status;
}

IssuedCalendarFeed CalendarService::issue_feed(const RequestContext& ctx,
                                               const std::string& base_url) {
    auto now = env_.now();
    auto token = random_token(calendar_token_bytes);
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::CalendarFeedRepository feeds(c);
    auto before = feeds.find_by_user(ctx.actor.user_id);
    storage::StoredCalendarFeed feed{ctx.actor.user_id, sha256_hex(token), now, std::nullopt};
    feeds.put(feed);
    record(c, ctx, now,
           Change{core::AuditAction::issue_calendar_feed, core::AuditEntity::calendar_feed,
                  ctx.actor.user_id, std::nullopt, before ? snapshot(*before) : nullptr,
                  snapshot(feed)});
    tx.commit();
    return IssuedCalendarFeed{calendar_feed_url(base_url, token), now};
}

void CalendarService::revoke_feed(const RequestContext& ctx) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::Transaction tx(c);
    storage::CalendarFeedRepository feeds(c);
    auto before = feeds.find_by_user(ctx.actor.user_id);
    if (!before) return;
    feeds.remove(ctx.actor.user_id);
    record(c, ctx, now,
           Change{core::AuditAction::revoke_calendar_feed, core::AuditEntity::calendar_feed,
                  ctx.actor.user_id, std::nullopt, snapshot(*before), nullptr});
    tx.commit();
}

core::CalendarDocument CalendarService::feed(const std::string& token,
                                             const std::string& base_url) {
    auto now = env_.now();
    storage::Connection c(env_.db);
    storage::CalendarFeedRepository feeds(c);
    auto feed = feeds.find_by_token(sha256_hex(token));
    if (!feed) throw_feed_not_found();
    // The user as stored now: a deactivated account's feed ends, a changed role or company
    // changes what it shows.
    auto user = storage::UserRepository(c).find(feed->user_id);
    if (!user || !user->active) throw_feed_not_found();
    if (!feed->last_polled_at || now - *feed->last_polled_at >= limits_.poll_write_interval)
        feeds.touch(feed->user_id, now);

    core::CalendarDocument calendar;
    calendar.name = "shido 指導の日程（" + user->name + "）";
    calendar.subscription = true;
    auto from = core::parse_civil_date(core::date_in_japan(now));
    if (from) from = core::add_days(*from, -limits_.past_days);
    storage::EngagementRepository engagements(c);
    storage::EngagementQuery query;
    query.scope = core::visible_scope(actor_of(*user));
    query.page.limit = limits_.page_size;
    for (int read = 0; read < limits_.max_engagements;) {
        auto page = engagements.page(query);
        for (const auto& e : page.items) {
            if (read++ >= limits_.max_engagements) break;
            add_events(env_.content, e, base_url, from, calendar.events);
        }
        if (!page.next_after || page.items.empty()) break;
        query.page.after = page.next_after;
    }
    return calendar;
}

}  // namespace shido::services
