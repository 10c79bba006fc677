// aturan/aturan.hpp — everything a host needs: load a rule file, bind a record type,
// evaluate and explain.
#pragma once

#include "aturan/binding.hpp"
#include "aturan/decision.hpp"
#include "aturan/diagnostic.hpp"
#include "aturan/explanation.hpp"
#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "aturan/value.hpp"
#include "aturan/version.hpp"
