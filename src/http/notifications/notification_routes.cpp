// Everyone's own notifications; 事務局: the e-mail outbox.
#include "http/api_routes.hpp"
#include "http/json_input.hpp"
#include "services/json_helpers.hpp"
#include "services/notifications/notification_service.hpp"

namespace shido::http {

namespace {

std::vector<core::Id> notification_ids_of(const nlohmann::json& body) {
    BodyReader in(body);
    std::vector<core::Id> ids;
    const auto* list = in.array("ids");
    if (!list) {
        in.fail("ids", "既読にする通知のIDを配列で指定してください。");
    } else {
        for (const auto& id : *list) {
            if (!id.is_number_integer() || id.get<long long>() < 1) {
                in.fail("ids", "通知のIDは正の整数です。");
                break;
            }
            ids.push_back(id.get<long long>());
        }
    }
    in.finish();
    return ids;
}

nlohmann::json unread_json(long long count) {
    return {{"unread", count}};
}

}  // namespace

std::vector<Route> notification_routes(services::Services& s) {
    auto& notifications = s.notifications;
    auto& outbox = s.outbox;
    return {
        {Method::get, "/api/v1/notifications", Access::authenticated,
         [&notifications](ApiCall& call) {
             services::NotificationFilter filter;
             auto unread = call.query_param("unread");
             filter.unread_only = unread && (*unread == "true" || *unread == "1");
             filter.page = call.page();
             return ApiResponse{200, services::page_json(notifications.list(call.ctx, filter),
                                                         [](const storage::NotificationRow& n) {
                                                             return services::to_json(n);
                                                         })};
         }},
        {Method::get, "/api/v1/notifications/unread-count", Access::authenticated,
         [&notifications](ApiCall& call) {
             return ApiResponse{200, unread_json(notifications.unread_count(call.ctx))};
         }},
        {Method::post, "/api/v1/notifications/read", Access::authenticated,
         [&notifications](ApiCall& call) {
             auto ids = notification_ids_of(call.body);
             return ApiResponse{200, unread_json(notifications.mark_read(call.ctx, ids))};
         }},
        {Method::post, "/api/v1/notifications/read-all", Access::authenticated,
         [&notifications](ApiCall& call) {
             return ApiResponse{200, unread_json(notifications.mark_all_read(call.ctx))};
         }},
        {Method::get, "/api/v1/outbox", Access::secretariat,
         [&outbox](ApiCall& call) {
             services::OutboxFilter filter;
             filter.status = call.query_param("status");
             filter.page = call.page();
             return ApiResponse{200, services::page_json(outbox.list(call.ctx, filter),
                                                         [](const storage::OutboxRow& r) {
                                                             return services::to_json(r);
                                                         })};
         }},
        {Method::post, "/api/v1/outbox/{id}/retry", Access::secretariat,
         [&outbox](ApiCall& call) {
             return ApiResponse{200, services::to_json(outbox.retry(call.ctx, call.path_id()))};
         }},
    };
}

}  // namespace shido::http
