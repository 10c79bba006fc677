<?php
// allocate.php — decides every row of a candidate list and gives out the rule file's quota
// through libaturan, writing the allocation file exactly as `aturan allocate LIST -o OUTPUT`
// does (and the rejects file beside it), then prints the summary:
//   php allocate.php RULES.yaml LIST.csv OUTPUT.csv [--areas AREAS.csv]
// The library: ATURAN_LIBRARY=path/to/libaturan.so.0.

declare(strict_types=1);

require __DIR__ . '/aturan.php';

use Aturan\AturanException;
use Aturan\Rules;

$arguments = array_slice($argv, 1);
$options = [];
$areasAt = array_search('--areas', $arguments, true);
if ($areasAt !== false && isset($arguments[$areasAt + 1])) {
    $options['areas_path'] = $arguments[$areasAt + 1];
    array_splice($arguments, $areasAt, 2);
}
if (count($arguments) !== 3) {
    fwrite(STDERR, "usage: php allocate.php RULES.yaml LIST.csv OUTPUT.csv [--areas AREAS.csv]\n");
    exit(2);
}
[$rulesPath, $listPath, $outputPath] = $arguments;

try {
    $summary = (new Rules($rulesPath))->allocateList($listPath, $outputPath, $options);
} catch (AturanException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}

printf("%s: %d rows: %d selected, %d waitlisted, %d ineligible, %d invalid; cost Rp%s\n",
       $summary['regulation'], $summary['rows'], $summary['selected'], $summary['waitlisted'],
       $summary['ineligible'], $summary['invalid'], number_format($summary['total_cost'], 0, ',', '.'));
foreach ($summary['pools'] as $pool) {
    printf("pool %s (%s): %d of %d seats, %d candidates, cost Rp%s\n", $pool['id'], $pool['name'],
           $pool['selected'], $pool['capacity'], $pool['candidates'], number_format($pool['cost'], 0, ',', '.'));
    foreach ($pool['areas'] as $area) {
        printf("  %-15s %-20s quota %4d  eligible %4d  selected %4d\n", $area['area'], $area['name'],
               $area['quota'], $area['eligible'], $area['selected']);
    }
}
echo "allocation written to $outputPath\n";
