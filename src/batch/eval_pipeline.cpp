#include "batch/eval_pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "aturan/batch.hpp"
#include "aturan/large_allocator.hpp"
#include "base/huge_page_text.hpp"
#include "base/strings.hpp"
#include "table/row_converter.hpp"

namespace aturan::internal {

namespace {

// One chunk on its way through the pipeline.
struct Job {
  explicit Job(const RuleSet& rules) : table(rules) {}
  RawChunk raw;
  CandidateTable table;
  LargeVector<Decision> decisions;  // reused chunk after chunk, in huge pages where there are
  std::string decision_text;
  std::string rejects_text;
  EvalSummary summary;
  uint64_t sequence = 0;
  uint64_t bytes_after = 0;  // input bytes read once this chunk was
};

// The queues between the stages, under one lock.
struct Queues {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Job*> free;
  std::deque<Job*> work;
  std::map<uint64_t, Job*> done;
  bool reading_finished = false;
  uint64_t chunks = 0;  // set when reading_finished
  bool stop = false;    // the writer failed: everyone winds down
};

bool WriteAll(const std::string& text, std::FILE* file) {
  return text.empty() || std::fwrite(text.data(), 1, text.size(), file) == text.size();
}

}  // namespace

absl::StatusOr<EvalSummary> RunEvalPipeline(RawChunkReader& reader, const EvalPipelineOptions& options,
                                            std::FILE* decisions, std::FILE* rejects) {
  const RuleSet& rules = reader.rules();
  const RowConverter converter(rules, reader.mapping());
  const DecisionFormatter formatter(rules, options.format);
  const size_t workers = options.threads > 0 ? static_cast<size_t>(options.threads)
                                             : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Job>> jobs;
  Queues q;
  // One chunk per worker, one being read and one being written. More chunks in flight keep
  // more memory: a chunk's buffers are about 16 MB, and on a VM where fresh memory costs
  // about 1 ms per MB to touch, two more per worker made a 1M-row eval about 10% slower.
  for (size_t i = 0; i < workers + 2; ++i) {
    jobs.push_back(std::make_unique<Job>(rules));
    q.free.push_back(jobs.back().get());
  }

  std::string header;
  formatter.AppendHeader(&header);
  std::string rejects_header;
  DecisionFormatter::AppendRejectsHeader(&rejects_header);
  bool write_failed = (decisions != nullptr && !WriteAll(header, decisions)) ||
                      (rejects != nullptr && !WriteAll(rejects_header, rejects));

  if (options.on_start) options.on_start(reader.expected_rows());
  std::vector<std::jthread> threads;
  threads.emplace_back([&] {
    for (uint64_t sequence = 0;; ++sequence) {
      Job* job = nullptr;
      {
        std::unique_lock lock(q.mutex);
        q.changed.wait(lock, [&] { return q.stop || !q.free.empty(); });
        if (q.stop) {
          q.reading_finished = true;
          q.chunks = sequence;
          q.changed.notify_all();
          return;
        }
        job = q.free.back();
        q.free.pop_back();
      }
      const bool more = reader.Next(&job->raw);
      job->sequence = sequence;
      job->bytes_after = reader.bytes_read();
      std::lock_guard lock(q.mutex);
      if (!more) {
        q.free.push_back(job);
        q.reading_finished = true;
        q.chunks = sequence;
        q.changed.notify_all();
        return;
      }
      q.work.push_back(job);
      q.changed.notify_all();
    }
  });
  for (size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      for (;;) {
        Job* job = nullptr;
        {
          std::unique_lock lock(q.mutex);
          q.changed.wait(lock, [&] { return !q.work.empty() || q.reading_finished; });
          if (q.work.empty()) return;
          job = q.work.front();
          q.work.pop_front();
        }
        job->table.Clear();
        converter.Convert(job->raw, &job->table);
        const size_t rows = job->table.size();
        job->decisions.resize(rows);
        EvaluateRows(job->table, 0, rows, job->decisions);
        job->decision_text.clear();
        job->rejects_text.clear();
        // A decision line is longer than its input row (the reasons); room for twice the
        // input in huge pages makes the text's first fill cheap and later ones free.
        if (decisions != nullptr) ReserveInHugePages(&job->decision_text, 2 * job->raw.bytes.size());
        job->summary = EvalSummary::For(rules, options.group_slot);
        for (size_t row = 0; row < rows; ++row) {
          if (decisions != nullptr) formatter.AppendRow(job->table, row, job->decisions[row], &job->decision_text);
          if (rejects != nullptr) DecisionFormatter::AppendRejects(job->table, row, &job->rejects_text);
          job->summary.Add(job->table, row, job->decisions[row]);
        }
        if (options.on_decided) options.on_decided(job->sequence, job->table, job->decisions);
        std::lock_guard lock(q.mutex);
        q.done.emplace(job->sequence, job);
        q.changed.notify_all();
      }
    });
  }

  EvalSummary summary = EvalSummary::For(rules, options.group_slot);
  for (uint64_t next = 0;; ++next) {
    Job* job = nullptr;
    {
      std::unique_lock lock(q.mutex);
      q.changed.wait(lock, [&] { return q.done.contains(next) || (q.reading_finished && next >= q.chunks); });
      if (!q.done.contains(next)) break;
      job = q.done.extract(next).mapped();
    }
    if (!write_failed) {
      write_failed = (decisions != nullptr && !WriteAll(job->decision_text, decisions)) ||
                     (rejects != nullptr && !WriteAll(job->rejects_text, rejects));
      summary.Merge(job->summary);
      if (options.on_chunk) options.on_chunk(job->table, job->decisions);
      if (options.progress) options.progress(summary.rows, job->bytes_after);
    }
    std::lock_guard lock(q.mutex);
    q.free.push_back(job);
    if (write_failed) q.stop = true;
    q.changed.notify_all();
  }
  threads.clear();  // joins
  if (write_failed || (decisions != nullptr && std::fflush(decisions) != 0) ||
      (rejects != nullptr && std::fflush(rejects) != 0)) {
    return absl::ErrnoToStatus(errno, "cannot write the output");
  }
  if (!reader.status().ok()) return reader.status();
  return summary;
}

}  // namespace aturan::internal
