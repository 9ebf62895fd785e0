#include "http/errors.hpp"

namespace shido::http {

int status_of(core::ErrorCode code) {
    using core::ErrorCode;
    switch (code) {
        case ErrorCode::bad_request:
            return 400;
        case ErrorCode::unauthenticated:
            return 401;
        case ErrorCode::forbidden:
        case ErrorCode::csrf:
        case ErrorCode::two_factor_enrolment_required:
            return 403;
        case ErrorCode::not_found:
            return 404;
        case ErrorCode::conflict:
        case ErrorCode::package_incomplete:
            return 409;
        case ErrorCode::payload_too_large:
            return 413;
        case ErrorCode::validation:
            return 422;
        case ErrorCode::too_many_requests:
            return 429;
        case ErrorCode::unavailable:
            return 503;
        case ErrorCode::internal:
            return 500;
    }
    return 500;
}

const char* reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 414:
            return "URI Too Long";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Entity";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return status >= 500 ? "Internal Server Error" : "Error";
    }
}

nlohmann::json error_body(const core::DomainError& error) {
    nlohmann::json body = {{"code", core::to_string(error.code())}, {"message", error.what()}};
    if (!error.fields().empty()) body["fields"] = error.fields();
    if (!error.details().empty()) {
        body["details"] = nlohmann::json::array();
        for (const auto& d : error.details())
            body["details"].push_back(
                {{"row", d.row}, {"column", d.column}, {"message", d.message}});
    }
    return {{"error", std::move(body)}};
}

}  // namespace shido::http
