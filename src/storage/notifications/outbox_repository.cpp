#include "storage/notifications/outbox_repository.hpp"

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

constexpr const char* outbox_columns =
    "SELECT id, notification_id, recipient_id, recipient_address, subject, body, link, "
    "message_id, status, attempts, next_attempt_at, last_error, claimed_by, claimed_until, "
    "sent_at, created_at, confidential FROM outbox";

// A row's columns bound once to a statement, read into `row` per fetch.
struct OutboxBinding {
    OutboxRow row;
    NullableIn<long long> notification, recipient, claimed_until, sent_at;
    NullableIn<std::string> last_error, claimed_by;
    int confidential = 0;

    void bind(soci::statement& st) {
        st.exchange(soci::into(row.id));
        st.exchange(soci::into(notification.value, notification.ind));
        st.exchange(soci::into(recipient.value, recipient.ind));
        st.exchange(soci::into(row.recipient_address));
        st.exchange(soci::into(row.subject));
        st.exchange(soci::into(row.body));
        st.exchange(soci::into(row.link));
        st.exchange(soci::into(row.message_id));
        st.exchange(soci::into(row.status));
        st.exchange(soci::into(row.attempts));
        st.exchange(soci::into(row.next_attempt_at));
        st.exchange(soci::into(last_error.value, last_error.ind));
        st.exchange(soci::into(claimed_by.value, claimed_by.ind));
        st.exchange(soci::into(claimed_until.value, claimed_until.ind));
        st.exchange(soci::into(sent_at.value, sent_at.ind));
        st.exchange(soci::into(row.created_at));
        st.exchange(soci::into(confidential));
    }
    OutboxRow read() const {
        OutboxRow r = row;
        r.confidential = confidential != 0;
        r.notification_id = notification.get();
        r.recipient_id = recipient.get();
        r.claimed_until = claimed_until.get();
        r.sent_at = sent_at.get();
        r.last_error = last_error.get();
        r.claimed_by = claimed_by.get();
        return r;
    }
};

// Due: queued and its time has come, or claimed by a server whose claim ran out.
constexpr const char* outbox_due_condition =
    "((status = 'queued' AND next_attempt_at <= :n1) OR "
    "(status = 'sending' AND claimed_until < :n2))";

}  // namespace

core::Id OutboxRepository::insert(const OutboxRow& r) {
    NullableOut<long long> notification(r.notification_id), recipient(r.recipient_id);
    long long id = 0;
    int confidential = r.confidential ? 1 : 0;
    c_.sql() << "INSERT INTO outbox (notification_id, recipient_id, recipient_address, subject, "
                "body, link, message_id, status, attempts, next_attempt_at, created_at, "
                "confidential) VALUES (:n, :r, :a, :s, :b, :l, :m, 'queued', 0, :t, :c, :k) "
                "RETURNING id",
        soci::use(notification.value, notification.ind), soci::use(recipient.value, recipient.ind),
        soci::use(r.recipient_address), soci::use(r.subject), soci::use(r.body), soci::use(r.link),
        soci::use(r.message_id), soci::use(r.next_attempt_at), soci::use(r.created_at),
        soci::use(confidential), soci::into(id);
    return id;
}

std::optional<OutboxRow> OutboxRepository::find(core::Id id) {
    OutboxBinding b;
    soci::statement st(c_.sql());
    b.bind(st);
    st.exchange(soci::use(id));
    prepare(st, std::string(outbox_columns) + " WHERE id = :id");
    if (!st.execute(true)) return std::nullopt;
    return b.read();
}

core::Page<OutboxRow> OutboxRepository::page(const OutboxQuery& q) {
    Conditions where;
    if (q.status) where.add("status = ?", {*q.status});
    core::Page<OutboxRow> page;
    page.total = count_rows(c_, "outbox", where);
    if (q.page.after)
        where.add("id < ?", {core::cursor_id(core::cursor_parts(*q.page.after, 1)[0])});
    long long fetch = rows_to_read(q.page);
    OutboxBinding b;
    soci::statement st(c_.sql());
    b.bind(st);
    where.bind(st);
    st.exchange(soci::use(fetch));
    prepare(st, std::string(outbox_columns) + where.where() + " ORDER BY id DESC LIMIT :limit");
    st.execute(false);
    while (st.fetch()) page.items.push_back(b.read());
    close_page(page, q.page,
               [](const OutboxRow& r) { return core::encode_cursor({std::to_string(r.id)}); });
    return page;
}

std::vector<core::Id> OutboxRepository::due(core::Timestamp now, int limit) {
    std::vector<core::Id> ids;
    long long id = 0, n1 = now, n2 = now, rows = limit;
    soci::statement st(c_.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::use(n1));
    st.exchange(soci::use(n2));
    st.exchange(soci::use(rows));
    prepare(st, std::string("SELECT id FROM outbox WHERE ") + outbox_due_condition +
                    " ORDER BY next_attempt_at, id LIMIT :limit");
    st.execute(false);
    while (st.fetch()) ids.push_back(id);
    return ids;
}

bool OutboxRepository::claim(core::Id id, const std::string& worker, core::Timestamp now,
                             core::Timestamp claim_until) {
    long long n1 = now, n2 = now;
    soci::statement st =
        (c_.sql().prepare << std::string("UPDATE outbox SET status = 'sending', claimed_by = :w, "
                                         "claimed_until = :u, attempts = attempts + 1 "
                                         "WHERE id = :id AND ") +
                                 outbox_due_condition,
         soci::use(worker), soci::use(claim_until), soci::use(id), soci::use(n1), soci::use(n2));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool OutboxRepository::mark_sent(core::Id id, const std::string& worker, core::Timestamp now) {
    soci::statement st =
        // A sent credential link is not kept: only the person's mailbox has it.
        (c_.sql().prepare << "UPDATE outbox SET status = 'sent', sent_at = :t, last_error = NULL, "
                             "claimed_until = NULL, link = CASE WHEN confidential = 1 THEN '' "
                             "ELSE link END WHERE id = :id AND status = 'sending' AND "
                             "claimed_by = :w",
         soci::use(now), soci::use(id), soci::use(worker));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool OutboxRepository::mark_failed_attempt(core::Id id, const std::string& worker,
                                           const std::string& error,
                                           std::optional<core::Timestamp> next_attempt_at) {
    std::string status = next_attempt_at ? "queued" : "failed";
    long long next = next_attempt_at.value_or(0);  // a failed row has no next attempt
    soci::statement st =
        (c_.sql().prepare << "UPDATE outbox SET status = :s, last_error = :e, "
                             "next_attempt_at = :n, claimed_until = NULL WHERE id = :id AND "
                             "status = 'sending' AND claimed_by = :w",
         soci::use(status), soci::use(error), soci::use(next), soci::use(id), soci::use(worker));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool OutboxRepository::requeue(core::Id id, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE outbox SET status = 'queued', attempts = 0, "
                             "next_attempt_at = :t, claimed_by = NULL, claimed_until = NULL "
                             "WHERE id = :id AND status = 'failed'",
         soci::use(now), soci::use(id));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

}  // namespace shido::storage
