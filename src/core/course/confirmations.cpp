#include "core/course/confirmations.hpp"

#include <algorithm>

namespace shido::core {

std::string_view to_string(ParticipantKind kind) {
    switch (kind) {
        case ParticipantKind::executive:
            return "executive";
        case ParticipantKind::business_leader:
            return "business_leader";
        case ParticipantKind::it_person:
            return "it_person";
        case ParticipantKind::other:
            return "other";
    }
    return "other";
}

std::optional<ParticipantKind> parse_participant_kind(std::string_view key) {
    for (auto kind : all_participant_kinds)
        if (to_string(kind) == key) return kind;
    return std::nullopt;
}

std::vector<ParticipantKind> missing_participant_kinds(const std::vector<Participant>& people) {
    std::vector<ParticipantKind> missing;
    for (auto kind : all_participant_kinds) {
        if (kind == ParticipantKind::other) continue;
        bool covered = std::any_of(people.begin(), people.end(),
                                   [kind](const Participant& p) { return p.kind == kind; });
        if (!covered) missing.push_back(kind);
    }
    return missing;
}

}  // namespace shido::core
