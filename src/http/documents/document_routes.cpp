// The documents of an engagement (成果物) and where each stands; the documents' own routes are
// in http/hearing, http/policy and http/rules.
#include "http/api_routes.hpp"
#include "services/documents/document_views.hpp"

namespace shido::http {

std::vector<Route> document_routes(services::Services& s) {
    using core::Anchor;
    using core::EngagementAction;
    auto& documents = s.documents;
    return {
        {Method::get, "/api/v1/engagements/{id}/documents",
         on(Anchor::engagement, EngagementAction::view),
         [&documents](ApiCall& call) {
             return ApiResponse{200,
                                services::documents_json(documents.overview(call.engagement()))};
         }},
    };
}

}  // namespace shido::http
