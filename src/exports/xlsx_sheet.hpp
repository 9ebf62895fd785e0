#pragma once
// libxlsxwriter helpers for the workbook exports: temporary file, formats, cell writing with
// neutralised text, and errors as exceptions. Internal to exports.
#include <xlsxwriter.h>

#include <memory>
#include <string>
#include <string_view>

namespace shido::exports::xlsx {

inline constexpr const char* check_mark = "✔";

// Throws std::runtime_error naming `what` unless `error` is LXW_NO_ERROR.
void check(lxw_error error, const char* what);

// Where temporary files go: $TMPDIR, else /tmp. libxlsxwriter writes every part of the workbook
// to a temporary file before zipping it, so a RAM-backed directory (tmpfs) makes exports faster.
std::string temp_dir();

// A file only this process can read (mkstemp): libxlsxwriter writes it by name; the bytes are
// read back through the descriptor, and the file is removed in every case.
class TempFile {
  public:
    explicit TempFile(const std::string& dir);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const char* path() const { return path_.c_str(); }
    std::string read_all() const;

  private:
    std::string path_;
    int fd_ = -1;
};

struct WorkbookFree {
    void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

// The cell formats of the workbook (owned by it).
struct Formats {
    explicit Formats(lxw_workbook* workbook);

    lxw_format* title;
    lxw_format* subtitle;
    lxw_format* section;
    lxw_format* header;
    lxw_format* label;
    lxw_format* text;
    lxw_format* wrap;
    lxw_format* centre;
    lxw_format* integer;
    lxw_format* points;
    lxw_format* percent;
    lxw_format* alert;
    lxw_format* note;
};

// Writes the cells of one sheet. Every piece of text goes through neutralise_cell() (after
// repairing invalid UTF-8 and cutting it to Excel's 32,767 characters) and is written as a
// string: no cell is ever a formula.
class Cells {
  public:
    explicit Cells(lxw_worksheet* sheet) : sheet_(sheet) {}

    void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format);
    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);  // NaN: blank
    void blank(lxw_row_t row, lxw_col_t col, lxw_format* format);
    void merged(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view value,
                lxw_format* format);
    // A block over several rows and columns (a header cell spanning two header rows).
    void merged_block(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                      lxw_col_t last_col, std::string_view value, lxw_format* format);
    void width(lxw_col_t first, lxw_col_t last, double chars);
    void height(lxw_row_t row, double points);
    lxw_worksheet* sheet() const { return sheet_; }

  private:
    lxw_worksheet* sheet_;
};

lxw_worksheet* add_sheet(lxw_workbook* workbook, const char* name);

// A4, fitted to one page wide, `repeat_rows` header rows on every printed page.
void print_setup(lxw_worksheet* sheet, bool landscape, lxw_row_t repeat_rows);

// A drop-down list (values: nullptr-terminated) on rows first..last of one column.
void add_list_validation(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                         const char* const* values, const char* message);

}  // namespace shido::exports::xlsx
