#include "content/library.hpp"

#include <algorithm>

#include "content/calendar.hpp"
#include "content/diagnosis.hpp"
#include "content/final_report.hpp"
#include "content/hearing.hpp"
#include "content/json_file.hpp"
#include "content/package.hpp"
#include "content/passwords.hpp"
#include "content/policy.hpp"
#include "content/security_action.hpp"
#include "content/survey.hpp"

namespace shido::content {

namespace fs = std::filesystem;

const core::diagnosis::Instrument* Library::instrument(const std::string& id) const {
    auto it = instruments.find(id);
    return it == instruments.end() ? nullptr : &it->second;
}

const core::diagnosis::Instrument& Library::current_instrument() const {
    return instruments.at(current_diagnosis_id);
}

const Curriculum* Library::course(const std::string& id) const {
    auto it = courses.find(id);
    return it == courses.end() ? nullptr : &it->second;
}

const core::hearing::HearingTemplate* Library::hearing_sheet(const std::string& id) const {
    auto it = hearing_sheets.find(id);
    return it == hearing_sheets.end() ? nullptr : &it->second;
}

const core::hearing::HearingTemplate& Library::current_hearing_sheet() const {
    return hearing_sheets.at(current_hearing_id);
}

const ActionPlanContent* Library::action_plan(const std::string& id) const {
    auto it = action_plans.find(id);
    return it == action_plans.end() ? nullptr : &it->second;
}

const ActionPlanContent& Library::current_action_plan() const {
    return action_plans.at(current_action_plan_id);
}

const core::survey::SurveyForm* Library::survey(const std::string& id) const {
    auto it = surveys.find(id);
    return it == surveys.end() ? nullptr : &it->second;
}

const core::survey::SurveyForm& Library::current_survey() const {
    return surveys.at(current_survey_id);
}

namespace {

std::vector<fs::path> json_files_in(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

Library load_library(const fs::path& root) {
    Library library;
    for (const auto& file : json_files_in(root / "curriculum")) {
        auto course = parse_curriculum(read_json_file(file), file.string());
        if (course.id != file.stem().string())
            throw ContentError(file.string() + ": id '" + course.id + "' must match the file name");
        library.courses.emplace(course.id, std::move(course));
    }
    if (!library.course(current_course_id))
        throw ContentError("content/curriculum/" + std::string(current_course_id) +
                           ".json is missing");
    library.curriculum = *library.course(current_course_id);

    auto holidays_path = root / "calendar" / "jp-holidays.json";
    library.holidays = parse_holidays(read_json_file(holidays_path), holidays_path.string());

    auto regulations_path = root / "regulations" / "ipa-3.1.json";
    library.regulations =
        parse_regulations(read_json_file(regulations_path), regulations_path.string());

    auto policy_path = root / "policy" / "ipa-3.1.json";
    library.policy_sample = parse_policy_sample(read_json_file(policy_path), policy_path.string());

    auto package_path = root / "package" / "standard.json";
    library.package = parse_package_spec(read_json_file(package_path), package_path.string());

    auto passwords_path = root / "accounts" / "passwords.json";
    library.password_rule =
        parse_password_rule(read_json_file(passwords_path), passwords_path.string());

    auto security_action_path = root / "security_action" / "ipa.json";
    library.security_action =
        parse_security_action(read_json_file(security_action_path), security_action_path.string());

    for (const auto& file : json_files_in(root / "diagnosis")) {
        auto instrument = parse_instrument(read_json_file(file), file.string());
        if (instrument.id != file.stem().string())
            throw ContentError(file.string() + ": id '" + instrument.id +
                               "' must match the file name");
        library.instruments.emplace(instrument.id, std::move(instrument));
    }
    if (!library.instrument(current_diagnosis_id))
        throw ContentError("content/diagnosis/" + std::string(current_diagnosis_id) +
                           ".json is missing");
    for (const auto& file : json_files_in(root / "hearing")) {
        auto sheet = parse_hearing_template(read_json_file(file), file.string());
        if (sheet.id != file.stem().string())
            throw ContentError(file.string() + ": id '" + sheet.id + "' must match the file name");
        library.hearing_sheets.emplace(sheet.id, std::move(sheet));
    }
    if (!library.hearing_sheet(current_hearing_id))
        throw ContentError("content/hearing/" + std::string(current_hearing_id) +
                           ".json is missing");
    // 様式3 maps the current diagnosis edition's items and 様式2's categories to its areas.
    for (const auto& file : json_files_in(root / "action_plan")) {
        auto plan = parse_action_plan(read_json_file(file), file.string(),
                                      library.current_instrument(), library.regulations);
        if (plan.id != file.stem().string())
            throw ContentError(file.string() + ": id '" + plan.id + "' must match the file name");
        library.action_plans.emplace(plan.id, std::move(plan));
    }
    if (!library.action_plan(current_action_plan_id))
        throw ContentError("content/action_plan/" + std::string(current_action_plan_id) +
                           ".json is missing");
    for (const auto& file : json_files_in(root / "survey")) {
        auto form = parse_survey_form(read_json_file(file), file.string());
        if (form.id != file.stem().string())
            throw ContentError(file.string() + ": id '" + form.id + "' must match the file name");
        library.surveys.emplace(form.id, std::move(form));
    }
    if (!library.survey(current_survey_id))
        throw ContentError("content/survey/" + std::string(current_survey_id) + ".json is missing");
    auto final_report_path = root / "final_report" / "standard.json";
    library.final_report =
        parse_final_report_labels(read_json_file(final_report_path), final_report_path.string());
    return library;
}

}  // namespace shido::content
