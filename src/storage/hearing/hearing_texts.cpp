#include "storage/hearing/hearing_texts.hpp"

#include "storage/hearing/hearing_repository.hpp"

namespace shido::storage {

std::vector<std::string> hearing_result_texts(Connection& c, core::Id engagement_id) {
    std::vector<std::string> texts;
    for (const auto& e : HearingRepository(c).entries(engagement_id)) {
        if (!e.preparation.empty()) texts.push_back(e.preparation);
        if (!e.result.empty()) texts.push_back(e.result);
    }
    return texts;
}

}  // namespace shido::storage
