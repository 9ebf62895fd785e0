#pragma once
#include <optional>
#include <string>

#include "core/ids.hpp"

namespace shido::core::documents {

// One exported file of a document as the submission package (提出パッケージ) takes it: the
// bytes and what the manifest says about them. Each document domain makes its own; the
// package only collects them.
struct DocumentFile {
    std::string file_name;  // Japanese, without directories, e.g. 対策実行計画書（様式3）.xlsx
    std::string media_type;  // application/pdf, …spreadsheetml.sheet
    std::string bytes;
    int version = 1;                         // the document's version the file was made from
    std::optional<std::string> approved_by;  // name of who approved that version, if it needs it
    std::optional<Timestamp> approved_at;
};

}  // namespace shido::core::documents
