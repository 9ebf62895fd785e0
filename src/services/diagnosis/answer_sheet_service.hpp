#pragma once
#include <string>

#include "core/diagnosis/scoring.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// The respondent's side of the self-assessment: a link token opens exactly one answer sheet,
// with no account. (Not the company's アンケート on the guidance, which is another domain.)
class AnswerSheetService {
  public:
    explicit AnswerSheetService(ServiceEnv env) : env_(env) {}

    AnswerSheet open(const std::string& token);
    int save_answer(const std::string& token, int item_no, const std::string& choice);
    core::diagnosis::Score submit(const std::string& token, const std::string& request_id);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
