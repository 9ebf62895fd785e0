#include "storage/audit/audit_repository.hpp"

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

std::vector<AuditEntry> AuditRepository::list(const AuditQuery& q) {
    std::string entity = q.entity;
    long long entity_id = q.entity_id.value_or(0);
    long long engagement = q.engagement_id.value_or(0);
    int limit = q.limit;

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
    for (auto* value : {&entity, &entity}) st.exchange(soci::use(*value));
    for (auto* value : {&entity_id, &entity_id, &engagement, &engagement})
        st.exchange(soci::use(*value));
    st.exchange(soci::use(limit));
    prepare(st,
            "SELECT id, at, actor_id, actor_name, action, entity, entity_id, engagement_id, "
            "before_json, after_json, request_id FROM audit_log "
            "WHERE (CAST(:e1 AS TEXT) = '' OR entity = :e2) "
            "AND (CAST(:i1 AS BIGINT) = 0 OR entity_id = :i2) "
            "AND (CAST(:g1 AS BIGINT) = 0 OR engagement_id = :g2) "
            "ORDER BY id DESC LIMIT :lim");
    st.execute(false);
    std::vector<AuditEntry> result;
    while (st.fetch()) {
        row.actor_id = actor.get();
        row.entity_id = row_entity_id.get();
        row.engagement_id = row_engagement.get();
        row.before_json = before.get();
        row.after_json = after.get();
        result.push_back(row);
    }
    return result;
}

}  // namespace shido::storage
