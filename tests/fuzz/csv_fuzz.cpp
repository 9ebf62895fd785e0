// An uploaded CSV of paper answers, as the import reads it: bytes to UTF-8 (or Shift_JIS),
// then rows to sheets. Whatever the file holds, every sheet that comes out could be stored
// and shown, and every problem is a row-numbered error, never an exception.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "content/library.hpp"
#include "core/diagnosis/csv_import.hpp"
#include "core/error.hpp"
#include "core/text/utf8.hpp"
#include "fuzz_check.hpp"
#include "services/text_encoding.hpp"

namespace {

const shido::content::Library& library() {
    static const auto loaded = shido::content::load_library(SHIDO_CONTENT_DIR);
    return loaded;
}

bool is_clean_line(const std::string& text) {
    return shido::core::is_valid_utf8(text) && !shido::core::has_control_characters(text);
}

void check_import(const shido::core::diagnosis::Instrument& instrument,
                  const shido::core::diagnosis::CsvImport& parsed) {
    for (const auto& sheet : parsed.sheets) {
        FUZZ_CHECK(is_clean_line(sheet.name));
        FUZZ_CHECK(is_clean_line(sheet.department));
        FUZZ_CHECK(sheet.answers.size() <= instrument.items.size());
        for (const auto& [item_no, choice] : sheet.answers) {
            FUZZ_CHECK(item_no >= 1 && item_no <= static_cast<int>(instrument.items.size()));
            FUZZ_CHECK(!choice.empty());
        }
    }
    for (const auto& error : parsed.errors) {
        FUZZ_CHECK(error.row >= 0);  // 0: the file as a whole
        FUZZ_CHECK(!error.message.empty() && shido::core::is_valid_utf8(error.message));
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)library();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::optional<std::string> text;
    try {
        text = shido::services::to_utf8(bytes);
    } catch (const shido::core::DomainError& e) {
        FUZZ_CHECK(e.code() == shido::core::ErrorCode::validation);
        return 0;
    }
    FUZZ_CHECK(shido::core::is_valid_utf8(*text));
    const auto& instrument = library().current_instrument();
    check_import(instrument, shido::core::diagnosis::parse_answer_csv(instrument, *text));
    return 0;
}
