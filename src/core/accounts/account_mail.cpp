#include "core/accounts/account_mail.hpp"

#include <cstdio>
#include <ctime>
#include <string>

namespace shido::core {

namespace {

// "2026年12月3日 14:05" in Japan time: when a link stops working.
std::string japan_time(Timestamp t) {
    std::time_t local = static_cast<std::time_t>(t + 9 * 3600);
    std::tm tm{};
    gmtime_r(&local, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%d年%d月%d日 %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min);
    return text;
}

std::string greeting(const AccountMailFacts& facts) {
    return facts.name + " 様\n\n";
}

const char* not_you = "\n\nお心当たりがない場合は、このメールを破棄し、事務局へお知らせください。";

}  // namespace

AccountMailText compose_account_mail(AccountMail kind, const AccountMailFacts& facts) {
    switch (kind) {
        case AccountMail::invitation:
            return {
                "【shido】アカウントへのご招待",
                greeting(facts) +
                    (facts.invited_by.empty() ? std::string() : facts.invited_by + " さんから") +
                    "shido（マネジメント指導業務の管理システム）へ招待されました。\n"
                    "次のリンクを開き、ご自身でパスワードを設定してください。\n"
                    "リンクは一度だけ使え、" +
                    japan_time(facts.expires_at) + " まで有効です。" + not_you};
        case AccountMail::password_reset:
            return {"【shido】パスワードの再設定",
                    greeting(facts) +
                        "パスワードの再設定を受け付けました。\n"
                        "次のリンクを開き、新しいパスワードを設定してください。\n"
                        "リンクは一度だけ使え、" +
                        japan_time(facts.expires_at) +
                        " まで有効です。再設定すると、すべての端末からログアウトします。" +
                        not_you};
        case AccountMail::password_changed:
            return {"【shido】パスワードが設定されました",
                    greeting(facts) + "あなたのアカウントのパスワードが設定されました。" + not_you};
        case AccountMail::two_factor_reset:
            return {"【shido】二要素認証がリセットされました",
                    greeting(facts) +
                        "事務局があなたのアカウントの二要素認証（確認コード）をリセットしました。\n"
                        "すべての端末からログアウトしています。次のログインのときに、認証アプリを"
                        "もう一度登録してください。" +
                        not_you};
        case AccountMail::recovery_code_used:
            return {"【shido】回復コードでログインしました",
                    greeting(facts) +
                        "あなたのアカウントに回復コードでログインしました。使った回復コードは"
                        "もう使えません。残りの回復コードは " +
                        std::to_string(facts.recovery_codes_left) +
                        " 個です。\n認証アプリの端末を失くした場合は、「アカウント設定」から認証"
                        "アプリを登録し直し、回復コードを再発行してください。" +
                        not_you};
    }
    return {};
}

}  // namespace shido::core
