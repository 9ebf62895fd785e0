#include "services/file_writes.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "services/crypto.hpp"

namespace shido::services {
namespace {

namespace fs = std::filesystem;

std::string contents_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(PutFileWhole, MakesTheFolderWritesAPrivateFileAndNeverReplacesOne) {
    init_crypto();
    auto dir = fs::temp_directory_path() / ("shido-put-file-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto file = dir / "inner" / "a.txt";
    EXPECT_EQ(put_file_whole(file, "first\n"), 0);
    EXPECT_EQ(contents_of(file), "first\n");
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    EXPECT_EQ(put_file_whole(file, "second\n"), EEXIST);
    EXPECT_EQ(contents_of(file), "first\n");
    // No temporary file is left either way.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "inner"), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace shido::services
