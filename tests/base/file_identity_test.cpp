#include "base/file_identity.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/file_identity_" + std::to_string(getpid()) + "_" + name;
}

TEST(OverwritesInput, ANameALinkAndASymlinkOfOneFileAreThatFile) {
  const std::string list = TempPath("list.csv");
  const std::string hard = TempPath("hard.csv");
  const std::string soft = TempPath("soft.csv");
  const std::string other = TempPath("other.csv");
  std::filesystem::remove(hard);
  std::filesystem::remove(soft);
  { std::ofstream(list) << "nik\n"; }
  { std::ofstream(other) << "nik\n"; }
  std::filesystem::create_hard_link(list, hard);
  std::filesystem::create_symlink(list, soft);
  EXPECT_TRUE(OverwritesInput(list, list));
  EXPECT_TRUE(OverwritesInput(hard, list));
  EXPECT_TRUE(OverwritesInput(soft, list));
  EXPECT_TRUE(OverwritesInput(list, soft));
  EXPECT_FALSE(OverwritesInput(other, list));  // same bytes, another file
  EXPECT_FALSE(OverwritesInput(TempPath("new.csv"), list));  // an output yet to be made
  EXPECT_FALSE(OverwritesInput(list, TempPath("missing.csv")));
  EXPECT_FALSE(OverwritesInput("", list));
  for (const std::string& path : {list, hard, soft, other}) std::filesystem::remove(path);
}

TEST(OverwritesInput, DevicesAreNeverEmptiedSoNeverRefused) {
  EXPECT_FALSE(OverwritesInput("/dev/null", "/dev/null"));
}

TEST(IdentityOf, DashIsTheGivenDescriptor) {
  const std::string path = TempPath("descriptor.csv");
  { std::ofstream(path) << "x"; }
  FILE* file = std::fopen(path.c_str(), "r");
  ASSERT_NE(file, nullptr);
  const std::optional<FileIdentity> by_descriptor = IdentityOf("-", fileno(file));
  const std::optional<FileIdentity> by_name = IdentityOf(path, -1);
  ASSERT_TRUE(by_descriptor.has_value());
  ASSERT_TRUE(by_name.has_value());
  EXPECT_EQ(*by_descriptor, *by_name);
  EXPECT_TRUE(by_name->regular);
  std::fclose(file);
  EXPECT_FALSE(IdentityOf(TempPath("missing"), -1).has_value());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace aturan::internal
