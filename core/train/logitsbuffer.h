#pragma once
// A [rows, cols] tensor taken from a small per-thread pool of CPU buffers, reused across batches
// once autograd has released the previous step's use. A fresh [n, items] tensor per batch is a
// fresh mmap whose pages the kernel faults in and zeroes (tens of ms for ~85 MB). Its contents are
// undefined. Other devices get a plain torch::empty.

#include <cstdint>

#include <torch/torch.h>

namespace recforge {

torch::Tensor logitsBuffer(int64_t rows, int64_t cols, const torch::TensorOptions &options);

} // namespace recforge
