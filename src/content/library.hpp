#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "content/action_plan.hpp"
#include "content/curriculum.hpp"
#include "content/regulations.hpp"
#include "core/accounts/password_rule.hpp"
#include "core/calendar/holidays.hpp"
#include "core/diagnosis/instrument.hpp"
#include "core/final_report/final_report_labels.hpp"
#include "core/hearing/hearing_sheet.hpp"
#include "core/package/package_manifest.hpp"
#include "core/policy/policy_sample.hpp"
#include "core/security_action/readiness.hpp"
#include "core/survey/survey_form.hpp"

namespace shido::content {

// The course new engagements are opened on. Engagements keep the course they were opened on.
inline constexpr const char* current_course_id = "standard-4";

// The edition new self-assessment rounds use. Older rounds keep the edition they were opened with.
inline constexpr const char* current_diagnosis_id = "ipa-5min-3.1";

// The 様式1 edition new engagements start their hearing sheet on; a sheet keeps the edition it
// started with.
inline constexpr const char* current_hearing_id = "standard";

// The 様式3 edition new action plans start on; a plan keeps the edition it started with.
inline constexpr const char* current_action_plan_id = "ipa-3.1";
// The アンケート form new responses are answered on; a response keeps the form (id + version)
// it was answered on.
inline constexpr const char* current_survey_id = "guidance-1";

// Everything the programme defines as data, loaded once at start and read-only after.
struct Library {
    Curriculum curriculum;                      // the current course (current_course_id)
    std::map<std::string, Curriculum> courses;  // every course file, by id
    std::map<std::string, core::diagnosis::Instrument> instruments;  // by id
    Regulations regulations;  // 様式2: the categories, the four results, the form of the sheet
    core::policy::PolicySample policy_sample;  // the guide's sample basic policy
    core::HolidayCalendar holidays;            // Japanese public holidays: planning warns of them
    std::map<std::string, core::hearing::HearingTemplate> hearing_sheets;  // 様式1, by id
    core::package::PackageSpec package;  // what the submission package (提出パッケージ) holds
    core::security_action::SecurityActionSpec security_action;  // ★ and ★★ of SECURITY ACTION
    std::map<std::string, ActionPlanContent> action_plans;      // 様式3, by id
    std::map<std::string, core::survey::SurveyForm> surveys;    // アンケート, by id
    core::final_report::Labels final_report;  // 最終報告書: headings, limits, draft phrases
    core::PasswordRule password_rule;         // the length and the common passwords refused

    const core::diagnosis::Instrument* instrument(const std::string& id) const;
    const core::diagnosis::Instrument& current_instrument() const;
    const Curriculum* course(const std::string& id) const;
    const core::hearing::HearingTemplate* hearing_sheet(const std::string& id) const;
    const core::hearing::HearingTemplate& current_hearing_sheet() const;
    const ActionPlanContent* action_plan(const std::string& id) const;
    const ActionPlanContent& current_action_plan() const;
    const core::survey::SurveyForm* survey(const std::string& id) const;
    const core::survey::SurveyForm& current_survey() const;
};

// Loads and validates every content file under `root` (the repo's content/ folder).
Library load_library(const std::filesystem::path& root);

}  // namespace shido::content
