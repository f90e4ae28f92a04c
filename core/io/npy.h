#pragma once
// NumPy .npy files, format version 1.0: magic "\x93NUMPY", version 1.0, a little-endian uint16
// header length, a Python dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }
// padded with spaces and '\n' so the data starts 64-byte aligned, then the C-order data.

#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/error.h"
#include "io/atomicfile.h"

namespace recforge {

// Streams a tensor of known shape in row chunks (bounded memory for large embedding tables).
class NpyWriter {
public:
    // Errors: InvalidArgument (dtype other than float32/float64/int64/int32), Io.
    static Expected<NpyWriter> create(const std::string &path, at::ScalarType type,
                                      std::vector<int64_t> shape);
    // rows [n, shape[1:]...] of the writer's dtype (converted when another dtype); appended in
    // C order. Errors: InvalidArgument (trailing shape differs, more rows than declared), Io.
    Status append(const at::Tensor &rows);
    // Errors: InvalidArgument when fewer rows than declared were appended; Io.
    Status commit();
    const std::string &path() const { return m_file.path(); }

private:
    explicit NpyWriter(AtomicFile file) : m_file(std::move(file)) {}
    AtomicFile m_file;
    at::ScalarType m_type = at::kFloat;
    std::vector<int64_t> m_shape;
    int64_t m_rows = 0;
};

// Writes a float32 / float64 / int64 / int32 tensor of any rank (copied to CPU contiguous) through
// an AtomicFile. Errors: InvalidArgument (undefined tensor, other dtype), Io.
Status writeNpy(const std::string &path, const at::Tensor &tensor);

// Reads what writeNpy writes (descr '<f4', '<f8', '<i8', '<i4'; C order; version 1.0 or 2.0).
// Errors: Io (missing, truncated), Parse (bad magic or header, Fortran order), InvalidArgument
// (other dtypes).
Expected<at::Tensor> readNpy(const std::string &path);

} // namespace recforge
