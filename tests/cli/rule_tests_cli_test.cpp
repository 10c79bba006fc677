// `aturan test`: every shipped rule file has a test file and passes it; failures, missing and
// broken test files give the documented exit codes and messages.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCli;

namespace fs = std::filesystem;

bool IsTestFile(const fs::path& path) { return path.stem().extension() == ".test"; }

// The shipped rule files: rules/*.yaml that are not test files.
std::vector<fs::path> ShippedRuleFiles() {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(ATURAN_SOURCE_DIR) / "rules")) {
    if (entry.path().extension() == ".yaml" && !IsTestFile(entry.path())) files.push_back(entry.path());
  }
  return files;
}

TEST(RuleTestsCliTest, EveryShippedRuleFileHasATestFile) {
  const std::vector<fs::path> rules = ShippedRuleFiles();
  ASSERT_FALSE(rules.empty());
  for (const fs::path& file : rules) {
    fs::path test = file;
    test.replace_extension(".test.yaml");
    EXPECT_TRUE(fs::exists(test)) << file.filename() << " has no " << test.filename()
                                  << " (docs/rule-tests.md)";
  }
}

TEST(RuleTestsCliTest, EveryShippedRuleFilePassesItsTests) {
  // rules/*.yaml names the test files too; each stands for its rule file
  const testing::CliResult result = RunCli("test rules/*.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr(std::to_string(ShippedRuleFiles().size()) + " berkas, "));
  EXPECT_THAT(result.output, Not(HasSubstr("gagal")));
  EXPECT_THAT(result.output, Not(HasSubstr("galat")));
}

class RuleTestsCliFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("aturan_test_cli_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    fs::copy_file(fs::path(ATURAN_SOURCE_DIR) / "rules/cilegon-2025.yaml", dir_ / "cilegon.yaml",
                  fs::copy_options::overwrite_existing);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

constexpr char kCases[] = R"(base: {nik: "3672011203680001", nama: Ahmad, jenis_kelamin: L, tanggal_lahir: 12-03-1968, kode_kelurahan: Cibeber, kategori: rt_rw}
candidates:
  - name: ketua RT
    expect: {status: eligible}
  - name: KPPS dikira masih dibiayai
    fields: {kategori: kpps}
    expect: {status: eligible}
)";

TEST_F(RuleTestsCliFiles, FailingCaseExitsOneWithItsLineAndExplanation) {
  Write("cilegon.test.yaml", kCases);
  const testing::CliResult result = RunCli("test " + Path("cilegon.yaml"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr(Path("cilegon.test.yaml") + ":5:5: gagal: 'KPPS dikira masih dibiayai'"));
  EXPECT_THAT(result.output, HasSubstr("status: diharapkan eligible, didapat ineligible"));
  EXPECT_THAT(result.output, HasSubstr("[x] tidak terpenuhi: bukan_adhoc_pemilu"));
  EXPECT_THAT(result.output, HasSubstr("1 berkas, 2 kasus: 1 lulus, 1 gagal"));
}

TEST_F(RuleTestsCliFiles, CasesFileAndVerbose) {
  Write("lain.yaml", std::string(kCases).substr(0, std::string(kCases).find("  - name: KPPS")));
  const testing::CliResult result = RunCli("test " + Path("cilegon.yaml") + " --cases " + Path("lain.yaml") + " --verbose");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr(":3:5: lulus: 'ketua RT'"));
  EXPECT_THAT(result.output, HasSubstr("1 berkas, 1 kasus: 1 lulus"));
}

TEST_F(RuleTestsCliFiles, MissingTestFileExitsTwo) {
  const testing::CliResult result = RunCli("test " + Path("cilegon.yaml"));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_THAT(result.output, HasSubstr(Path("cilegon.test.yaml") + ": error: cannot read the test file"));
  EXPECT_THAT(result.output, HasSubstr("1 berkas, 0 kasus: 0 lulus; 1 berkas tidak dapat diuji"));
}

TEST_F(RuleTestsCliFiles, BrokenTestFileExitsTwoWithPosition) {
  Write("cilegon.test.yaml", "candidates:\n  - name: a\n    expect: {status: eligible, failing: [usai]}\n");
  const testing::CliResult result = RunCli("test " + Path("cilegon.test.yaml"));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_THAT(result.output, HasSubstr(Path("cilegon.test.yaml") + ":3:42: error: candidates[1].expect.failing: unknown rule id 'usai'"));
  EXPECT_THAT(result.output, HasSubstr("hint: did you mean 'usia'?"));
}

TEST(RuleTestsCliTest, CheckValidatesTestFilesAgainstTheirRuleFiles) {
  // `aturan check rules/*.yaml` meets the test files too: each is checked, not read as a rule file
  const testing::CliResult result = RunCli("check rules/*.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("rules/kudus-2025.test.yaml: ok, test file of rules/kudus-2025.yaml: "));
  EXPECT_THAT(result.output, Not(HasSubstr("unknown top-level key")));
}

TEST_F(RuleTestsCliFiles, CheckReportsABrokenTestFileWithPosition) {
  Write("cilegon.test.yaml", "candidates:\n  - name: a\n    expect: {status: eligible, failing: [usai]}\n");
  const testing::CliResult result = RunCli("check " + Path("cilegon.test.yaml"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_THAT(result.output, HasSubstr(Path("cilegon.test.yaml") + ":3:42: error: candidates[1].expect.failing: unknown rule id 'usai'"));
  EXPECT_THAT(result.output, HasSubstr(Path("cilegon.test.yaml") + ": 1 error"));
}

TEST_F(RuleTestsCliFiles, CasesForSeveralRuleFilesIsRefused) {
  const testing::CliResult result = RunCli("test rules/kudus-2025.yaml rules/cilegon-2025.yaml --cases x.yaml");
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_THAT(result.output, HasSubstr("--cases names the test file of one rule file"));
}

}  // namespace
}  // namespace aturan
