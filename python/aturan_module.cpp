// python/aturan_module.cpp — the Python module `aturan._aturan` (pybind11): a rule file loaded
// once, candidates given as dicts decided and explained, list files evaluated and allocated
// through the C API's list runs (the same library pipeline and defaults as `aturan eval` and
// `aturan allocate`), lists held in memory (memory_list.hpp), and the revision comparison of
// `aturan diff --json`. Summaries and the comparison are returned as JSON text;
// python/aturan/__init__.py parses them.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aturan/aturan.h"
#include "aturan/comparison.hpp"
#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "capi/handles.hpp"
#include "memory_list.hpp"

namespace py = pybind11;

namespace aturan::python {
namespace {

// Text the C API allocated, freed with aturan_string_free.
struct CString {
  char* text = nullptr;
  ~CString() { aturan_string_free(text); }
  std::string str() const { return text != nullptr ? std::string(text) : std::string(); }
};

struct RulesFree {
  void operator()(aturan_rules* rules) const { aturan_rules_free(rules); }
};

// Raises ValueError with the C API's message unless `status` is ATURAN_OK.
void Check(aturan_status status, const CString& error) {
  if (status != ATURAN_OK) throw py::value_error(error.str());
}

// A loaded rule file, shared by the Python object and any list run in progress.
class Rules {
 public:
  // Loads `path`; ValueError with every diagnostic (file:line:column) when it has errors.
  explicit Rules(const std::string& path) {
    aturan_rules* loaded = nullptr;
    CString error;
    Check(aturan_rules_load_file(path.c_str(), nullptr, &loaded, &error.text), error);
    handle_.reset(loaded);
  }

  const RuleSet& rules() const { return handle_->rules; }
  const std::string& warnings() const { return handle_->warnings; }

  // A Record holding `candidate`'s values: str parsed as lists write it, bool, int, float as
  // typed values, None as missing. ValueError for a key that is not a field or a value that
  // does not fit its field; a code outside its list is kept, so the candidate decides invalid.
  Record ToRecord(const py::dict& candidate) const {
    Record record(rules());
    for (const auto& [key, value] : candidate) {
      const std::string name = py::cast<std::string>(py::str(key));
      if (rules().FieldSlot(name) < 0) throw py::value_error("'" + name + "' is not a field of the rule file");
      absl::Status status;
      if (value.is_none()) {
        status = record.Clear(name);
      } else if (py::isinstance<py::bool_>(value)) {
        status = record.SetValue(name, Value::Bool(py::cast<bool>(value)));
      } else if (py::isinstance<py::int_>(value)) {
        status = record.SetValue(name, Value::Int(py::cast<int64_t>(value)));
      } else if (py::isinstance<py::float_>(value)) {
        status = record.SetValue(name, Value::Decimal(py::cast<double>(value)));
      } else if (py::isinstance<py::str>(value)) {
        status = record.Set(name, py::cast<std::string>(value));
      } else {
        throw py::type_error("field '" + name + "': expected str, int, float, bool or None");
      }
      if (!status.ok() && !absl::IsOutOfRange(status)) throw py::value_error(std::string(status.message()));
    }
    return record;
  }

  // The decision about `candidate` as a dict (see the docstring of Rules.evaluate).
  py::dict Evaluate(const py::dict& candidate) const {
    const Record record = ToRecord(candidate);
    const Decision decision = record.Evaluate();
    py::list failed;
    py::list unknown;
    for (size_t i = 0; i < rules().rules().size(); ++i) {
      const Outcome outcome = decision.outcome(static_cast<int>(i));
      if (outcome != Outcome::kPass) failed.append(rules().rules()[i].id);
      if (outcome == Outcome::kUnknown) unknown.append(rules().rules()[i].id);
    }
    py::dict out;
    out["status"] = StatusName(decision.status);
    out["failed"] = failed;
    out["unknown"] = unknown;
    out["score"] = decision.score;
    out["invalid_field"] = decision.invalid_slot >= 0
                               ? py::object(py::str(rules().fields()[static_cast<size_t>(decision.invalid_slot)].name))
                               : py::object(py::none());
    return out;
  }

  // The readable Indonesian report of `candidate`'s decision (`aturan explain`).
  std::string Explain(const py::dict& candidate) const { return ToRecord(candidate).Explain().ToText(); }

  // What a list run reads besides its files, in the CLI's spellings: --column COLUMN=field,
  // --value field:FROM=TO, --max-invalid N|P% (empty: no limit).
  struct ListSettings {
    std::vector<std::string> columns;
    std::vector<std::string> values;
    std::string max_invalid;
  };

  // Runs `aturan eval` over `list_path` into `output_path`; the summary as JSON text.
  std::string EvaluateList(const std::string& list_path, const std::string& output_path,
                           const ListSettings& settings) const {
    return RunList(aturan_eval_list, list_path, output_path, std::nullopt, settings);
  }

  // Runs `aturan allocate` over `list_path` into `output_path` (with an area table when
  // `areas` is given); the summary as JSON text.
  std::string AllocateList(const std::string& list_path, const std::string& output_path,
                           const std::optional<std::string>& areas, const ListSettings& settings) const {
    return RunList(aturan_allocate_list, list_path, output_path, areas, settings);
  }

  // Runs `aturan eval` (allocate: `aturan allocate`) over candidates given as JSON Lines
  // text; (decisions as JSON Lines, rejects as CSV, summary as JSON).
  py::tuple RunJsonLines(std::string jsonl, bool allocate) const {
    absl::StatusOr<MemoryRun> run;
    {
      py::gil_scoped_release release;
      run = allocate ? AllocateJsonLines(rules(), jsonl) : EvaluateJsonLines(rules(), jsonl);
    }
    if (!run.ok()) throw py::value_error(std::string(run.status().message()));
    return py::make_tuple(py::bytes(run->decisions), py::bytes(run->rejects), py::bytes(run->summary_json));
  }

 private:
  using ListRun = aturan_status (*)(const aturan_rules*, const char*, const char*, const aturan_list_options*,
                                    char**, char**);

  // Calls the C API's list run `run` with the GIL released; its summary, or ValueError.
  std::string RunList(ListRun run, const std::string& list_path, const std::string& output_path,
                      const std::optional<std::string>& areas, const ListSettings& settings) const {
    aturan_list_options options{};
    if (areas) options.areas_path = areas->c_str();
    const std::vector<const char*> columns = NullTerminated(settings.columns);
    const std::vector<const char*> values = NullTerminated(settings.values);
    options.columns = columns.data();
    options.values = values.data();
    options.max_invalid = settings.max_invalid.c_str();
    CString summary;
    CString error;
    aturan_status status;
    {
      py::gil_scoped_release release;
      status = run(handle_.get(), list_path.c_str(), output_path.c_str(), &options, &summary.text, &error.text);
    }
    Check(status, error);
    return summary.str();
  }

  // The C strings of `texts`, then NULL, as aturan_list_options wants them.
  static std::vector<const char*> NullTerminated(const std::vector<std::string>& texts) {
    std::vector<const char*> out;
    for (const std::string& text : texts) out.push_back(text.c_str());
    out.push_back(nullptr);
    return out;
  }

  std::shared_ptr<aturan_rules> handle_{nullptr, RulesFree{}};
};

// `aturan diff --json old new list`: the aturan-diff/1 JSON text. ValueError when a rule file
// has errors or the list cannot be compared.
std::string Compare(const std::string& old_path, const std::string& new_path, const std::string& list_path) {
  const Rules old_rules(old_path);
  const Rules new_rules(new_path);
  Comparison comparison;
  comparison.old_file = old_path;
  comparison.new_file = new_path;
  comparison.list_file = list_path;
  comparison.rules = CompareRules(old_rules.rules(), new_rules.rules());
  absl::StatusOr<ListEffect> effect;
  {
    py::gil_scoped_release release;
    effect = CompareOnList(old_rules.rules(), new_rules.rules(), list_path);
  }
  if (!effect.ok()) throw py::value_error(std::string(effect.status().message()));
  comparison.list = *std::move(effect);
  return ComparisonJson(comparison);
}

}  // namespace
}  // namespace aturan::python

PYBIND11_MODULE(_aturan, m) {
  using aturan::python::Rules;
  m.doc() = "aturan's engine; use the `aturan` package, which wraps this module.";
  m.attr("__version__") = aturan_version();

  py::class_<Rules>(m, "Rules", "A compiled rule file: load once, decide many candidates. Thread-safe.")
      .def(py::init<const std::string&>(), py::arg("path"),
           "Loads and compiles the rule file at `path`. Raises ValueError whose text lists every\n"
           "diagnostic as file:line:column: message.")
      .def_property_readonly(
          "regulation_id", [](const Rules& r) { return r.rules().regulation_id(); }, "regulation.id of the rule file.")
      .def_property_readonly(
          "warnings", [](const Rules& r) { return r.warnings(); },
          "The warnings loading gave, one per line as file:line:column: message ('' when none).")
      .def_property_readonly(
          "rule_ids",
          [](const Rules& r) {
            py::list ids;
            for (const aturan::RuleInfo& rule : r.rules().rules()) ids.append(rule.id);
            return ids;
          },
          "The eligibility rules' ids in file order.")
      .def_property_readonly(
          "field_names",
          [](const Rules& r) {
            py::list names;
            for (const aturan::FieldInfo& field : r.rules().fields()) names.append(field.name);
            return names;
          },
          "The schema's field names in file order.")
      .def("evaluate", &Rules::Evaluate, py::arg("candidate"),
           "Decides one candidate given as a dict field -> value (str as lists write it, int,\n"
           "float, bool; None or an absent key: missing). Returns {'status': 'eligible' |\n"
           "'ineligible' | 'invalid', 'failed': [rule ids not passing], 'unknown': [the subset\n"
           "undecided for missing data], 'score': float, 'invalid_field': str or None}.\n"
           "Raises ValueError for a key that is not a field or a value that does not fit.")
      .def("explain", &Rules::Explain, py::arg("candidate"),
           "Every rule's outcome with the inputs it read, as the readable Indonesian text of\n"
           "`aturan explain`. The candidate as for evaluate().")
      .def(
          "evaluate_list_json",
          [](const Rules& r, const std::string& list_path, const std::string& output_path,
             std::vector<std::string> columns, std::vector<std::string> values, std::string max_invalid) {
            return r.EvaluateList(list_path, output_path,
                                  {std::move(columns), std::move(values), std::move(max_invalid)});
          },
          py::arg("list_path"), py::arg("output_path"), py::arg("columns") = std::vector<std::string>(),
          py::arg("values") = std::vector<std::string>(), py::arg("max_invalid") = "",
          "As `aturan eval`: decides every row of the list file into `output_path` (JSON Lines\n"
          "when it ends in .jsonl, else CSV; rejects beside it) and returns the summary as JSON\n"
          "text. `columns`, `values` and `max_invalid` as the CLI's --column ('COLUMN=field'),\n"
          "--value ('field:FROM=TO') and --max-invalid ('100' or '0.5%'). Releases the GIL while\n"
          "it runs. Raises ValueError when the run fails or has more invalid rows than allowed.")
      .def(
          "allocate_list_json",
          [](const Rules& r, const std::string& list_path, const std::string& output_path,
             const std::optional<std::string>& areas, std::vector<std::string> columns,
             std::vector<std::string> values, std::string max_invalid) {
            return r.AllocateList(list_path, output_path, areas,
                                  {std::move(columns), std::move(values), std::move(max_invalid)});
          },
          py::arg("list_path"), py::arg("output_path"), py::arg("areas") = py::none(),
          py::arg("columns") = std::vector<std::string>(), py::arg("values") = std::vector<std::string>(),
          py::arg("max_invalid") = "",
          "As `aturan allocate`: decides the list and gives out the quota's seats into\n"
          "`output_path`, with the area table `areas` when given; returns the summary as JSON\n"
          "text. `columns`, `values` and `max_invalid` as for evaluate_list_json. Releases the\n"
          "GIL while it runs. Raises ValueError when the run fails, has more invalid rows than\n"
          "allowed, or the rule file has no quota.")
      .def("run_jsonl", &Rules::RunJsonLines, py::arg("jsonl"), py::arg("allocate"),
           "Runs `aturan eval` (allocate=True: `aturan allocate`) over candidates given as JSON\n"
           "Lines text, one object per line. Returns (decisions as JSON Lines, rejects as CSV,\n"
           "summary as JSON), each as UTF-8 bytes. Releases the GIL while it runs. Raises\n"
           "ValueError when the run fails or, to allocate, the rule file has no quota.");

  m.def("compare_json", &aturan::python::Compare, py::arg("old_path"), py::arg("new_path"), py::arg("list_path"),
        "As `aturan diff --json old new list`: the aturan-diff/1 JSON text (docs/diff.md).\n"
        "Releases the GIL while it reads the list. Raises ValueError on rule or list errors.");
}
