<?php
// decide.php — decides candidates (JSON files, one object each, as `aturan explain --record`
// reads them) under a rule file through libaturan, one line per candidate:
//   php decide.php RULES.yaml [CANDIDATE.json ...] [--explain]
// Without candidate files it decides examples/candidates/*.json. --explain also prints each
// candidate's explanation in Indonesian. Fields the rule file does not have are ignored with a
// warning, as the CLI does. The library: ATURAN_LIBRARY=path/to/libaturan.so.0.

declare(strict_types=1);

require __DIR__ . '/aturan.php';
require __DIR__ . '/decision_line.php';

use Aturan\AturanException;
use Aturan\Rules;

$arguments = array_slice($argv, 1);
$explain = in_array('--explain', $arguments, true);
$arguments = array_values(array_filter($arguments, fn ($a) => $a !== '--explain'));
if (count($arguments) < 1) {
    fwrite(STDERR, "usage: php decide.php RULES.yaml [CANDIDATE.json ...] [--explain]\n");
    exit(2);
}
$candidateFiles = array_slice($arguments, 1) ?: glob(__DIR__ . '/../candidates/*.json');

try {
    $rules = new Rules($arguments[0]);
    $fieldNames = $rules->fieldNames();
    foreach ($candidateFiles as $file) {
        $candidate = json_decode(file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
        foreach (array_diff(array_keys($candidate), $fieldNames) as $unknown) {
            fwrite(STDERR, "warning: $file: '$unknown' is not a field of the rule file; ignored\n");
            unset($candidate[$unknown]);
        }
        $decision = $rules->evaluate($candidate);
        echo Aturan\decisionLine(basename($file, '.json'), $decision->status, $decision->failedRuleIds,
                                 $decision->unknownRuleIds, $decision->score, $decision->invalidField), "\n";
        if ($explain) {
            echo $rules->explain($candidate), "\n";
        }
    }
} catch (AturanException | JsonException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
