<?php
// evaluate_list.php — decides every row of a candidate list through the C API's list
// evaluation (aturan_eval_list), writing OUTPUT and its rejects file as `aturan eval` does:
//   php evaluate_list.php RULES.yaml LIST.csv OUTPUT.csv

declare(strict_types=1);

require __DIR__ . '/../../examples/php/aturan.php';

[, $rulesPath, $listPath, $outputPath] = $argv;
$summary = (new Aturan\Rules($rulesPath))->evaluateList($listPath, $outputPath);
printf("%s: %d rows, %d eligible, %d ineligible, %d invalid\n", $summary['regulation'], $summary['rows'],
       $summary['eligible'], $summary['ineligible'], $summary['invalid']);
