#include "core/hearing/hearing_sheet.hpp"

#include <charconv>

namespace shido::core::hearing {

std::string added_item_key(Id entry_id) {
    return "x" + std::to_string(entry_id);
}

std::optional<Id> parse_added_item_key(std::string_view key) {
    if (key.size() < 2 || key.size() > 20 || key.front() != 'x') return std::nullopt;
    Id id = 0;
    auto digits = key.substr(1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error != std::errc() || end != digits.data() + digits.size() || id <= 0 ||
        digits.front() == '0')
        return std::nullopt;
    return id;
}

namespace {

SheetItem hearing_item_of(const std::string& key, const std::string& label, const std::string& hint,
                          int section_no, const std::vector<Entry>& entries) {
    SheetItem item{key, label, hint, false, {}};
    item.entry.item_key = key;
    item.entry.section_no = section_no;
    for (const auto& e : entries)
        if (e.item_key && *e.item_key == key) item.entry = e;
    return item;
}

}  // namespace

std::vector<SheetSection> compose_sheet(const HearingTemplate& sheet,
                                        const std::vector<Entry>& entries) {
    std::vector<SheetSection> out;
    for (const auto& s : sheet.sections) {
        SheetSection section{s.no, s.title, s.hint, {}};
        if (s.items.empty())
            section.items.push_back(
                hearing_item_of(std::to_string(s.no), s.title, s.hint, s.no, entries));
        for (const auto& i : s.items)
            section.items.push_back(hearing_item_of(i.key, i.label, i.hint, s.no, entries));
        for (const auto& e : entries)
            if (e.added() && e.section_no == s.no)
                section.items.push_back({e.key(), e.label, "", true, e});
        out.push_back(std::move(section));
    }
    return out;
}

std::optional<FoundItem> find_template_item(const HearingTemplate& sheet, std::string_view key) {
    for (const auto& s : sheet.sections) {
        if (s.items.empty() && key == std::to_string(s.no))
            return FoundItem{{std::to_string(s.no), s.title, s.hint}, s.no};
        for (const auto& i : s.items)
            if (i.key == key) return FoundItem{i, s.no};
    }
    return std::nullopt;
}

bool has_section(const HearingTemplate& sheet, int section_no) {
    for (const auto& s : sheet.sections)
        if (s.no == section_no) return true;
    return false;
}

std::string result_with_review_note(std::string_view result, std::string_view note,
                                    std::string_view date, int session_no) {
    std::string out(result);
    if (note.empty()) return out;
    if (!out.empty()) out += "\n";
    out += "【第" + std::to_string(session_no) + "回で確認 " + std::string(date) + "】" +
           std::string(note);
    return out;
}

documents::DocumentState hearing_state(bool anything_written,
                                       std::optional<Timestamp> submitted_at) {
    if (submitted_at) return documents::DocumentState::submitted;
    return anything_written ? documents::DocumentState::draft
                            : documents::DocumentState::not_started;
}

std::vector<HearingRow> document_rows(const std::vector<SheetSection>& sections) {
    std::vector<HearingRow> rows;
    for (const auto& s : sections)
        for (const auto& i : s.items)
            rows.push_back({s.no, s.title, i.key, i.label, i.entry.preparation, i.entry.result,
                            i.entry.unclear});
    return rows;
}

}  // namespace shido::core::hearing
