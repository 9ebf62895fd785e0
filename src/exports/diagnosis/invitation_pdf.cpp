#include "exports/diagnosis/invitation_pdf.hpp"

#include "exports/diagnosis/report_text.hpp"
#include "exports/pdf_layout.hpp"
#include "exports/qr_code.hpp"

namespace shido::exports {

namespace {

namespace dx = core::diagnosis;
using pdf::Align;
using pdf::Document;
using pdf::TextStyle;

constexpr int cards_across = 2;
constexpr int cards_down = 4;
constexpr double padding = 10;
constexpr double qr_side = 100;  // points, quiet zone included (about 2 mm per 3 modules)

constexpr Rgb ink{0.1, 0.1, 0.1};
constexpr Rgb muted{0.4, 0.4, 0.4};

std::string who(const dx::Invitation& invitation) {
    if (!invitation.name.empty() && !invitation.department.empty())
        return invitation.name + "（" + invitation.department + "）";
    if (!invitation.name.empty()) return invitation.name + " 様";
    return invitation.department;
}

class SheetWriter {
  public:
    SheetWriter(Document& doc, const dx::InvitationSheet& sheet, const std::vector<QrMatrix>& codes)
        : doc_(doc), sheet_(sheet), codes_(codes) {}

    void write() {
        page_header();
        if (sheet_.invitations.empty()) {
            doc_.paragraph("回答用の招待はまだありません。", {.size = 10});
            return;
        }
        const double card_width = doc_.content_width() / cards_across;
        const double card_height = doc_.content_height() / cards_down;
        for (std::size_t i = 0; i < sheet_.invitations.size(); ++i) {
            const auto slot = static_cast<int>(i % (cards_across * cards_down));
            if (i > 0 && slot == 0) {
                doc_.new_page();
                page_header();
            }
            const double x = doc_.left() + (slot % cards_across) * card_width;
            const double y = doc_.top() + (slot / cards_across) * card_height;
            card(sheet_.invitations[i], codes_[i], x, y, card_width, card_height);
        }
    }

  private:
    // In the top margin: what the sheet is and how to use it.
    void page_header() {
        cairo_t* cr = doc_.cr();
        const std::string title = sheet_.instrument_title.empty()
                                      ? std::string("自社診断 回答用カード")
                                      : sheet_.instrument_title + "　回答用カード";
        doc_.text(title, {.size = 11, .colour = ink, .line_spacing = 1.1, .single_line = true},
                  doc_.content_width())
            .draw(cr, doc_.left(), 16);
        doc_.text("点線で切り離して、回答する方に1枚ずつお渡しください。",
                  {.size = 7.5, .colour = muted, .line_spacing = 1.1, .single_line = true},
                  doc_.content_width())
            .draw(cr, doc_.left(), 32);
    }

    void card(const dx::Invitation& invitation, const QrMatrix& code, double x, double y,
              double width, double height) {
        cairo_t* cr = doc_.cr();
        // Cut lines.
        cairo_save(cr);
        const double dash[] = {3, 3};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 0.5);
        pdf::set_colour(cr, {0.6, 0.6, 0.6});
        cairo_rectangle(cr, x, y, width, height);
        cairo_stroke(cr);
        cairo_restore(cr);

        const double inner = width - 2 * padding;
        double cy = y + padding;
        auto company =
            doc_.text(sheet_.company_name,
                      {.size = 10, .colour = ink, .line_spacing = 1.1, .single_line = true}, inner);
        company.draw(cr, x + padding, cy);
        cy += company.height() + 1;
        std::string round = sheet_.round_name;
        if (!sheet_.instrument_title.empty())
            round += (round.empty() ? "" : "　") + sheet_.instrument_title;
        auto round_text = doc_.text(
            round, {.size = 7.5, .colour = muted, .line_spacing = 1.1, .single_line = true}, inner);
        round_text.draw(cr, x + padding, cy);
        cy += round_text.height() + 5;

        // Role badge, then name or department.
        auto role = doc_.text(dx::label_ja(invitation.role),
                              {.size = 9.5, .colour = {1, 1, 1}, .line_spacing = 1.1}, 80);
        const double badge_width = role.width() + 12;
        const double badge_height = role.height() + 4;
        pdf::set_colour(cr, role_colour(invitation.role));
        cairo_rectangle(cr, x + padding, cy, badge_width, badge_height);
        cairo_fill(cr);
        role.draw(cr, x + padding + 6, cy + 2);
        const std::string person = who(invitation);
        if (!person.empty()) {
            auto name = doc_.text(
                person, {.size = 9, .colour = ink, .line_spacing = 1.1, .single_line = true},
                inner - badge_width - 8);
            name.draw(cr, x + padding + badge_width + 8, cy + (badge_height - name.height()) / 2);
        }
        cy += badge_height + 6;

        // QR code on the left, instructions on the right.
        draw_qr(cr, code, x + padding - 4, cy, qr_side);
        const double text_x = x + padding + qr_side;
        const double text_width = x + width - padding - text_x;
        std::string instructions =
            "スマートフォンのカメラでQRコードを読み取り、表示された画面で回答してください。"
            "パソコンの場合は下のURLをブラウザに入力してください。";
        if (!sheet_.expires_on.empty()) instructions += "\n回答期限: " + date_ja(sheet_.expires_on);
        auto how = doc_.text(
            instructions, {.size = 8, .colour = ink, .line_spacing = 1.35, .max_height = qr_side},
            text_width);
        how.draw(cr, text_x, cy + 4);
        cy += qr_side + 2;

        // The URL, broken anywhere so it never runs off the card.
        const double url_height = y + height - padding - cy;
        auto url = doc_.text(invitation.url,
                             {.size = 7.5,
                              .colour = ink,
                              .line_spacing = 1.15,
                              .mono = true,
                              .break_anywhere = true,
                              .max_height = url_height},
                             inner);
        url.draw(cr, x + padding, cy);
    }

    Document& doc_;
    const dx::InvitationSheet& sheet_;
    const std::vector<QrMatrix>& codes_;
};

}  // namespace

std::string render_invitation_pdf(const dx::InvitationSheet& sheet) {
    pdf::PageSetup setup;
    setup.margin_top = 48;
    setup.margin_bottom = 36;
    setup.margin_left = 28;
    setup.margin_right = 28;
    setup.title = "回答用カード " + sheet.company_name;
    setup.footer_left = sheet.company_name + "　" + sheet.round_name;
    // Encoded once, before both rendering passes (pdf::render counts the pages first).
    std::vector<QrMatrix> codes;
    for (const auto& invitation : sheet.invitations) codes.push_back(encode_qr(invitation.url));
    return pdf::render(setup, [&](Document& doc) { SheetWriter(doc, sheet, codes).write(); });
}

}  // namespace shido::exports
