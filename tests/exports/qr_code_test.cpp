#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "exports/accounts/qr_svg.hpp"
#include "exports/qr_code.hpp"

namespace shido::exports {
namespace {

bool finder_at(const QrMatrix& qr, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr.at(x0 + x, y0 + y) != (ring || core)) return false;
        }
    return true;
}

TEST(QrCode, EncodesAUrlWithFinderPatterns) {
    const QrMatrix qr = encode_qr("https://shido.example.jp/a/Zq3xY7-kP2mN8vR4tW6sH1");
    ASSERT_GE(qr.size, 21);
    EXPECT_EQ((qr.size - 17) % 4, 0) << "a QR version has 17 + 4v modules";
    EXPECT_EQ(qr.dark.size(), static_cast<std::size_t>(qr.size * qr.size));
    EXPECT_TRUE(finder_at(qr, 0, 0));
    EXPECT_TRUE(finder_at(qr, qr.size - 7, 0));
    EXPECT_TRUE(finder_at(qr, 0, qr.size - 7));
}

TEST(QrCode, TooLongTextThrows) {
    EXPECT_THROW(encode_qr(std::string(4000, 'a')), std::invalid_argument);
}

TEST(QrCode, DrawsEveryModuleWithAWhiteQuietZone) {
    const QrMatrix qr = encode_qr("https://shido.example.jp/a/token");
    constexpr int px = 4;  // pixels per module
    const int side = (qr.size + 8) * px;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);  // grey: the code must paint its own background
    cairo_paint(cr);
    draw_qr(cr, qr, 0, 0, side);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    auto dark = [&](int module_x, int module_y) {  // sample the centre of a module
        const int x = module_x * px + px / 2, y = module_y * px + px / 2;
        return data[y * stride + x * 4] < 128;
    };
    auto white = [&](int module_x, int module_y) {
        const int x = module_x * px + px / 2, y = module_y * px + px / 2;
        return data[y * stride + x * 4] == 255;
    };
    int mismatches = 0;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (dark(x + 4, y + 4) != qr.at(x, y)) ++mismatches;
    EXPECT_EQ(mismatches, 0);
    for (int i = 0; i < qr.size + 8; ++i) {
        EXPECT_TRUE(white(i, 0) && white(0, i) && white(i, qr.size + 7) && white(qr.size + 7, i));
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

TEST(QrCode, DarkRunsCoverEveryDarkModuleOnce) {
    const auto qr = encode_qr("otpauth://totp/shido:a%40example.jp?secret=JBSWY3DPEHPK3PXP");
    std::vector<std::uint8_t> covered(qr.dark.size(), 0);
    for (const auto& run : dark_runs(qr))
        for (int x = run.start; x < run.start + run.length; ++x)
            covered[static_cast<std::size_t>(run.row * qr.size + x)] += 1;
    EXPECT_EQ(covered, qr.dark);
}

TEST(QrCode, TheSvgHasTheQuietZoneInItsViewBoxAndOnePath) {
    const auto qr = encode_qr("otpauth://totp/x");
    const auto svg = qr_svg("otpauth://totp/x");
    const auto side = std::to_string(qr.size + 8);
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " +
                            side + "\"",
                        0),
              0u);
    EXPECT_EQ(svg.find("<path"), svg.rfind("<path"));
    EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);  // the top-left finder's first row
}

}  // namespace
}  // namespace shido::exports
