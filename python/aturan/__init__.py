"""aturan for Python: load a rule file, decide and explain candidates, evaluate and allocate
candidate lists, and compare a revision with the rules in force, all with the same decisions
as the `aturan` command line. Results are plain Python objects (dict, list, str, float)."""

import csv
import io
import json

from ._aturan import Rules as _Rules
from ._aturan import __version__
from ._aturan import compare_json as _compare_json

__all__ = ["Rules", "load", "compare", "__version__"]


class Rules(_Rules):
    """A compiled rule file (see load()). Thread-safe; decide as many candidates as you like."""

    def evaluate_list(self, list_path, output_path, columns=None, values=None, max_invalid=None):
        """As `aturan eval LIST -o OUTPUT`: decides every row of the list file (CSV or JSON Lines)
        into output_path (JSON Lines when it ends in .jsonl, else CSV; rejects beside it, e.g.
        out.rejects.csv) and returns the run's summary as a dict. columns maps a list's column
        name to the schema field it holds ({"Tgl Lahir": "tanggal_lahir"}, CLI --column); values
        maps a field to the texts read as others ({"jenis_kelamin": {"1": "L", "2": "P"}}, CLI
        --value); max_invalid is the most invalid rows allowed, a count (100) or a share ("0.5%"),
        as CLI --max-invalid. Raises ValueError on failure, or after writing the files when more
        rows are invalid than max_invalid allows."""
        return json.loads(self.evaluate_list_json(str(list_path), str(output_path),
                                                  *_list_settings(columns, values, max_invalid)))

    def allocate_list(self, list_path, output_path, areas=None, columns=None, values=None, max_invalid=None):
        """As `aturan allocate LIST -o OUTPUT [--areas AREAS]`: decides the list, gives out the
        quota's seats into output_path and returns the allocation summary as a dict. columns,
        values and max_invalid as for evaluate_list. Raises ValueError on failure, when more rows
        are invalid than max_invalid allows, or when the rule file has no quota section."""
        return json.loads(self.allocate_list_json(str(list_path), str(output_path),
                                                  None if areas is None else str(areas),
                                                  *_list_settings(columns, values, max_invalid)))

    def evaluate_columns(self, columns):
        """As evaluate_list, for candidates held in memory: columns maps field name -> a sequence
        of values (one per candidate, all the same length; str as lists write it, int, float,
        bool, None for missing), e.g. a pandas DataFrame's dict(df.items()). Rows are checked
        as a list's rows are (required fields, NIK, duplicate keys). Returns {"decisions": one
        dict per row as `aturan eval` writes JSON Lines (row, nik, status, failed, reasons,
        score), "rejects": one dict per row problem as in the rejects CSV, "summary": the
        summary dict}. Raises ValueError on failure."""
        return self._run_columns(columns, allocate=False)

    def allocate_columns(self, columns):
        """As allocate_list, for candidates held in memory (columns as for evaluate_columns).
        Returns {"decisions": one dict per row as `aturan allocate` writes JSON Lines (row, nik,
        status, pool, area, rank, score, failed, reasons), "rejects": [...], "summary": the
        allocation summary dict}. Raises ValueError on failure or when there is no quota."""
        return self._run_columns(columns, allocate=True)

    def _run_columns(self, columns, allocate):
        names = list(columns)
        values = [list(columns[name]) for name in names]
        lengths = {len(v) for v in values}
        if len(lengths) > 1:
            raise ValueError("columns differ in length: " + ", ".join(
                f"{name}={len(v)}" for name, v in zip(names, values)))
        lines = "".join(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n" for row in zip(*values))
        decisions, rejects, summary = self.run_jsonl(lines, allocate)
        return {
            "decisions": [json.loads(line) for line in decisions.decode("utf-8").splitlines()],
            "rejects": list(csv.DictReader(io.StringIO(rejects.decode("utf-8")))),
            "summary": json.loads(summary),
        }


def _list_settings(columns, values, max_invalid):
    """The CLI spellings of a list run's renames and limit: (["COLUMN=field", ...],
    ["field:FROM=TO", ...], "N" or "P%" or "")."""
    column_texts = [f"{column}={field}" for column, field in (columns or {}).items()]
    value_texts = [f"{field}:{old}={new}" for field, renames in (values or {}).items()
                   for old, new in renames.items()]
    return column_texts, value_texts, "" if max_invalid is None else str(max_invalid)


def load(path):
    """Loads and compiles the rule file at path. Raises ValueError listing every error as
    file:line:column: message; warnings are in the result's .warnings."""
    return Rules(str(path))


def compare(old_path, new_path, list_path):
    """As `aturan diff --json OLD NEW LIST`: what changes from the rule file in force (old_path)
    to the revision (new_path), rule by rule and over the candidate list, as the parsed
    aturan-diff/1 object (docs/diff.md). Raises ValueError on rule or list errors."""
    return json.loads(_compare_json(str(old_path), str(new_path), str(list_path)))
