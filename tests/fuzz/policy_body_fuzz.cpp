// A basic policy as a person sends it (a saved version, or a pasted policy): parse the body,
// read it strictly, validate it against the guide's sample, and compare it with the sample and
// check its coverage as the routes do. Only the two structured refusals (bad_request,
// validation) may come out; a valid version always compares and prints.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/json_file.hpp"
#include "content/policy.hpp"
#include "core/error.hpp"
#include "core/policy/policy_analysis.hpp"
#include "core/policy/policy_diff.hpp"
#include "core/policy/policy_print.hpp"
#include "fuzz_check.hpp"
#include "http/json_input.hpp"
#include "http/policy/policy_bodies.hpp"

namespace {

const shido::core::policy::PolicySample& fuzz_sample() {
    static const auto sample = shido::content::parse_policy_sample(
        shido::content::read_json_file(std::string(SHIDO_CONTENT_DIR) + "/policy/ipa-3.1.json"),
        "ipa-3.1.json");
    return sample;
}

void read_like_the_routes(const nlohmann::json& body) {
    namespace policy = shido::core::policy;
    const auto& sample = fuzz_sample();
    auto input = shido::http::policy_save_input_of(body);
    shido::core::Validator v;
    policy::validate(input.document, sample, v);
    v.throw_if_failed();
    auto theirs = policy::lines_of(input.document, sample);
    auto ours =
        policy::lines_of(policy::draft_from_sample(sample, {"会社", "", ""}, "own"), sample);
    auto rows = policy::diff_lines(ours, theirs);
    FUZZ_CHECK(!rows.empty());
    policy::PolicyVersion version{1, input.document, "", "", 0, std::nullopt, std::nullopt};
    FUZZ_CHECK(policy::print_of(version, sample).articles.size() == input.document.articles.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto body = shido::http::parse_json_body(text);
        if (body.is_object() && body.contains("text")) {
            auto pasted = shido::http::policy_pasted_text_of(body);
            FUZZ_CHECK(shido::core::policy::coverage(pasted, fuzz_sample()).size() ==
                       fuzz_sample().articles.size());
        } else {
            read_like_the_routes(body);
        }
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::bad_request ||
                   e.code() == shido::core::ErrorCode::validation);
    }
    return 0;
}
