#include "core/diagnosis/respondent_status.hpp"

namespace shido::core::diagnosis {

namespace {

constexpr Labelled<RespondentStatus> respondent_status_table[] = {
    {RespondentStatus::invited, "invited", "未回答"},
    {RespondentStatus::answering, "answering", "回答中"},
    {RespondentStatus::submitted, "submitted", "提出済み"},
    {RespondentStatus::revoked, "revoked", "取り消し済み"},
    {RespondentStatus::expired, "expired", "期限切れ"},
};

constexpr Labelled<RoundStatus> round_status_table[] = {
    {RoundStatus::open, "open", "受付中"},
    {RoundStatus::closed, "closed", "締切"},
};

}  // namespace

RespondentStatus respondent_status(const SheetFacts& sheet, const std::string& today) {
    if (sheet.revoked) return RespondentStatus::revoked;
    if (sheet.submitted) return RespondentStatus::submitted;
    if (sheet.expires_on && *sheet.expires_on < today) return RespondentStatus::expired;
    return sheet.answered_count > 0 ? RespondentStatus::answering : RespondentStatus::invited;
}

std::span<const Labelled<RespondentStatus>> respondent_statuses() {
    return respondent_status_table;
}

std::string_view to_string(RespondentStatus status) {
    return key_in(respondent_statuses(), status);
}

std::span<const Labelled<RoundStatus>> round_statuses() {
    return round_status_table;
}

std::optional<RoundStatus> parse_round_status(std::string_view key) {
    return parse_in(round_statuses(), key);
}

}  // namespace shido::core::diagnosis
