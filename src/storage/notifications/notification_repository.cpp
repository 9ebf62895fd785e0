#include "storage/notifications/notification_repository.hpp"

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

std::optional<core::Id> NotificationRepository::insert(const NotificationRow& n) {
    NullableOut<long long> engagement(n.engagement_id);
    long long id = 0;
    soci::statement st =
        (c_.sql().prepare << "INSERT INTO notifications (recipient_id, kind, engagement_id, title, "
                             "body, link, dedupe_key, created_at) VALUES (:r, :k, :e, :t, :b, :l, "
                             ":d, :c) ON CONFLICT (recipient_id, dedupe_key) DO NOTHING "
                             "RETURNING id",
         soci::use(n.recipient_id), soci::use(n.kind), soci::use(engagement.value, engagement.ind),
         soci::use(n.title), soci::use(n.body), soci::use(n.link), soci::use(n.dedupe_key),
         soci::use(n.created_at), soci::into(id));
    if (!st.execute(true)) return std::nullopt;
    return id;
}

core::Page<NotificationRow> NotificationRepository::page(const NotificationQuery& q) {
    Conditions where;
    where.add("recipient_id = ?", {q.recipient_id});
    if (q.unread_only) where.add("read_at IS NULL", {});
    core::Page<NotificationRow> page;
    page.total = count_rows(c_, "notifications", where);
    if (q.page.after)
        where.add("id < ?", {core::cursor_id(core::cursor_parts(*q.page.after, 1)[0])});
    long long fetch = rows_to_read(q.page);

    NotificationRow row;
    NullableIn<long long> engagement, read_at;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.recipient_id));
    st.exchange(soci::into(row.kind));
    st.exchange(soci::into(engagement.value, engagement.ind));
    st.exchange(soci::into(row.title));
    st.exchange(soci::into(row.body));
    st.exchange(soci::into(row.link));
    st.exchange(soci::into(row.dedupe_key));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(read_at.value, read_at.ind));
    where.bind(st);
    st.exchange(soci::use(fetch));
    prepare(st,
            "SELECT id, recipient_id, kind, engagement_id, title, body, link, dedupe_key, "
            "created_at, read_at FROM notifications" +
                where.where() + " ORDER BY id DESC LIMIT :limit");
    st.execute(false);
    while (st.fetch()) {
        row.engagement_id = engagement.get();
        row.read_at = read_at.get();
        page.items.push_back(row);
    }
    close_page(page, q.page, [](const NotificationRow& n) {
        return core::encode_cursor({std::to_string(n.id)});
    });
    return page;
}

long long NotificationRepository::unread_count(core::Id recipient_id) {
    Conditions where;
    where.add("recipient_id = ?", {recipient_id}).add("read_at IS NULL", {});
    return count_rows(c_, "notifications", where);
}

std::vector<core::Id> NotificationRepository::owned(core::Id recipient_id,
                                                    const std::vector<core::Id>& ids) {
    std::vector<core::Id> found;
    for (auto id : ids) {
        int count = 0;
        c_.sql() << "SELECT COUNT(*) FROM notifications WHERE id = :id AND recipient_id = :r",
            soci::use(id), soci::use(recipient_id), soci::into(count);
        if (count > 0) found.push_back(id);
    }
    return found;
}

void NotificationRepository::mark_read(core::Id recipient_id, const std::vector<core::Id>& ids,
                                       core::Timestamp now) {
    for (auto id : ids)
        c_.sql() << "UPDATE notifications SET read_at = :t WHERE id = :id AND recipient_id = :r "
                    "AND read_at IS NULL",
            soci::use(now), soci::use(id), soci::use(recipient_id);
}

void NotificationRepository::mark_all_read(core::Id recipient_id, core::Timestamp now) {
    c_.sql() << "UPDATE notifications SET read_at = :t WHERE recipient_id = :r AND read_at IS NULL",
        soci::use(now), soci::use(recipient_id);
}

std::optional<Recipient> NotificationRepository::recipient(core::Id user_id) {
    Recipient r;
    int active = 0;
    soci::indicator ind = soci::i_null;
    c_.sql() << "SELECT id, email, active FROM users WHERE id = :id", soci::use(user_id),
        soci::into(r.id), soci::into(r.email, ind), soci::into(active);
    if (ind != soci::i_ok) return std::nullopt;
    r.active = active != 0;
    return r;
}

namespace {
std::vector<core::Id> notification_user_ids(Connection& c, const std::string& sql, long long arg,
                                            bool with_arg) {
    std::vector<core::Id> ids;
    long long id = 0;
    soci::statement st(c.sql());
    st.exchange(soci::into(id));
    if (with_arg) st.exchange(soci::use(arg));
    prepare(st, sql);
    st.execute(false);
    while (st.fetch()) ids.push_back(id);
    return ids;
}
}  // namespace

std::vector<core::Id> NotificationRepository::secretariat_ids() {
    return notification_user_ids(
        c_, "SELECT id FROM users WHERE role = 'secretariat' AND active = 1 ORDER BY id", 0, false);
}

std::vector<core::Id> NotificationRepository::company_user_ids(core::Id company_id) {
    return notification_user_ids(
        c_, "SELECT id FROM users WHERE company_id = :c AND active = 1 ORDER BY id", company_id,
        true);
}

std::vector<PlannedSession> sessions_on(Connection& c, const std::string& date) {
    std::vector<PlannedSession> out;
    PlannedSession row;
    NullableIn<long long> expert;
    NullableIn<std::string> start, end, mode, place, tool;
    std::string on = date;
    soci::statement st(c.sql());
    st.exchange(soci::into(row.engagement_id));
    st.exchange(soci::into(row.company_id));
    st.exchange(soci::into(row.company_name));
    st.exchange(soci::into(expert.value, expert.ind));
    st.exchange(soci::into(row.session_no));
    st.exchange(soci::into(row.planned_date));
    st.exchange(soci::into(start.value, start.ind));
    st.exchange(soci::into(end.value, end.ind));
    st.exchange(soci::into(mode.value, mode.ind));
    st.exchange(soci::into(place.value, place.ind));
    st.exchange(soci::into(tool.value, tool.ind));
    st.exchange(soci::use(on));
    prepare(st,
            "SELECT e.id, e.company_id, c.name, e.expert_id, s.session_no, s.planned_date, "
            "s.start_time, s.end_time, s.mode, s.place, s.meeting_tool FROM engagement_sessions s "
            "JOIN engagements e ON e.id = s.engagement_id JOIN companies c ON c.id = e.company_id "
            "WHERE s.planned_date = :d AND e.status IN ('planned', 'in_progress') "
            "ORDER BY e.id, s.session_no");
    st.execute(false);
    while (st.fetch()) {
        row.expert_id = expert.get();
        row.start_time = start.get();
        row.end_time = end.get();
        row.mode = mode.get();
        row.place = place.get();
        row.meeting_tool = tool.get();
        out.push_back(row);
    }
    return out;
}

}  // namespace shido::storage
