// Request bodies as the dispatcher reads them: parse, then read typed fields the way the
// routes do. Only the two structured refusals (bad_request, validation) may come out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "http/json_input.hpp"

namespace {

void read_like_a_route(const nlohmann::json& body) {
    shido::http::BodyReader reader(body);
    (void)reader.text("name");
    (void)reader.required_text("email");
    (void)reader.integer("company_id");
    (void)reader.nullable_integer("expert_id");
    (void)reader.nullable_text("note");
    if (const auto* items = reader.array("answers"))
        for (const auto& item : *items) (void)item.dump();
    reader.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto body = shido::http::parse_json_body(text);
        // What was accepted is valid UTF-8 all the way down: dumping it again cannot throw.
        (void)body.dump();
        read_like_a_route(body);
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::bad_request ||
                   e.code() == shido::core::ErrorCode::validation);
    }
    return 0;
}
