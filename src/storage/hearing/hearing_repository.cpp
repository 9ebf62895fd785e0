#include "storage/hearing/hearing_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

using core::hearing::Entry;

std::optional<HearingSheetRow> HearingRepository::find_sheet(core::Id engagement_id) {
    HearingSheetRow row;
    NullableIn<std::string> json, by_name;
    NullableIn<long long> at;
    c_.sql() << "SELECT h.sheet_id, h.sheet_version, h.submitted_json, h.submitted_at, u.name, "
                "h.updated_at FROM hearing_sheets h LEFT JOIN users u ON u.id = h.submitted_by "
                "WHERE h.engagement_id = :e",
        soci::use(engagement_id), soci::into(row.sheet_id), soci::into(row.sheet_version),
        soci::into(json.value, json.ind), soci::into(at.value, at.ind),
        soci::into(by_name.value, by_name.ind), soci::into(row.updated_at);
    if (!c_.sql().got_data()) return std::nullopt;
    row.submitted_json = json.get();
    row.submitted_at = at.get();
    row.submitted_by_name = by_name.get();
    return row;
}

void HearingRepository::ensure_sheet(core::Id engagement_id, const std::string& sheet_id,
                                     int sheet_version, core::Timestamp now) {
    c_.sql() << "INSERT INTO hearing_sheets (engagement_id, sheet_id, sheet_version, created_at, "
                "updated_at) VALUES (:e, :s, :v, :c, :u) ON CONFLICT (engagement_id) DO NOTHING",
        soci::use(engagement_id), soci::use(sheet_id), soci::use(sheet_version), soci::use(now),
        soci::use(now);
}

void HearingRepository::touch(core::Id engagement_id, core::Timestamp now) {
    c_.sql() << "UPDATE hearing_sheets SET updated_at = :u WHERE engagement_id = :e",
        soci::use(now), soci::use(engagement_id);
}

void HearingRepository::submit(core::Id engagement_id, const std::string& snapshot_json,
                               core::Id by, core::Timestamp now) {
    c_.sql() << "UPDATE hearing_sheets SET submitted_json = :j, submitted_at = :a, submitted_by "
                "= :b WHERE engagement_id = :e",
        soci::use(snapshot_json), soci::use(now), soci::use(by), soci::use(engagement_id);
}

std::vector<Entry> HearingRepository::entries(core::Id engagement_id) {
    Entry e;
    NullableIn<std::string> key, unclear_name, updated_name;
    NullableIn<long long> unclear_at;
    int unclear = 0;
    soci::statement st =
        (c_.sql().prepare
             << "SELECT h.id, h.item_key, h.section_no, h.label, h.preparation, h.result, "
                "h.unclear, uc.name, h.unclear_at, h.version, up.name, h.updated_at FROM "
                "hearing_entries h LEFT JOIN users uc ON uc.id = h.unclear_by LEFT JOIN users up "
                "ON up.id = h.updated_by WHERE h.engagement_id = :e ORDER BY h.section_no, h.id",
         soci::use(engagement_id), soci::into(e.id), soci::into(key.value, key.ind),
         soci::into(e.section_no), soci::into(e.label), soci::into(e.preparation),
         soci::into(e.result), soci::into(unclear),
         soci::into(unclear_name.value, unclear_name.ind),
         soci::into(unclear_at.value, unclear_at.ind), soci::into(e.version),
         soci::into(updated_name.value, updated_name.ind), soci::into(e.updated_at.emplace()));
    st.execute(false);
    std::vector<Entry> out;
    while (st.fetch()) {
        Entry row = e;
        row.item_key = key.get();
        row.unclear = unclear != 0;
        row.unclear_by_name = unclear_name.get();
        row.unclear_at = unclear_at.get();
        row.updated_by_name = updated_name.get();
        out.push_back(std::move(row));
    }
    return out;
}

bool HearingRepository::insert_entry(core::Id engagement_id, const Entry& e, core::Id by,
                                     core::Timestamp now) {
    NullableOut<long long> unclear_by(e.unclear ? std::optional<long long>(by) : std::nullopt);
    NullableOut<long long> unclear_at(e.unclear ? std::optional<long long>(now) : std::nullopt);
    int unclear = e.unclear ? 1 : 0;
    soci::statement st =
        (c_.sql().prepare
             << "INSERT INTO hearing_entries (engagement_id, item_key, section_no, label, "
                "preparation, result, unclear, unclear_by, unclear_at, version, updated_by, "
                "updated_at) VALUES (:e, :k, :s, '', :p, :r, :x, :xb, :xa, 1, :b, :u) ON "
                "CONFLICT (engagement_id, item_key) DO NOTHING",
         soci::use(engagement_id), soci::use(*e.item_key), soci::use(e.section_no),
         soci::use(e.preparation), soci::use(e.result), soci::use(unclear),
         soci::use(unclear_by.value, unclear_by.ind), soci::use(unclear_at.value, unclear_at.ind),
         soci::use(by), soci::use(now));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool HearingRepository::update_entry(core::Id engagement_id, const Entry& e, int expected_version,
                                     core::Id by, core::Timestamp now) {
    int unclear = e.unclear ? 1 : 0;
    // The flag's who/when: kept while the flag stays, set when it is raised, cleared with it.
    soci::statement st =
        (c_.sql().prepare
             << "UPDATE hearing_entries SET preparation = :p, result = :r, "
                "unclear_by = CASE WHEN :x1 = 0 THEN NULL WHEN unclear = 1 THEN unclear_by ELSE "
                ":b1 END, unclear_at = CASE WHEN :x2 = 0 THEN NULL WHEN unclear = 1 THEN "
                "unclear_at ELSE :u1 END, unclear = :x3, version = version + 1, updated_by = :b2, "
                "updated_at = :u2 WHERE id = :id AND engagement_id = :e AND version = :v",
         soci::use(e.preparation, "p"), soci::use(e.result, "r"), soci::use(unclear, "x1"),
         soci::use(by, "b1"), soci::use(unclear, "x2"), soci::use(now, "u1"),
         soci::use(unclear, "x3"), soci::use(by, "b2"), soci::use(now, "u2"), soci::use(e.id, "id"),
         soci::use(engagement_id, "e"), soci::use(expected_version, "v"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

core::Id HearingRepository::add_entry(core::Id engagement_id, int section_no,
                                      const std::string& label, core::Id by, core::Timestamp now) {
    core::Id id = 0;
    c_.sql() << "INSERT INTO hearing_entries (engagement_id, item_key, section_no, label, "
                "version, updated_by, updated_at) VALUES (:e, NULL, :s, :l, 1, :b, :u) "
                "RETURNING id",
        soci::use(engagement_id), soci::use(section_no), soci::use(label), soci::use(by),
        soci::use(now), soci::into(id);
    return id;
}

bool HearingRepository::delete_added_entry(core::Id engagement_id, core::Id entry_id,
                                           int expected_version) {
    soci::statement st =
        (c_.sql().prepare << "DELETE FROM hearing_entries WHERE id = :id AND engagement_id = :e "
                             "AND item_key IS NULL AND version = :v",
         soci::use(entry_id), soci::use(engagement_id), soci::use(expected_version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

namespace {

std::string hearing_id_list(const std::vector<core::Id>& ids, std::size_t from, std::size_t to) {
    std::string list;
    for (auto i = from; i < to; ++i) list += (list.empty() ? "" : ",") + std::to_string(ids[i]);
    return list;
}

}  // namespace

std::map<core::Id, core::documents::DocumentStatus> hearing_statuses(
    Connection& c, const std::vector<core::Id>& engagement_ids) {
    using core::documents::DocumentState;
    std::map<core::Id, core::documents::DocumentStatus> out;
    for (auto id : engagement_ids)
        out[id] = {core::documents::DocumentKind::hearing_sheet, DocumentState::not_started,
                   std::nullopt, std::nullopt};
    constexpr std::size_t chunk = 500;  // ids are integers we hold, never text from outside
    for (std::size_t from = 0; from < engagement_ids.size(); from += chunk) {
        auto ids =
            hearing_id_list(engagement_ids, from, std::min(engagement_ids.size(), from + chunk));
        long long engagement_id = 0, updated_at = 0, written = 0;
        NullableIn<long long> submitted_at;
        soci::statement st =
            (c.sql().prepare
                 << "SELECT h.engagement_id, h.updated_at, h.submitted_at, (SELECT COUNT(*) FROM "
                    "hearing_entries x WHERE x.engagement_id = h.engagement_id AND (x.item_key "
                    "IS NULL OR x.preparation <> '' OR x.result <> '' OR x.unclear = 1)) FROM "
                    "hearing_sheets h WHERE h.engagement_id IN (" +
                        ids + ")",
             soci::into(engagement_id), soci::into(updated_at),
             soci::into(submitted_at.value, submitted_at.ind), soci::into(written));
        st.execute();
        while (st.fetch()) {
            auto& status = out[engagement_id];
            status.submitted_at = submitted_at.get();
            status.state = core::hearing::hearing_state(written > 0, status.submitted_at);
            if (written > 0 || status.submitted_at) status.updated_at = updated_at;
        }
    }
    return out;
}

}  // namespace shido::storage
