#pragma once
#include "services/access/access_service.hpp"
#include "services/access/record_read_service.hpp"
#include "services/accounts/account_link_service.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/accounts/session_service.hpp"
#include "services/accounts/two_factor_service.hpp"
#include "services/accounts/user_service.hpp"
#include "services/action_plan/action_plan_service.hpp"
#include "services/action_plan/action_plan_sheet_service.hpp"
#include "services/audit/audit_service.hpp"
#include "services/calendar/calendar_service.hpp"
#include "services/companies/company_member_service.hpp"
#include "services/companies/company_service.hpp"
#include "services/course/confirmation_service.hpp"
#include "services/course/planning_service.hpp"
#include "services/course/report_service.hpp"
#include "services/course/session_record_service.hpp"
#include "services/course/task_service.hpp"
#include "services/dashboard/dashboard_service.hpp"
#include "services/diagnosis/diagnosis_services.hpp"
#include "services/documents/document_overview_service.hpp"
#include "services/engagements/engagement_service.hpp"
#include "services/final_report/final_report_service.hpp"
#include "services/hearing/hearing_service.hpp"
#include "services/notifications/notification_service.hpp"
#include "services/package/package_service.hpp"
#include "services/policy/policy_service.hpp"
#include "services/rules/rules_check_service.hpp"
#include "services/security_action/security_action_service.hpp"
#include "services/survey/survey_service.hpp"
#include "storage/action_plan/action_plan_repository.hpp"
#include "storage/final_report/final_report_repository.hpp"
#include "storage/hearing/hearing_repository.hpp"
#include "storage/hearing/hearing_texts.hpp"
#include "storage/policy/policy_repository.hpp"
#include "storage/rules/rules_check_repository.hpp"
#include "storage/survey/survey_repository.hpp"

namespace shido::services {

// The application's use cases, built once at start and shared by every request thread.
struct Services {
    Services(ServiceEnv service_env, AuthConfig auth_config)
        : env(service_env),
          access(service_env),
          auth(service_env, auth_config),
          account_links(service_env, auth),
          members(service_env, account_links.config()),
          two_factor(service_env, auth),
          sessions(service_env, auth_config),
          companies(service_env),
          users(service_env, account_links.config()),
          engagements(service_env),
          planning(service_env),
          tasks(service_env),
          confirmations(service_env),
          session_records(service_env),
          reports(service_env),
          record_reads(service_env),
          audit(service_env),
          diagnosis(service_env),
          calendar(service_env),
          notifications(service_env),
          outbox(service_env),
          dashboard(service_env, document_statuses()),
          documents(service_env, document_statuses()),
          hearing(service_env),
          rules_check(service_env),
          survey(service_env),
          // The preamble's choice of information assets is proposed from the hearing notes.
          policy(service_env, storage::hearing_result_texts),
          package(service_env),
          security_action(service_env),
          action_plan(service_env),
          action_plan_sheets(service_env, action_plan),
          final_report(service_env, document_statuses()) {}

    ServiceEnv env;
    AccessService access;
    AuthService auth;
    AccountLinkService account_links;  // invitations and password resets by e-mail
    CompanyMemberService members;      // the owner's company accounts
    TwoFactorService two_factor;
    SessionService sessions;
    CompanyService companies;
    UserService users;
    EngagementService engagements;
    PlanningService planning;
    TaskService tasks;
    ConfirmationService confirmations;
    SessionRecordService session_records;
    ReportService reports;
    RecordReadService record_reads;
    AuditService audit;
    DiagnosisServices diagnosis;
    CalendarService calendar;
    NotificationService notifications;
    OutboxService outbox;
    DashboardService dashboard;
    DocumentOverviewService documents;
    HearingService hearing;
    RulesCheckService rules_check;
    SurveyService survey;
    PolicyService policy;
    PackageService package;
    SecurityActionService security_action;
    ActionPlanService action_plan;
    ActionPlanSheetService action_plan_sheets;
    FinalReportService final_report;

  private:
    // Each document domain's status reader, by kind: the engagement page and the dashboard
    // learn where a document stands only from these.
    static std::map<core::documents::DocumentKind, DocumentStatusesSource> document_statuses() {
        using core::documents::DocumentKind;
        return {{DocumentKind::hearing_sheet, storage::hearing_statuses},
                {DocumentKind::basic_policy,
                 [](storage::Connection& c, const std::vector<core::Id>& ids) {
                     return storage::PolicyRepository(c).statuses(ids);
                 }},
                {DocumentKind::rules_check,
                 [](storage::Connection& c, const std::vector<core::Id>& ids) {
                     return storage::RulesCheckRepository(c).statuses(ids);
                 }},
                {DocumentKind::action_plan,
                 [](storage::Connection& c, const std::vector<core::Id>& ids) {
                     return storage::ActionPlanRepository(c).statuses(ids);
                 }},
                {DocumentKind::final_report,
                 [](storage::Connection& c, const std::vector<core::Id>& ids) {
                     return storage::FinalReportRepository(c).statuses(ids);
                 }},
                {DocumentKind::survey, storage::survey_statuses}};
    }
};

}  // namespace shido::services
