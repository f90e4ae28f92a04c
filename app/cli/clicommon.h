#pragma once

#include <initializer_list>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "args.h"
#include "common/error.h"
#include "store/project.h"

namespace recforge::cli {

// Prints "error: <file:line:col (field)>: message" on stderr; with --json also a JSON error object
// on stdout. Returns the exit code for the error (kCancelled for ErrorCode::Cancelled).
int reportError(const Error &error, const Args &args);

// Parses the options; prints help and returns false with `exitCode` set when the command must end.
bool parseOrExit(Args &args, int argc, char **argv, int first, int &exitCode);

// Opens --project (created when `create`). Errors are reported by the caller.
Expected<std::unique_ptr<Project>> openProject(const Args &args, bool create);

// The dataset named by --dataset, or the only/most recent one when --dataset is absent.
Expected<int64_t> resolveDataset(const Project &project, const Args &args);

void printJson(const nlohmann::json &value);

// A JSON file (run and job configs). Errors: Io (unreadable), Parse (with the byte offset).
Expected<nlohmann::json> readJsonFile(const std::string &path);

// Copies each given integer option into target[key] (the option's own name as key). Errors: the
// option's parse error.
Status copyIntegerOptions(const Args &args, nlohmann::json &target,
                          std::initializer_list<const char *> options);

} // namespace recforge::cli
