#include "services/diagnosis/diagnosis_views.hpp"

#include "core/clock.hpp"
#include "services/diagnosis/diagnosis_types.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

namespace dx = core::diagnosis;

namespace {

template <typename Enum>
nlohmann::json enum_or_null(const std::optional<Enum>& value) {
    return value ? nlohmann::json(dx::to_string(*value)) : nlohmann::json(nullptr);
}

nlohmann::json group_json(const dx::ItemGroupStats& stats, const dx::Instrument& instrument) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& choice : instrument.choices) {
        auto it = stats.counts.find(choice.key);
        counts[choice.key] = it == stats.counts.end() ? 0 : it->second;
    }
    return {
        {"respondents", stats.respondents}, {"counts", counts}, {"mean_points", stats.mean_points}};
}

nlohmann::json part_means_json(const dx::GroupPartMeans& means) {
    return {{"respondents", means.respondents},
            {"total_mean", means.total_mean},
            {"part_percent", means.part_percent}};
}

nlohmann::json progress_json(const std::vector<storage::RespondentRow>& respondents) {
    nlohmann::json progress = nlohmann::json::object();
    for (auto role : dx::all_respondent_roles)
        progress[dx::to_string(role)] = {{"invited", 0}, {"submitted", 0}};
    for (const auto& r : respondents) {
        if (r.revoked_at) continue;
        progress[r.role]["invited"] = progress[r.role]["invited"].get<int>() + 1;
        if (r.submitted_at)
            progress[r.role]["submitted"] = progress[r.role]["submitted"].get<int>() + 1;
    }
    return progress;
}

}  // namespace

nlohmann::json to_json(const dx::Instrument& instrument) {
    nlohmann::json choices = nlohmann::json::array(), bands = nlohmann::json::array(),
                   parts = nlohmann::json::array(), items = nlohmann::json::array();
    for (const auto& c : instrument.choices)
        choices.push_back(
            {{"key", c.key}, {"label", c.label}, {"points", c.points}, {"follow_up", c.follow_up}});
    for (const auto& b : instrument.bands)
        bands.push_back({{"key", b.key},
                         {"min", b.min},
                         {"max", b.max},
                         {"label", b.label},
                         {"meaning", b.meaning}});
    for (const auto& p : instrument.parts)
        parts.push_back({{"no", p.no}, {"title", p.title}, {"item_nos", p.item_nos}});
    for (const auto& i : instrument.items) {
        items.push_back({{"no", i.no},
                         {"part_no", i.part_no},
                         {"topic", i.topic},
                         {"question", i.question},
                         {"check_points", i.check_points},
                         {"example_measures", i.example_measures}});
    }
    return {{"id", instrument.id},
            {"version", instrument.version},
            {"title", instrument.title},
            {"edition", instrument.edition},
            {"choices", choices},
            {"bands", bands},
            {"parts", parts},
            {"items", items}};
}

nlohmann::json to_json(const storage::RoundRow& r) {
    return {{"id", r.id},
            {"engagement_id", r.engagement_id},
            {"name", r.name},
            {"instrument_id", r.instrument_id},
            {"status", r.status},
            {"created_at", core::format_iso8601(r.created_at)},
            {"respondent_count", r.respondent_count},
            {"submitted_count", r.submitted_count}};
}

nlohmann::json to_json(const storage::RespondentRow& r, const std::string& today) {
    auto role = dx::parse_respondent_role(r.role).value_or(dx::RespondentRole::staff);
    return {{"id", r.id},
            {"round_id", r.round_id},
            {"role", r.role},
            {"role_label", dx::label_ja(role)},
            {"name", r.name},
            {"department", r.department},
            {"source", r.source},
            {"status", respondent_status(r, today)},
            {"answered_count", r.answered_count},
            {"submitted_at", r.submitted_at ? nlohmann::json(core::format_iso8601(*r.submitted_at))
                                            : nlohmann::json(nullptr)},
            {"expires_at", nullable(r.expires_on)},
            {"created_at", core::format_iso8601(r.created_at)}};
}

nlohmann::json to_json(const dx::Answers& answers) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [item_no, choice] : answers) out[std::to_string(item_no)] = choice;
    return out;
}

nlohmann::json to_json(const dx::Finding& f) {
    return {{"item_no", f.item_no},
            {"notes", f.notes},
            {"finding", f.finding},
            {"urgency", enum_or_null(f.urgency)},
            {"importance", enum_or_null(f.importance)},
            {"difficulty", enum_or_null(f.difficulty)},
            {"key_area", f.key_area},
            {"updated_at", f.updated_at ? nlohmann::json(core::format_iso8601(f.updated_at))
                                        : nlohmann::json(nullptr)}};
}

nlohmann::json result_json(const dx::Instrument& instrument, const dx::Score& score) {
    const auto& band = dx::band_for(instrument, score.total);
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : score.parts) {
        const auto* part = instrument.part(p.part_no);
        parts.push_back({{"part_no", p.part_no},
                         {"title", part ? part->title : ""},
                         {"points", p.points},
                         {"max_points", p.max_points},
                         {"min_points", p.min_points}});
    }
    return {{"total", score.total},
            {"max_total", instrument.max_total()},
            {"band", {{"key", band.key}, {"label", band.label}, {"meaning", band.meaning}}},
            {"parts", parts},
            {"unknown_count", score.unknown_count}};
}

nlohmann::json analysis_json(const AnalysisResult& result, const std::string& today) {
    const auto& instrument = *result.detail.instrument;
    const auto& a = result.analysis;
    nlohmann::json respondents = nlohmann::json::array(), items = nlohmann::json::array(),
                   by_role = nlohmann::json::object(), pending = nlohmann::json::array();
    for (const auto& r : a.respondents) {
        respondents.push_back({{"respondent_id", r.respondent_id},
                               {"role", dx::to_string(r.role)},
                               {"role_label", dx::label_ja(r.role)},
                               {"name", r.name},
                               {"department", r.department},
                               {"result", result_json(instrument, r.score)}});
    }
    for (const auto& item : a.items) {
        nlohmann::json roles = nlohmann::json::object();
        for (const auto& [role, stats] : item.by_role)
            roles[dx::to_string(role)] = group_json(stats, instrument);
        items.push_back({{"item_no", item.item_no},
                         {"all", group_json(item.all, instrument)},
                         {"by_role", roles},
                         {"role_gap", item.role_gap},
                         {"unknown_count", item.unknown_count},
                         {"everyone_done", item.everyone_done},
                         {"needs_drill_down", item.needs_drill_down}});
    }
    for (const auto& [role, means] : a.by_role)
        by_role[dx::to_string(role)] = part_means_json(means);
    for (const auto& r : result.respondents) {
        auto status = respondent_status(r, today);
        if (status == "invited" || status == "answering") pending.push_back(to_json(r, today));
    }
    return {{"round", to_json(result.detail.round)},
            {"respondents", respondents},
            {"items", items},
            {"all", part_means_json(a.all)},
            {"by_role", by_role},
            {"gap_items", a.gap_items},
            {"drill_down_items", a.drill_down_items},
            {"role_gap_threshold", dx::role_gap_threshold},
            {"progress", progress_json(result.respondents)},
            {"pending", pending}};
}

nlohmann::json comparison_json(const Comparison& c) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : c.result.items)
        items.push_back(
            {{"item_no", i.item_no}, {"before_mean", i.before_mean}, {"after_mean", i.after_mean}});
    return {{"from", to_json(c.from)},
            {"to", to_json(c.to)},
            {"before_total_mean", c.result.before_total_mean},
            {"after_total_mean", c.result.after_total_mean},
            {"items", items}};
}

nlohmann::json snapshot(const storage::RoundRow& r) {
    return {{"id", r.id},
            {"engagement_id", r.engagement_id},
            {"instrument_id", r.instrument_id},
            {"name", r.name},
            {"status", r.status},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
}

nlohmann::json snapshot(const storage::RespondentRow& r) {
    return {{"id", r.id},
            {"round_id", r.round_id},
            {"role", r.role},
            {"name", r.name},
            {"department", r.department},
            {"source", r.source},
            {"expires_on", nullable(r.expires_on)},
            {"revoked_at", nullable(r.revoked_at)},
            {"submitted_at", nullable(r.submitted_at)},
            {"created_at", r.created_at}};
}

}  // namespace shido::services
