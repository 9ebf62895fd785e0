#pragma once
// QR codes for the invitation sheet (libqrencode). Internal to exports.
#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shido::exports {

struct QrMatrix {
    int size = 0;                    // modules per side, without the quiet zone
    std::vector<std::uint8_t> dark;  // size × size, row by row: 1 = dark module

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The bytes of `text` as a QR code, error correction level M, the smallest version that fits.
// Throws std::invalid_argument when the text is too long for a QR code.
QrMatrix encode_qr(std::string_view text);

// A horizontal run of dark modules. Each run is drawn as one rectangle of one path, so a
// viewer that anti-aliases shows no seams between neighbouring modules (PDF and SVG alike).
struct QrRun {
    int row = 0;
    int start = 0;
    int length = 0;
};
std::vector<QrRun> dark_runs(const QrMatrix& qr);

// Draws the code in a `side` × `side` square at (x, y), including a white quiet zone of
// `quiet_modules` modules on every side (the standard asks for 4).
void draw_qr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side,
             int quiet_modules = 4);

}  // namespace shido::exports
