#pragma once

#include "store/schema.h"

namespace recforge::store {

// The schema step that adds the experiment store (runs, metrics, curves, checkpoints, run
// events). Listed in migrations() after the dataset schema.
Migration runStoreMigration();

} // namespace recforge::store
