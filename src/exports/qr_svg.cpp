#include "exports/qr_svg.hpp"

#include "exports/qr_code.hpp"

namespace shido::exports {

std::string qr_svg(std::string_view text, int quiet_modules) {
    const auto qr = encode_qr(text);
    const auto side = std::to_string(qr.size + 2 * quiet_modules);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " +
                      side + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side +
                      "\" height=\"" + side + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
    // One rectangle per horizontal run of dark modules, as draw_qr does.
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.at(col, row)) ++col;
            svg += "M" + std::to_string(start + quiet_modules) + " " +
                   std::to_string(row + quiet_modules) + "h" + std::to_string(col - start) +
                   "v1h-" + std::to_string(col - start) + "z";
        }
    }
    svg += "\"/></svg>";
    return svg;
}

}  // namespace shido::exports
