#pragma once
// A fresh self-assessment round on the demo's 株式会社サンプル製作所 engagement, opened by its
// expert (専門家 一郎), with the grants the HTTP dispatcher would hand the use cases.
#include <string>

#include "support/test_database.hpp"

namespace shido::testing {

class RoundTest : public DatabaseTest {
  protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        expert = demo_user("expert1");
        engagement = services_->engagements.list(as(expert), {}).items.at(0).id;
        round = diagnosis().rounds.open(as(expert), on_engagement(), "第1回前").id;
    }

    services::DiagnosisServices& diagnosis() { return services_->diagnosis; }

    services::EngagementGrant on_engagement(
        core::EngagementAction action = core::EngagementAction::manage_diagnosis) {
        return grant(as(expert), core::Anchor::engagement, engagement, action);
    }
    services::EngagementGrant on_round(
        core::EngagementAction action = core::EngagementAction::manage_diagnosis) {
        return grant(as(expert), core::Anchor::diagnosis_round, round, action);
    }
    services::EngagementGrant on_round(core::Id id) {
        return grant(as(expert), core::Anchor::diagnosis_round, id,
                     core::EngagementAction::manage_diagnosis);
    }
    services::EngagementGrant on_respondent(core::Id id) {
        return grant(as(expert), core::Anchor::respondent, id,
                     core::EngagementAction::manage_diagnosis);
    }

    services::IssuedLink invite_one(const std::string& role) {
        return diagnosis()
            .invitations.invite(as(expert), on_round(), {role, "", "", std::nullopt, std::nullopt})
            .at(0);
    }
    void answer_all(const std::string& token, const std::string& choice) {
        for (int no = 1; no <= 25; ++no) diagnosis().answer_sheets.save_answer(token, no, choice);
    }
    // Invites one respondent of `role`, answers every item with `choice` and submits.
    services::IssuedLink submitted(const std::string& role, const std::string& choice) {
        auto link = invite_one(role);
        answer_all(link.token, choice);
        diagnosis().answer_sheets.submit(link.token, "test");
        return link;
    }
    void close_round() {
        diagnosis().rounds.update(as(expert), on_round(), std::nullopt, std::string("closed"));
    }
    // The audit entries of this engagement, newest first.
    std::vector<storage::AuditEntry> audit(const std::string& entity) {
        services::AuditFilter filter;
        filter.engagement_id = engagement;
        filter.entity = entity;
        return services_->audit.list(as_system(), filter).items;
    }

    core::User expert;
    core::Id engagement = 0;
    core::Id round = 0;
};

}  // namespace shido::testing
