#include "storage/course/confirmation_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

std::optional<core::Stamp> stamp_of(const NullableIn<long long>& by,
                                    const NullableIn<std::string>& name,
                                    const NullableIn<long long>& at) {
    if (!by.get() || !at.get()) return std::nullopt;
    return core::Stamp{*by.get(), name.get().value_or(""), *at.get()};
}

}  // namespace

core::Confirmations ConfirmationRepository::find(core::Id engagement_id) {
    core::Confirmations c;
    c.engagement_id = engagement_id;
    NullableIn<long long> a_by, a_at, i_by, i_at;
    NullableIn<std::string> a_name, i_name;
    NullableIn<int> i_version;
    c_.sql() << "SELECT c.meeting_room, c.projector, c.web_experience, c.web_tool, "
                "c.special_request, c.arrangements_by, ua.name, c.arrangements_at, "
                "c.info_handling_version, c.info_handling_by, ui.name, c.info_handling_at, "
                "c.version FROM engagement_confirmations c LEFT JOIN users ua ON ua.id = "
                "c.arrangements_by LEFT JOIN users ui ON ui.id = c.info_handling_by WHERE "
                "c.engagement_id = :e",
        soci::use(engagement_id), soci::into(c.meeting_room), soci::into(c.projector),
        soci::into(c.web_experience), soci::into(c.web_tool), soci::into(c.special_request),
        soci::into(a_by.value, a_by.ind), soci::into(a_name.value, a_name.ind),
        soci::into(a_at.value, a_at.ind), soci::into(i_version.value, i_version.ind),
        soci::into(i_by.value, i_by.ind), soci::into(i_name.value, i_name.ind),
        soci::into(i_at.value, i_at.ind), soci::into(c.version);
    if (!c_.sql().got_data()) return c;
    c.arrangements = stamp_of(a_by, a_name, a_at);
    c.info_handling = stamp_of(i_by, i_name, i_at);
    c.info_handling_version = i_version.get();

    core::Participant p;
    std::string kind;
    NullableIn<long long> by;
    NullableIn<std::string> by_name;
    soci::statement st =
        (c_.sql().prepare << "SELECT p.name, p.title, p.kind, p.recorded_by, u.name, "
                             "p.recorded_at FROM engagement_participants p LEFT JOIN users u ON "
                             "u.id = p.recorded_by WHERE p.engagement_id = :e ORDER BY "
                             "p.position",
         soci::use(engagement_id), soci::into(p.name), soci::into(p.title), soci::into(kind),
         soci::into(by.value, by.ind), soci::into(by_name.value, by_name.ind),
         soci::into(p.recorded_at));
    st.execute(false);
    while (st.fetch()) {
        p.kind = core::parse_participant_kind(kind).value_or(core::ParticipantKind::other);
        p.recorded_by = by.get();
        p.recorded_by_name = by_name.get();
        c.participants.push_back(p);
    }
    return c;
}

bool ConfirmationRepository::ensure_row(core::Id engagement_id, int expected_version) {
    if (expected_version != 0) return true;
    soci::statement st =
        (c_.sql().prepare << "INSERT INTO engagement_confirmations (engagement_id, version) "
                             "VALUES (:e, 0) ON CONFLICT (engagement_id) DO NOTHING",
         soci::use(engagement_id));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool ConfirmationRepository::save_arrangements(const core::Confirmations& c, int expected_version,
                                               core::Id by, core::Timestamp now) {
    if (!ensure_row(c.engagement_id, expected_version)) return false;
    soci::statement st =
        (c_.sql().prepare << "UPDATE engagement_confirmations SET meeting_room = :r, projector = "
                             ":p, web_experience = :x, web_tool = :t, special_request = :s, "
                             "arrangements_by = :b, arrangements_at = :a, version = version + 1 "
                             "WHERE engagement_id = :e AND version = :v",
         soci::use(c.meeting_room), soci::use(c.projector), soci::use(c.web_experience),
         soci::use(c.web_tool), soci::use(c.special_request), soci::use(by), soci::use(now),
         soci::use(c.engagement_id), soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    // Participants are kept as they were recorded: who added each one stays with it.
    auto before = find(c.engagement_id).participants;
    c_.sql() << "DELETE FROM engagement_participants WHERE engagement_id = :e",
        soci::use(c.engagement_id);
    int position = 0;
    for (const auto& p : c.participants) {
        std::string kind(core::to_string(p.kind));
        core::Id recorded_by = by;
        core::Timestamp recorded_at = now;
        for (const auto& old : before)
            if (old.name == p.name && old.title == p.title && old.kind == p.kind &&
                old.recorded_by) {
                recorded_by = *old.recorded_by;
                recorded_at = old.recorded_at;
            }
        c_.sql() << "INSERT INTO engagement_participants (engagement_id, position, name, title, "
                    "kind, recorded_by, recorded_at) VALUES (:e, :p, :n, :t, :k, :b, :a)",
            soci::use(c.engagement_id), soci::use(position), soci::use(p.name), soci::use(p.title),
            soci::use(kind), soci::use(recorded_by), soci::use(recorded_at);
        ++position;
    }
    return true;
}

bool ConfirmationRepository::acknowledge_information_handling(core::Id engagement_id,
                                                              int statement_version,
                                                              int expected_version, core::Id by,
                                                              core::Timestamp now) {
    if (!ensure_row(engagement_id, expected_version)) return false;
    soci::statement st =
        (c_.sql().prepare << "UPDATE engagement_confirmations SET info_handling_version = :s, "
                             "info_handling_by = :b, info_handling_at = :a, version = version + "
                             "1 WHERE engagement_id = :e AND version = :v",
         soci::use(statement_version), soci::use(by), soci::use(now), soci::use(engagement_id),
         soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

}  // namespace shido::storage
