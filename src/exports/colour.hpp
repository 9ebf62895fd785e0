#pragma once

namespace shido::exports {

// A colour shared by the workbooks and the PDFs (channels 0–1).
struct Rgb {
    double r = 0, g = 0, b = 0;
    unsigned hex() const;  // 0xRRGGBB
};

}  // namespace shido::exports
