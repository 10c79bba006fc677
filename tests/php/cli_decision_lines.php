<?php
// cli_decision_lines.php — prints the decisions `aturan explain --format json` wrote (one JSON
// object per line on standard input) as examples/php/decide.php prints its own, so that the
// two can be compared line by line:
//   aturan explain RULES --record FILE --format json | php cli_decision_lines.php NAME

declare(strict_types=1);

require __DIR__ . '/../../examples/php/decision_line.php';

$name = $argv[1];
while (($line = fgets(STDIN)) !== false) {
    $explanation = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $unknown = [];
    foreach ($explanation['rules'] ?? [] as $rule) {
        if ($rule['outcome'] === 'unknown') {
            $unknown[] = $rule['id'];
        }
    }
    echo Aturan\decisionLine($name, $explanation['status'], $explanation['failed_rules'] ?? [], $unknown,
                             (float) ($explanation['score'] ?? 0), $explanation['invalid_field'] ?? null), "\n";
}
