#include "core/final_report/draft.hpp"

#include <cstdio>

#include "core/calendar/civil_date.hpp"

namespace shido::core::final_report {

namespace {

std::string final_report_points(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string final_report_signed(double value) {
    return (value > 0 ? "+" : "") + final_report_points(value);
}

void final_report_add_line(std::string& text, const std::string& line) {
    text += (text.empty() ? "" : "\n") + line;
}

std::string overview_text(const Labels& l, const std::vector<SessionFact>& sessions) {
    if (sessions.empty()) return l.phrase("no_sessions");
    std::string text;
    for (const auto& s : sessions) {
        std::map<std::string, std::string> v{{"title", s.title}, {"theme", s.theme}};
        const char* key = "session_unplanned";
        if (s.held_on) {
            key = "session_held";
            v["date"] = *s.held_on;
        } else if (s.planned_date) {
            key = "session_planned";
            v["date"] = *s.planned_date;
        }
        final_report_add_line(text, fill(l.phrase(key), v));
    }
    return text;
}

std::map<std::string, std::string> round_values(const RoundFact& r) {
    return {{"name", r.name},
            {"total", final_report_points(r.total_mean)},
            {"band", r.band_label},
            {"respondents", std::to_string(r.respondents)}};
}

std::string item_list(const Labels& l, const std::vector<ItemChangeFact>& changes, bool up) {
    std::string list;
    for (const auto& c : changes) {
        if ((c.after_mean > c.before_mean) != up || c.after_mean == c.before_mean) continue;
        list +=
            (list.empty() ? "" : "、") +
            fill(l.phrase("item"), {{"no", std::to_string(c.item_no)},
                                    {"topic", c.topic},
                                    {"change", final_report_signed(c.after_mean - c.before_mean)}});
    }
    return list;
}

std::string diagnosis_text(const Labels& l, const DiagnosisFacts& d) {
    if (!d.first) return l.phrase("no_round");
    std::string text = fill(l.phrase("first_round"), round_values(*d.first));
    if (!d.final) {
        final_report_add_line(text, l.phrase("no_final_round"));
        return text;
    }
    final_report_add_line(text, fill(l.phrase("final_round"), round_values(*d.final)));
    final_report_add_line(
        text, fill(l.phrase("difference"),
                   {{"change", final_report_signed(d.final->total_mean - d.first->total_mean)}}));
    if (auto up = item_list(l, d.changes, true); !up.empty())
        final_report_add_line(text, fill(l.phrase("improved"), {{"items", up}}));
    if (auto down = item_list(l, d.changes, false); !down.empty())
        final_report_add_line(text, fill(l.phrase("declined"), {{"items", down}}));
    return text;
}

std::string policy_text(const Labels& l, const PolicyFacts& p) {
    if (p.state == documents::DocumentState::not_started) return l.phrase("policy_none");
    if (!p.approved_number) return l.phrase("policy_draft");
    std::string text = fill(l.phrase("policy_approved"),
                            {{"number", std::to_string(*p.approved_number)},
                             {"by", p.approved_by.value_or("")},
                             {"date", p.approved_at ? japan_date(*p.approved_at) : ""}});
    if (p.state == documents::DocumentState::submitted)
        final_report_add_line(text, l.phrase("policy_submitted"));
    final_report_add_line(text,
                          l.phrase(p.published ? "policy_published" : "policy_not_published"));
    return text;
}

std::string rules_text(const Labels& l, const RulesFacts& r) {
    if (r.state == documents::DocumentState::not_started) return l.phrase("rules_none");
    std::string text;
    for (const auto& c : r.counts)
        final_report_add_line(text, fill(l.phrase("rules_count"),
                                         {{"label", c.label}, {"count", std::to_string(c.count)}}));
    if (r.unset > 0)
        final_report_add_line(text,
                              fill(l.phrase("rules_unset"), {{"count", std::to_string(r.unset)}}));
    return text;
}

std::string plan_text(const Labels& l, const Facts& f) {
    std::string text =
        fill(l.phrase("plan_state"), {{"state", std::string(documents::label_of(f.plan_state))}});
    if (f.plan)
        final_report_add_line(
            text, fill(l.phrase("plan_summary"), {{"summary", f.plan->summary},
                                                  {"count", std::to_string(f.plan->measures)}}));
    return text;
}

}  // namespace

std::string japan_date(Timestamp t) {
    constexpr long long japan_offset = 9 * 3600;
    long long local = t + japan_offset;
    long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return to_string(from_days_since_epoch(days));
}

Body draft(const Labels& labels, const Facts& facts) {
    Body b;
    b.facts = facts;
    b.text(Section::overview) = overview_text(labels, facts.sessions);
    b.text(Section::diagnosis) = diagnosis_text(labels, facts.diagnosis);
    b.text(Section::policy) = policy_text(labels, facts.policy);
    b.text(Section::rules) = rules_text(labels, facts.rules);
    b.text(Section::plan) = plan_text(labels, facts);
    return b;
}

Body refreshed(const Labels& labels, const Body& current, const Facts& facts) {
    Body b = draft(labels, facts);
    for (auto s : sections)
        if (!generated(s)) b.text(s) = current.text(s);
    return b;
}

void validate(const Labels& labels, const Body& body, Validator& v) {
    for (const auto& label : labels.sections) {
        auto field = "texts." + std::string(key_of(label.section));
        const auto& text = body.text(label.section);
        v.optional_paragraphs(field, text, label.max_chars);
    }
}

void validate_for_submission(const Labels& labels, const Body& body, Validator& v) {
    for (const auto& label : labels.sections) {
        if (!label.required) continue;
        const auto& text = body.text(label.section);
        // Only spaces (also the ideographic one, U+3000: its bytes are its only valid use of
        // these three) counts as empty.
        if (text.find_first_not_of(" \t\r\n\xe3\x80\x80") == std::string::npos)
            v.fail("texts." + std::string(key_of(label.section)),
                   "「" + label.heading + "」を入力してから提出してください。");
    }
}

}  // namespace shido::core::final_report
