#include "storage/rules/rules_check_repository.hpp"

#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

core::documents::DocumentStatus rules_status_of(int version, std::optional<int> submitted_version,
                                                core::Timestamp updated_at,
                                                std::optional<core::Timestamp> submitted_at) {
    core::rules::RulesCheck check;
    check.version = version;
    check.submitted_version = submitted_version;
    return {core::documents::DocumentKind::rules_check, core::rules::state_of(check), updated_at,
            submitted_at};
}

}  // namespace

std::optional<core::rules::RulesCheck> RulesCheckRepository::find(core::Id engagement_id) {
    core::rules::RulesCheck check;
    core::Timestamp updated_at = 0;
    NullableIn<std::string> by_name;
    NullableIn<int> submitted_version;
    NullableIn<long long> submitted_at;
    c_.sql() << "SELECT r.regulations_id, r.regulations_version, r.version, r.updated_at, u.name, "
                "r.submitted_version, r.submitted_at FROM rules_checks r LEFT JOIN users u ON "
                "u.id = r.updated_by WHERE r.engagement_id = :e",
        soci::use(engagement_id), soci::into(check.regulations_id),
        soci::into(check.regulations_version), soci::into(check.version), soci::into(updated_at),
        soci::into(by_name.value, by_name.ind),
        soci::into(submitted_version.value, submitted_version.ind),
        soci::into(submitted_at.value, submitted_at.ind);
    if (!c_.sql().got_data()) return std::nullopt;
    check.engagement_id = engagement_id;
    check.updated_at = updated_at;
    check.updated_by_name = by_name.get();
    check.submitted_version = submitted_version.get();
    if (auto at = submitted_at.get()) check.submitted_at = *at;

    core::rules::RulesRow row;
    NullableIn<std::string> result, due;
    soci::statement st =
        (c_.sql().prepare << "SELECT category_no, category_key, result, content, assignee, "
                             "due_date, upkeep FROM rules_check_rows WHERE engagement_id = :e "
                             "ORDER BY category_no",
         soci::use(engagement_id), soci::into(row.category_no), soci::into(row.category_key),
         soci::into(result.value, result.ind), soci::into(row.content), soci::into(row.assignee),
         soci::into(due.value, due.ind), soci::into(row.upkeep));
    st.execute(false);
    while (st.fetch()) {
        auto r = row;
        r.result = result.get() ? core::rules::parse_review_result(*result.get()) : std::nullopt;
        r.due_date = due.get();
        check.rows.push_back(std::move(r));
    }
    return check;
}

void RulesCheckRepository::write_rows(const core::rules::RulesCheck& check) {
    c_.sql() << "DELETE FROM rules_check_rows WHERE engagement_id = :e",
        soci::use(check.engagement_id);
    for (const auto& row : check.rows) {
        NullableOut<std::string> result(
            row.result ? std::optional<std::string>(std::string(core::rules::key_of(*row.result)))
                       : std::nullopt);
        NullableOut<std::string> due(row.due_date);
        c_.sql() << "INSERT INTO rules_check_rows (engagement_id, category_no, category_key, "
                    "result, content, assignee, due_date, upkeep) VALUES (:e, :n, :k, :r, :c, "
                    ":a, :d, :u)",
            soci::use(check.engagement_id), soci::use(row.category_no), soci::use(row.category_key),
            soci::use(result.value, result.ind), soci::use(row.content), soci::use(row.assignee),
            soci::use(due.value, due.ind), soci::use(row.upkeep);
    }
}

bool RulesCheckRepository::save(const core::rules::RulesCheck& check, int expected_version,
                                core::Id by, core::Timestamp now) {
    if (expected_version == 0) {
        soci::statement st =
            (c_.sql().prepare << "INSERT INTO rules_checks (engagement_id, regulations_id, "
                                 "regulations_version, version, updated_by, updated_at) VALUES "
                                 "(:e, :i, :v, 1, :b, :u) ON CONFLICT (engagement_id) DO NOTHING",
             soci::use(check.engagement_id), soci::use(check.regulations_id),
             soci::use(check.regulations_version), soci::use(by), soci::use(now));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
    } else {
        soci::statement st =
            (c_.sql().prepare << "UPDATE rules_checks SET version = version + 1, updated_by = :b, "
                                 "updated_at = :u WHERE engagement_id = :e AND version = :v",
             soci::use(by), soci::use(now), soci::use(check.engagement_id),
             soci::use(expected_version));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
    }
    write_rows(check);
    return true;
}

bool RulesCheckRepository::submit(core::Id engagement_id, int version,
                                  const nlohmann::json& snapshot, core::Id by,
                                  core::Timestamp now) {
    std::string json = snapshot.dump();
    soci::statement st =
        (c_.sql().prepare << "UPDATE rules_checks SET submitted_json = :j, submitted_version = "
                             "version, submitted_by = :b, submitted_at = :t WHERE engagement_id = "
                             ":e AND version = :v",
         soci::use(json), soci::use(by), soci::use(now), soci::use(engagement_id),
         soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<nlohmann::json> RulesCheckRepository::submitted(core::Id engagement_id) {
    NullableIn<std::string> json;
    c_.sql() << "SELECT submitted_json FROM rules_checks WHERE engagement_id = :e",
        soci::use(engagement_id), soci::into(json.value, json.ind);
    if (!c_.sql().got_data() || !json.get()) return std::nullopt;
    return nlohmann::json::parse(*json.get());
}

std::map<core::Id, core::documents::DocumentStatus> RulesCheckRepository::statuses(
    const std::vector<core::Id>& engagement_ids) {
    std::map<core::Id, core::documents::DocumentStatus> out;
    for (auto id : engagement_ids)
        out[id] = {core::documents::DocumentKind::rules_check,
                   core::documents::DocumentState::not_started, std::nullopt, std::nullopt};
    if (engagement_ids.empty()) return out;
    // Ids are numbers we hold, never text from outside: listed in the query as literals.
    std::string list;
    for (auto id : engagement_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    long long engagement_id = 0, updated_at = 0;
    int version = 0;
    NullableIn<int> submitted_version;
    NullableIn<long long> submitted_at;
    soci::statement st =
        (c_.sql().prepare << "SELECT engagement_id, version, updated_at, submitted_version, "
                             "submitted_at FROM rules_checks WHERE engagement_id IN (" +
                                 list + ")",
         soci::into(engagement_id), soci::into(version), soci::into(updated_at),
         soci::into(submitted_version.value, submitted_version.ind),
         soci::into(submitted_at.value, submitted_at.ind));
    st.execute(false);
    while (st.fetch()) {
        std::optional<core::Timestamp> at;
        if (auto s = submitted_at.get()) at = *s;
        out[engagement_id] = rules_status_of(version, submitted_version.get(), updated_at, at);
    }
    return out;
}

}  // namespace shido::storage
