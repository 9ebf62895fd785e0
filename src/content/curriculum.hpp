#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document_state.hpp"

namespace shido::content {

// A document (成果物) a session works on: made there, or reviewed again (`review`).
struct SessionDocument {
    core::documents::DocumentKind kind = core::documents::DocumentKind::hearing_sheet;
    bool review = false;
};

// One line of an example timetable (進め方の例): how long, what, and the points to watch.
struct TimetableItem {
    int minutes = 0;
    std::string title;
    std::string points;
};

struct Timetable {
    std::string start;  // HH:MM
    std::vector<TimetableItem> items;
};

struct CurriculumSession {
    int no = 0;
    std::string title;
    std::string theme;
    std::vector<std::string> expert_prepares;
    std::vector<std::string> company_prepares;
    std::vector<std::string> agenda;
    std::vector<std::string> deliverables;
    std::vector<std::string> tools;  // 【提供】: what the programme provides for the session
    std::optional<Timetable> timetable;
    std::vector<SessionDocument> documents;  // the shido documents worked on in the session
    int prep_weeks_min = 1;  // weeks of preparation before the session, as the guide gives them
    int prep_weeks_max = 2;
};

// The standard course of four sessions (content/curriculum/*.json).
struct Curriculum {
    std::string id;
    int version = 0;
    std::string title;
    int guideline_days = 45;      // first to last session, "about 1.5 months"
    std::string guideline_label;  // 約1.5か月
    std::vector<CurriculumSession> sessions;
    // 依頼・調整事項: the kinds of participant asked for (key → label; the keys are
    // core::participant_kinds) and the statement on how the company's information is handled,
    // which the company acknowledges (a new wording is a new version).
    std::vector<std::pair<std::string, std::string>> participant_kinds;
    int information_handling_version = 1;
    std::vector<std::string> information_handling;
};

Curriculum parse_curriculum(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
