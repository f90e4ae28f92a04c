#pragma once
// The safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of JSON
// header {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
// "__metadata__": {"key": "value"}} padded with spaces, then the raw little-endian C-order bytes,
// offsets relative to the end of the header. Used by model export and by importers of foreign
// weights (BERT checkpoints).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/error.h"

namespace recforge {

// Tensors with their names, in file order.
using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

struct SafetensorsFile {
    NamedTensors tensors;                        // in data-offset order, CPU, contiguous
    std::map<std::string, std::string> metadata; // "__metadata__" (empty when absent)

    // nullptr when no tensor has that name.
    const at::Tensor *find(const std::string &name) const;
};

// Dtypes both directions support: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL.
// Writes `tensors` in the given order (any device; copied to CPU contiguous) through an
// AtomicFile. Errors: InvalidArgument (empty, duplicate or reserved name, undefined tensor,
// unsupported dtype; Location::field = the tensor name), Io (cannot write), Cancelled never.
Status writeSafetensors(const std::string &path, const NamedTensors &tensors,
                        const std::map<std::string, std::string> &metadata = {});

// Reads and validates a whole file: header length within the file (and below 100 MB), JSON
// syntax, every entry's dtype/shape/data_offsets (end - begin == numel * element size, inside the
// data, no overlap, no gap, nothing after the last tensor), metadata values are strings.
// Errors: Io (missing / unreadable / truncated file), Parse (bad JSON, bad entry, offsets),
// InvalidArgument (a dtype the reader does not support); Location::file = path and
// Location::field = the tensor name when one is at fault.
Expected<SafetensorsFile> readSafetensors(const std::string &path);

// "F32" for torch::kFloat ...; empty for unsupported dtypes.
std::string safetensorsDtypeName(at::ScalarType type);

} // namespace recforge
