#include "content/library.hpp"

#include <algorithm>

#include "content/calendar.hpp"
#include "content/diagnosis.hpp"
#include "content/final_report.hpp"
#include "content/hearing.hpp"
#include "content/json_file.hpp"
#include "content/policy.hpp"

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
    auto final_report_path = root / "final_report" / "standard.json";
    library.final_report =
        parse_final_report_labels(read_json_file(final_report_path), final_report_path.string());
    return library;
}

}  // namespace shido::content
