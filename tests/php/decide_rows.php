<?php
// decide_rows.php — decides the first rows of a CSV candidate list one by one through the PHP
// wrapper (examples/php/aturan.php), as a PHP application holding rows in memory would, and
// prints "row<TAB>status" per row, row numbered from 1 as `aturan eval` numbers them:
//   php decide_rows.php RULES.yaml LIST.csv ROWS
// A row is invalid when its cell count differs from the header's, or a cell does not read as
// its field's type (the C API refuses the text), as the CLI's list reader decides.

declare(strict_types=1);

require __DIR__ . '/../../examples/php/aturan.php';

use Aturan\AturanException;
use Aturan\Rules;

[, $rulesPath, $listPath, $rowLimit] = $argv;
$rules = new Rules($rulesPath);
$list = fopen($listPath, 'r');
$header = fgetcsv($list, null, ',', '"', '');
for ($row = 1; $row <= (int) $rowLimit && ($cells = fgetcsv($list, null, ',', '"', '')) !== false; ++$row) {
    $status = 'invalid';
    if (count($cells) === count($header)) {
        try {
            $status = $rules->evaluate(array_combine($header, $cells))->status;
        } catch (AturanException $e) {
            if ($e->getCode() !== AturanException::INVALID_ARGUMENT) {
                throw $e;
            }
        }
    }
    echo "$row\t$status\n";
}
