#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/hearing/hearing_sheet.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The sheet row of one engagement: the edition it started on and the copy submitted last.
struct HearingSheetRow {
    std::string sheet_id;
    int sheet_version = 0;
    std::optional<std::string> submitted_json;
    std::optional<core::Timestamp> submitted_at;
    std::optional<std::string> submitted_by_name;
    core::Timestamp updated_at = 0;  // of the latest change to any entry
};

class HearingRepository {
  public:
    explicit HearingRepository(Connection& c) : c_(c) {}

    std::optional<HearingSheetRow> find_sheet(core::Id engagement_id);
    // Makes the sheet row on the edition given unless there is one (which keeps its edition).
    void ensure_sheet(core::Id engagement_id, const std::string& sheet_id, int sheet_version,
                      core::Timestamp now);
    void touch(core::Id engagement_id, core::Timestamp now);
    void submit(core::Id engagement_id, const std::string& snapshot_json, core::Id by,
                core::Timestamp now);

    std::vector<core::hearing::Entry> entries(core::Id engagement_id);
    // A template item's first row; false when another request made it first.
    bool insert_entry(core::Id engagement_id, const core::hearing::Entry& entry, core::Id by,
                      core::Timestamp now);
    // Writes text and flag if the row is still at `expected_version`; false otherwise. The
    // flag's who/when change only when the flag does.
    bool update_entry(core::Id engagement_id, const core::hearing::Entry& entry,
                      int expected_version, core::Id by, core::Timestamp now);
    core::Id add_entry(core::Id engagement_id, int section_no, const std::string& label,
                       core::Id by, core::Timestamp now);
    // Only added items (no item_key) are ever deleted.
    bool delete_added_entry(core::Id engagement_id, core::Id entry_id, int expected_version);

  private:
    Connection& c_;
};

// The hearing sheets' states of many engagements in two queries (the dashboard's column). An
// engagement without a sheet is not_started.
std::map<core::Id, core::documents::DocumentStatus> hearing_statuses(
    Connection& c, const std::vector<core::Id>& engagement_ids);

}  // namespace shido::storage
