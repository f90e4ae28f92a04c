#include "report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "store/project.h"
#include "store/runstore.h"

namespace recforge {

namespace {

constexpr int kPlotWidth = 520, kPlotHeight = 220, kMargin = 44;

std::string escape(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string number(double v, const char *format = "%.4g")
{
    if (std::isnan(v))
        return "NaN";
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, format, v);
    return buffer;
}

// One curve as an SVG line plot: x = step, y = value; NaN points break the line.
std::string svgPlot(const CurveSeries &series)
{
    double minX = INFINITY, maxX = -INFINITY, minY = INFINITY, maxY = -INFINITY;
    for (const CurvePoint &p : series.points) {
        if (std::isnan(p.value) || std::isinf(p.value))
            continue;
        minX = std::min(minX, double(p.step));
        maxX = std::max(maxX, double(p.step));
        minY = std::min(minY, p.value);
        maxY = std::max(maxY, p.value);
    }
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(kPlotWidth) + "\" height=\"" + std::to_string(kPlotHeight) +
                      "\" role=\"img\" aria-label=\"" + escape(series.name) + "\">";
    svg += "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fff\" "
           "stroke=\"#ccc\"/>";
    if (minX > maxX) {
        svg += "<text x=\"20\" y=\"40\">no finite values</text></svg>";
        return svg;
    }
    if (maxX == minX)
        maxX = minX + 1;
    if (maxY == minY) {
        maxY += 0.5;
        minY -= 0.5;
    }
    const double w = kPlotWidth - 2 * kMargin, h = kPlotHeight - 2 * kMargin / 2.0 - 10;
    const auto px = [&](double x) { return kMargin + (x - minX) / (maxX - minX) * w; };
    const auto py = [&](double y) { return kMargin / 2.0 + (maxY - y) / (maxY - minY) * h; };
    std::string polyline;
    const auto flush = [&] {
        if (!polyline.empty())
            svg += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"" +
                   polyline + "\"/>";
        polyline.clear();
    };
    for (const CurvePoint &p : series.points) {
        if (std::isnan(p.value) || std::isinf(p.value)) {
            flush();
            continue;
        }
        polyline += number(px(double(p.step)), "%.1f") + "," + number(py(p.value), "%.1f") + " ";
    }
    flush();
    const std::string axis = "font-size=\"11\" fill=\"#555\"";
    svg += "<text x=\"2\" y=\"" + number(py(maxY) + 4, "%.0f") + "\" " + axis + ">" + number(maxY) +
           "</text>";
    svg += "<text x=\"2\" y=\"" + number(py(minY), "%.0f") + "\" " + axis + ">" + number(minY) +
           "</text>";
    svg += "<text x=\"" + std::to_string(kMargin) + "\" y=\"" + std::to_string(kPlotHeight - 4) +
           "\" " + axis + ">step " + number(minX, "%.0f") + "</text>";
    svg += "<text x=\"" + std::to_string(kPlotWidth - kMargin - 60) + "\" y=\"" +
           std::to_string(kPlotHeight - 4) + "\" " + axis + ">step " + number(maxX, "%.0f") +
           "</text>";
    svg += "</svg>";
    return svg;
}

} // namespace

std::string renderRunReport(const RunDetail &run, const std::vector<CurveSeries> &curves)
{
    const RunSummary &s = run.summary;
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>RecForge run " +
                       std::to_string(s.id) +
                       "</title><style>"
                       "body{font-family:sans-serif;margin:2em;color:#222}"
                       "table{border-collapse:collapse;margin-bottom:1.5em}"
                       "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                       "th{background:#f3f3f3}pre{background:#f7f7f7;padding:1em}"
                       ".plots{display:flex;flex-wrap:wrap;gap:1em}"
                       "</style></head><body>\n";
    html += "<h1>Run " + std::to_string(s.id) + ": " + escape(s.name) + "</h1>\n<table>";
    const std::pair<const char *, std::string> rows[] = {
        {"model", s.model},
        {"kind", s.kind},
        {"status", runStatusName(s.status)},
        {"seed", std::to_string(s.seed)},
        {"dataset", std::to_string(s.datasetId) + " (" + s.datasetHash + ")"},
        {"split", std::to_string(s.splitId)},
        {"device", s.device},
        {"code version", s.codeVersion},
        {"created", s.createdAt},
        {"finished", s.finishedAt},
        {"error", s.error},
    };
    for (const auto &[key, value] : rows)
        if (!value.empty())
            html += "<tr><th>" + std::string(key) + "</th><td>" + escape(value) + "</td></tr>";
    html += "</table>\n";

    // Metrics grouped by protocol: numbers of different protocols are never in one table.
    std::map<std::string, std::vector<const MetricRecord *>> byProtocol;
    for (const MetricRecord &m : run.metrics)
        if (m.epoch == 0) // final values; per-epoch ones are in the curves
            byProtocol[m.protocolLabel].push_back(&m);
    html += "<h2>Metrics</h2>\n";
    if (byProtocol.empty())
        html += "<p>No final metrics recorded.</p>\n";
    for (const auto &[label, metrics] : byProtocol) {
        html += "<h3>" + escape(label.empty() ? "(no protocol label)" : label) +
                "</h3>\n<table><tr><th>metric</th><th>value</th><th>group</th><th>users</th>"
                "<th>recorded</th></tr>";
        for (const MetricRecord *m : metrics)
            html += "<tr><td>" + escape(m->name) + "</td><td>" + number(m->value, "%.5f") +
                    "</td><td>" + escape(m->group) + "</td><td>" + std::to_string(m->users) +
                    "</td><td>" + escape(m->recordedAt) + "</td></tr>";
        html += "</table>\n";
    }

    html += "<h2>Curves</h2>\n<div class=\"plots\">";
    if (curves.empty())
        html += "<p>No curves recorded.</p>";
    for (const CurveSeries &c : curves)
        html += "<figure><figcaption>" + escape(c.name) + " (" + std::to_string(c.points.size()) +
                " points)</figcaption>" + svgPlot(c) + "</figure>";
    html += "</div>\n<h2>Parameters</h2>\n<pre>";
    try {
        html += escape(nlohmann::json::parse(run.paramsJson).dump(2));
    } catch (const std::exception &) {
        html += escape(run.paramsJson);
    }
    html += "</pre>\n</body></html>\n";
    return html;
}

Expected<std::string> runReportHtml(const std::string &projectPath, int64_t runId)
{
    auto project = Project::open(projectPath, false);
    if (!project)
        return tl::unexpected(project.error());
    RunStore::Options options;
    options.markInterruptedOnOpen = false;
    auto runs = RunStore::open(**project, options);
    if (!runs)
        return tl::unexpected(runs.error());
    auto detail = (*runs)->run(runId);
    if (!detail)
        return tl::unexpected(detail.error());
    auto curves = (*runs)->curves(runId);
    if (!curves)
        return tl::unexpected(curves.error());
    return renderRunReport(*detail, *curves);
}

} // namespace recforge
