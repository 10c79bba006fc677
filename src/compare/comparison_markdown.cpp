// ComparisonMarkdown: the comparison as a memo for policy staff, in Indonesian.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "allocate/allocation_summary.hpp"
#include "aturan/comparison.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"

namespace aturan {

namespace {

using internal::FormatRupiah;

// A count with Indonesian thousands dots: 12.345.
std::string Count(int64_t n) {
  const std::string rupiah = FormatRupiah(n);  // "Rp12.345" or "-Rp12.345"
  return n < 0 ? StrCat("-", rupiah.substr(3)) : rupiah.substr(2);
}

// A difference with its sign: +12, -3, 0.
std::string Signed(int64_t n) { return n > 0 ? StrCat("+", Count(n)) : Count(n); }
std::string SignedRupiah(int64_t n) { return n > 0 ? StrCat("+", FormatRupiah(n)) : FormatRupiah(n); }

// Text for a Markdown table cell: '|' escaped, line breaks as spaces.
std::string Cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out.append("\\|");
    } else if (c == '\n' || c == '\r') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// An expression or code in a cell, as inline code; "-" when absent.
std::string Code(const std::optional<std::string>& text) {
  if (!text || text->empty()) return "-";
  return StrCat("`", Cell(*text), "`");
}

const char* StatusText(CoverStatus status) {
  switch (status) {
    case CoverStatus::kSelected:
      return "terpilih (dapat kursi)";
    case CoverStatus::kWaitlisted:
      return "daftar tunggu";
    case CoverStatus::kEligible:
      return "memenuhi syarat";
    case CoverStatus::kIneligible:
      return "tidak memenuhi syarat";
    case CoverStatus::kInvalid:
      return "data tidak sah";
  }
  return "";
}

const char* ChangeText(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "ditambah";
    case ChangeKind::kRemoved:
      return "dihapus";
    case ChangeKind::kChanged:
      return "diubah";
  }
  return "";
}

std::string SettingText(const std::string& what) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"score", "Skor prioritas"},         {"order", "Urutan bila skor sama"},
      {"seats", "Jumlah kursi"},           {"budget", "Anggaran"},
      {"months", "Lama tanggungan (bulan)"}, {"by", "Dibagi per"},
      {"basis", "Dasar pembagian"},        {"method", "Metode pembagian"},
      {"unfilled", "Kursi yang tak terisi"}, {"pools", "Kelompok kuota"},
      {"reserved", "Jatah khusus"},
  };
  for (const auto& [key, name] : kNames) {
    if (what == key) return name;
  }
  return what;
}

std::string QuotaText(const SideSummary& s) {
  if (!s.has_quota) return "tanpa kuota (semua yang memenuhi syarat ditanggung)";
  std::string text = s.seats ? StrCat(Count(*s.seats), " kursi") : std::string("kuota");
  if (s.budget) StrAppend(&text, ", anggaran ", FormatRupiah(*s.budget));
  return text;
}

void AppendHeader(const Comparison& c, std::string* out) {
  const SideSummary& o = c.list.old_side;
  const SideSummary& n = c.list.new_side;
  StrAppend(out, "# Perbandingan aturan: ", o.regulation, " → ", n.regulation, "\n\n");
  StrAppend(out, "| | Aturan lama | Aturan baru |\n|---|---|---|\n");
  StrAppend(out, "| Berkas | `", Cell(c.old_file), "` | `", Cell(c.new_file), "` |\n");
  StrAppend(out, "| Peraturan | ", Cell(o.title), " | ", Cell(n.title), " |\n");
  StrAppend(out, "| Tanggal acuan | ", FormatIsoDate(Date::FromCivil(o.reference_date)), " | ",
            FormatIsoDate(Date::FromCivil(n.reference_date)), " |\n");
  StrAppend(out, "| Kuota | ", QuotaText(o), " | ", QuotaText(n), " |\n");
  StrAppend(out, "| Iuran per orang per bulan | ", FormatRupiah(o.monthly_premium), " | ",
            FormatRupiah(n.monthly_premium), " |\n");
  StrAppend(out, "| Lama tanggungan | ", o.months, " bulan | ", n.months, " bulan |\n\n");
  StrAppend(out, "Daftar calon: `", Cell(c.list_file), "`, ", Count(static_cast<int64_t>(c.list.rows)),
            " baris, dinilai dengan kedua aturan. *Tertanggung* berarti terpilih mendapat kursi kuota "
            "(aturan dengan kuota) atau memenuhi syarat (aturan tanpa kuota).\n\n");
}

void AppendSummary(const ListEffect& e, std::string* out) {
  const SideSummary& o = e.old_side;
  const SideSummary& n = e.new_side;
  out->append("## Ringkasan\n\n| | Lama | Baru | Selisih |\n|---|---:|---:|---:|\n");
  const auto row = [out](const char* what, int64_t before, int64_t after) {
    StrAppend(out, "| ", what, " | ", Count(before), " | ", Count(after), " | ", Signed(after - before), " |\n");
  };
  row("**Tertanggung**", o.covered, n.covered);
  if (o.has_quota || n.has_quota) {
    row("Terpilih (kuota)", o.selected, n.selected);
    row("Daftar tunggu", o.waitlisted, n.waitlisted);
  }
  row("Memenuhi syarat", o.eligible, n.eligible);
  row("Tidak memenuhi syarat", o.ineligible, n.ineligible);
  row("Data tidak sah", o.invalid, n.invalid);
  StrAppend(out, "| **Biaya** | ", FormatRupiah(o.cost), " | ", FormatRupiah(n.cost), " | ", SignedRupiah(n.cost - o.cost),
            " |\n");
  if (o.budget || n.budget) {
    const auto budget = [](const SideSummary& s) { return s.budget ? FormatRupiah(*s.budget) : std::string("-"); };
    const auto left = [](const SideSummary& s) { return s.budget ? FormatRupiah(*s.budget - s.cost) : std::string("-"); };
    StrAppend(out, "| Anggaran | ", budget(o), " | ", budget(n), " | |\n");
    StrAppend(out, "| Sisa anggaran | ", left(o), " | ", left(n), " | |\n");
  }
  StrAppend(out, "\n- **", Count(e.gained), "** orang mendapat tanggungan yang sebelumnya tidak mereka dapat.\n");
  StrAppend(out, "- **", Count(e.lost), "** orang kehilangan tanggungan yang sebelumnya mereka dapat.\n");
  StrAppend(out, "- ", Count(e.stayed_covered), " orang tetap tertanggung; ", Count(e.stayed_uncovered),
            " orang tetap tidak tertanggung.\n\n");
  out->append("### Perpindahan status\n\n| Status lama | Status baru | Jumlah |\n|---|---|---:|\n");
  for (int from = 0; from < kCoverStatuses; ++from) {
    for (int to = 0; to < kCoverStatuses; ++to) {
      const int64_t count = e.transitions[static_cast<size_t>(from)][static_cast<size_t>(to)];
      if (count == 0) continue;
      StrAppend(out, "| ", StatusText(static_cast<CoverStatus>(from)), " | ", StatusText(static_cast<CoverStatus>(to)),
                " | ", Count(count), " |\n");
    }
  }
  out->push_back('\n');
}

std::string CodeNames(const std::vector<ListCode>& codes) {
  std::string text;
  for (const ListCode& code : codes) {
    if (!text.empty()) text.append(", ");
    if (code.name.empty() || code.name == code.code) {
      StrAppend(&text, "`", code.code, "`");
    } else {
      StrAppend(&text, code.name, " (`", code.code, "`)");
    }
  }
  return text;
}

void AppendRuleChanges(const RuleChanges& c, std::string* out) {
  out->append("## Perubahan aturan\n\n");
  if (c.empty()) {
    out->append("Kedua berkas aturan tidak berbeda dalam kolom data, daftar kode, parameter, syarat, prioritas, "
                "kuota maupun iuran.\n\n");
    return;
  }
  if (!c.fields.empty()) {
    out->append("### Kolom data\n\n| Kolom | Perubahan | Lama | Baru |\n|---|---|---|---|\n");
    for (const FieldChange& f : c.fields) {
      StrAppend(out, "| `", f.name, "` | ", ChangeText(f.change), " | ", f.old_type.empty() ? "-" : f.old_type, " | ",
                f.new_type.empty() ? "-" : f.new_type, " |\n");
    }
    out->push_back('\n');
  }
  if (!c.lists.empty()) {
    out->append("### Daftar kode\n\n");
    for (const ListChange& l : c.lists) {
      StrAppend(out, "- `", l.name, "`:");
      if (!l.added.empty()) StrAppend(out, " ditambah ", l.added.size(), ": ", CodeNames(l.added), ".");
      if (!l.removed.empty()) StrAppend(out, " dihapus ", l.removed.size(), ": ", CodeNames(l.removed), ".");
      out->push_back('\n');
    }
    out->push_back('\n');
  }
  if (!c.parameters.empty()) {
    out->append("### Parameter\n\n| Parameter | Lama | Baru |\n|---|---|---|\n");
    for (const ParameterChange& p : c.parameters) {
      StrAppend(out, "| `", p.name, "` | ", Cell(p.old_value.value_or("-")), " | ", Cell(p.new_value.value_or("-")),
                " |\n");
    }
    out->push_back('\n');
  }
  if (!c.rules.empty()) {
    out->append("### Syarat kepesertaan\n\n| Aturan | Perubahan | Lama | Baru |\n|---|---|---|---|\n");
    for (const RuleChange& r : c.rules) {
      StrAppend(out, "| `", r.id, "` | ", ChangeText(r.change), " | ", Code(r.old_when), " | ", Code(r.new_when), " |\n");
    }
    out->push_back('\n');
  }
  const auto settings = [out](const char* title, const std::vector<SettingChange>& changes) {
    if (changes.empty()) return;
    StrAppend(out, "### ", title, "\n\n| | Lama | Baru |\n|---|---|---|\n");
    for (const SettingChange& s : changes) {
      StrAppend(out, "| ", SettingText(s.what), " | ", Cell(s.old_text), " | ", Cell(s.new_text), " |\n");
    }
    out->push_back('\n');
  };
  settings("Prioritas", c.priority);
  settings("Kuota", c.quota);
  if (!c.premiums.empty()) {
    out->append("### Iuran per orang per bulan\n\n| Komponen | Lama | Baru |\n|---|---:|---:|\n");
    const auto amount = [](const std::optional<int64_t>& monthly, const std::string& per_person) {
      if (!monthly) return std::string("-");
      std::string text = FormatRupiah(*monthly);
      if (!per_person.empty()) StrAppend(&text, " (per orang: `", Cell(per_person), "`)");
      return text;
    };
    for (const PremiumChange& p : c.premiums) {
      StrAppend(out, "| ", p.component, " | ", amount(p.old_monthly, p.old_per_person), " | ",
                amount(p.new_monthly, p.new_per_person), " |\n");
    }
    out->push_back('\n');
  }
}

void AppendGroups(const std::vector<GroupEffect>& groups, std::string* out) {
  out->append("## Per kelompok sasaran\n\n");
  if (groups.empty()) {
    out->append("Daftar calon tidak memuat kolom ya/tidak (misalnya tulang punggung, miskin ekstrem, DTKS).\n\n");
    return;
  }
  out->append("| Kelompok | Kolom | Baris | Tertanggung lama | Tertanggung baru | Bertambah | Berkurang |\n"
              "|---|---|---:|---:|---:|---:|---:|\n");
  for (const GroupEffect& g : groups) {
    StrAppend(out, "| ", Cell(g.label), " | `", g.field, "` | ", Count(g.rows), " | ", Count(g.old_covered), " | ",
              Count(g.new_covered), " | ", Signed(g.gained), " | ", g.lost > 0 ? StrCat("-", Count(g.lost)) : "0",
              " |\n");
  }
  out->push_back('\n');
}

void AppendBreakdown(const std::string& title, const Breakdown& b, bool quotas, std::string* out) {
  StrAppend(out, "## ", title, " (`", b.field, "`)\n\n");
  if (b.items.empty()) {
    out->append("Tidak ada yang tertanggung menurut kedua aturan.\n\n");
    return;
  }
  out->append("| Kode | Nama |");
  if (quotas) out->append(" Kuota lama | Kuota baru |");
  out->append(" Tertanggung lama | Tertanggung baru | Bertambah | Berkurang | Biaya lama | Biaya baru |\n|---|---|");
  if (quotas) out->append("---:|---:|");
  out->append("---:|---:|---:|---:|---:|---:|\n");
  BreakdownItem total;
  int64_t old_quota = 0, new_quota = 0;
  const auto quota = [](const std::optional<int64_t>& q) { return q ? Count(*q) : std::string("-"); };
  for (const BreakdownItem& item : b.items) {
    StrAppend(out, "| ", item.code.empty() ? "-" : Cell(item.code), " | ", Cell(item.name), " |");
    if (quotas) StrAppend(out, " ", quota(item.old_quota), " | ", quota(item.new_quota), " |");
    StrAppend(out, " ", Count(item.old_covered), " | ", Count(item.new_covered), " | ", Signed(item.gained), " | ",
              item.lost > 0 ? StrCat("-", Count(item.lost)) : "0", " | ", FormatRupiah(item.old_cost), " | ",
              FormatRupiah(item.new_cost), " |\n");
    old_quota += item.old_quota.value_or(0);
    new_quota += item.new_quota.value_or(0);
    total.old_covered += item.old_covered;
    total.new_covered += item.new_covered;
    total.gained += item.gained;
    total.lost += item.lost;
    total.old_cost += item.old_cost;
    total.new_cost += item.new_cost;
  }
  out->append("| | **Jumlah** |");
  if (quotas) StrAppend(out, " ", Count(old_quota), " | ", Count(new_quota), " |");
  StrAppend(out, " ", Count(total.old_covered), " | ", Count(total.new_covered), " | ", Signed(total.gained), " | ",
            total.lost > 0 ? StrCat("-", Count(total.lost)) : "0", " | ", FormatRupiah(total.old_cost), " | ",
            FormatRupiah(total.new_cost), " |\n\n");
}

}  // namespace

std::string ComparisonMarkdown(const Comparison& c) {
  std::string out;
  AppendHeader(c, &out);
  AppendSummary(c.list, &out);
  AppendRuleChanges(c.rules, &out);
  AppendGroups(c.list.groups, &out);
  if (c.list.areas) {
    const std::string title = absl::StrContains(ToAbsl(c.list.areas->field), "kelurahan") ? "Per kelurahan" : "Per wilayah";
    AppendBreakdown(title, *c.list.areas, /*quotas=*/true, &out);
  }
  if (c.list.occupations) AppendBreakdown("Per pekerjaan", *c.list.occupations, /*quotas=*/false, &out);
  if (!c.list.warnings.empty()) {
    out.append("## Catatan\n\n");
    for (const std::string& warning : c.list.warnings) StrAppend(&out, "- ", Cell(warning), "\n");
    out.push_back('\n');
  }
  return out;
}

}  // namespace aturan
