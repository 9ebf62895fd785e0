#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "core/labelled.hpp"

namespace shido::core::documents {

// The documents an engagement produces (成果物). Each domain (hearing, policy, rules, later the
// action plan) keeps its own records; this is the shared vocabulary the engagement page and the
// dashboard show them in.
enum class DocumentKind {
    hearing_sheet,
    basic_policy,
    rules_check,
    action_plan,
    final_report,
    survey
};

inline constexpr std::array<Labelled<DocumentKind>, 6> document_kinds{{
    {DocumentKind::hearing_sheet, "hearing_sheet", "ヒアリングシート（様式1）"},
    {DocumentKind::basic_policy, "basic_policy", "情報セキュリティ基本方針"},
    {DocumentKind::rules_check, "rules_check", "関連規程類の点検結果（様式2）"},
    {DocumentKind::action_plan, "action_plan", "対策実行計画書（様式3）"},
    {DocumentKind::final_report, "final_report", "最終報告書"},
    {DocumentKind::survey, "survey", "アンケート"},
}};

// Where a document stands. A document that needs no approval (the hearing sheet, 様式2) goes
// from draft to submitted directly; the final report's review by the secretariat is its own
// workflow (the 実施報告's), shown here as submitted once handed in.
enum class DocumentState { not_started, draft, approved, submitted };

inline constexpr std::array<Labelled<DocumentState>, 4> document_states{{
    {DocumentState::not_started, "not_started", "未着手"},
    {DocumentState::draft, "draft", "作成中"},
    {DocumentState::approved, "approved", "承認済"},
    {DocumentState::submitted, "submitted", "提出済"},
}};

std::string_view key_of(DocumentKind kind);
std::string_view label_of(DocumentKind kind);
std::optional<DocumentKind> parse_document_kind(std::string_view key);
std::string_view key_of(DocumentState state);
std::string_view label_of(DocumentState state);
std::optional<DocumentState> parse_document_state(std::string_view key);

}  // namespace shido::core::documents
