#include "storage/action_plan/action_plan_repository.hpp"

#include <set>

#include "storage/action_plan/measure_json.hpp"
#include "storage/nullable.hpp"

namespace shido::storage {

namespace {

struct PlanMeasureRow {
    NullableOut<std::string> urgency, importance, difficulty, feasibility, deadline;
    std::string progress, sources;
    int linked = 0;
};

PlanMeasureRow plan_row_of(const core::action_plan::Measure& m) {
    auto text = [](auto value, auto key) {
        return value ? std::optional<std::string>(std::string(key(*value))) : std::nullopt;
    };
    auto level = [](core::diagnosis::Level l) { return core::diagnosis::to_string(l); };
    auto difficulty = [](core::diagnosis::Difficulty d) { return core::diagnosis::to_string(d); };
    auto feasibility = [](core::action_plan::Feasibility f) {
        return core::action_plan::key_of(f);
    };
    return {NullableOut<std::string>(text(m.urgency, level)),
            NullableOut<std::string>(text(m.importance, level)),
            NullableOut<std::string>(text(m.difficulty, difficulty)),
            NullableOut<std::string>(text(m.feasibility, feasibility)),
            NullableOut<std::string>(m.deadline),
            std::string(core::action_plan::key_of(m.progress)),
            sources_to_json(m.sources).dump(),
            m.business_linked ? 1 : 0};
}

std::string plan_id_list(const std::vector<core::Id>& ids) {
    std::string list;
    for (auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

}  // namespace

std::optional<StoredActionPlan> ActionPlanRepository::find(core::Id engagement_id) {
    StoredActionPlan plan;
    NullableIn<std::string> by_name, approver;
    NullableIn<int> approved_version, submitted_version;
    NullableIn<long long> approved_at, submitted_at;
    long long updated_at = 0;
    c_.sql() << "SELECT p.content_id, p.content_version, p.version, p.updated_at, u.name, "
                "p.approved_version, a.name, p.approved_at, p.submitted_version, p.submitted_at "
                "FROM action_plans p LEFT JOIN users u ON u.id = p.updated_by LEFT JOIN users a "
                "ON a.id = p.approved_by WHERE p.engagement_id = :e",
        soci::use(engagement_id), soci::into(plan.content_id), soci::into(plan.content_version),
        soci::into(plan.versions.version), soci::into(updated_at),
        soci::into(by_name.value, by_name.ind),
        soci::into(approved_version.value, approved_version.ind),
        soci::into(approver.value, approver.ind), soci::into(approved_at.value, approved_at.ind),
        soci::into(submitted_version.value, submitted_version.ind),
        soci::into(submitted_at.value, submitted_at.ind);
    if (!c_.sql().got_data()) return std::nullopt;
    plan.engagement_id = engagement_id;
    plan.updated_at = updated_at;
    plan.updated_by_name = by_name.get();
    plan.versions.approved_version = approved_version.get();
    plan.versions.submitted_version = submitted_version.get();
    plan.approved_by_name = approver.get();
    if (auto at = approved_at.get()) plan.approved_at = *at;
    if (auto at = submitted_at.get()) plan.submitted_at = *at;

    core::action_plan::Measure m;
    long long id = 0;
    int linked = 0;
    NullableIn<std::string> urgency, importance, difficulty, feasibility, deadline;
    std::string progress, sources;
    soci::statement st =
        (c_.sql().prepare << "SELECT id, position, area_key, situation, action, business_linked, "
                             "urgency, importance, difficulty, feasibility, deadline, concerns, "
                             "owner, progress, sources_json FROM action_plan_measures WHERE "
                             "engagement_id = :e ORDER BY position, id",
         soci::use(engagement_id), soci::into(id), soci::into(m.position), soci::into(m.area_key),
         soci::into(m.situation), soci::into(m.action), soci::into(linked),
         soci::into(urgency.value, urgency.ind), soci::into(importance.value, importance.ind),
         soci::into(difficulty.value, difficulty.ind),
         soci::into(feasibility.value, feasibility.ind), soci::into(deadline.value, deadline.ind),
         soci::into(m.concerns), soci::into(m.owner), soci::into(progress), soci::into(sources));
    st.execute(false);
    while (st.fetch()) {
        auto row = m;
        row.id = id;
        row.business_linked = linked != 0;
        auto u = urgency.get(), i = importance.get(), d = difficulty.get(), f = feasibility.get();
        row.urgency = u ? core::diagnosis::parse_level(*u) : std::nullopt;
        row.importance = i ? core::diagnosis::parse_level(*i) : std::nullopt;
        row.difficulty = d ? core::diagnosis::parse_difficulty(*d) : std::nullopt;
        row.feasibility = f ? core::action_plan::parse_feasibility(*f) : std::nullopt;
        row.deadline = deadline.get();
        row.progress = core::action_plan::parse_progress(progress).value_or(
            core::action_plan::Progress::not_started);
        row.sources = sources_from_json(nlohmann::json::parse(sources));
        plan.measures.push_back(std::move(row));
    }
    return plan;
}

void ActionPlanRepository::write_measures(core::Id engagement_id,
                                          const std::vector<core::action_plan::Measure>& measures) {
    std::set<core::Id> kept;
    for (const auto& m : measures)
        if (m.id != 0) kept.insert(m.id);
    std::vector<core::Id> stored;
    {
        long long id = 0;
        soci::statement st = (c_.sql().prepare << "SELECT id FROM action_plan_measures WHERE "
                                                  "engagement_id = :e",
                              soci::use(engagement_id), soci::into(id));
        st.execute(false);
        while (st.fetch()) stored.push_back(id);
    }
    for (auto id : stored)
        if (!kept.count(id))
            c_.sql() << "DELETE FROM action_plan_measures WHERE id = :i AND engagement_id = :e",
                soci::use(id), soci::use(engagement_id);
    for (const auto& m : measures) {
        auto r = plan_row_of(m);
        if (m.id == 0) {
            long long new_id = 0;
            c_.sql() << "INSERT INTO action_plan_measures (engagement_id, position, area_key, "
                        "situation, action, business_linked, urgency, importance, difficulty, "
                        "feasibility, deadline, concerns, owner, progress, sources_json) VALUES "
                        "(:e, :p, :a, :s, :c, :b, :u, :i, :d, :f, :dl, :cn, :o, :pr, :src) "
                        "RETURNING id",
                soci::use(engagement_id), soci::use(m.position), soci::use(m.area_key),
                soci::use(m.situation), soci::use(m.action), soci::use(r.linked),
                soci::use(r.urgency.value, r.urgency.ind),
                soci::use(r.importance.value, r.importance.ind),
                soci::use(r.difficulty.value, r.difficulty.ind),
                soci::use(r.feasibility.value, r.feasibility.ind),
                soci::use(r.deadline.value, r.deadline.ind), soci::use(m.concerns),
                soci::use(m.owner), soci::use(r.progress), soci::use(r.sources), soci::into(new_id);
            continue;
        }
        c_.sql() << "UPDATE action_plan_measures SET position = :p, area_key = :a, situation = "
                    ":s, action = :c, business_linked = :b, urgency = :u, importance = :i, "
                    "difficulty = :d, feasibility = :f, deadline = :dl, concerns = :cn, owner = "
                    ":o, progress = :pr, sources_json = :src WHERE id = :id AND engagement_id = :e",
            soci::use(m.position), soci::use(m.area_key), soci::use(m.situation),
            soci::use(m.action), soci::use(r.linked), soci::use(r.urgency.value, r.urgency.ind),
            soci::use(r.importance.value, r.importance.ind),
            soci::use(r.difficulty.value, r.difficulty.ind),
            soci::use(r.feasibility.value, r.feasibility.ind),
            soci::use(r.deadline.value, r.deadline.ind), soci::use(m.concerns), soci::use(m.owner),
            soci::use(r.progress), soci::use(r.sources), soci::use(m.id), soci::use(engagement_id);
    }
}

bool ActionPlanRepository::save(core::Id engagement_id, const std::string& content_id,
                                int content_version,
                                const std::vector<core::action_plan::Measure>& measures,
                                int expected_version, core::Id by, core::Timestamp now) {
    if (expected_version == 0) {
        soci::statement st =
            (c_.sql().prepare << "INSERT INTO action_plans (engagement_id, content_id, "
                                 "content_version, version, updated_by, updated_at) VALUES (:e, "
                                 ":c, :v, 1, :b, :u) ON CONFLICT (engagement_id) DO NOTHING",
             soci::use(engagement_id), soci::use(content_id), soci::use(content_version),
             soci::use(by), soci::use(now));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
    } else {
        soci::statement st =
            (c_.sql().prepare << "UPDATE action_plans SET version = version + 1, updated_by = "
                                 ":b, updated_at = :u WHERE engagement_id = :e AND version = :v",
             soci::use(by), soci::use(now), soci::use(engagement_id), soci::use(expected_version));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
    }
    write_measures(engagement_id, measures);
    return true;
}

bool ActionPlanRepository::approve(core::Id engagement_id, int version,
                                   const std::vector<core::action_plan::Measure>& measures,
                                   core::Id by, core::Timestamp now) {
    soci::statement st =
        (c_.sql().prepare << "UPDATE action_plans SET approved_version = version, approved_by = "
                             ":b, approved_at = :t WHERE engagement_id = :e AND version = :v",
         soci::use(by), soci::use(now), soci::use(engagement_id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    std::string json = measures_to_json(measures).dump();
    c_.sql() << "INSERT INTO action_plan_versions (engagement_id, version, measures_json, "
                "approved_by, approved_at) VALUES (:e, :v, :j, :b, :t)",
        soci::use(engagement_id), soci::use(version), soci::use(json), soci::use(by),
        soci::use(now);
    return true;
}

bool ActionPlanRepository::submit(core::Id engagement_id, int version,
                                  const nlohmann::json& snapshot, core::Timestamp now) {
    std::string json = snapshot.dump();
    soci::statement st =
        (c_.sql().prepare << "UPDATE action_plans SET submitted_version = version, submitted_at "
                             "= :t, submitted_json = :j WHERE engagement_id = :e AND version = :v "
                             "AND approved_version = :v2",
         soci::use(now), soci::use(json), soci::use(engagement_id), soci::use(version),
         soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<nlohmann::json> ActionPlanRepository::submitted(core::Id engagement_id) {
    NullableIn<std::string> json;
    c_.sql() << "SELECT submitted_json FROM action_plans WHERE engagement_id = :e",
        soci::use(engagement_id), soci::into(json.value, json.ind);
    if (!c_.sql().got_data() || !json.get()) return std::nullopt;
    return nlohmann::json::parse(*json.get());
}

std::optional<ApprovedActionPlan> ActionPlanRepository::approved(core::Id engagement_id) {
    ApprovedActionPlan plan;
    std::string json;
    long long at = 0;
    c_.sql() << "SELECT v.version, v.measures_json, u.name, v.approved_at FROM "
                "action_plan_versions v JOIN users u ON u.id = v.approved_by WHERE "
                "v.engagement_id = :e ORDER BY v.version DESC LIMIT 1",
        soci::use(engagement_id), soci::into(plan.version), soci::into(json),
        soci::into(plan.approved_by_name), soci::into(at);
    if (!c_.sql().got_data()) return std::nullopt;
    plan.approved_at = at;
    plan.measures = measures_from_json(nlohmann::json::parse(json));
    return plan;
}

std::map<core::Id, core::documents::DocumentStatus> ActionPlanRepository::statuses(
    const std::vector<core::Id>& engagement_ids) {
    using core::documents::DocumentKind;
    std::map<core::Id, core::documents::DocumentStatus> out;
    for (auto id : engagement_ids)
        out[id] = {DocumentKind::action_plan, core::documents::DocumentState::not_started,
                   std::nullopt, std::nullopt};
    if (engagement_ids.empty()) return out;
    long long engagement_id = 0, updated_at = 0;
    core::action_plan::PlanVersions v;
    NullableIn<int> approved_version, submitted_version;
    NullableIn<long long> submitted_at;
    // Ids are numbers we hold, never text from outside: listed in the query as literals.
    soci::statement st =
        (c_.sql().prepare << "SELECT engagement_id, version, updated_at, approved_version, "
                             "submitted_version, submitted_at FROM action_plans WHERE "
                             "engagement_id IN (" +
                                 plan_id_list(engagement_ids) + ")",
         soci::into(engagement_id), soci::into(v.version), soci::into(updated_at),
         soci::into(approved_version.value, approved_version.ind),
         soci::into(submitted_version.value, submitted_version.ind),
         soci::into(submitted_at.value, submitted_at.ind));
    st.execute(false);
    while (st.fetch()) {
        v.approved_version = approved_version.get();
        v.submitted_version = submitted_version.get();
        std::optional<core::Timestamp> at;
        if (auto s = submitted_at.get()) at = *s;
        out[engagement_id] = {DocumentKind::action_plan, core::action_plan::state_of(v), updated_at,
                              at};
    }
    return out;
}

}  // namespace shido::storage
