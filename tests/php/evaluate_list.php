<?php
// evaluate_list.php — decides every row of a candidate list through the C API's list
// evaluation (aturan_eval_list), writing OUTPUT and its rejects file as `aturan eval` does:
//   php evaluate_list.php RULES.yaml LIST.csv OUTPUT.csv [OPTIONS_JSON]
// OPTIONS_JSON: evaluateList's options as a JSON object, e.g. {"columns": {"Tgl Lahir":
// "tanggal_lahir"}}. A run the library refuses prints "error: <message>" and exits 1.

declare(strict_types=1);

require __DIR__ . '/../../examples/php/aturan.php';

[, $rulesPath, $listPath, $outputPath] = $argv;
$options = isset($argv[4]) ? json_decode($argv[4], true, 16, JSON_THROW_ON_ERROR) : [];
try {
    $summary = (new Aturan\Rules($rulesPath))->evaluateList($listPath, $outputPath, $options);
} catch (Aturan\AturanException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
printf("%s: %d rows, %d eligible, %d ineligible, %d invalid\n", $summary['regulation'], $summary['rows'],
       $summary['eligible'], $summary['ineligible'], $summary['invalid']);
