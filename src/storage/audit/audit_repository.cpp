#include "storage/audit/audit_repository.hpp"

#include "storage/list_query.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

void AuditRepository::append(const AuditEntry& e) {
    NullableOut<long long> actor(e.actor_id), entity_id(e.entity_id), engagement(e.engagement_id);
    NullableOut<std::string> before(e.before_json), after(e.after_json);
    c_.sql() << "INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, "
                "engagement_id, before_json, after_json, request_id) VALUES "
                "(:at, :a, :an, :ac, :en, :ei, :eg, :b, :af, :r)",
        soci::use(e.at), soci::use(actor.value, actor.ind), soci::use(e.actor_name),
        soci::use(e.action), soci::use(e.entity), soci::use(entity_id.value, entity_id.ind),
        soci::use(engagement.value, engagement.ind), soci::use(before.value, before.ind),
        soci::use(after.value, after.ind), soci::use(e.request_id);
}

core::Page<AuditEntry> AuditRepository::page(const AuditQuery& q) {
    Conditions where;
    if (q.entity) where.add("entity = ?", {*q.entity});
    if (q.entity_id) where.add("entity_id = ?", {*q.entity_id});
    if (q.engagement_id) where.add("engagement_id = ?", {*q.engagement_id});
    if (q.action) where.add("action = ?", {*q.action});
    core::Page<AuditEntry> page;
    page.total = count_rows(c_, "audit_log", where);
    if (q.page.after)
        where.add("id < ?", {core::cursor_id(core::cursor_parts(*q.page.after, 1)[0])});
    long long fetch = rows_to_read(q.page);

    AuditEntry row;
    NullableIn<long long> actor, row_entity_id, row_engagement;
    NullableIn<std::string> before, after;
    soci::statement st(c_.sql());
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.at));
    st.exchange(soci::into(actor.value, actor.ind));
    st.exchange(soci::into(row.actor_name));
    st.exchange(soci::into(row.action));
    st.exchange(soci::into(row.entity));
    st.exchange(soci::into(row_entity_id.value, row_entity_id.ind));
    st.exchange(soci::into(row_engagement.value, row_engagement.ind));
    st.exchange(soci::into(before.value, before.ind));
    st.exchange(soci::into(after.value, after.ind));
    st.exchange(soci::into(row.request_id));
    where.bind(st);
    st.exchange(soci::use(fetch));
    prepare(st,
            "SELECT id, at, actor_id, actor_name, action, entity, entity_id, engagement_id, "
            "before_json, after_json, request_id FROM audit_log" +
                where.where() + " ORDER BY id DESC LIMIT :limit");
    st.execute(false);
    while (st.fetch()) {
        row.actor_id = actor.get();
        row.entity_id = row_entity_id.get();
        row.engagement_id = row_engagement.get();
        row.before_json = before.get();
        row.after_json = after.get();
        page.items.push_back(row);
    }
    close_page(page, q.page,
               [](const AuditEntry& e) { return core::encode_cursor({std::to_string(e.id)}); });
    return page;
}

}  // namespace shido::storage
