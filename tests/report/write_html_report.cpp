// write_html_report.cpp — `write_html_report COMPARISON.json OUT.html`: the HTML report of a
// comparison JSON file, for the Chromium check (scripts/render-html.sh) registered in ctest.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "report/html_report.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: write_html_report COMPARISON.json OUT.html\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  std::ostringstream json;
  json << in.rdbuf();
  std::ofstream out(argv[2], std::ios::binary);
  out << aturan::RenderHtmlReport(json.str());
  out.close();
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n", argv[2]);
    return 1;
  }
  return 0;
}
