#include "npy.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <regex>

#include <torch/torch.h>

#include "io/atomicfile.h"

namespace recforge {

namespace {
const char kMagic[] = "\x93NUMPY";

const char *descrOf(at::ScalarType type)
{
    switch (type) {
    case at::kFloat:
        return "<f4";
    case at::kDouble:
        return "<f8";
    case at::kLong:
        return "<i8";
    case at::kInt:
        return "<i4";
    default:
        return nullptr;
    }
}
} // namespace

Expected<NpyWriter> NpyWriter::create(const std::string &path, at::ScalarType type,
                                      std::vector<int64_t> shape)
{
    const char *descr = descrOf(type);
    if (!descr)
        return makeError(ErrorCode::InvalidArgument,
                         std::string(".npy export supports float32/float64/int64/int32, not ") +
                             c10::toString(type),
                         Location{path, 0, 0, {}});
    std::string dims = "(";
    for (size_t d = 0; d < shape.size(); ++d)
        dims += std::to_string(shape[d]) + (shape.size() == 1      ? ","
                                            : d + 1 < shape.size() ? ", "
                                                                   : "");
    dims += ")";
    std::string header =
        std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
    // magic (6) + version (2) + length (2) + header + '\n', padded so the data is 64-byte aligned.
    const size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    const uint16_t length = uint16_t(header.size());
    const char prefix[10] = {kMagic[0],           kMagic[1],        kMagic[2], kMagic[3],
                             kMagic[4],           kMagic[5],        1,         0,
                             char(length & 0xff), char(length >> 8)};
    if (auto ok = file->write(prefix, 10); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = file->write(header); !ok)
        return tl::unexpected(ok.error());
    NpyWriter writer(std::move(*file));
    writer.m_type = type;
    writer.m_shape = std::move(shape);
    return writer;
}

Status NpyWriter::append(const at::Tensor &rows)
{
    const Location where{m_file.path(), 0, 0, {}};
    if (m_shape.empty()) {
        if (m_rows > 0 || rows.numel() != 1)
            return makeError(ErrorCode::InvalidArgument, "a scalar .npy holds one value", where);
    } else {
        if (rows.dim() != int64_t(m_shape.size()) ||
            !std::equal(m_shape.begin() + 1, m_shape.end(), rows.sizes().begin() + 1))
            return makeError(ErrorCode::InvalidArgument, "rows do not match the declared shape",
                             where);
        if (m_rows + rows.size(0) > m_shape[0])
            return makeError(ErrorCode::InvalidArgument, "more rows than the declared shape",
                             where);
    }
    const at::Tensor cpu = rows.detach().to(torch::kCPU, m_type).contiguous();
    m_rows += m_shape.empty() ? 1 : rows.size(0);
    return m_file.write(cpu.data_ptr(), size_t(cpu.numel()) * cpu.element_size());
}

Status NpyWriter::commit()
{
    if (m_rows != (m_shape.empty() ? 1 : m_shape[0]))
        return makeError(ErrorCode::InvalidArgument,
                         "only " + std::to_string(m_rows) + " rows of the declared shape written",
                         Location{m_file.path(), 0, 0, {}});
    return m_file.commit();
}

Status writeNpy(const std::string &path, const at::Tensor &tensor)
{
    if (!tensor.defined())
        return makeError(ErrorCode::InvalidArgument, "no tensor to write",
                         Location{path, 0, 0, {}});
    auto writer = NpyWriter::create(path, tensor.scalar_type(), tensor.sizes().vec());
    if (!writer)
        return tl::unexpected(writer.error());
    if (auto ok = writer->append(tensor); !ok)
        return ok;
    return writer->commit();
}

Expected<at::Tensor> readNpy(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open " + path, Location{path, 0, 0, {}});
    char prefix[8];
    if (!in.read(prefix, 8) || std::memcmp(prefix, kMagic, 6) != 0)
        return makeError(ErrorCode::Parse, path + ": not a .npy file (bad magic)",
                         Location{path, 0, 0, {}});
    uint32_t length = 0;
    if (prefix[6] == 1) {
        unsigned char l[2];
        in.read(reinterpret_cast<char *>(l), 2);
        length = l[0] | (uint32_t(l[1]) << 8);
    } else if (prefix[6] == 2) {
        unsigned char l[4];
        in.read(reinterpret_cast<char *>(l), 4);
        length = l[0] | (uint32_t(l[1]) << 8) | (uint32_t(l[2]) << 16) | (uint32_t(l[3]) << 24);
    } else {
        return makeError(ErrorCode::Parse,
                         path + ": unsupported .npy version " + std::to_string(int(prefix[6])),
                         Location{path, 0, 0, {}});
    }
    std::string header(length, '\0');
    if (!in.read(header.data(), length))
        return makeError(ErrorCode::Io, path + ": truncated header", Location{path, 0, 0, {}});
    std::smatch m;
    static const std::regex descrRe("'descr':\\s*'([<|=]?[a-z]\\d)'");
    static const std::regex orderRe("'fortran_order':\\s*(True|False)");
    static const std::regex shapeRe("'shape':\\s*\\(([^)]*)\\)");
    if (!std::regex_search(header, m, descrRe))
        return makeError(ErrorCode::Parse, path + ": header has no descr",
                         Location{path, 0, 0, {}});
    std::string descr = m[1];
    if (descr[0] == '=' || descr[0] == '|')
        descr[0] = '<';
    at::ScalarType type;
    if (descr == "<f4")
        type = at::kFloat;
    else if (descr == "<f8")
        type = at::kDouble;
    else if (descr == "<i8")
        type = at::kLong;
    else if (descr == "<i4")
        type = at::kInt;
    else
        return makeError(ErrorCode::InvalidArgument, path + ": unsupported descr " + descr,
                         Location{path, 0, 0, {}});
    if (!std::regex_search(header, m, orderRe) || m[1] == "True")
        return makeError(ErrorCode::Parse, path + ": Fortran order or no fortran_order",
                         Location{path, 0, 0, {}});
    if (!std::regex_search(header, m, shapeRe))
        return makeError(ErrorCode::Parse, path + ": header has no shape",
                         Location{path, 0, 0, {}});
    std::vector<int64_t> shape;
    const std::string dims = m[1];
    static const std::regex dimRe("\\d+");
    for (auto it = std::sregex_iterator(dims.begin(), dims.end(), dimRe);
         it != std::sregex_iterator(); ++it)
        shape.push_back(std::stoll(it->str()));
    at::Tensor t = torch::empty(shape, torch::TensorOptions().dtype(type));
    const std::streamsize bytes = std::streamsize(t.numel() * t.element_size());
    if (bytes > 0 && !in.read(static_cast<char *>(t.data_ptr()), bytes))
        return makeError(ErrorCode::Io, path + ": truncated data", Location{path, 0, 0, {}});
    return t;
}

} // namespace recforge
