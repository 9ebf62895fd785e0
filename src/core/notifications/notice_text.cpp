#include "core/notifications/notice_text.hpp"

#include "core/calendar/civil_date.hpp"

namespace shido::core {

namespace {

std::string session_of(const NoticeFacts& f) {
    std::string text = f.company_name;
    if (f.session_no) text += " 第" + std::to_string(*f.session_no) + "回";
    return text;
}

// 2026年12月2日（水）
std::string notice_date_ja(const std::string& iso) {
    auto date = parse_civil_date(iso);
    if (!date) return iso;
    auto weekday = std::string(label_ja(weekday_of(*date)));
    return std::to_string(date->year) + "年" + std::to_string(date->month) + "月" +
           std::to_string(date->day) + "日（" + weekday.substr(0, 3) + "）";
}

std::string when_of(const NoticeFacts& f) {
    std::string text = f.date ? notice_date_ja(*f.date) : std::string("日付未定");
    if (f.start_time) text += " " + *f.start_time + (f.end_time ? "〜" + *f.end_time : "〜");
    return text;
}

std::string with_note(std::string body, const NoticeFacts& f, const char* heading) {
    if (!f.note.empty()) body += "\n\n" + std::string(heading) + "\n" + f.note;
    return body;
}

}  // namespace

NoticeText compose_notice(NotificationKind kind, const NoticeFacts& f) {
    auto label = std::string(label_ja(kind));
    switch (kind) {
        case NotificationKind::expert_assigned:
            return {label + "：" + f.company_name,
                    f.company_name + " の指導案件の担当専門家に割り当てられました。\n" +
                        "指導案件のページで日程と準備を確認してください。"};
        case NotificationKind::session_tomorrow: {
            std::string body =
                "明日、" + session_of(f) + "の指導が予定されています。\n日時：" + when_of(f);
            if (f.place && !f.place->empty()) body += "\n場所：" + *f.place;
            return {label + "：" + session_of(f), body};
        }
        case NotificationKind::task_due_soon:
            return {label + "：" + f.subject_name,
                    "タスク「" + f.subject_name + "」（" + f.company_name + "）の期限は " +
                        (f.date ? notice_date_ja(*f.date) : std::string()) + " です。"};
        case NotificationKind::task_overdue:
            return {label + "：" + f.subject_name,
                    "タスク「" + f.subject_name + "」（" + f.company_name + "）は期限 " +
                        (f.date ? notice_date_ja(*f.date) : std::string()) + " を過ぎています。"};
        case NotificationKind::report_submitted:
            return {
                label + "：" + session_of(f),
                with_note(session_of(f) + "の実施報告が提出されました。内容を確認してください。", f,
                          "コメント：")};
        case NotificationKind::report_returned:
            return {label + "：" + session_of(f),
                    with_note(session_of(f) +
                                  "の実施報告が差し戻されました。修正して再提出してください。",
                              f, "差し戻しの理由：")};
        case NotificationKind::report_accepted:
            return {label + "：" + session_of(f),
                    with_note(session_of(f) + "の実施報告が受理されました。", f, "コメント：")};
    }
    return {label, ""};
}

std::optional<NotificationKind> task_reminder(const std::string& due, const std::string& today,
                                              int soon_days) {
    auto d = parse_civil_date(due);
    auto t = parse_civil_date(today);
    if (!d || !t) return std::nullopt;
    auto left = days_between(*t, *d);
    if (left < 0) return NotificationKind::task_overdue;
    if (left <= soon_days) return NotificationKind::task_due_soon;
    return std::nullopt;
}

}  // namespace shido::core
