"""The Python module decides as the CLI does: run with PYTHONPATH at the built module and
ATURAN_CLI (the built `aturan`) and ATURAN_SOURCE_DIR (the source tree) in the environment."""

import csv
import glob
import json
import os
import subprocess
import tempfile
import threading
import unittest

import aturan

SOURCE = os.environ["ATURAN_SOURCE_DIR"]
CLI = os.environ["ATURAN_CLI"]
RULES = sorted(p for p in glob.glob(os.path.join(SOURCE, "rules", "*.yaml")) if not p.endswith(".test.yaml"))
CANDIDATES = sorted(glob.glob(os.path.join(SOURCE, "examples", "candidates", "*.json")))
PEKALONGAN_2022 = os.path.join(SOURCE, "rules", "pekalongan-2022.yaml")
PEKALONGAN_2023 = os.path.join(SOURCE, "rules", "pekalongan-2023-revisi.yaml")
SAMPLE_LIST = os.path.join(SOURCE, "examples", "lists", "pekalongan-sample.csv")


def cli(*args):
    """Runs the CLI; its standard output (it must succeed)."""
    return subprocess.run([CLI, *args], check=True, capture_output=True, text=True).stdout


def candidate(path, rules):
    """The sample candidate at `path`, keeping only the rule file's fields: the CLI ignores the
    other keys (with a warning), the module refuses them."""
    with open(path, encoding="utf-8") as f:
        record = json.load(f)
    return {k: v for k, v in record.items() if k in rules.field_names}


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class LoadTest(unittest.TestCase):
    def test_loads_every_shipped_rule_file(self):
        for path in RULES:
            with self.subTest(rules=os.path.basename(path)):
                rules = aturan.load(path)
                self.assertTrue(rules.regulation_id)
                self.assertTrue(rules.rule_ids)

    def test_bad_rule_file_raises_with_file_line_column(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.yaml")
            with open(PEKALONGAN_2022, encoding="utf-8") as f:
                text = f.read()
            # an expression that does not parse, in the first eligibility rule's `when`
            start = text.index("when:", text.index("\neligibility:"))
            with open(bad, "w", encoding="utf-8") as f:
                f.write(text[:start] + "when: usia >=\n" + text[text.index("\n", start) + 1:])
            line = text[:start].count("\n") + 1
            with self.assertRaises(ValueError) as raised:
                aturan.load(bad)
            self.assertRegex(str(raised.exception), rf"bad\.yaml:{line}:\d+: ")

    def test_missing_file_raises(self):
        with self.assertRaises(ValueError):
            aturan.load(os.path.join(SOURCE, "rules", "no-such-file.yaml"))


class EvaluateTest(unittest.TestCase):
    def test_decisions_equal_cli_explain_json(self):
        for rules_path in RULES:
            rules = aturan.load(rules_path)
            for path in CANDIDATES:
                with self.subTest(rules=os.path.basename(rules_path), candidate=os.path.basename(path)):
                    expected = json.loads(cli("explain", "--format", "json", "--record", path, rules_path))
                    got = rules.evaluate(candidate(path, rules))
                    self.assertEqual(got["status"], expected["status"])
                    if expected["status"] == "invalid":
                        self.assertEqual(got["invalid_field"], expected["invalid_field"])
                        continue
                    self.assertIsNone(got["invalid_field"])
                    self.assertEqual(got["failed"], expected["failed_rules"])
                    self.assertEqual(got["unknown"], [r["id"] for r in expected["rules"] if r["outcome"] == "unknown"])
                    self.assertEqual(got["score"], expected["score"])

    def test_explain_equals_cli_text(self):
        rules = aturan.load(PEKALONGAN_2023)
        for path in CANDIDATES:
            with self.subTest(candidate=os.path.basename(path)):
                self.assertEqual(rules.explain(candidate(path, rules)), cli("explain", "--record", path, PEKALONGAN_2023))

    def test_values_as_typed_text_or_missing(self):
        rules = aturan.load(PEKALONGAN_2022)
        with open(os.path.join(SOURCE, "examples", "candidates", "ojek-usia-65.json"), encoding="utf-8") as f:
            typed = json.load(f)
        as_text = {k: ("ya" if v is True else "tidak" if v is False else str(v)) for k, v in typed.items()}
        self.assertEqual(rules.evaluate(as_text), rules.evaluate(typed))
        missing = dict(typed, tanggal_lahir=None)
        self.assertEqual(rules.evaluate(missing), rules.evaluate({k: v for k, v in typed.items() if k != "tanggal_lahir"}))

    def test_code_outside_its_list_decides_invalid(self):
        rules = aturan.load(PEKALONGAN_2022)
        got = rules.evaluate({"pekerjaan": "astronot"})
        self.assertEqual(got["status"], "invalid")
        self.assertIsInstance(got["invalid_field"], str)

    def test_unknown_field_and_unfit_value_raise(self):
        rules = aturan.load(PEKALONGAN_2022)
        with self.assertRaisesRegex(ValueError, "'gaji' is not a field"):
            rules.evaluate({"gaji": 1})
        with self.assertRaises(ValueError):
            rules.evaluate({"tanggal_lahir": "kemarin"})
        with self.assertRaises(TypeError):
            rules.evaluate({"nama": ["a", "b"]})


class ListTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def out(self, name):
        return os.path.join(self.tmp.name, name)

    def test_evaluate_list_equals_cli_eval_byte_for_byte(self):
        for output in ("decisions.csv", "decisions.jsonl"):
            with self.subTest(output=output):
                summary = aturan.load(PEKALONGAN_2022).evaluate_list(SAMPLE_LIST, self.out("py-" + output))
                cli("eval", PEKALONGAN_2022, SAMPLE_LIST, "-o", self.out("cli-" + output))
                self.assertEqual(read_bytes(self.out("py-" + output)), read_bytes(self.out("cli-" + output)))
                rejects = output.rsplit(".", 1)[0] + ".rejects.csv"
                self.assertEqual(read_bytes(self.out("py-" + rejects)), read_bytes(self.out("cli-" + rejects)))
                self.assertEqual(summary["rows"], 500)
                self.assertEqual(summary["eligible"] + summary["ineligible"] + summary["invalid"], summary["rows"])

    def test_allocate_list_equals_cli_allocate_byte_for_byte(self):
        summary = aturan.load(PEKALONGAN_2023).allocate_list(SAMPLE_LIST, self.out("py.csv"))
        cli("allocate", PEKALONGAN_2023, SAMPLE_LIST, "-o", self.out("cli.csv"))
        self.assertEqual(read_bytes(self.out("py.csv")), read_bytes(self.out("cli.csv")))
        self.assertEqual(summary["selected"] + summary["waitlisted"] + summary["ineligible"] + summary["invalid"],
                         summary["rows"])

    def test_list_runs_in_threads_agree(self):
        rules = aturan.load(PEKALONGAN_2022)
        threads = [threading.Thread(target=rules.evaluate_list, args=(SAMPLE_LIST, self.out(f"t{i}.csv")))
                   for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(read_bytes(self.out("t0.csv")), read_bytes(self.out("t1.csv")))
        self.assertEqual(read_bytes(self.out("t0.csv")), read_bytes(self.out("t2.csv")))

    def test_renames_and_invalid_limit_read_as_the_cli_flags(self):
        with open(SAMPLE_LIST, encoding="utf-8", newline="") as f:
            header, rest = f.read().split("\n", 1)
        renamed = self.out("renamed.csv")
        with open(renamed, "w", encoding="utf-8", newline="") as f:
            f.write(header.replace("tanggal_lahir", "Tgl Lahir") + "\n" + rest)
        rules = aturan.load(PEKALONGAN_2022)
        summary = rules.evaluate_list(renamed, self.out("py.csv"), columns={"Tgl Lahir": "tanggal_lahir"},
                                      values={"jenis_kelamin": {"L": "P"}}, max_invalid="100%")
        cli("eval", PEKALONGAN_2022, renamed, "-o", self.out("cli.csv"), "--column", "Tgl Lahir=tanggal_lahir",
            "--value", "jenis_kelamin:L=P")
        self.assertEqual(read_bytes(self.out("py.csv")), read_bytes(self.out("cli.csv")))
        self.assertEqual(read_bytes(self.out("py.rejects.csv")), read_bytes(self.out("cli.rejects.csv")))
        self.assertEqual(summary["rows"], 500)
        self.assertGreater(summary["invalid"], 0)
        with self.assertRaisesRegex(ValueError, f"^{summary['invalid']} of 500 rows are invalid, more than "
                                                "max_invalid 0 allows$"):
            rules.evaluate_list(SAMPLE_LIST, self.out("limit.csv"), max_invalid=0)
        self.assertEqual(len(read_bytes(self.out("limit.csv")).splitlines()), 501)  # written all the same
        with self.assertRaisesRegex(ValueError, "^columns 'Tgl Lahir=': expected COLUMN=field"):
            aturan.load(PEKALONGAN_2023).allocate_list(SAMPLE_LIST, self.out("x.csv"), columns={"Tgl Lahir": ""})

    def test_list_errors_raise(self):
        rules = aturan.load(PEKALONGAN_2022)
        with self.assertRaises(ValueError):
            rules.evaluate_list(os.path.join(self.tmp.name, "no-such-list.csv"), self.out("x.csv"))
        with self.assertRaises(ValueError):
            rules.evaluate_list(SAMPLE_LIST, os.path.join(self.tmp.name, "no-such-dir", "x.csv"))


class ColumnsTest(unittest.TestCase):
    """Columns in memory decide as the CLI decides the same rows written to a CSV file."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        with open(SAMPLE_LIST, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            # rows with the header's number of cells (the CLI rejects the others as malformed)
            self.header = reader.fieldnames
            self.rows = [r for r in reader if None not in r and None not in r.values()]
        self.columns = {name: [r[name] for r in self.rows] for name in self.header}
        self.csv_path = os.path.join(self.tmp.name, "rows.csv")
        with open(self.csv_path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=self.header)
            writer.writeheader()
            writer.writerows(self.rows)

    def cli_decisions(self, command, rules_path):
        out = os.path.join(self.tmp.name, command + ".jsonl")
        cli(command, rules_path, self.csv_path, "-o", out)
        with open(out, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def test_evaluate_columns_equals_cli_eval(self):
        got = aturan.load(PEKALONGAN_2022).evaluate_columns(self.columns)
        self.assertGreater(len(self.rows), 400)
        self.assertEqual(got["decisions"], self.cli_decisions("eval", PEKALONGAN_2022))
        self.assertEqual(got["summary"]["rows"], len(self.rows))
        self.assertTrue(got["rejects"])  # the sample's bad values are reported as the CLI reports them

    def test_allocate_columns_equals_cli_allocate(self):
        got = aturan.load(PEKALONGAN_2023).allocate_columns(self.columns)
        self.assertEqual(got["decisions"], self.cli_decisions("allocate", PEKALONGAN_2023))
        self.assertEqual(got["summary"]["selected"], sum(d["status"] == "selected" for d in got["decisions"]))

    def test_typed_values_decide_as_evaluate(self):
        rules = aturan.load(PEKALONGAN_2022)
        candidates = [candidate(path, rules) for path in CANDIDATES]
        names = sorted({k for c in candidates for k in c})
        got = rules.evaluate_columns({n: [c.get(n) for c in candidates] for n in names})
        self.assertEqual(got["rejects"], [])
        for c, decision in zip(candidates, got["decisions"]):
            expected = rules.evaluate(c)
            self.assertEqual((decision["status"], decision["failed"], decision["score"]),
                             (expected["status"], expected["failed"], expected["score"]))

    def test_columns_of_different_lengths_raise(self):
        with self.assertRaisesRegex(ValueError, "differ in length"):
            aturan.load(PEKALONGAN_2022).evaluate_columns({"nik": ["1", "2"], "nama": ["a"]})


class GeneratedListTest(unittest.TestCase):
    """On 10,000 generated city candidates, every row the CLI decides (eligible or ineligible) is
    decided identically one by one through rules.evaluate."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.list_path = os.path.join(cls.tmp.name, "kota.csv")
        cli("generate", PEKALONGAN_2023, "--rows", "10000", "--seed", "3", "-o", cls.list_path)
        decisions = os.path.join(cls.tmp.name, "keputusan.jsonl")
        cli("eval", PEKALONGAN_2023, cls.list_path, "-o", decisions)
        with open(decisions, encoding="utf-8") as f:
            cls.expected = [json.loads(line) for line in f]
        with open(cls.list_path, encoding="utf-8", newline="") as f:
            cls.rows = list(csv.DictReader(f))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_decided_row_decides_the_same_one_by_one(self):
        rules = aturan.load(PEKALONGAN_2023)
        self.assertEqual(len(self.rows), 10000)
        self.assertEqual(len(self.expected), 10000)
        compared = 0
        for row, expected in zip(self.rows, self.expected):
            if expected["status"] == "invalid":
                continue  # the list reader's own checks (NIK structure, duplicates, bad cells)
            record = {k: (v if v != "" else None) for k, v in row.items() if k in rules.field_names}
            got = rules.evaluate(record)
            with self.subTest(row=expected["row"]):
                self.assertEqual(got["status"], expected["status"])
                self.assertEqual(got["failed"], expected["failed"])
                self.assertEqual(got["score"], expected["score"])
            compared += 1
        self.assertGreater(compared, 9000)  # the generator's bad rows are a few percent


class CompareTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.diff = aturan.compare(PEKALONGAN_2022, PEKALONGAN_2023, SAMPLE_LIST)

    def test_equals_cli_diff_json(self):
        self.assertEqual(self.diff, json.loads(cli("diff", "--json", PEKALONGAN_2022, PEKALONGAN_2023, SAMPLE_LIST)))

    def test_totals_agree_with_each_sides_allocation(self):
        self.assertEqual(self.diff["format"], "aturan-diff/1")
        with tempfile.TemporaryDirectory() as tmp:
            for side, path in (("old", PEKALONGAN_2022), ("new", PEKALONGAN_2023)):
                with self.subTest(side=side):
                    allocation = aturan.load(path).allocate_list(SAMPLE_LIST, os.path.join(tmp, side + ".csv"))
                    totals = self.diff["totals"][side]
                    for key in ("selected", "waitlisted", "ineligible", "invalid"):
                        self.assertEqual(totals[key], allocation[key], key)
                    self.assertEqual(totals["cost"], allocation["total_cost"])
        t = self.diff["totals"]
        self.assertEqual(t["gained"] + t["lost"] + t["stayed_covered"] + t["stayed_uncovered"], self.diff["list"]["rows"])
        self.assertEqual(t["old"]["covered"] + t["gained"] - t["lost"], t["new"]["covered"])

    def test_rule_file_errors_raise(self):
        with self.assertRaises(ValueError):
            aturan.compare(os.path.join(SOURCE, "rules", "no-such-file.yaml"), PEKALONGAN_2023, SAMPLE_LIST)


class DocstringTest(unittest.TestCase):
    def test_everything_public_has_a_docstring(self):
        for obj in (aturan, aturan.load, aturan.compare, aturan.Rules, aturan.Rules.evaluate, aturan.Rules.explain,
                    aturan.Rules.evaluate_list, aturan.Rules.allocate_list, aturan.Rules.evaluate_columns,
                    aturan.Rules.allocate_columns):
            with self.subTest(name=getattr(obj, "__name__", repr(obj))):
                self.assertTrue((obj.__doc__ or "").strip())


if __name__ == "__main__":
    unittest.main()
