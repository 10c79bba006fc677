// The C API's list runs: `aturan eval` and `aturan allocate` over a list file, through the same
// library pipeline (RunEvalPipeline, ListAllocation) and with the same defaults (list_defaults).
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "allocate/allocation_summary.hpp"
#include "allocate/list_allocation.hpp"
#include "aturan/allocation.hpp"
#include "aturan/aturan.h"
#include "base/direct_output.hpp"
#include "base/file_identity.hpp"
#include "base/strings.hpp"
#include "batch/eval_pipeline.hpp"
#include "batch/eval_summary_json.hpp"
#include "batch/list_defaults.hpp"
#include "batch/list_option_text.hpp"
#include "capi/errors.hpp"
#include "capi/handles.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::capi {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A list run's settings and open files, once every argument checked out.
struct ListRun {
  std::unique_ptr<internal::RawChunkReader> reader;
  std::string output_path;
  std::string rejects_path;  // empty: none
  File output;
  File rejects;
  internal::EvalPipelineOptions pipeline;
  std::string max_invalid;  // as given, for the message
  internal::InvalidLimit invalid_limit;
};

// An option string, or `otherwise` when it is null.
std::string_view Option(const char* text, std::string_view otherwise) {
  return text != nullptr ? std::string_view(text) : otherwise;
}

// Checks the arguments, opens the list and the output files: ATURAN_OK with *run ready, or the
// failure reported.
aturan_status Prepare(const aturan_rules* rules, const char* list_path, const char* output_path,
                      const aturan_list_options* options, ListRun* run, char** error) {
  if (rules == nullptr) return NullArgument("rules", error);
  if (list_path == nullptr) return NullArgument("list_path", error);
  if (output_path == nullptr) return NullArgument("output_path", error);
  const aturan_list_options defaults{};
  const aturan_list_options& o = options != nullptr ? *options : defaults;
  const std::string_view format = Option(o.output_format, "");
  if (format == "csv" || format == "jsonl") {
    run->pipeline.format = format == "csv" ? internal::DecisionFormat::kCsv : internal::DecisionFormat::kJsonLines;
  } else if (format.empty()) {
    run->pipeline.format = internal::DecisionFormatFor(output_path);
  } else {
    return Fail(ATURAN_ERROR_INVALID_ARGUMENT, StrCat("output format '", format, "': expected csv or jsonl"), error);
  }
  if (o.threads < 0) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, "threads must be 0 (one per core) or more", error);
  run->pipeline.threads = o.threads;
  const absl::StatusOr<int> group_slot = internal::SummaryGroupSlot(rules->rules, Option(o.group_by, ""));
  if (!group_slot.ok()) {
    return Fail(ATURAN_ERROR_INVALID_ARGUMENT, StrCat("group_by ", group_slot.status().message()), error);
  }
  run->pipeline.group_slot = *group_slot;

  ListOptions list_options;
  for (const char* const* column = o.columns; column != nullptr && *column != nullptr; ++column) {
    absl::StatusOr<ColumnRename> rename = internal::ParseColumnRename(*column);
    if (!rename.ok()) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, StrCat("columns ", rename.status().message()), error);
    list_options.columns.push_back(*std::move(rename));
  }
  for (const char* const* value = o.values; value != nullptr && *value != nullptr; ++value) {
    absl::StatusOr<ValueRename> rename = internal::ParseValueRename(*value);
    if (!rename.ok()) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, StrCat("values ", rename.status().message()), error);
    list_options.values.push_back(*std::move(rename));
  }
  run->max_invalid = Option(o.max_invalid, "");
  const absl::StatusOr<internal::InvalidLimit> limit = internal::ParseInvalidLimit(run->max_invalid);
  if (!limit.ok()) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, StrCat("max_invalid ", limit.status().message()), error);
  run->invalid_limit = *limit;

  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> reader =
      internal::RawChunkReader::Open(rules->rules, list_path, {}, list_options);
  if (!reader.ok()) return Fail(ATURAN_ERROR_LIST, StrCat(list_path, ": ", reader.status().message()), error);
  run->reader = *std::move(reader);
  run->output_path = output_path;
  run->rejects_path = o.rejects_path != nullptr ? o.rejects_path : internal::DefaultRejectsPath(output_path);
  for (const std::string& written : {std::string(output_path), run->rejects_path}) {
    for (const char* read : {list_path, o.areas_path}) {
      if (read == nullptr || !internal::OverwritesInput(written, read)) continue;
      return Fail(ATURAN_ERROR_OUTPUT,
                  StrCat("cannot write ", written, ": it is ", read, ", which is read too; writing it would destroy it"),
                  error);
    }
  }
  run->output.reset(internal::OpenDirectOutput(output_path));
  if (run->output == nullptr) {
    return Fail(ATURAN_ERROR_OUTPUT, StrCat("cannot write ", output_path, ": ", std::strerror(errno)), error);
  }
  if (internal::OverwritesInput(run->rejects_path, output_path)) {  // two streams over one file
    return Fail(ATURAN_ERROR_OUTPUT, StrCat("cannot write ", run->rejects_path, ": it is the output file too"), error);
  }
  if (!run->rejects_path.empty()) {
    run->rejects.reset(internal::OpenDirectOutput(run->rejects_path));
    if (run->rejects == nullptr) {
      return Fail(ATURAN_ERROR_OUTPUT, StrCat("cannot write ", run->rejects_path, ": ", std::strerror(errno)), error);
    }
  }
  return ATURAN_OK;
}

// Reports the failure of a pipeline run: a write error (the output or rejects file has its
// error flag set) or else a read error of the list.
aturan_status RunFailed(const ListRun& run, const absl::Status& status, const char* list_path, char** error) {
  if (std::ferror(run.output.get()) || (run.rejects != nullptr && std::ferror(run.rejects.get()))) {
    return Fail(ATURAN_ERROR_OUTPUT, StrCat(run.output_path, ": ", status.message()), error);
  }
  return Fail(ATURAN_ERROR_LIST, StrCat(list_path, ": ", status.message()), error);
}

// Closes the output files, reporting a failure to flush them.
aturan_status CloseOutputs(ListRun* run, char** error) {
  const bool output_closed = std::fclose(run->output.release()) == 0;
  const bool rejects_closed = run->rejects == nullptr || std::fclose(run->rejects.release()) == 0;
  if (output_closed && rejects_closed) return ATURAN_OK;
  return Fail(ATURAN_ERROR_OUTPUT,
              StrCat("cannot write ", output_closed ? run->rejects_path : run->output_path, ": ", std::strerror(errno)),
              error);
}

// Hands `json` to the caller in *summary_json (when asked for).
void ReturnSummary(const std::string& json, char** summary_json) {
  if (summary_json == nullptr) return;
  *summary_json = CopyString(json);
  if (*summary_json == nullptr) throw std::bad_alloc();
}

// ATURAN_OK, or ATURAN_ERROR_TOO_MANY_INVALID when `summary` counts more invalid rows than the
// run's max_invalid allows.
aturan_status CheckInvalidLimit(const ListRun& run, const internal::EvalSummary& summary, char** error) {
  const uint64_t invalid = summary.by_status[static_cast<size_t>(Status::kInvalid)];
  if (!run.invalid_limit.Exceeded(invalid, summary.rows)) return ATURAN_OK;
  return Fail(ATURAN_ERROR_TOO_MANY_INVALID,
              StrCat(invalid, " of ", summary.rows, " rows are invalid, more than max_invalid ", run.max_invalid,
                     " allows"),
              error);
}

// The area table of options->areas_path (empty when none is given): ATURAN_OK or the failure.
aturan_status ReadAreas(const RuleSet& rules, const aturan_list_options* options, std::optional<AreaTable>* areas,
                        char** error) {
  if (options == nullptr || options->areas_path == nullptr) return ATURAN_OK;
  const int area_slot = internal::QuotaAreaSlot(rules);
  if (area_slot < 0) {
    return Fail(ATURAN_ERROR_INVALID_ARGUMENT,
                StrCat("areas_path ", options->areas_path,
                       ": the rule file's quota does not share seats over areas ('by:')"),
                error);
  }
  absl::StatusOr<AreaTable> table = ReadAreaTable(rules, area_slot, options->areas_path);
  if (!table.ok()) return Fail(ATURAN_ERROR_LIST, FromAbsl(table.status().message()), error);
  *areas = *std::move(table);
  return ATURAN_OK;
}

}  // namespace
}  // namespace aturan::capi

using aturan::capi::Fail;
using aturan::capi::Guarded;

extern "C" {

aturan_status aturan_eval_list(const aturan_rules* rules, const char* list_path, const char* output_path,
                               const aturan_list_options* options, char** summary_json, char** error) {
  return Guarded(error, [&] {
    if (summary_json != nullptr) *summary_json = nullptr;
    aturan::capi::ListRun run;
    if (const aturan_status s = aturan::capi::Prepare(rules, list_path, output_path, options, &run, error);
        s != ATURAN_OK) {
      return s;
    }
    const absl::StatusOr<aturan::internal::EvalSummary> summary =
        aturan::internal::RunEvalPipeline(*run.reader, run.pipeline, run.output.get(), run.rejects.get());
    if (!summary.ok()) return aturan::capi::RunFailed(run, summary.status(), list_path, error);
    if (const aturan_status s = aturan::capi::CloseOutputs(&run, error); s != ATURAN_OK) return s;
    aturan::capi::ReturnSummary(aturan::internal::EvalSummaryJson(rules->rules, *summary, run.reader->warnings()),
                                summary_json);
    return aturan::capi::CheckInvalidLimit(run, *summary, error);
  });
}

aturan_status aturan_allocate_list(const aturan_rules* rules, const char* list_path, const char* output_path,
                                   const aturan_list_options* options, char** summary_json, char** error) {
  return Guarded(error, [&] {
    if (summary_json != nullptr) *summary_json = nullptr;
    if (rules != nullptr && !rules->rules.quota().present()) {
      return Fail(ATURAN_ERROR_NO_QUOTA,
                  aturan::StrCat(rules->rules.regulation_id(),
                                 " has no quota section, so every eligible candidate is covered; use aturan_eval_list"),
                  error);
    }
    std::optional<aturan::AreaTable> areas;
    if (rules != nullptr) {
      if (const aturan_status s = aturan::capi::ReadAreas(rules->rules, options, &areas, error); s != ATURAN_OK) {
        return s;
      }
    }
    aturan::capi::ListRun run;
    if (const aturan_status s = aturan::capi::Prepare(rules, list_path, output_path, options, &run, error);
        s != ATURAN_OK) {
      return s;
    }
    const auto start = std::chrono::steady_clock::now();
    aturan::internal::ListAllocation list(rules->rules, areas ? &*areas : nullptr, run.pipeline.group_slot,
                                          run.pipeline.format);
    list.Attach(&run.pipeline);
    const absl::StatusOr<aturan::internal::EvalSummary> summary =
        aturan::internal::RunEvalPipeline(*run.reader, run.pipeline, nullptr, run.rejects.get());
    if (!summary.ok()) return aturan::capi::RunFailed(run, summary.status(), list_path, error);
    const absl::StatusOr<aturan::Allocation> allocation = list.Finish();
    if (!allocation.ok()) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, aturan::FromAbsl(allocation.status().message()), error);
    if (const absl::Status written = list.writer().Write(*allocation, run.output.get()); !written.ok()) {
      return Fail(ATURAN_ERROR_OUTPUT, aturan::StrCat(output_path, ": ", written.message()), error);
    }
    if (const aturan_status s = aturan::capi::CloseOutputs(&run, error); s != ATURAN_OK) return s;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    aturan::capi::ReturnSummary(aturan::internal::AllocationSummaryJson(rules->rules, *allocation,
                                                                        run.pipeline.group_slot, summary->rows, seconds),
                                summary_json);
    return aturan::capi::CheckInvalidLimit(run, *summary, error);
  });
}

}  // extern "C"
