#include "safetensors.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "io/atomicfile.h"

namespace recforge {

static_assert(std::endian::native == std::endian::little,
              "safetensors stores little-endian data; big-endian hosts need byte swapping");

namespace {

constexpr uint64_t kMaxHeader = 100u * 1024 * 1024; // the reference implementation's limit
const char *const kMetadataKey = "__metadata__";

struct DtypeInfo {
    const char *name;
    at::ScalarType type;
};
constexpr DtypeInfo kDtypes[] = {
    {"F64", at::kDouble}, {"F32", at::kFloat}, {"F16", at::kHalf},  {"BF16", at::kBFloat16},
    {"I64", at::kLong},   {"I32", at::kInt},   {"I16", at::kShort}, {"I8", at::kChar},
    {"U8", at::kByte},    {"BOOL", at::kBool},
};
// Known to the format but not representable in LibTorch 1.13.
constexpr const char *kUnsupported[] = {"U16", "U32", "U64", "F8_E4M3", "F8_E5M2"};

std::optional<at::ScalarType> dtypeFromName(const std::string &name)
{
    for (const auto &d : kDtypes)
        if (name == d.name)
            return d.type;
    return std::nullopt;
}

tl::unexpected<Error> parseError(const std::string &path, const std::string &tensor,
                                 const std::string &message)
{
    const std::string where = tensor.empty() ? "" : "tensor '" + tensor + "': ";
    return makeError(ErrorCode::Parse, path + ": " + where + message, Location{path, 0, 0, tensor});
}

struct Entry {
    std::string name;
    at::ScalarType type;
    std::vector<int64_t> shape;
    uint64_t begin = 0, end = 0;
};

Expected<Entry> parseEntry(const std::string &path, const std::string &name,
                           const nlohmann::json &value, uint64_t dataSize)
{
    if (!value.is_object())
        return parseError(path, name, "entry is not a JSON object");
    Entry e;
    e.name = name;
    const auto dtype = value.find("dtype");
    if (dtype == value.end() || !dtype->is_string())
        return parseError(path, name, "missing or non-string \"dtype\"");
    const auto type = dtypeFromName(dtype->get<std::string>());
    if (!type) {
        const std::string d = dtype->get<std::string>();
        const bool known = std::any_of(std::begin(kUnsupported), std::end(kUnsupported),
                                       [&](const char *u) { return d == u; });
        return makeError(ErrorCode::InvalidArgument,
                         path + ": tensor '" + name + "': " + (known ? "unsupported" : "unknown") +
                             " dtype '" + d + "'",
                         Location{path, 0, 0, name});
    }
    e.type = *type;
    const auto shape = value.find("shape");
    if (shape == value.end() || !shape->is_array())
        return parseError(path, name, "missing or non-array \"shape\"");
    uint64_t numel = 1;
    for (const auto &dim : *shape) {
        if (!dim.is_number_unsigned())
            return parseError(path, name, "shape entries must be non-negative integers");
        const uint64_t d = dim.get<uint64_t>();
        if (d > (uint64_t(1) << 48) || (d != 0 && numel > (uint64_t(1) << 48) / d))
            return parseError(path, name, "shape is too large");
        numel *= d;
        e.shape.push_back(int64_t(d));
    }
    const auto offsets = value.find("data_offsets");
    if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
        return parseError(path, name,
                          "\"data_offsets\" must be [begin, end] non-negative integers");
    e.begin = (*offsets)[0].get<uint64_t>();
    e.end = (*offsets)[1].get<uint64_t>();
    if (e.begin > e.end || e.end > dataSize)
        return parseError(path, name,
                          "data_offsets [" + std::to_string(e.begin) + ", " +
                              std::to_string(e.end) + "] outside the data (" +
                              std::to_string(dataSize) + " bytes)");
    const uint64_t expected = numel * uint64_t(c10::elementSize(e.type));
    if (e.end - e.begin != expected)
        return parseError(path, name,
                          "data_offsets span " + std::to_string(e.end - e.begin) +
                              " bytes, but dtype and shape need " + std::to_string(expected));
    return e;
}

} // namespace

const at::Tensor *SafetensorsFile::find(const std::string &name) const
{
    for (const auto &[n, t] : tensors)
        if (n == name)
            return &t;
    return nullptr;
}

std::string safetensorsDtypeName(at::ScalarType type)
{
    for (const auto &d : kDtypes)
        if (d.type == type)
            return d.name;
    return {};
}

Status writeSafetensors(const std::string &path, const NamedTensors &tensors,
                        const std::map<std::string, std::string> &metadata)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        nlohmann::ordered_json meta = nlohmann::ordered_json::object();
        for (const auto &[k, v] : metadata)
            meta[k] = v;
        header[kMetadataKey] = std::move(meta);
    }
    std::vector<at::Tensor> data;
    std::set<std::string> names;
    uint64_t offset = 0;
    for (const auto &[name, tensor] : tensors) {
        const Location where{path, 0, 0, name};
        if (name.empty() || name == kMetadataKey)
            return makeError(ErrorCode::InvalidArgument,
                             "tensor name '" + name + "' is empty or reserved", where);
        if (!names.insert(name).second)
            return makeError(ErrorCode::InvalidArgument, "duplicate tensor name '" + name + "'",
                             where);
        if (!tensor.defined())
            return makeError(ErrorCode::InvalidArgument, "tensor '" + name + "' is undefined",
                             where);
        const std::string dtype = safetensorsDtypeName(tensor.scalar_type());
        if (dtype.empty())
            return makeError(ErrorCode::InvalidArgument,
                             "tensor '" + name + "': dtype " +
                                 std::string(c10::toString(tensor.scalar_type())) +
                                 " has no safetensors equivalent here",
                             where);
        at::Tensor cpu = tensor.detach().to(torch::kCPU).contiguous();
        const uint64_t bytes = uint64_t(cpu.numel()) * uint64_t(cpu.element_size());
        header[name] = {{"dtype", dtype},
                        {"shape", cpu.sizes().vec()},
                        {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        data.push_back(std::move(cpu));
    }
    std::string json = header.dump();
    // The reference writer pads the header with spaces so the data starts 8-byte aligned.
    json.append((8 - (8 + json.size()) % 8) % 8, ' ');
    auto file = AtomicFile::create(path);
    if (!file)
        return tl::unexpected(file.error());
    uint8_t length[8];
    uint64_t n = json.size();
    for (int b = 0; b < 8; ++b)
        length[b] = uint8_t(n >> (8 * b));
    if (auto ok = file->write(length, 8); !ok)
        return ok;
    if (auto ok = file->write(json); !ok)
        return ok;
    for (const at::Tensor &t : data)
        if (auto ok = file->write(t.data_ptr(), size_t(t.numel()) * t.element_size()); !ok)
            return ok;
    return file->commit();
}

Expected<SafetensorsFile> readSafetensors(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot open " + path + ": " + std::strerror(errno),
                         Location{path, 0, 0, {}});
    in.seekg(0, std::ios::end);
    const uint64_t fileSize = uint64_t(in.tellg());
    in.seekg(0);
    if (fileSize < 8)
        return makeError(ErrorCode::Io,
                         path + ": truncated (" + std::to_string(fileSize) +
                             " bytes; a safetensors file starts with an 8-byte header length)",
                         Location{path, 0, 0, {}});
    uint8_t length[8];
    in.read(reinterpret_cast<char *>(length), 8);
    uint64_t headerSize = 0;
    for (int b = 7; b >= 0; --b)
        headerSize = (headerSize << 8) | length[b];
    if (headerSize > kMaxHeader)
        return parseError(path, "",
                          "header length " + std::to_string(headerSize) +
                              " exceeds the 100 MB limit (not a safetensors file?)");
    if (headerSize > fileSize - 8)
        return makeError(ErrorCode::Io,
                         path + ": truncated: header length " + std::to_string(headerSize) +
                             " but only " + std::to_string(fileSize - 8) + " bytes follow",
                         Location{path, 0, 0, {}});
    std::string text(headerSize, '\0');
    in.read(text.data(), std::streamsize(headerSize));
    if (!in)
        return makeError(ErrorCode::Io, path + ": read error in the header",
                         Location{path, 0, 0, {}});
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &e) {
        return makeError(ErrorCode::Parse, path + ": header is not valid JSON: " + e.what(),
                         Location{path, 0, int64_t(8 + e.byte), {}});
    }
    if (!header.is_object())
        return parseError(path, "", "header is not a JSON object");

    const uint64_t dataSize = fileSize - 8 - headerSize;
    SafetensorsFile result;
    std::vector<Entry> entries;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == kMetadataKey) {
            if (!it->is_object())
                return parseError(path, "", "__metadata__ is not an object");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string())
                    return parseError(path, "",
                                      "__metadata__ value of '" + m.key() + "' is not a string");
                result.metadata[m.key()] = m->get<std::string>();
            }
            continue;
        }
        auto entry = parseEntry(path, it.key(), *it, dataSize);
        if (!entry)
            return tl::unexpected(entry.error());
        entries.push_back(std::move(*entry));
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    uint64_t expectedBegin = 0;
    for (size_t k = 0; k < entries.size(); ++k) {
        const Entry &e = entries[k];
        if (e.begin < expectedBegin)
            return parseError(path, e.name,
                              "data_offsets overlap tensor '" + entries[k - 1].name + "'");
        if (e.begin > expectedBegin)
            return parseError(path, e.name,
                              "gap of " + std::to_string(e.begin - expectedBegin) +
                                  " bytes before this tensor's data");
        expectedBegin = e.end;
    }
    if (expectedBegin != dataSize)
        return parseError(path, "",
                          std::to_string(dataSize - expectedBegin) +
                              " bytes after the last tensor are not part of any tensor");
    for (const Entry &e : entries) {
        at::Tensor t = torch::empty(e.shape, torch::TensorOptions().dtype(e.type));
        in.seekg(std::streamoff(8 + headerSize + e.begin));
        in.read(static_cast<char *>(t.data_ptr()), std::streamsize(e.end - e.begin));
        if (!in)
            return makeError(ErrorCode::Io, path + ": tensor '" + e.name + "': read error",
                             Location{path, 0, 0, e.name});
        result.tensors.emplace_back(e.name, std::move(t));
    }
    return result;
}

} // namespace recforge
