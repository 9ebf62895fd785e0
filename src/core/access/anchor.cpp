#include "core/access/anchor.hpp"

namespace shido::core {

std::string_view to_string(Anchor anchor) {
    switch (anchor) {
        case Anchor::engagement:
            return "engagement";
        case Anchor::diagnosis_round:
            return "diagnosis_round";
        case Anchor::respondent:
            return "respondent";
        case Anchor::company:
            return "company";
    }
    return "engagement";
}

std::string_view label_ja(Anchor anchor) {
    switch (anchor) {
        case Anchor::engagement:
            return "指導案件";
        case Anchor::diagnosis_round:
            return "自社診断の回";
        case Anchor::respondent:
            return "回答者";
        case Anchor::company:
            return "企業";
    }
    return "指導案件";
}

}  // namespace shido::core
