#pragma once
// 【様式1】ヒアリングシート: the template of the programme (content/hearing/*.json), what the
// expert writes per item of one engagement, and the sheet both make together.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/ids.hpp"

namespace shido::core::hearing {

struct TemplateItem {
    std::string key;  // stable across editions, e.g. "5.3"; a section without sub-items: "1"
    std::string label;
    std::string hint;  // 専門家限り: guidance for the expert, never shown to the company
};

struct TemplateSection {
    int no = 0;
    std::string title;
    std::string hint;
    std::vector<TemplateItem> items;  // empty: the section itself is the one item
};

struct HearingTemplate {
    std::string id;
    int version = 0;
    std::string title;
    std::string item_header;
    std::string result_header;
    int session = 1;            // the session the sheet is used in
    int review_at_session = 2;  // where unclear answers are checked again
    std::vector<TemplateSection> sections;
    std::vector<std::string> guidance;  // 専門家限り
};

// The key of an item added by the expert for one engagement: "x" and the row id.
std::string added_item_key(Id entry_id);
std::optional<Id> parse_added_item_key(std::string_view key);

// What is written for one item of one engagement. Items of the template have a row only once
// something was saved for them; added items always have one.
struct Entry {
    Id id = 0;
    std::optional<std::string> item_key;  // the template's key; none for an added item
    int section_no = 0;
    std::string label;        // added items only
    std::string preparation;  // 事前準備メモ: what the expert learned beforehand
    std::string result;       // ヒアリング結果
    bool unclear = false;     // 回答が不明瞭: to check again at the review session
    std::optional<std::string> unclear_by_name;
    std::optional<Timestamp> unclear_at;
    int version = 0;  // 0: nothing stored yet
    std::optional<std::string> updated_by_name;
    std::optional<Timestamp> updated_at;

    bool added() const { return !item_key; }
    std::string key() const { return item_key ? *item_key : added_item_key(id); }
    bool has_text() const { return !preparation.empty() || !result.empty(); }
};

struct SheetItem {
    std::string key;
    std::string label;
    std::string hint;
    bool added = false;
    Entry entry;  // version 0 while nothing is stored
};

struct SheetSection {
    int no = 0;
    std::string title;
    std::string hint;
    std::vector<SheetItem> items;
};

// The template's sections with the engagement's entries in place and its added items at the
// end of their section (in the order they were added). Entries of keys the template does not
// know are dropped: a template edition only ever adds items.
std::vector<SheetSection> compose_sheet(const HearingTemplate& sheet,
                                        const std::vector<Entry>& entries);

// The template's item of `key` and its section; a section without sub-items is its own item.
struct FoundItem {
    TemplateItem item;
    int section_no = 0;
};
std::optional<FoundItem> find_template_item(const HearingTemplate& sheet, std::string_view key);
bool has_section(const HearingTemplate& sheet, int section_no);

// The result after an unclear answer was checked again: the note appended on its own line,
// dated, so the first answer stays readable.
std::string result_with_review_note(std::string_view result, std::string_view note,
                                    std::string_view date, int session_no);

// 未着手 while nothing is written, 作成中 once anything is, 提出済 once submitted.
documents::DocumentState hearing_state(bool anything_written,
                                       std::optional<Timestamp> submitted_at);

// The document as exported (PDF, .xlsx): the working copy or the snapshot submitted.
struct HearingRow {
    int section_no = 0;
    std::string section_title;
    std::string key;
    std::string label;  // the item (equal to the section title for a section without items)
    std::string preparation;
    std::string result;
    bool unclear = false;
};

struct HearingDocument {
    std::string title;
    std::string item_header;
    std::string result_header;
    std::string company_name;
    std::string expert_name;
    std::string date;  // YYYY-MM-DD: the day written (today, or the day it was submitted)
    bool submitted_copy = false;
    std::vector<HearingRow> rows;
};

std::vector<HearingRow> document_rows(const std::vector<SheetSection>& sections);

}  // namespace shido::core::hearing
