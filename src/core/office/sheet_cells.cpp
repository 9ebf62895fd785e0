#include "core/office/sheet_cells.hpp"

namespace shido::core::office {

std::string column_letter(int column) {
    std::string letters;
    for (int n = column; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

}  // namespace shido::core::office
