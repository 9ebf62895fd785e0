#include "core/action_plan/measure.hpp"

namespace shido::core::action_plan {

std::string_view key_of(Feasibility value) {
    return value == Feasibility::feasible ? "feasible" : "not_feasible";
}

std::optional<Feasibility> parse_feasibility(std::string_view key) {
    if (key == "feasible") return Feasibility::feasible;
    if (key == "not_feasible") return Feasibility::not_feasible;
    return std::nullopt;
}

std::string_view key_of(Progress value) {
    switch (value) {
        case Progress::not_started:
            return "not_started";
        case Progress::in_progress:
            return "in_progress";
        case Progress::done:
            return "done";
        case Progress::dropped:
            return "dropped";
    }
    return "not_started";
}

std::optional<Progress> parse_progress(std::string_view key) {
    for (auto value : progress_values)
        if (key_of(value) == key) return value;
    return std::nullopt;
}

std::string_view key_of(SourceKind kind) {
    return kind == SourceKind::finding ? "finding" : "rule";
}

std::optional<SourceKind> parse_source_kind(std::string_view key) {
    if (key == "finding") return SourceKind::finding;
    if (key == "rule") return SourceKind::rule;
    return std::nullopt;
}

std::string finding_source_key(std::string_view instrument_id, int item_no) {
    return std::string(instrument_id) + "/" + std::to_string(item_no);
}

}  // namespace shido::core::action_plan
