#include "services/diagnosis/invitation_service.hpp"

#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/crypto.hpp"
#include "support/domain_error.hpp"
#include "support/grant_checks.hpp"
#include "support/round_fixture.hpp"

namespace shido::testing {
namespace {

using core::Anchor;
using core::EngagementAction;
using InvitationServiceTest = RoundTest;

TEST_F(InvitationServiceTest, ANamedLinkIsIssuedOnceAndAudited) {
    auto links = diagnosis().invitations.invite(
        as(expert), on_round(), {"manager", "総務 花子", "総務部", std::nullopt, "2027-01-31"});
    ASSERT_EQ(links.size(), 1u);
    const auto& link = links[0];
    EXPECT_GE(link.token.size(), 32u);  // 192 bits, base64url
    EXPECT_EQ(link.respondent.round_id, round);
    EXPECT_EQ(link.respondent.role, "manager");
    EXPECT_EQ(link.respondent.name, "総務 花子");
    EXPECT_EQ(link.respondent.department, "総務部");
    EXPECT_EQ(link.respondent.source, "link");
    EXPECT_EQ(link.respondent.expires_on, "2027-01-31");
    EXPECT_EQ(services::answer_url("https://shido.example", link.token),
              "https://shido.example/a/" + link.token);

    auto entries = audit("respondent");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "invite");
    EXPECT_EQ(entries[0].entity_id, link.respondent.id);
    auto after = nlohmann::json::parse(*entries[0].after_json);
    EXPECT_EQ(after["name"], "総務 花子");
    EXPECT_EQ(after["expires_on"], "2027-01-31");
    // Neither the token nor its hash reaches the log.
    EXPECT_EQ(entries[0].after_json->find(link.token), std::string::npos);
    EXPECT_EQ(entries[0].after_json->find(services::sha256_hex(link.token)), std::string::npos);
    EXPECT_FALSE(after.contains("token_hash"));
}

TEST_F(InvitationServiceTest, AnonymousLinksCarryNoName) {
    auto links = diagnosis().invitations.invite(as(expert), on_round(),
                                                {"従業員", "名前", "営業部", 3, std::nullopt});
    ASSERT_EQ(links.size(), 3u);
    std::set<std::string> tokens;
    for (const auto& l : links) {
        EXPECT_TRUE(l.respondent.name.empty());
        EXPECT_EQ(l.respondent.department, "営業部");
        EXPECT_EQ(l.respondent.role, "staff");
        tokens.insert(l.token);
    }
    EXPECT_EQ(tokens.size(), 3u);
    EXPECT_EQ(audit("respondent").size(), 3u);
}

TEST_F(InvitationServiceTest, InvalidInvitationsIssueNothing) {
    auto invite = [&](services::Invite in) {
        return [this, in] { diagnosis().invitations.invite(as(expert), on_round(), in); };
    };
    EXPECT_TRUE(fails_on("role", invite({"boss", "", "", std::nullopt, std::nullopt})));
    EXPECT_TRUE(fails_on("count", invite({"staff", "", "", 0, std::nullopt})));
    EXPECT_TRUE(fails_on("count", invite({"staff", "", "", 101, std::nullopt})));
    EXPECT_TRUE(fails_on("expires_at", invite({"staff", "", "", std::nullopt, "2020-01-01"})));
    EXPECT_TRUE(fails_on("expires_at", invite({"staff", "", "", std::nullopt, "2027-02-30"})));
    EXPECT_TRUE(
        fails_on("name", invite({"staff", std::string(101, 'a'), "", std::nullopt, std::nullopt})));
    EXPECT_EQ(diagnosis().rounds.respondents(on_round(), {}).total, 0);
    // Today (2027-01-15 in Japan) is still a valid expiry date.
    EXPECT_NO_THROW(invite({"staff", "", "", std::nullopt, "2027-01-15"})());
}

TEST_F(InvitationServiceTest, AClosedRoundIssuesNoLinks) {
    close_round();
    EXPECT_EQ(code_of([&] { invite_one("staff"); }), core::ErrorCode::conflict);
}

TEST_F(InvitationServiceTest, RevokingIsAuditedOnceAndKillsTheLink) {
    auto link = invite_one("staff");
    now_ += 5;
    auto revoked = diagnosis().invitations.revoke(as(expert), on_respondent(link.respondent.id));
    EXPECT_EQ(revoked.revoked_at, now_);
    EXPECT_EQ(code_of([&] { diagnosis().answer_sheets.open(link.token); }),
              core::ErrorCode::forbidden);
    auto again = diagnosis().invitations.revoke(as(expert), on_respondent(link.respondent.id));
    EXPECT_EQ(again.revoked_at, revoked.revoked_at);
    auto entries = audit("respondent");
    ASSERT_EQ(entries.size(), 2u);  // invite, revoke (the second revoke changed nothing)
    EXPECT_EQ(entries[0].action, "revoke");
    EXPECT_TRUE(nlohmann::json::parse(*entries[0].before_json)["revoked_at"].is_null());
    EXPECT_EQ(nlohmann::json::parse(*entries[0].after_json)["revoked_at"], now_);
}

TEST_F(InvitationServiceTest, ReissueKeepsAnswersAndKillsTheOldLink) {
    auto link = invite_one("staff");
    diagnosis().answer_sheets.save_answer(link.token, 1, "done");
    auto fresh = diagnosis().invitations.reissue(as(expert), on_respondent(link.respondent.id));
    EXPECT_NE(fresh.token, link.token);
    EXPECT_EQ(fresh.respondent.id, link.respondent.id);
    EXPECT_EQ(code_of([&] { diagnosis().answer_sheets.open(link.token); }),
              core::ErrorCode::not_found);
    EXPECT_EQ(diagnosis().answer_sheets.open(fresh.token).answers.at(1), "done");
    EXPECT_EQ(audit("respondent").at(0).action, "reissue_link");
}

TEST_F(InvitationServiceTest, OnlyLiveLinksOfAnOpenRoundAreReissued) {
    auto revoked = invite_one("staff");
    diagnosis().invitations.revoke(as(expert), on_respondent(revoked.respondent.id));
    EXPECT_EQ(code_of([&] {
                  diagnosis().invitations.reissue(as(expert), on_respondent(revoked.respondent.id));
              }),
              core::ErrorCode::conflict);
    auto done = submitted("owner", "done");
    EXPECT_EQ(code_of([&] {
                  diagnosis().invitations.reissue(as(expert), on_respondent(done.respondent.id));
              }),
              core::ErrorCode::conflict);
    services::PaperSheet paper{"staff", "", "", {}};
    for (int no = 1; no <= 25; ++no) paper.answers[std::to_string(no)] = "done";
    auto on_paper = diagnosis().sheets.enter_paper(as(expert), on_round(), paper);
    EXPECT_EQ(
        code_of([&] { diagnosis().invitations.reissue(as(expert), on_respondent(on_paper.id)); }),
        core::ErrorCode::conflict);
    auto live = invite_one("staff");
    close_round();
    EXPECT_EQ(code_of([&] {
                  diagnosis().invitations.reissue(as(expert), on_respondent(live.respondent.id));
              }),
              core::ErrorCode::conflict);
}

TEST_F(InvitationServiceTest, TheSheetPrintsEachLiveLinkOfTheRoundOnce) {
    auto a = invite_one("owner"), b = invite_one("staff");
    auto sheet = diagnosis().invitations.invitation_sheet(
        on_round(),
        {{a.respondent.id, a.token}, {b.respondent.id, b.token}, {a.respondent.id, a.token}},
        "https://shido.example");
    EXPECT_EQ(sheet.company_name, "株式会社サンプル製作所");
    EXPECT_EQ(sheet.round_name, "第1回前");
    EXPECT_EQ(sheet.instrument_title, library_.current_instrument().title);
    ASSERT_EQ(sheet.invitations.size(), 2u);
    EXPECT_EQ(sheet.invitations[0].url, "https://shido.example/a/" + a.token);
    EXPECT_EQ(sheet.invitations[1].url, "https://shido.example/a/" + b.token);
}

TEST_F(InvitationServiceTest, TheSheetRefusesForeignRevokedOrTooManyLinks) {
    auto sheet = [&](std::vector<std::pair<core::Id, std::string>> links) {
        return [this, links] {
            diagnosis().invitations.invitation_sheet(on_round(), links, "https://x");
        };
    };
    auto mine = invite_one("staff");
    auto other_round = diagnosis().rounds.open(as(expert), on_engagement(), "最終").id;
    auto foreign = diagnosis()
                       .invitations
                       .invite(as(expert), on_round(other_round),
                               {"staff", "", "", std::nullopt, std::nullopt})
                       .at(0);
    EXPECT_TRUE(fails_on("links", sheet({})));
    auto field = "links." + std::to_string(foreign.respondent.id);
    EXPECT_TRUE(fails_on(
        field, sheet({{mine.respondent.id, mine.token}, {foreign.respondent.id, foreign.token}})));
    // A token must belong to the respondent it is printed for.
    EXPECT_TRUE(fails_on("links." + std::to_string(mine.respondent.id),
                         sheet({{mine.respondent.id, foreign.token}})));
    diagnosis().invitations.revoke(as(expert), on_respondent(mine.respondent.id));
    EXPECT_TRUE(fails_on("links." + std::to_string(mine.respondent.id),
                         sheet({{mine.respondent.id, mine.token}})));
    std::vector<std::pair<core::Id, std::string>> too_many;
    for (int i = 0; i < 101; ++i) too_many.push_back({i + 1, "token-" + std::to_string(i)});
    EXPECT_TRUE(fails_on("links", sheet(too_many)));
}

TEST_F(InvitationServiceTest, UseCasesRefuseGrantsForAnotherActionOrRecord) {
    auto& invitations = diagnosis().invitations;
    const auto manage = EngagementAction::manage_diagnosis;
    auto link = invite_one("staff");
    const UseCase on_a_round[] = {
        [&](const auto& g) {
            invitations.invite(as(expert), g, {"staff", "", "", std::nullopt, std::nullopt});
        },
        [&](const auto& g) {
            invitations.invitation_sheet(g, {{link.respondent.id, link.token}}, "https://x");
        },
    };
    for (const auto& use : on_a_round) {
        expect_requires_action(services_->access, Anchor::diagnosis_round, round, manage, use);
        expect_requires_anchor(services_->access, Anchor::engagement, engagement, manage,
                               Anchor::diagnosis_round, use);
    }
    const UseCase on_a_respondent[] = {
        [&](const auto& g) { invitations.revoke(as(expert), g); },
        [&](const auto& g) { invitations.reissue(as(expert), g); },
    };
    for (const auto& use : on_a_respondent) {
        expect_requires_action(services_->access, Anchor::respondent, link.respondent.id, manage,
                               use);
        expect_requires_anchor(services_->access, Anchor::diagnosis_round, round, manage,
                               Anchor::respondent, use);
    }
    EXPECT_EQ(diagnosis().rounds.respondents(on_round(), {}).total, 1);
    EXPECT_NO_THROW(diagnosis().answer_sheets.open(link.token));  // neither revoked nor reissued
}

}  // namespace
}  // namespace shido::testing
