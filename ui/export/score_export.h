#pragma once
// Export of per-frame scores: NumPy .npy, CSV and JSON, each written atomically (temporary file,
// then rename), the format chosen by the file's suffix.
//
//   std::vector<ScoreTrackExport> tracks = {{QStringLiteral("Test001"), scores, labels}};
//   exportScores(QStringLiteral("/tmp/scores.csv"), tracks);          // or .npy / .json
//   exportScores(path, tracks, ScoreFormat::Json, 25.0);            // with fps: times in seconds
//
// Formats (frames 0-based, videos in the given order):
//   .npy   float32 1-D array: every video's scores concatenated in order (the layout of
//          `vaclip test`'s frame_scores.npy); numpy.load reads it.
//   .csv   header "video,frame,time_s,score,label"; one row per frame; time_s empty without fps,
//          label empty when the video has no labels. Scores printed with 9 significant digits
//          (float32 round-trips exactly). Video names are quoted when they hold ',', '"' or a newline.
//   .json  {"format": "vaclip-scores", "version": 1, "fps": 25 or null,
//           "videos": [{"video": "Test001", "frames": N, "scores": [...], "labels": [...] or null}]}
// Errors: vaclip::Error naming the file (unknown suffix: Unsupported; labels whose count differs
// from the scores: Mismatch; non-finite scores in CSV/JSON are written as "nan"/null).
// Thread safety: free functions; safe from any thread (no widgets).

#include <QString>

#include <cstdint>
#include <vector>

namespace vaclip::studio {

struct ScoreTrackExport {
    QString video;
    std::vector<float> scores;       ///< one per frame
    std::vector<uint8_t> labels;     ///< one per frame (0/1), or empty
};

enum class ScoreFormat { Auto, Npy, Csv, Json };

/// From the suffix (case-insensitive); throws Unsupported naming the path otherwise.
ScoreFormat scoreFormatForPath(const QString& path);
/// "NumPy array (*.npy);;CSV (*.csv);;JSON (*.json)" for file dialogs (translated).
QString scoreFileFilter();

void exportScores(const QString& path, const std::vector<ScoreTrackExport>& tracks,
                  ScoreFormat format = ScoreFormat::Auto, double fps = 0);

/// The CSV / JSON text (used by exportScores and tests).
QByteArray scoresToCsv(const std::vector<ScoreTrackExport>& tracks, double fps = 0);
QByteArray scoresToJson(const std::vector<ScoreTrackExport>& tracks, double fps = 0);

} // namespace vaclip::studio
