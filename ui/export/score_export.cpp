#include "export/score_export.h"

#include "common/error.h"
#include "io/atomic_file.h"
#include "io/npy.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace vaclip::studio {

namespace {

void checkTracks(const QString& path, const std::vector<ScoreTrackExport>& tracks)
{
    for (const ScoreTrackExport& t : tracks)
        if (!t.labels.empty() && t.labels.size() != t.scores.size())
            throw Error(ErrorCode::Mismatch, quoted(path.toStdString()) + ": video '" + t.video.toStdString() +
                                                 "' has " + std::to_string(t.labels.size()) + " labels for " +
                                                 std::to_string(t.scores.size()) + " scores");
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(double v, int digits)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

} // namespace

ScoreFormat scoreFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("npy"))
        return ScoreFormat::Npy;
    if (suffix == QLatin1String("csv"))
        return ScoreFormat::Csv;
    if (suffix == QLatin1String("json"))
        return ScoreFormat::Json;
    throw Error(ErrorCode::Unsupported, quoted(path.toStdString()) +
                                            ": unknown score file type (expected .npy, .csv or .json)");
}

QString scoreFileFilter()
{
    return QCoreApplication::translate("vaclip::studio::ScoreExport", "NumPy array (*.npy);;CSV table (*.csv);;JSON (*.json)");
}

QByteArray scoresToCsv(const std::vector<ScoreTrackExport>& tracks, double fps)
{
    std::string out = "video,frame,time_s,score,label\n";
    for (const ScoreTrackExport& t : tracks) {
        const std::string name = csvField(t.video.toStdString());
        for (std::size_t i = 0; i < t.scores.size(); ++i) {
            out += name;
            out += ',';
            out += std::to_string(i);
            out += ',';
            if (fps > 0)
                out += number(double(i) / fps, 10);
            out += ',';
            out += number(t.scores[i], 9);
            out += ',';
            if (!t.labels.empty())
                out += t.labels[i] ? '1' : '0';
            out += '\n';
        }
    }
    return QByteArray::fromStdString(out);
}

QByteArray scoresToJson(const std::vector<ScoreTrackExport>& tracks, double fps)
{
    nlohmann::ordered_json root;
    root["format"] = "vaclip-scores";
    root["version"] = 1;
    root["fps"] = fps > 0 ? nlohmann::ordered_json(fps) : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json videos = nlohmann::ordered_json::array();
    for (const ScoreTrackExport& t : tracks) {
        nlohmann::ordered_json v;
        v["video"] = t.video.toStdString();
        v["frames"] = t.scores.size();
        nlohmann::ordered_json scores = nlohmann::ordered_json::array();
        for (float s : t.scores)
            scores.push_back(std::isfinite(s) ? nlohmann::ordered_json(double(s)) : nlohmann::ordered_json(nullptr));
        v["scores"] = std::move(scores);
        if (t.labels.empty()) {
            v["labels"] = nullptr;
        } else {
            nlohmann::ordered_json labels = nlohmann::ordered_json::array();
            for (uint8_t l : t.labels)
                labels.push_back(l ? 1 : 0);
            v["labels"] = std::move(labels);
        }
        videos.push_back(std::move(v));
    }
    root["videos"] = std::move(videos);
    return QByteArray::fromStdString(root.dump(1) + "\n");
}

void exportScores(const QString& path, const std::vector<ScoreTrackExport>& tracks, ScoreFormat format, double fps)
{
    if (format == ScoreFormat::Auto)
        format = scoreFormatForPath(path);
    checkTracks(path, tracks);
    const std::string file = path.toStdString();
    switch (format) {
    case ScoreFormat::Npy: {
        std::vector<float> all;
        for (const ScoreTrackExport& t : tracks)
            all.insert(all.end(), t.scores.begin(), t.scores.end());
        const int64_t n = int64_t(all.size());
        writeNpy(file, NpyArray::fromFloats(all, {n}));
        break;
    }
    case ScoreFormat::Csv: {
        const QByteArray bytes = scoresToCsv(tracks, fps);
        writeFileAtomic(file, reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
        break;
    }
    case ScoreFormat::Json:
    case ScoreFormat::Auto: {
        const QByteArray bytes = scoresToJson(tracks, fps);
        writeFileAtomic(file, reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
        break;
    }
    }
}

} // namespace vaclip::studio
