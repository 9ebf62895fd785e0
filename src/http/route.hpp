#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access/access_policy.hpp"
#include "core/access/anchor.hpp"
#include "core/paging/page.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/accounts/auth_service.hpp"
#include "services/context.hpp"

namespace shido::http {

// Who may call a route at all.
enum class Gate {
    public_route,   // no login (login itself, health, answering by link token)
    authenticated,  // any logged-in user; lists narrow by the actor's visible scope
    secretariat,    // 事務局 only
    engagement,     // an action on one engagement, found from the path (see EngagementGuard)
};

// For Gate::engagement: which record the path's {param} names and which action it needs.
// The dispatcher resolves the engagement and asks core::may() before the handler runs, and
// hands the handler the resulting services::EngagementGrant.
struct EngagementGuard {
    core::Anchor anchor;
    core::EngagementAction action;
    std::string param = "id";
};

struct Access {
    Gate gate = Gate::authenticated;
    std::optional<EngagementGuard> guard;  // set exactly when gate == Gate::engagement

    static const Access public_route;
    static const Access authenticated;
    static const Access secretariat;
};
inline const Access Access::public_route{Gate::public_route, {}};
inline const Access Access::authenticated{Gate::authenticated, {}};
inline const Access Access::secretariat{Gate::secretariat, {}};

// The access of a route under an engagement: `on(Anchor::diagnosis_round, action)`.
Access on(core::Anchor anchor, core::EngagementAction action, std::string param = "id");

const char* to_string(Gate gate);

struct ApiResponse {
    ApiResponse() = default;
    ApiResponse(int status_code, std::optional<nlohmann::json> json,
                std::vector<std::pair<std::string, std::string>> extra_headers = {})
        : status(status_code), body(std::move(json)), headers(std::move(extra_headers)) {}

    int status = 200;
    std::optional<nlohmann::json> body;
    std::vector<std::pair<std::string, std::string>> headers;
    // JSON already written as text (services::JsonWriter), sent as is.
    std::optional<std::string> json_text;
    // A file instead of JSON (xlsx, pdf): its bytes and type (the download name travels in
    // Content-Disposition).
    std::optional<std::string> file;
    std::string file_type;
};

ApiResponse json_text_response(int status, std::string json);
ApiResponse file_response(std::string bytes, std::string content_type,
                          const std::string& file_name);

// Everything a route handler may read about its request.
struct ApiCall {
    services::RequestContext ctx;  // actor is empty on public routes
    std::optional<services::AuthenticatedSession> session;
    std::map<std::string, std::string> path;  // {id} → "42"
    std::map<std::string, std::string> query;
    nlohmann::json body;   // null when there is none (or when it is not JSON)
    std::string raw_body;  // the bytes of a text/csv, .xlsx or .docx upload
    std::string base_url;  // scheme://host of the public site, for links handed to people
    std::string client_address;
    std::string user_agent;  // core::clean_user_agent of the header
    // Set by the dispatcher on Gate::engagement routes, before the handler runs.
    std::optional<services::EngagementGrant> grant;

    // The grant of an engagement route (std::logic_error on a route that declared none).
    const services::EngagementGrant& engagement() const;

    core::Id path_id(const std::string& name = "id") const;
    std::optional<std::string> query_param(const std::string& name) const;
    // A positive id from the query string; absent or empty gives nullopt, junk a 422.
    std::optional<core::Id> query_id(const std::string& name) const;
    // `?version=` of an upload whose body is the file itself (0 or more); absent gives nullopt.
    std::optional<int> query_version() const;
    // `after` and `limit` (1–200, default 50) of a paginated list; junk gives a 422.
    core::PageRequest page() const;
};

using Handler = std::function<ApiResponse(ApiCall&)>;

enum class Method { get, post, patch, put, del };
const char* to_string(Method method);

// What a state-changing route accepts as its body.
enum class BodyType { json, csv, xlsx, docx };

// Heavy routes (password hashing, document rendering) run on the worker pool, never on the
// threads that read requests, so one export cannot hold up everybody's page loads.
enum class Work { light, heavy };

struct Route {
    Method method;
    std::string path;  // OpenAPI style: /api/v1/engagements/{id}; {token} is a link token
    Access access;
    Handler handler;
    BodyType body = BodyType::json;
    Work work = Work::light;
    // Open to a session whose person must still enrol a second factor; every other route
    // answers it 403 two_factor_enrolment_required (the dispatcher's gate).
    bool before_enrolment = false;
};

// The same route, run on the worker pool: `heavy({Method::get, "/…/report.pdf", …})`.
Route heavy(Route route);
// The same route, open before the second factor is enrolled: `before_enrolment({…})`.
Route before_enrolment(Route route);

}  // namespace shido::http
