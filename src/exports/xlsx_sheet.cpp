#include "exports/xlsx_sheet.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "exports/cell_text.hpp"

namespace shido::exports::xlsx {

namespace {

constexpr std::size_t max_cell_chars = 32767;  // Excel's limit for one cell

std::string cell_string(std::string_view value) {
    return truncate_utf8(neutralise_cell(valid_utf8(value)), max_cell_chars);
}

}  // namespace

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR)
        throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
}

std::string temp_dir() {
    const char* dir = std::getenv("TMPDIR");
    return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

// ---- TempFile -----------------------------------------------------------------------------

TempFile::TempFile(const std::string& dir) : path_(dir + "/shido-xlsx-XXXXXX") {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw std::runtime_error("xlsx: mkstemp: " + std::string(std::strerror(errno)));
}

TempFile::~TempFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
}

std::string TempFile::read_all() const {
    std::string bytes;
    char buffer[1 << 16];
    off_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd_, buffer, sizeof buffer, offset);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("xlsx: read: " + std::string(std::strerror(errno)));
        }
        if (n == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
    return bytes;
}

// ---- Formats ------------------------------------------------------------------------------

Formats::Formats(lxw_workbook* workbook) {
    auto bordered = [&] {
        lxw_format* format = workbook_add_format(workbook);
        format_set_border(format, LXW_BORDER_THIN);
        format_set_border_color(format, 0xA6A6A6);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        return format;
    };
    title = workbook_add_format(workbook);
    format_set_font_size(title, 16);
    format_set_bold(title);
    subtitle = workbook_add_format(workbook);
    format_set_font_color(subtitle, 0x595959);
    section = workbook_add_format(workbook);
    format_set_bold(section);
    format_set_font_size(section, 12);
    format_set_font_color(section, 0x1F4E79);
    header = bordered();
    format_set_bold(header);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    label = bordered();
    format_set_bold(label);
    format_set_bg_color(label, 0xF2F2F2);
    text = bordered();
    wrap = bordered();
    format_set_text_wrap(wrap);
    centre = bordered();
    format_set_align(centre, LXW_ALIGN_CENTER);
    integer = bordered();
    format_set_num_format(integer, "0");
    points = bordered();
    format_set_num_format(points, "0.0");
    percent = bordered();
    format_set_num_format(percent, "0.0");
    alert = bordered();
    format_set_num_format(alert, "0.0");
    format_set_bg_color(alert, 0xFCE4D6);
    format_set_bold(alert);
    note = workbook_add_format(workbook);
    format_set_font_color(note, 0x595959);
    format_set_text_wrap(note);
    format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
}

// ---- Cells --------------------------------------------------------------------------------

void Cells::text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
    const std::string cell = cell_string(value);
    check(worksheet_write_string(sheet_, row, col, cell.c_str(), format), "write_string");
}

void Cells::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    if (!std::isfinite(value)) return blank(row, col, format);
    check(worksheet_write_number(sheet_, row, col, value, format), "write_number");
}

void Cells::blank(lxw_row_t row, lxw_col_t col, lxw_format* format) {
    check(worksheet_write_blank(sheet_, row, col, format), "write_blank");
}

void Cells::merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view value,
                   lxw_format* format) {
    const std::string cell = cell_string(value);
    check(worksheet_merge_range(sheet_, row, first, row, last, cell.c_str(), format),
          "merge_range");
}

void Cells::merged_block(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                         lxw_col_t last_col, std::string_view value, lxw_format* format) {
    const std::string cell = cell_string(value);
    check(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, cell.c_str(),
                                format),
          "merge_range");
}

void Cells::width(lxw_col_t first, lxw_col_t last, double chars) {
    check(worksheet_set_column(sheet_, first, last, chars, nullptr), "set_column");
}

void Cells::height(lxw_row_t row, double points) {
    check(worksheet_set_row(sheet_, row, points, nullptr), "set_row");
}

// ---- sheets -------------------------------------------------------------------------------

lxw_worksheet* add_sheet(lxw_workbook* workbook, const char* name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
    if (sheet == nullptr) throw std::runtime_error(std::string("xlsx: cannot add sheet ") + name);
    return sheet;
}

void print_setup(lxw_worksheet* sheet, bool landscape, lxw_row_t repeat_rows) {
    worksheet_set_paper(sheet, 9);  // A4
    if (landscape) worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
    if (repeat_rows > 0) check(worksheet_repeat_rows(sheet, 0, repeat_rows - 1), "repeat_rows");
}

void add_list_validation(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                         const char* const* values, const char* message) {
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(values);  // libxlsxwriter copies, never writes
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    validation.input_message = const_cast<char*>(message);
    validation.error_title = const_cast<char*>("入力できない値です");
    validation.error_message = const_cast<char*>(message);
    check(worksheet_data_validation_range(sheet, first, col, last, col, &validation),
          "data_validation");
}

}  // namespace shido::exports::xlsx
