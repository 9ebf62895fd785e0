#include "exports/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace shido::exports {

QrMatrix encode_qr(std::string_view text) {
    struct Free {
        void operator()(QRcode* code) const { QRcode_free(code); }
    };
    std::unique_ptr<QRcode, Free> code(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code)
        throw std::invalid_argument("QR code: the text does not fit (" +
                                    std::to_string(text.size()) + " bytes)");
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.dark.resize(static_cast<std::size_t>(code->width) *
                       static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = code->data[i] & 1;
    return matrix;
}

std::vector<QrRun> dark_runs(const QrMatrix& qr) {
    std::vector<QrRun> runs;
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.at(col, row)) ++col;
            runs.push_back({row, start, col - start});
        }
    }
    return runs;
}

void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side, int quiet_modules) {
    const int modules = qr.size + 2 * quiet_modules;
    const double unit = side / modules;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, side, side);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& run : dark_runs(qr))
        cairo_rectangle(cr, x + (run.start + quiet_modules) * unit,
                        y + (run.row + quiet_modules) * unit, run.length * unit, unit);
    cairo_fill(cr);
    cairo_restore(cr);
}

}  // namespace shido::exports
