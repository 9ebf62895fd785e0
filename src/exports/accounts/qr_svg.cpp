#include "exports/accounts/qr_svg.hpp"

#include "exports/qr_code.hpp"

namespace shido::exports {

std::string qr_svg(std::string_view text, int quiet_modules) {
    const auto qr = encode_qr(text);
    const auto side = std::to_string(qr.size + 2 * quiet_modules);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " +
                      side + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side +
                      "\" height=\"" + side + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
    for (const auto& run : dark_runs(qr)) {
        auto length = std::to_string(run.length);
        svg += "M" + std::to_string(run.start + quiet_modules) + " " +
               std::to_string(run.row + quiet_modules) + "h" + length + "v1h-" + length + "z";
    }
    svg += "\"/></svg>";
    return svg;
}

}  // namespace shido::exports
