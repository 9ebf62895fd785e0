#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/documents/document_status.hpp"
#include "core/hearing/hearing_sheet.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// The engagement's sheet as its working copy: the template edition it keeps, the items with
// what was written, and where it stands.
struct HearingView {
    const core::hearing::HearingTemplate* sheet = nullptr;
    std::vector<core::hearing::SheetSection> sections;
    bool expert_hints = false;  // the reader is the assigned expert: 専門家限り notes shown
    core::documents::DocumentStatus status;
    bool changed_since_submission = false;
};

// One field or more of one item; absent fields are kept. `version` is the item's (0: nothing
// stored for it yet).
struct HearingItemInput {
    std::optional<std::string> preparation;
    std::optional<std::string> result;
    std::optional<bool> unclear;
    std::optional<int> version;
};

struct UnclearHearingItems {
    const core::hearing::HearingTemplate* sheet = nullptr;
    std::vector<core::hearing::SheetItem> items;  // with their section's number in entry
    std::vector<std::string> section_titles;      // of each item
};

// What the secretariat reads: the copy the expert submitted, never the working one.
struct SubmittedHearing {
    nlohmann::json snapshot;  // hearing_submitted_json(): sheet, sections, items
    core::Timestamp submitted_at = 0;
    std::optional<std::string> submitted_by_name;
    bool changed_since_submission = false;
};

inline constexpr std::size_t max_hearing_text_chars = 4000;
inline constexpr std::size_t max_hearing_label_chars = 200;
inline constexpr std::size_t max_hearing_note_chars = 1000;
inline constexpr std::size_t max_added_hearing_items = 100;

// 【様式1】ヒアリングシート: the expert prepares it before session 1 and fills the results in
// during or after the session, item by item (each item its own version, so autosaving one
// field never overwrites another); unclear answers come back at `review_at_session`. The
// assigned expert and the owner read it (view_records); only the expert writes; the
// secretariat reads only what the expert submitted.
class HearingService {
  public:
    explicit HearingService(ServiceEnv env) : env_(env) {}

    HearingView get(const RequestContext& ctx, const EngagementGrant& grant);  // view_records
    core::hearing::SheetItem save_item(const RequestContext& ctx,
                                       const EngagementGrant& grant,  // write_records
                                       const std::string& key, const HearingItemInput& input);
    core::hearing::SheetItem add_item(const RequestContext& ctx,
                                      const EngagementGrant& grant,  // write_records
                                      std::optional<int> section_no, const std::string& label);
    void delete_item(const RequestContext& ctx, const EngagementGrant& grant,  // write_records
                     const std::string& key, std::optional<int> version);

    // The review at the start of session `review_at_session`.
    UnclearHearingItems unclear(const EngagementGrant& grant);  // view_records
    // Clears the flag after the answer was checked again; the note is appended to the result.
    core::hearing::SheetItem resolve(const RequestContext& ctx,
                                     const EngagementGrant& grant,  // write_records
                                     const std::string& key, const std::string& note,
                                     std::optional<int> version);

    SubmittedHearing submit(const RequestContext& ctx,
                            const EngagementGrant& grant);     // submit_documents
    SubmittedHearing submitted(const EngagementGrant& grant);  // view_submitted_documents
    core::hearing::HearingDocument document(const EngagementGrant& grant);  // view_records
    core::hearing::HearingDocument submitted_document(
        const EngagementGrant& grant);  // view_submitted_documents

    // For the engagement page: where this engagement's sheet stands (view).
    core::documents::DocumentStatus status(const EngagementGrant& grant);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
