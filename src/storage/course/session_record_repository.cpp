#include "storage/course/session_record_repository.hpp"

#include "storage/course/record_json.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

std::optional<core::SessionRecord> SessionRecordRepository::find(core::Id engagement_id,
                                                                 int session_no) {
    core::SessionRecord r;
    std::string attendees, agenda;
    NullableIn<long long> by;
    NullableIn<std::string> by_name;
    soci::indicator found = soci::i_null;
    c_.sql() << "SELECT s.attendees_json, s.agenda_json, s.decisions, s.version, s.updated_by, "
                "u.name, s.updated_at FROM session_records s LEFT JOIN users u ON u.id = "
                "s.updated_by WHERE s.engagement_id = :e AND s.session_no = :n",
        soci::use(engagement_id), soci::use(session_no), soci::into(attendees, found),
        soci::into(agenda), soci::into(r.decisions), soci::into(r.version),
        soci::into(by.value, by.ind), soci::into(by_name.value, by_name.ind),
        soci::into(r.updated_at);
    if (!c_.sql().got_data()) return std::nullopt;
    r.engagement_id = engagement_id;
    r.session_no = session_no;
    r.attendees = attendees_from_json(nlohmann::json::parse(attendees));
    r.agenda = agenda_from_json(nlohmann::json::parse(agenda));
    r.updated_by = by.get();
    r.updated_by_name = by_name.get();
    return r;
}

bool SessionRecordRepository::save(const core::SessionRecord& r, int expected_version, core::Id by,
                                   core::Timestamp now) {
    auto json = to_json(r);
    std::string attendees = json["attendees"].dump(), agenda = json["agenda"].dump();
    if (expected_version == 0) {
        soci::statement st =
            (c_.sql().prepare
                 << "INSERT INTO session_records (engagement_id, session_no, attendees_json, "
                    "agenda_json, decisions, version, updated_by, updated_at) VALUES (:e, :n, "
                    ":a, :g, :d, 1, :b, :u) ON CONFLICT (engagement_id, session_no) DO NOTHING",
             soci::use(r.engagement_id), soci::use(r.session_no), soci::use(attendees),
             soci::use(agenda), soci::use(r.decisions), soci::use(by), soci::use(now));
        st.execute(true);
        return st.get_affected_rows() == 1;
    }
    soci::statement st =
        (c_.sql().prepare << "UPDATE session_records SET attendees_json = :a, agenda_json = :g, "
                             "decisions = :d, version = version + 1, updated_by = :b, updated_at "
                             "= :u WHERE engagement_id = :e AND session_no = :n AND version = :v",
         soci::use(attendees), soci::use(agenda), soci::use(r.decisions), soci::use(by),
         soci::use(now), soci::use(r.engagement_id), soci::use(r.session_no),
         soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void SessionRecordRepository::set_held_on(core::Id engagement_id, int session_no,
                                          const std::optional<std::string>& held_on) {
    NullableOut<std::string> held(held_on);
    c_.sql() << "UPDATE engagement_sessions SET held_on = :h WHERE engagement_id = :e AND "
                "session_no = :n",
        soci::use(held.value, held.ind), soci::use(engagement_id), soci::use(session_no);
}

void SessionRecordRepository::move(core::Id engagement_id, const core::SessionMove& m, core::Id by,
                                   core::Timestamp now) {
    NullableOut<std::string> from(m.from_date);
    c_.sql() << "INSERT INTO session_moves (engagement_id, session_no, from_date, to_date, "
                "reason, moved_by, moved_at) VALUES (:e, :n, :f, :t, :r, :b, :a)",
        soci::use(engagement_id), soci::use(m.session_no), soci::use(from.value, from.ind),
        soci::use(m.to_date), soci::use(m.reason), soci::use(by), soci::use(now);
    c_.sql() << "UPDATE engagement_sessions SET planned_date = :d WHERE engagement_id = :e AND "
                "session_no = :n",
        soci::use(m.to_date), soci::use(engagement_id), soci::use(m.session_no);
    c_.sql() << "UPDATE engagements SET version = version + 1, updated_at = :u WHERE id = :e",
        soci::use(now), soci::use(engagement_id);
}

std::vector<core::SessionMove> SessionRecordRepository::moves(core::Id engagement_id) {
    core::SessionMove m;
    NullableIn<std::string> from, name;
    soci::statement st =
        (c_.sql().prepare << "SELECT m.session_no, m.from_date, m.to_date, m.reason, u.name, "
                             "m.moved_at FROM session_moves m LEFT JOIN users u ON u.id = "
                             "m.moved_by WHERE m.engagement_id = :e ORDER BY m.id",
         soci::use(engagement_id), soci::into(m.session_no), soci::into(from.value, from.ind),
         soci::into(m.to_date), soci::into(m.reason), soci::into(name.value, name.ind),
         soci::into(m.moved_at));
    st.execute(false);
    std::vector<core::SessionMove> out;
    while (st.fetch()) {
        m.from_date = from.get();
        m.moved_by_name = name.get().value_or("");
        out.push_back(m);
    }
    return out;
}

}  // namespace shido::storage
