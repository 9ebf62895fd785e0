#include <gtest/gtest.h>

#include <stdexcept>

#include "exports/diagnosis/invitation_pdf.hpp"
#include "support/pdf_tools.hpp"

namespace shido::exports {
namespace {

namespace dx = core::diagnosis;

dx::InvitationSheet sheet_with(int count) {
    dx::InvitationSheet sheet;
    sheet.company_name = "株式会社サンプル製作所";
    sheet.round_name = "第1回";
    sheet.instrument_title = "5分でできる！情報セキュリティ自社診断";
    sheet.expires_on = "2025-06-30";
    for (int i = 0; i < count; ++i) {
        dx::Invitation invitation;
        invitation.role = i == 0
                              ? dx::RespondentRole::owner
                              : (i < 3 ? dx::RespondentRole::manager : dx::RespondentRole::staff);
        if (i % 2 == 0) invitation.name = "回答者" + std::to_string(i + 1);
        if (i % 3 == 0) invitation.department = "総務部";
        invitation.url =
            "https://shido.example.jp/a/tok" + std::to_string(1000 + i) + "Zq3xY7kP2mN8";
        sheet.invitations.push_back(invitation);
    }
    return sheet;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

TEST(InvitationPdf, CardsShowRoleUrlInstructionAndExpiry) {
    const auto sheet = sheet_with(5);
    const std::string pdf = render_invitation_pdf(sheet);
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_EQ(testing::pdf_pages(pdf), 1);
    const std::string text = testing::pdf_text(pdf);
    for (const auto& invitation : sheet.invitations)
        EXPECT_NE(text.find(invitation.url), std::string::npos) << invitation.url;
    const std::string flat = testing::joined(text);
    EXPECT_NE(flat.find("株式会社サンプル製作所"), std::string::npos);
    EXPECT_NE(flat.find("経営者"), std::string::npos);
    EXPECT_NE(flat.find("管理者"), std::string::npos);
    EXPECT_NE(flat.find("従業員"), std::string::npos);
    EXPECT_NE(flat.find("回答者1"), std::string::npos);
    EXPECT_NE(flat.find("スマートフォン"), std::string::npos);
    EXPECT_NE(flat.find("2025年6月30日"), std::string::npos);
}

TEST(InvitationPdf, EightCardsAPageAndPdftoppmRasterisesIt) {
    const std::string pdf = render_invitation_pdf(sheet_with(9));
    EXPECT_EQ(testing::pdf_pages(pdf), 2);
    const std::string png = testing::pdf_first_page_png(pdf, 72);
    ASSERT_GT(png.size(), 24u);
    EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1A\n");
    EXPECT_NEAR(big_endian(png, 16), 595.3, 1.0);  // A4 at 72 dpi
    EXPECT_NEAR(big_endian(png, 20), 841.9, 1.0);
    const auto boxes = testing::pdf_word_boxes(pdf);
    for (const auto& word : boxes.words) {
        EXPECT_GE(word.x_min, 0) << word.text;
        EXPECT_LE(word.x_max, boxes.width) << word.text;
        EXPECT_GE(word.y_min, 0) << word.text;
        EXPECT_LE(word.y_max, boxes.height) << word.text;
    }
}

TEST(InvitationPdf, LongUrlWrapsInsideTheCard) {
    auto sheet = sheet_with(1);
    sheet.invitations[0].url = "https://shido.example.jp/a/" + std::string(120, 'x');
    const std::string pdf = render_invitation_pdf(sheet);
    const auto boxes = testing::pdf_word_boxes(pdf);
    const double card_right = 28 + (boxes.width - 56) / 2;
    std::string url_text;
    for (const auto& word : boxes.words) {
        if (word.text.find("xxxx") == std::string::npos) continue;
        url_text += word.text;
        EXPECT_LE(word.x_max, card_right) << word.text;
    }
    EXPECT_NE(url_text.find(std::string(100, 'x')), std::string::npos) << url_text;
}

TEST(InvitationPdf, EmptySheetSaysSo) {
    dx::InvitationSheet sheet;
    sheet.company_name = "株式会社サンプル製作所";
    const std::string pdf = render_invitation_pdf(sheet);
    EXPECT_NE(testing::joined(testing::pdf_text(pdf)).find("回答用の招待はまだありません。"),
              std::string::npos);
}

TEST(InvitationPdf, UrlTooLongForAQrCodeThrows) {
    auto sheet = sheet_with(1);
    sheet.invitations[0].url = "https://shido.example.jp/a/" + std::string(4000, 'x');
    EXPECT_THROW(render_invitation_pdf(sheet), std::invalid_argument);
}

}  // namespace
}  // namespace shido::exports
