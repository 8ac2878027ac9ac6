// Mask folders, .npy and .mat ground truth, and the format dispatch.
#include "data/ground_truth.h"

#include "common/error.h"
#include "data/file_list.h"
#include "data/matfile.h"
#include "io/image.h"
#include "io/npy.h"

#include <cmath>
#include <cstring>

namespace vaclip {

namespace {

bool nonzeroAt(const uint8_t* p, DType t)
{
    switch (t) {
    case DType::F32: {
        float v;
        std::memcpy(&v, p, sizeof v);
        return v != 0.0f || std::isnan(v);
    }
    case DType::F64: {
        double v;
        std::memcpy(&v, p, sizeof v);
        return v != 0.0 || std::isnan(v);
    }
    case DType::F16:
    case DType::BF16: {
        uint16_t v;
        std::memcpy(&v, p, sizeof v);
        return (v & 0x7fff) != 0;   // +0 and -0 are zero
    }
    default:
        for (std::size_t i = 0; i < dtypeSize(t); ++i)
            if (p[i])
                return true;
        return false;
    }
}

bool anyNonzero(const uint8_t* p, std::size_t count, DType t)
{
    const std::size_t w = dtypeSize(t);
    if (t != DType::F32 && t != DType::F64 && t != DType::F16 && t != DType::BF16) {
        const uint8_t* end = p + count * w;
        for (; p != end; ++p)
            if (*p)
                return true;
        return false;
    }
    for (std::size_t i = 0; i < count; ++i)
        if (nonzeroAt(p + i * w, t))
            return true;
    return false;
}

std::string shapeText(const std::vector<int64_t>& shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

void checkCount(std::size_t n, std::optional<int64_t> expected, const std::string& source, const char* what)
{
    if (expected && int64_t(n) != *expected)
        throw Error(ErrorCode::Mismatch, quoted(source) + ": " + std::to_string(n) + " " + what + " for a video of "
                                             + std::to_string(*expected) + " frames");
}

/// Strict 0/1 labels from numeric values.
std::vector<uint8_t> strictLabels(const std::vector<double>& values, const std::string& source)
{
    std::vector<uint8_t> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] != 0.0 && values[i] != 1.0)
            throw Error(ErrorCode::Format, quoted(source) + ": frame " + std::to_string(i) + " has label "
                                               + std::to_string(values[i]) + "; frame labels must be 0 or 1");
        out[i] = values[i] == 1.0 ? 1 : 0;
    }
    return out;
}

template <typename PerImage>
void forEachMask(const std::string& dir, PerImage perImage)
{
    const auto files = data::listImageFiles(dir);
    if (files.empty())
        throw Error(ErrorCode::NotFound, quoted(dir) + ": no mask images (.bmp, .png, .tif, .jpg) in the folder");
    int w0 = 0, h0 = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Image img = readImage(files[i].string());
        if (i == 0) {
            w0 = img.width;
            h0 = img.height;
        } else if (img.width != w0 || img.height != h0) {
            throw Error(ErrorCode::Mismatch, quoted(files[i].string()) + ": mask is " + std::to_string(img.width) + "x"
                                                 + std::to_string(img.height) + ", but "
                                                 + quoted(files[0].string()) + " is " + std::to_string(w0) + "x"
                                                 + std::to_string(h0));
        }
        perImage(img);
    }
}

const MatArray& labelVariable(const MatFile& f)
{
    if (const MatArray* v = f.find("volLabel"))
        return *v;
    if (f.variables.size() == 1)
        return f.variables.front();
    return f.variable("volLabel");   // throws, listing what is there
}

bool isVector(const MatArray& a)
{
    return a.dims.size() == 2 && (a.dims[0] == 1 || a.dims[1] == 1);
}

} // namespace

std::vector<uint8_t> FrameMasks::frameLabels() const
{
    std::vector<uint8_t> out(static_cast<std::size_t>(frames), 0);
    const std::size_t plane = std::size_t(height) * width;
    for (int64_t t = 0; t < frames; ++t) {
        const uint8_t* p = frame(t);
        for (std::size_t i = 0; i < plane; ++i)
            if (p[i]) {
                out[t] = 1;
                break;
            }
    }
    return out;
}

FrameMasks readMaskFolder(const std::string& dir)
{
    FrameMasks m;
    forEachMask(dir, [&](const Image& img) {
        m.width = img.width;
        m.height = img.height;
        const std::size_t plane = std::size_t(img.width) * img.height;
        const std::size_t base = m.data.size();
        m.data.resize(base + plane);
        for (std::size_t i = 0; i < plane; ++i) {
            const uint8_t* px = img.rgb.data() + i * 3;
            m.data[base + i] = (px[0] | px[1] | px[2]) ? 1 : 0;
        }
        ++m.frames;
    });
    return m;
}

std::vector<uint8_t> readMaskFolderLabels(const std::string& dir)
{
    std::vector<uint8_t> labels;
    forEachMask(dir, [&](const Image& img) {
        bool any = false;
        for (uint8_t v : img.rgb)
            if (v) {
                any = true;
                break;
            }
        labels.push_back(any ? 1 : 0);
    });
    return labels;
}

FrameMasks readMaskNpy(const std::string& path)
{
    const NpyArray a = readNpy(path);
    if (a.shape.size() != 3)
        throw Error(ErrorCode::Format, quoted(path) + ": pixel masks must be a T x H x W array, got shape "
                                           + shapeText(a.shape));
    if (a.shape[1] > INT32_MAX || a.shape[2] > INT32_MAX)
        throw Error(ErrorCode::Format, quoted(path) + ": mask size " + shapeText(a.shape) + " is too large");
    FrameMasks m;
    m.frames = a.shape[0];
    m.height = static_cast<int>(a.shape[1]);
    m.width = static_cast<int>(a.shape[2]);
    const std::size_t n = static_cast<std::size_t>(a.numel());
    const std::size_t w = dtypeSize(a.dtype);
    m.data.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m.data[i] = nonzeroAt(a.data.data() + i * w, a.dtype) ? 1 : 0;
    return m;
}

std::vector<uint8_t> readLabelNpy(const std::string& path)
{
    const NpyArray a = readNpy(path);
    const auto& s = a.shape;
    if (s.size() == 1 || (s.size() == 2 && (s[0] == 1 || s[1] == 1)))
        return strictLabels(a.toDoubles(), path);
    if (s.size() == 3) {
        std::vector<uint8_t> out(static_cast<std::size_t>(s[0]));
        const std::size_t plane = static_cast<std::size_t>(s[1] * s[2]);
        const std::size_t bytes = plane * dtypeSize(a.dtype);
        for (std::size_t t = 0; t < out.size(); ++t)
            out[t] = anyNonzero(a.data.data() + t * bytes, plane, a.dtype) ? 1 : 0;
        return out;
    }
    throw Error(ErrorCode::Format, quoted(path) + ": expected per-frame labels (T,) or masks (T, H, W), got shape "
                                       + shapeText(s));
}

FrameMasks readMaskMat(const std::string& path)
{
    const MatFile f = readMatFile(path);
    const MatArray& v = labelVariable(f);
    FrameMasks m;
    if (v.cls == MatClass::Cell) {
        for (std::size_t t = 0; t < v.cells.size(); ++t) {
            const MatArray& c = v.cells[t];
            if (!c.isNumeric() || c.dims.size() != 2)
                throw Error(ErrorCode::Format, quoted(path) + ": " + v.name + "{" + std::to_string(t + 1)
                                                   + "} is " + c.describe() + ", expected a 2-D mask");
            if (t == 0) {
                m.height = static_cast<int>(c.dims[0]);
                m.width = static_cast<int>(c.dims[1]);
            } else if (c.dims[0] != m.height || c.dims[1] != m.width) {
                throw Error(ErrorCode::Mismatch, quoted(path) + ": mask " + std::to_string(t + 1) + " is "
                                                     + std::to_string(c.dims[0]) + "x" + std::to_string(c.dims[1])
                                                     + " (rows x columns), mask 1 is " + std::to_string(m.height) + "x"
                                                     + std::to_string(m.width));
            }
            const std::vector<uint8_t> plane = c.toMaskRowMajor();
            m.data.insert(m.data.end(), plane.begin(), plane.end());
            ++m.frames;
        }
        return m;
    }
    if (v.isNumeric() && v.dims.size() == 3) {   // H x W x T, column-major
        m.height = static_cast<int>(v.dims[0]);
        m.width = static_cast<int>(v.dims[1]);
        m.frames = v.dims[2];
        const int64_t plane = v.dims[0] * v.dims[1];
        m.data.resize(static_cast<std::size_t>(plane * m.frames));
        for (int64_t t = 0; t < m.frames; ++t)
            for (int64_t c = 0; c < m.width; ++c)
                for (int64_t r = 0; r < m.height; ++r)
                    m.data[static_cast<std::size_t>(t * plane + r * m.width + c)] =
                        v.at(t * plane + c * m.height + r) != 0.0 ? 1 : 0;
        return m;
    }
    throw Error(ErrorCode::Format, quoted(path) + ": variable " + v.describe()
                                       + " holds no masks (expected a cell array of 2-D masks or H x W x T)");
}

std::vector<uint8_t> readLabelMat(const std::string& path)
{
    const MatFile f = readMatFile(path);
    const MatArray& v = labelVariable(f);
    if (v.cls == MatClass::Cell) {
        std::vector<uint8_t> out;
        out.reserve(v.cells.size());
        for (std::size_t t = 0; t < v.cells.size(); ++t) {
            const MatArray& c = v.cells[t];
            if (!c.isNumeric())
                throw Error(ErrorCode::Format, quoted(path) + ": " + v.name + "{" + std::to_string(t + 1) + "} is "
                                                   + c.describe() + ", expected a numeric or logical mask");
            out.push_back(c.anyNonzero() ? 1 : 0);
        }
        return out;
    }
    if (v.isNumeric() && isVector(v))
        return strictLabels(v.toDoubles(), path);
    if (v.isNumeric() && v.dims.size() == 3) {
        std::vector<uint8_t> out(static_cast<std::size_t>(v.dims[2]));
        const std::size_t plane = static_cast<std::size_t>(v.dims[0] * v.dims[1]);
        const std::size_t bytes = plane * dtypeSize(v.real.type);
        for (std::size_t t = 0; t < out.size(); ++t)
            out[t] = anyNonzero(v.real.bytes() + t * bytes, plane, v.real.type) ? 1 : 0;
        return out;
    }
    throw Error(ErrorCode::Format, quoted(path) + ": variable " + v.describe()
                                       + " holds no frame labels (expected a cell array of masks, a vector or H x W x T)");
}

LabelFormat parseLabelFormat(const std::string& name, const std::string& context)
{
    if (name.empty() || name == "auto")
        return LabelFormat::Auto;
    if (name == "text")
        return LabelFormat::Text;
    if (name == "npy")
        return LabelFormat::Npy;
    if (name == "mask-folder")
        return LabelFormat::MaskFolder;
    if (name == "mat")
        return LabelFormat::Mat;
    throw Error(ErrorCode::Format, (context.empty() ? std::string() : context + ": ") + "unknown label_format '"
                                       + name + "' (expected auto, text, npy, mask-folder or mat)");
}

const char* toString(LabelFormat format)
{
    switch (format) {
    case LabelFormat::Auto: return "auto";
    case LabelFormat::Text: return "text";
    case LabelFormat::Npy: return "npy";
    case LabelFormat::MaskFolder: return "mask-folder";
    case LabelFormat::Mat: return "mat";
    }
    return "auto";
}

LabelFormat detectLabelFormat(const std::string& path)
{
    if (data::isDirectory(path))
        return LabelFormat::MaskFolder;
    const std::string ext = data::lowerExtension(path);
    if (ext == ".npy")
        return LabelFormat::Npy;
    if (ext == ".mat")
        return LabelFormat::Mat;
    if (ext == ".txt" || ext == ".csv" || ext == ".labels")
        return LabelFormat::Text;
    if (ext == ".m")
        throw Error(ErrorCode::Unsupported, quoted(path) + ": a UCSD .m file describes all test videos, not one;"
                                                " convert it with 'vaclip import --format ucsd-ped1|ucsd-ped2'");
    throw Error(ErrorCode::Unsupported, quoted(path) + ": cannot tell the ground-truth format from the name"
                                            " (expected a folder of masks, .npy, .mat or .txt; or set label_format)");
}

std::vector<uint8_t> loadFrameLabels(const std::string& path, LabelFormat format, std::optional<int64_t> frameCount)
{
    if (format == LabelFormat::Auto)
        format = detectLabelFormat(path);
    std::vector<uint8_t> labels;
    switch (format) {
    case LabelFormat::Text: labels = readLabelText(path, frameCount); break;
    case LabelFormat::Npy: labels = readLabelNpy(path); break;
    case LabelFormat::MaskFolder: labels = readMaskFolderLabels(path); break;
    case LabelFormat::Mat: labels = readLabelMat(path); break;
    case LabelFormat::Auto: break;
    }
    checkCount(labels.size(), frameCount, path, "frame labels");
    return labels;
}

FrameMasks loadFrameMasks(const std::string& path, LabelFormat format, std::optional<int64_t> frameCount)
{
    if (format == LabelFormat::Auto)
        format = detectLabelFormat(path);
    FrameMasks masks;
    switch (format) {
    case LabelFormat::Npy: masks = readMaskNpy(path); break;
    case LabelFormat::MaskFolder: masks = readMaskFolder(path); break;
    case LabelFormat::Mat: masks = readMaskMat(path); break;
    case LabelFormat::Text:
    case LabelFormat::Auto:
        throw Error(ErrorCode::Unsupported, quoted(path) + ": a text label file holds no pixel masks");
    }
    checkCount(static_cast<std::size_t>(masks.frames), frameCount, path, "masks");
    return masks;
}

namespace {

std::optional<int64_t> expectedCount(const VideoEntry& e, std::optional<int64_t> given)
{
    if (given && e.frameCount && *given != *e.frameCount)
        throw Error(ErrorCode::Mismatch, e.location + ": video " + quoted(e.videoPath) + " has " + std::to_string(*given)
                                             + " frames but meta.json says frame_count " + std::to_string(*e.frameCount));
    return given ? given : e.frameCount;
}

std::string pick(const std::string& absolute, const std::string& written)
{
    return absolute.empty() ? written : absolute;
}

} // namespace

std::vector<uint8_t> loadFrameLabels(const VideoEntry& entry, std::optional<int64_t> frameCount)
{
    const std::optional<int64_t> n = expectedCount(entry, frameCount);
    const std::string gt = pick(entry.gtAbsolutePath, entry.gtPath);
    if (gt.empty()) {
        if (entry.anomaly)
            throw Error(ErrorCode::NotFound, entry.location + ": anomalous video " + quoted(entry.videoPath)
                                                 + " has no gt_path, so its anomalous frames are unknown");
        if (!n)
            throw Error(ErrorCode::InvalidArgument, entry.location + ": normal video " + quoted(entry.videoPath)
                                                        + " has no gt_path and no frame count");
        return std::vector<uint8_t>(static_cast<std::size_t>(*n), 0);
    }
    return loadFrameLabels(gt, parseLabelFormat(entry.labelFormat, entry.location), n);
}

FrameMasks loadFrameMasks(const VideoEntry& entry, std::optional<int64_t> frameCount)
{
    const std::optional<int64_t> n = expectedCount(entry, frameCount);
    const std::string mask = pick(entry.maskAbsolutePath, entry.maskPath);
    if (!mask.empty())
        return loadFrameMasks(mask, LabelFormat::Auto, n);
    const std::string gt = pick(entry.gtAbsolutePath, entry.gtPath);
    if (gt.empty())
        throw Error(ErrorCode::NotFound, entry.location + ": video " + quoted(entry.videoPath)
                                             + " has neither mask_path nor gt_path");
    LabelFormat f = parseLabelFormat(entry.labelFormat, entry.location);
    return loadFrameMasks(gt, f, n);
}

} // namespace vaclip
