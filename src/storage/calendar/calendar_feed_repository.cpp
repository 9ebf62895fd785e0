#include "storage/calendar/calendar_feed_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* feed_select =
    "SELECT user_id, token_hash, created_at, last_polled_at FROM calendar_feeds ";

template <typename Key>
std::optional<StoredCalendarFeed> read_feed(Connection& c, const char* where, Key key) {
    StoredCalendarFeed feed;
    NullableIn<long long> polled;
    soci::statement st(c.sql());
    st.exchange(soci::into(feed.user_id));
    st.exchange(soci::into(feed.token_hash));
    st.exchange(soci::into(feed.created_at));
    st.exchange(soci::into(polled.value, polled.ind));
    st.exchange(soci::use(key));
    prepare(st, std::string(feed_select) + where);
    if (!fetch_one(st, c.dialect())) return std::nullopt;
    feed.last_polled_at = polled.get();
    return feed;
}

}  // namespace

std::optional<StoredCalendarFeed> CalendarFeedRepository::find_by_user(core::Id user_id) {
    return read_feed(c_, "WHERE user_id = :u", user_id);
}

std::optional<StoredCalendarFeed> CalendarFeedRepository::find_by_token(
    const std::string& token_hash) {
    return read_feed(c_, "WHERE token_hash = :h", token_hash);
}

void CalendarFeedRepository::put(const StoredCalendarFeed& feed) {
    // Delete and insert: the same SQL on SQLite and PostgreSQL, inside the caller's transaction.
    remove(feed.user_id);
    NullableOut<long long> polled(feed.last_polled_at);
    c_.sql() << "INSERT INTO calendar_feeds (user_id, token_hash, created_at, last_polled_at) "
                "VALUES (:u, :h, :c, :p)",
        soci::use(feed.user_id), soci::use(feed.token_hash), soci::use(feed.created_at),
        soci::use(polled.value, polled.ind);
}

bool CalendarFeedRepository::remove(core::Id user_id) {
    soci::statement st =
        (c_.sql().prepare << "DELETE FROM calendar_feeds WHERE user_id = :u", soci::use(user_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void CalendarFeedRepository::touch(core::Id user_id, core::Timestamp now) {
    c_.sql() << "UPDATE calendar_feeds SET last_polled_at = :t WHERE user_id = :u", soci::use(now),
        soci::use(user_id);
}

}  // namespace shido::storage
