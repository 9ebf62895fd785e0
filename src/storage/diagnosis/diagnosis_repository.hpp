#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/findings.hpp"
#include "core/ids.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

struct RoundRow {
    core::Id id = 0;
    core::Id engagement_id = 0;
    std::string instrument_id;
    std::string name;
    std::string status;  // open, closed
    core::Timestamp created_at = 0;
    core::Timestamp updated_at = 0;
    int respondent_count = 0;  // not revoked
    int submitted_count = 0;
};

struct RespondentRow {
    core::Id id = 0;
    core::Id round_id = 0;
    std::string role;  // owner, manager, staff
    std::string name;
    std::string department;
    std::string source;  // link, paper, csv
    std::optional<std::string> expires_on;
    std::optional<core::Timestamp> revoked_at;
    std::optional<core::Timestamp> submitted_at;
    core::Timestamp created_at = 0;
    int answered_count = 0;
};

class DiagnosisRepository {
  public:
    explicit DiagnosisRepository(Connection& c) : c_(c) {}

    core::Id insert_round(core::Id engagement_id, const std::string& instrument_id,
                          const std::string& name, core::Timestamp now);
    std::optional<RoundRow> find_round(core::Id id);
    std::vector<RoundRow> list_rounds(core::Id engagement_id);
    void update_round(core::Id id, const std::string& name, const std::string& status,
                      core::Timestamp now);

    core::Id insert_respondent(const RespondentRow& row,
                               const std::optional<std::string>& token_hash, core::Timestamp now);
    std::optional<RespondentRow> find_respondent(core::Id id);
    std::optional<RespondentRow> find_respondent_by_token(const std::string& token_hash);
    std::vector<RespondentRow> list_respondents(core::Id round_id);
    // One page of a round's sheets in the order they were made, optionally of one role.
    core::Page<RespondentRow> page_respondents(core::Id round_id,
                                               const std::optional<std::string>& role,
                                               const core::PageRequest& page);
    void revoke(core::Id respondent_id, core::Timestamp now);
    void set_token(core::Id respondent_id, const std::string& token_hash, core::Timestamp now);
    // Returns false when the sheet was already submitted (a second submit changes nothing).
    bool mark_submitted(core::Id respondent_id, core::Timestamp now);

    // Takes the sheet's row for this transaction while it is still open for answers: a
    // concurrent submission either waits for this answer or makes this return false.
    bool claim_open_sheet(core::Id respondent_id, core::Timestamp now);
    void save_answer(core::Id respondent_id, int item_no, const std::string& choice,
                     core::Timestamp now);
    core::diagnosis::Answers answers_of(core::Id respondent_id);
    int answer_count(core::Id respondent_id);
    // Every submitted sheet of a round, with its answers, in two queries.
    std::vector<core::diagnosis::Sheet> submitted_sheets(core::Id round_id);

    std::vector<core::diagnosis::Finding> findings(core::Id round_id);
    void save_finding(core::Id round_id, const std::string& instrument_id,
                      const core::diagnosis::Finding& finding);

  private:
    Connection& c_;
};

}  // namespace shido::storage
