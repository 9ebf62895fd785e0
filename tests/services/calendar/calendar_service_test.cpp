#include "services/calendar/calendar_service.hpp"

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/crypto.hpp"
#include "support/domain_error.hpp"
#include "support/test_database.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;

const std::string site_url = "https://shido.example.jp";

// The token at the end of a feed URL (…/calendar-feeds/<token>/calendar.ics).
std::string token_of(const std::string& url) {
    auto end = url.rfind("/calendar.ics");
    auto start = url.rfind('/', end - 1) + 1;
    return url.substr(start, end - start);
}

std::vector<std::string> uids(const core::CalendarDocument& calendar) {
    std::vector<std::string> out;
    for (const auto& e : calendar.events) out.push_back(e.uid);
    std::sort(out.begin(), out.end());
    return out;
}

// The demo: 株式会社サンプル製作所 (expert1; four dated sessions) and サンプル運輸株式会社
// (expert2; only the first session dated).
class CalendarServiceTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        jimu = demo_user("jimu");
        expert1 = demo_user("expert1");
        expert2 = demo_user("expert2");
        maker = services_->engagements.list(as(expert1), {}).items.at(0);
        carrier = services_->engagements.list(as(expert2), {}).items.at(0);
    }
    std::string issue(const core::User& user) {
        return token_of(services_->calendar.issue_feed(as(user), site_url).url);
    }
    std::vector<storage::AuditEntry> feed_audit() {
        services::AuditFilter filter;
        filter.entity = "calendar_feed";
        return services_->audit.list(as(jimu), filter).items;
    }
    core::User jimu, expert1, expert2;
    core::Engagement maker, carrier;
};

TEST_F(CalendarServiceTest, SessionCalendarOfADatedSession) {
    auto g = grant(as(expert1), Anchor::engagement, maker.id, EngagementAction::view);
    auto session = services_->calendar.session_calendar(g, 1, site_url);
    ASSERT_EQ(session.calendar.events.size(), 1u);
    const auto& event = session.calendar.events[0];
    EXPECT_EQ(event.uid, "engagement-" + std::to_string(maker.id) + "-session-1@shido");
    EXPECT_EQ(event.summary, "第1回 指導: 株式会社サンプル製作所");
    EXPECT_EQ(event.date, (core::CivilDate{2026, 12, 3}));
    EXPECT_EQ(event.sequence, maker.version);
    EXPECT_NE(event.description.find("事業と情報システムの把握"), std::string::npos)
        << "the course's theme";
    EXPECT_EQ(session.file_name, "株式会社サンプル製作所_第1回_2026-12-03.ics");
}

TEST_F(CalendarServiceTest, SessionCalendarRefusesUndatedAndUnknownSessions) {
    auto g = grant(as(jimu), Anchor::engagement, carrier.id, EngagementAction::view);
    auto& calendar = services_->calendar;
    EXPECT_EQ(code_of([&] { calendar.session_calendar(g, 2, site_url); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { calendar.session_calendar(g, 5, site_url); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(code_of([&] { calendar.session_calendar(g, 0, site_url); }),
              core::ErrorCode::not_found);
    auto edit = grant(as(jimu), Anchor::engagement, carrier.id, EngagementAction::edit_plan);
    EXPECT_THROW(calendar.session_calendar(edit, 1, site_url), std::logic_error)
        << "a grant for another action";
}

TEST_F(CalendarServiceTest, FeedHoldsTheDatedSessionsTheUserMayView) {
    auto& calendar = services_->calendar;
    auto all = calendar.feed(issue(jimu), site_url);
    EXPECT_TRUE(all.subscription);
    EXPECT_EQ(all.events.size(), 5u) << "four of the maker, one of the carrier";
    auto mine = calendar.feed(issue(expert1), site_url);
    EXPECT_EQ(mine.events.size(), 4u);
    for (const auto& e : mine.events)
        EXPECT_NE(e.summary.find("サンプル製作所"), std::string::npos);
    auto owner2 = calendar.feed(issue(demo_user("owner2")), site_url);
    ASSERT_EQ(owner2.events.size(), 1u);
    EXPECT_EQ(owner2.events[0].uid,
              "engagement-" + std::to_string(carrier.id) + "-session-1@shido");
}

TEST_F(CalendarServiceTest, AnExpertReassignedAwayLosesTheSessionsAtTheNextPoll) {
    auto token = issue(expert1);
    EXPECT_EQ(services_->calendar.feed(token, site_url).events.size(), 4u);
    services::EngagementInput input;
    input.version = maker.version;
    input.expert_id = std::optional<core::Id>(expert2.id);
    services_->engagements.update(
        as(jimu), grant(as(jimu), Anchor::engagement, maker.id, EngagementAction::edit_plan),
        input);
    EXPECT_TRUE(services_->calendar.feed(token, site_url).events.empty());
    auto theirs = services_->calendar.feed(issue(expert2), site_url);
    EXPECT_EQ(theirs.events.size(), 5u);
    for (const auto& e : theirs.events)
        if (e.uid.starts_with("engagement-" + std::to_string(maker.id) + "-")) {
            EXPECT_EQ(e.sequence, maker.version + 1) << "the update replaces the event";
        }
}

TEST_F(CalendarServiceTest, RotatedRevokedUnknownAndInactiveTokensAreOneNotFound) {
    auto& calendar = services_->calendar;
    auto first = issue(expert1);
    auto second = issue(expert1);
    EXPECT_NE(first, second);
    EXPECT_EQ(code_of([&] { calendar.feed(first, site_url); }), core::ErrorCode::not_found);
    EXPECT_EQ(calendar.feed(second, site_url).events.size(), 4u);
    EXPECT_EQ(code_of([&] { calendar.feed("not-a-token", site_url); }), core::ErrorCode::not_found);
    calendar.revoke_feed(as(expert1));
    EXPECT_EQ(code_of([&] { calendar.feed(second, site_url); }), core::ErrorCode::not_found);
    calendar.revoke_feed(as(expert1));  // nothing left: nothing happens
    EXPECT_FALSE(calendar.feed_status(as(expert1)).active);

    auto third = issue(expert2);
    {
        storage::Connection c(*db_);
        c.sql() << "UPDATE users SET active = 0 WHERE id = :id", soci::use(expert2.id);
    }
    auto inactive = error_of([&] { calendar.feed(third, site_url); });
    ASSERT_TRUE(inactive);
    EXPECT_EQ(inactive->code(), core::ErrorCode::not_found);
    auto unknown = error_of([&] { calendar.feed("not-a-token", site_url); });
    EXPECT_EQ(std::string(inactive->what()), std::string(unknown->what())) << "nothing told apart";
}

TEST_F(CalendarServiceTest, OnlyTheTokensHashIsStoredAndChangesAreAudited) {
    auto& calendar = services_->calendar;
    now_ = 1'800'000'000;
    auto issued = calendar.issue_feed(as(expert1), site_url);
    EXPECT_TRUE(issued.url.starts_with(site_url + "/api/v1/calendar-feeds/"));
    auto token = token_of(issued.url);
    EXPECT_EQ(token.size(), 43u) << "32 random bytes, base64url without padding";
    {
        storage::Connection c(*db_);
        std::string stored;
        c.sql() << "SELECT token_hash FROM calendar_feeds WHERE user_id = :u",
            soci::use(expert1.id), soci::into(stored);
        EXPECT_EQ(stored, services::sha256_hex(token));
    }
    auto status = calendar.feed_status(as(expert1));
    EXPECT_TRUE(status.active);
    EXPECT_EQ(status.created_at, now_);
    EXPECT_FALSE(status.last_polled_at);
    now_ += 100;
    calendar.feed(token, site_url);
    EXPECT_EQ(calendar.feed_status(as(expert1)).last_polled_at, now_);
    now_ += 10;  // within a minute: not written again
    calendar.feed(token, site_url);
    EXPECT_EQ(calendar.feed_status(as(expert1)).last_polled_at, now_ - 10);

    issue(expert1);
    calendar.revoke_feed(as(expert1));
    auto audit = feed_audit();  // newest first
    ASSERT_EQ(audit.size(), 3u);
    EXPECT_EQ(audit[0].action, "revoke_calendar_feed");
    EXPECT_EQ(audit[1].action, "issue_calendar_feed");
    EXPECT_EQ(audit[2].action, "issue_calendar_feed");
    EXPECT_EQ(audit[2].before_json, std::nullopt) << "created";
    EXPECT_TRUE(audit[1].before_json) << "rotated: the old feed is the before";
    for (const auto& entry : audit) {
        EXPECT_EQ(entry.entity_id, expert1.id);
        for (const auto& json : {entry.before_json, entry.after_json})
            if (json) {
                EXPECT_EQ(json->find("hash"), std::string::npos) << *json;
            }
    }
}

TEST_F(CalendarServiceTest, FeedLeavesOutSessionsMoreThanAYearPast) {
    now_ += 2 * 365 * 24 * 60 * 60;  // two years on: the demo's sessions are long past
    auto token = issue(expert1);
    EXPECT_TRUE(services_->calendar.feed(token, site_url).events.empty());
}

TEST_F(CalendarServiceTest, FeedReadsAPageAtATimeUpToItsLimit) {
    services::CalendarService small(env(), services::CalendarLimits{365, 1, 1, 60});
    auto token = issue(jimu);
    auto first_only = small.feed(token, site_url);
    EXPECT_EQ(uids(first_only).size(), 1u) << "the newest engagement: the carrier's one session";
    services::CalendarService paged(env(), services::CalendarLimits{365, 10, 1, 60});
    EXPECT_EQ(paged.feed(token, site_url).events.size(), 5u) << "both, one page each";
}

}  // namespace
}  // namespace shido::testing
