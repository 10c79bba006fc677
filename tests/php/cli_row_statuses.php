<?php
// cli_row_statuses.php — the status `aturan eval` gave each of the first rows of a list, read
// from its output and rejects files, as "row<TAB>status" (the format of decide_rows.php):
//   php cli_row_statuses.php OUTPUT.csv REJECTS.csv ROWS
// A row the list reader made invalid for a reason that deciding one candidate does not check
// is written "row<TAB>list-only: <reason>" instead: the rule file's input checks on the list
// (a NIK that is not structurally valid, a NIK seen in an earlier row) and a quote inside an
// unquoted CSV field, which the CLI's reader refuses and PHP's fgetcsv reads as text.

declare(strict_types=1);

const LIST_ONLY_KINDS = ['invalid NIK', 'duplicate NIK'];
const STRAY_QUOTE = 'quote inside an unquoted field';

[, $outputPath, $rejectsPath, $rowLimit] = $argv;
$listOnly = [];
$rejects = fopen($rejectsPath, 'r');
$columns = array_flip(fgetcsv($rejects, null, ',', '"', ''));
while (($reject = fgetcsv($rejects, null, ',', '"', '')) !== false) {
    $kind = $reject[$columns['kind']];
    if ($reject[$columns['severity']] === 'error'
        && (in_array($kind, LIST_ONLY_KINDS, true) || str_starts_with($reject[$columns['reason']], STRAY_QUOTE))) {
        $listOnly[(int) $reject[$columns['row']]] ??= $kind;
    }
}
$output = fopen($outputPath, 'r');
$columns = array_flip(fgetcsv($output, null, ',', '"', ''));
for ($n = 0; $n < (int) $rowLimit && ($decision = fgetcsv($output, null, ',', '"', '')) !== false; ++$n) {
    $row = (int) $decision[$columns['row']];
    echo $row, "\t", isset($listOnly[$row]) ? "list-only: $listOnly[$row]" : $decision[$columns['status']], "\n";
}
