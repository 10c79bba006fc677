<?php
// aturan.php — aturan's C API (include/aturan/aturan.h, libaturan.so.0) for PHP, through the FFI
// extension: load a rule file, decide a candidate given as field => text, explain the decision,
// decide or allocate a whole list file. Every string the library hands out is freed here; every
// failure becomes an AturanException carrying the library's error text and status code.
//
// The library is found by the $libraryPath argument, else the ATURAN_LIBRARY environment
// variable, else the dynamic loader's search path ("libaturan.so.0"). The declarations are read
// from aturan.h (argument $headerPath, else ATURAN_HEADER, else ../../include/aturan/aturan.h).

declare(strict_types=1);

namespace Aturan;

/** A failure reported by libaturan: the message is its error text, the code its aturan_status. */
final class AturanException extends \RuntimeException
{
    /** Text that does not read as its field's type (ATURAN_ERROR_INVALID_ARGUMENT). */
    public const INVALID_ARGUMENT = 4;
    /** A code outside its field's list (ATURAN_ERROR_NOT_IN_LIST). */
    public const NOT_IN_LIST = 6;
}

/** What the rules say about one candidate, copied out of the C aturan_decision. */
final class Decision
{
    /**
     * @param string $status "eligible", "ineligible" or "invalid" (as the CLI writes it)
     * @param list<string> $failedRuleIds rules that did not pass, in rule-file order
     * @param list<string> $unknownRuleIds of those, rules undecidable for missing data
     * @param ?string $invalidField for an invalid candidate, the field at fault
     */
    public function __construct(
        public readonly string $status,
        public readonly float $score,
        public readonly array $failedRuleIds,
        public readonly array $unknownRuleIds,
        public readonly ?string $invalidField,
    ) {
    }
}

/** A compiled rule file and one reusable candidate buffer: a PHP request's handle on aturan. */
final class Rules
{
    private const STATUS_NAMES = ['eligible', 'ineligible', 'invalid'];
    private const RULE_UNKNOWN = 2;

    private static array $bindings = [];

    private \FFI $ffi;
    private \FFI\CData $rules;
    private \FFI\CData $candidate;
    /** @var array<string,int> field name => slot, looked up once */
    private array $slots = [];

    /**
     * Loads the rule file at $rulesPath, read as it stands on $referenceDate ("YYYY-MM-DD",
     * null for the file's own). Throws AturanException with every diagnostic
     * ("file:line:column: error: ...") when the file has errors.
     */
    public function __construct(
        string $rulesPath,
        ?string $referenceDate = null,
        ?string $libraryPath = null,
        ?string $headerPath = null,
    ) {
        $this->ffi = self::bind($libraryPath, $headerPath);
        $rules = $this->ffi->new('aturan_rules*');
        $this->check(fn ($error) => $this->ffi->aturan_rules_load_file($rulesPath, $referenceDate, \FFI::addr($rules), $error));
        $this->rules = $rules;
        $candidate = $this->ffi->new('aturan_candidate*');
        $this->check(fn ($error) => $this->ffi->aturan_candidate_new($this->rules, \FFI::addr($candidate), $error));
        $this->candidate = $candidate;
    }

    /** Frees the candidate buffer and the rules. */
    public function __destruct()
    {
        if (isset($this->candidate)) {
            $this->ffi->aturan_candidate_free($this->candidate);
        }
        if (isset($this->rules)) {
            $this->ffi->aturan_rules_free($this->rules);
        }
    }

    /** The library's version, "MAJOR.MINOR.PATCH". */
    public function libraryVersion(): string
    {
        return $this->ffi->aturan_version();
    }

    /** regulation.id of the rule file. */
    public function regulationId(): string
    {
        return $this->ffi->aturan_rules_regulation_id($this->rules);
    }

    /** The warnings found while loading, one per line ("" when none). */
    public function warnings(): string
    {
        return $this->ffi->aturan_rules_warnings($this->rules);
    }

    /** @return list<string> the schema's field names, in slot order */
    public function fieldNames(): array
    {
        $names = [];
        $count = $this->ffi->aturan_rules_field_count($this->rules);
        for ($slot = 0; $slot < $count; ++$slot) {
            $names[] = $this->ffi->aturan_rules_field_name($this->rules, $slot);
        }
        return $names;
    }

    /**
     * Decides one candidate given as field => value. A value is text as a list would write it
     * ("Tukang Becak", "Rp1.200.000", "12-03-1975", "ya"); true/false are "ya"/"tidak", numbers
     * their decimal text, null or "" a missing value. A code outside its list is not an error:
     * the decision is then "invalid". An unknown field name or text unreadable as its field's
     * type throws AturanException.
     */
    public function evaluate(array $fields): Decision
    {
        $this->fill($fields);
        $decision = $this->ffi->new('aturan_decision');
        $this->check(fn ($error) => $this->ffi->aturan_evaluate($this->candidate, \FFI::addr($decision), $error));
        $failed = [];
        $unknown = [];
        for ($i = 0; $i < $decision->failed_count; ++$i) {
            $id = \FFI::string($decision->failed_rule_ids[$i]);
            $failed[] = $id;
            if ($decision->failed_outcomes[$i] === self::RULE_UNKNOWN) {
                $unknown[] = $id;
            }
        }
        $invalidField = \FFI::isNull($decision->invalid_field) ? null : \FFI::string($decision->invalid_field);
        return new Decision(self::STATUS_NAMES[$decision->status], $decision->score, $failed, $unknown, $invalidField);
    }

    /**
     * Every rule's outcome for the candidate (given as for evaluate), the values it read, the
     * reasons and the score, as the readable Indonesian text `aturan explain` prints.
     */
    public function explain(array $fields): string
    {
        $this->fill($fields);
        return $this->takeString(fn ($text, $error) => $this->ffi->aturan_explain($this->candidate, $text, $error));
    }

    /**
     * Decides every row of the list file (CSV or JSON Lines) and writes $outputPath and its
     * rejects file exactly as `aturan eval LIST -o OUTPUT` does. Options: output_format,
     * rejects_path, group_by, threads (aturan_list_options); columns (['Tgl Lahir' =>
     * 'tanggal_lahir'], CLI --column), values (['jenis_kelamin' => ['1' => 'L']], CLI --value)
     * and max_invalid ('100' or '0.5%', CLI --max-invalid; over it the files are written, then
     * AturanException says how many rows are invalid). Returns the run's counts.
     */
    public function evaluateList(string $listPath, string $outputPath, array $options = []): array
    {
        return $this->runList('aturan_eval_list', $listPath, $outputPath, $options);
    }

    /**
     * Decides every row of the list file and gives out the rule file's quota, writing
     * $outputPath exactly as `aturan allocate LIST -o OUTPUT` does; options as for
     * evaluateList plus areas_path. Returns what `aturan allocate --json` prints, decoded.
     */
    public function allocateList(string $listPath, string $outputPath, array $options = []): array
    {
        return $this->runList('aturan_allocate_list', $listPath, $outputPath, $options);
    }

    private static function bind(?string $libraryPath, ?string $headerPath): \FFI
    {
        $library = $libraryPath ?? (getenv('ATURAN_LIBRARY') ?: 'libaturan.so.0');
        $header = $headerPath ?? (getenv('ATURAN_HEADER') ?: __DIR__ . '/../../include/aturan/aturan.h');
        $key = $library . "\0" . $header;
        if (!isset(self::$bindings[$key])) {
            try {
                self::$bindings[$key] = \FFI::cdef(self::declarations($header), $library);
            } catch (\FFI\Exception $e) {
                throw new AturanException("{$e->getMessage()} (set ATURAN_LIBRARY to libaturan.so.0's path)", 0, $e);
            }
        }
        return self::$bindings[$key];
    }

    /** The C declarations of aturan.h: the block between its extern "C" guards. */
    private static function declarations(string $headerPath): string
    {
        $text = @file_get_contents($headerPath);
        if ($text === false) {
            throw new AturanException("cannot read the C header $headerPath (set ATURAN_HEADER)");
        }
        if (!preg_match('/extern "C" \{\s*#endif\s*\n(.*)\n#ifdef __cplusplus\s*\n\}/s', $text, $block)) {
            throw new AturanException("$headerPath: no extern \"C\" block found");
        }
        return $block[1];
    }

    private function fill(array $fields): void
    {
        $this->check(fn ($error) => $this->ffi->aturan_candidate_clear($this->candidate, $error));
        foreach ($fields as $name => $value) {
            $slot = $this->slot((string) $name);
            if ($value === null || $value === '') {
                $this->check(fn ($error) => $this->ffi->aturan_candidate_set_missing($this->candidate, $slot, $error));
                continue;
            }
            $text = match (true) {
                is_bool($value) => $value ? 'ya' : 'tidak',
                is_float($value) => json_encode($value),
                default => (string) $value,
            };
            try {
                $this->check(fn ($error) => $this->ffi->aturan_candidate_set_text($this->candidate, $slot, $text, $error));
            } catch (AturanException $e) {
                if ($e->getCode() !== AturanException::NOT_IN_LIST) {  // kept: the decision says invalid
                    throw $e;
                }
            }
        }
    }

    private function slot(string $name): int
    {
        if (!isset($this->slots[$name])) {
            $slot = $this->ffi->new('int32_t');
            $this->check(fn ($error) => $this->ffi->aturan_rules_field_slot($this->rules, $name, \FFI::addr($slot), $error));
            $this->slots[$name] = $slot->cdata;
        }
        return $this->slots[$name];
    }

    private function runList(string $function, string $listPath, string $outputPath, array $options): array
    {
        $cOptions = $this->ffi->new('aturan_list_options');
        $optionTexts = [];  // the C strings the options point into, alive until the call returns
        foreach ($options as $name => $value) {
            if ($name === 'threads') {
                $cOptions->threads = $value;
                continue;
            }
            if ($name === 'columns' || $name === 'values') {
                $texts = [];
                foreach ($value as $key => $target) {
                    if ($name === 'columns') {
                        $texts[] = "$key=$target";
                        continue;
                    }
                    foreach ($target as $from => $to) {
                        $texts[] = "$key:$from=$to";
                    }
                }
                // A NULL-terminated array of C strings (FFI::new zero-fills the last entry).
                $optionTexts[] = $array = $this->ffi->new('const char*[' . (count($texts) + 1) . ']');
                foreach ($texts as $i => $text) {
                    $optionTexts[] = $cText = self::cString($text);
                    $array[$i] = \FFI::cast('char*', \FFI::addr($cText[0]));
                }
                $cOptions->$name = \FFI::cast('const char* const*', \FFI::addr($array[0]));
                continue;
            }
            if (!in_array($name, ['output_format', 'rejects_path', 'group_by', 'areas_path', 'max_invalid'], true)) {
                throw new AturanException("unknown list option '$name'");
            }
            $optionTexts[] = $text = self::cString((string) $value);
            $cOptions->$name = \FFI::cast('char*', \FFI::addr($text[0]));
        }
        $summary = $this->takeString(fn ($summary, $error) =>
            $this->ffi->$function($this->rules, $listPath, $outputPath, \FFI::addr($cOptions), $summary, $error));
        return json_decode($summary, true, 512, JSON_THROW_ON_ERROR);
    }

    /** A NUL-terminated copy of $text owned by PHP (freed with the returned value). */
    private static function cString(string $text): \FFI\CData
    {
        $buffer = \FFI::new('char[' . (strlen($text) + 1) . ']');
        \FFI::memcpy($buffer, $text, strlen($text));
        return $buffer;
    }

    /** Runs $call(char** out, char** error), returns *out as a PHP string and frees it. */
    private function takeString(callable $call): string
    {
        $out = $this->ffi->new('char*');
        $this->check(fn ($error) => $call(\FFI::addr($out), $error));
        try {
            return \FFI::string($out);
        } finally {
            $this->ffi->aturan_string_free($out);
        }
    }

    /** Runs $call(char** error); a status other than ATURAN_OK throws with the error text, freed. */
    private function check(callable $call): void
    {
        $error = $this->ffi->new('char*');
        $status = $call(\FFI::addr($error));
        if ($status === 0) {
            return;
        }
        $message = \FFI::isNull($error) ? $this->ffi->aturan_status_name($status) : \FFI::string($error);
        $this->ffi->aturan_string_free($error);
        throw new AturanException(rtrim($message), $status);
    }
}
