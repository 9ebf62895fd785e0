#include "services/notifications/mail_folder_sender.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

namespace shido::services {
namespace {

namespace fs = std::filesystem;

class MailFolderSenderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("shido-mail-folder-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    std::vector<fs::path> files_in(const fs::path& folder) {
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(folder)) found.push_back(entry.path());
        return found;
    }

    fs::path root_;
};

TEST_F(MailFolderSenderTest, EachMessageIsOnePrivateEmlFileInAFolderMadeOnDemand) {
    MailFolderSender sender(root_ / "mail");
    auto first =
        sender.send({"shido@example.jp", "a@example.jp", "Subject: one\r\n\r\nbody 1\r\n"});
    auto second =
        sender.send({"shido@example.jp", "b@example.jp", "Subject: two\r\n\r\nbody 2\r\n"});
    EXPECT_TRUE(first.sent) << first.error;
    EXPECT_TRUE(second.sent) << second.error;

    auto files = files_in(root_ / "mail");
    ASSERT_EQ(files.size(), 2u);  // no temporary file left behind
    std::string texts;
    for (const auto& file : files) {
        EXPECT_EQ(file.extension(), ".eml");
        struct stat info {};
        ASSERT_EQ(::stat(file.c_str(), &info), 0);
        EXPECT_EQ(info.st_mode & 0777, 0600u);  // the links in them are credentials
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        texts += text.str();
    }
    EXPECT_NE(texts.find("Subject: one\r\n\r\nbody 1\r\n"), std::string::npos);
    EXPECT_NE(texts.find("Subject: two\r\n\r\nbody 2\r\n"), std::string::npos);
}

TEST_F(MailFolderSenderTest, AFolderThatCannotBeMadeIsARetryNotALoss) {
    fs::create_directories(root_);
    std::ofstream(root_ / "a-file") << "not a folder";
    MailFolderSender sender(root_ / "a-file" / "mail");
    auto outcome = sender.send({"shido@example.jp", "a@example.jp", "Subject: x\r\n\r\n\r\n"});
    EXPECT_FALSE(outcome.sent);
    EXPECT_FALSE(outcome.permanent);  // the outbox keeps the message and tries again
    EXPECT_NE(outcome.error.find("a-file"), std::string::npos);
}

}  // namespace
}  // namespace shido::services
