#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// What the expert wrote in the engagement's hearing sheet (事前準備メモ and ヒアリング結果, the
// non-empty ones, section by section): the basic policy's editor proposes its preamble's
// wording (お客様からお預かりした／当社の情報資産) from them. The caller holds view_records.
std::vector<std::string> hearing_result_texts(Connection& c, core::Id engagement_id);

}  // namespace shido::storage
