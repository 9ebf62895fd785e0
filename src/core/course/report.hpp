#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/course/report_workflow.hpp"
#include "core/course/session_record.hpp"
#include "core/ids.hpp"
#include "core/labelled.hpp"

namespace shido::core {

enum class DeliverableState { not_started, in_progress, done };
std::span<const Labelled<DeliverableState>> deliverable_states();

struct DeliverableLine {
    std::string name;  // the course's 【成果物】 name
    DeliverableState state = DeliverableState::not_started;
    std::string note;
};

// What a 実施報告 says. The draft is built from the session record and the plan; the expert
// edits it freely while the report is with them.
struct ReportBody {
    std::optional<std::string> held_on;  // YYYY-MM-DD
    std::optional<std::string> start_time, end_time;
    std::optional<std::string> mode;  // core::SessionMode key
    std::string place;
    std::string attendees;
    std::string activities;  // what was done against the course
    std::vector<DeliverableLine> deliverables;
    std::string next_steps;
    std::string requests;  // 追加情報の提供依頼, still open
    std::string remarks;
    bool include_record = false;  // send the session record (agenda notes, decisions) with it
};

// The copy the secretariat reads: the body as submitted and, if the expert chose, the record.
struct SubmittedReport {
    ReportBody body;
    std::optional<SessionRecord> record;
};

struct ReportStep {
    ReportState from = ReportState::draft;
    ReportState to = ReportState::draft;
    std::string actor_name;
    std::string comment;
    Timestamp at = 0;
};

struct SessionReport {
    Id id = 0;
    Id engagement_id = 0;
    int session_no = 1;
    ReportState state = ReportState::draft;
    ReportBody body;
    std::optional<SubmittedReport> submitted;
    int version = 1;
    std::vector<ReportStep> steps;  // oldest first
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

inline constexpr std::size_t max_report_text_chars = 4000;

// Everything the PDF of one report shows, gathered by the service.
struct ReportDocument {
    std::string company_name;
    std::string expert_name;
    std::string course_title;
    int session_no = 1;
    std::string session_title;  // 第1回
    std::string session_theme;
    std::optional<ReportState> state;  // nothing: a draft never saved
    bool submitted_copy = false;       // the copy the secretariat received
    ReportBody body;
    std::optional<SessionRecord> record;
    std::vector<ReportStep> steps;
};

}  // namespace shido::core
