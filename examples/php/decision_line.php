<?php
// decision_line.php — how decide.php prints a decision: one tab-separated line per candidate.
// tests/php prints the CLI's decisions with the same function, so the two can be compared.

declare(strict_types=1);

namespace Aturan;

/**
 * "name<TAB>status<TAB>failing rules<TAB>score": failing rule ids comma-separated in rule-file
 * order, an undecidable one marked "(unknown)", "-" when none; for an invalid candidate the
 * third column is "field:<field at fault>" and the score "-". The score is written as the
 * shortest text that reads back as the same double.
 *
 * @param list<string> $failedRuleIds
 * @param list<string> $unknownRuleIds
 */
function decisionLine(string $name, string $status, array $failedRuleIds, array $unknownRuleIds,
                      float $score, ?string $invalidField): string
{
    if ($status === 'invalid') {
        return "$name\tinvalid\tfield:$invalidField\t-";
    }
    $failed = array_map(fn ($id) => in_array($id, $unknownRuleIds, true) ? "$id(unknown)" : $id, $failedRuleIds);
    $score = json_encode($score, JSON_THROW_ON_ERROR);
    return "$name\t$status\t" . ($failed ? implode(',', $failed) : '-') . "\t$score";
}
