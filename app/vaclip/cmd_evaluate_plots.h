#pragma once
// Plots of `vaclip evaluate --plot_curves`: roc, pr and scores_<video> as .png/.pdf/.svg.

#include "eval/evaluator.h"

#include <string>
#include <vector>

namespace vaclip::cli {

/// Writes the plots into outDir; returns every file written. Throws vaclip::Error on failure.
std::vector<std::string> writeEvaluationPlots(const std::string& outDir, const eval::EvaluationResult& result);

} // namespace vaclip::cli
