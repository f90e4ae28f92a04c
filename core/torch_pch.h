#pragma once
// Precompiled for recforge_core only: one TU including torch/torch.h costs ~15 s at -O2.
#include <torch/torch.h>
