#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace shido::core {

// Who the programme asks to take part (the labels are the course file's participant_kinds).
enum class ParticipantKind { executive, business_leader, it_person, other };

inline constexpr ParticipantKind all_participant_kinds[] = {
    ParticipantKind::executive, ParticipantKind::business_leader, ParticipantKind::it_person,
    ParticipantKind::other};

std::string_view to_string(ParticipantKind kind);
std::optional<ParticipantKind> parse_participant_kind(std::string_view key);

struct Participant {
    std::string name;
    std::string title;  // 役職
    ParticipantKind kind = ParticipantKind::other;
    std::optional<Id> recorded_by;
    std::optional<std::string> recorded_by_name;
    Timestamp recorded_at = 0;
};

// Someone's confirmation of one part, and when.
struct Stamp {
    Id by = 0;
    std::string by_name;
    Timestamp at = 0;
};

// 依頼・調整事項 before the first session.
struct Confirmations {
    Id engagement_id = 0;
    std::vector<Participant> participants;
    std::string meeting_room;
    std::string projector;
    std::string web_experience;
    std::string web_tool;
    std::string special_request;  // how the company wants its information handled, if special
    std::optional<Stamp> arrangements;
    std::optional<int> info_handling_version;  // the statement version the company acknowledged
    std::optional<Stamp> info_handling;
    int version = 0;  // 0: nothing confirmed yet
};

// The kinds the programme asks for (all but `other`) that no participant covers yet.
std::vector<ParticipantKind> missing_participant_kinds(const std::vector<Participant>& people);

}  // namespace shido::core
