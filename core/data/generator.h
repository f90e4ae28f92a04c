#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/progress.h"
#include "data/dataset.h"

namespace recforge {

// Parameters of the synthetic demo shop. Every field has a usable default; generateShop() rejects
// values outside the documented ranges with ErrorCode::InvalidArgument (field = the JSON key).
struct ShopParams {
    int users = 5000;        // >= 1
    int items = 2000;        // >= 1
    int64_t events = 200000; // >= 0; the result has events ± 2% rows
    uint64_t seed = 42;
    double newItemFraction = 0.1;   // items that appear only in the last ~10% of the time span
    double newUserFraction = 0.1;   // users who arrive late with only a few events
    double chineseFraction = 0.3;   // items whose title/description are Chinese
    int64_t startTime = 1704067200; // 2024-01-01 UTC
    int days = 180;                 // >= 1
    std::string name = "demo-shop";
};

// Builds a synthetic e-commerce dataset: a 2-3 level category tree (English and Chinese names),
// brands, an item catalogue with titles, prices, descriptions and attributes, users with attributes
// and drifting latent tastes, and sessions of view -> click -> cart -> purchase events (plus
// occasional ratings). Interactions are sorted by timestamp (ties by user).
// Deterministic: the same params give a byte-identical dataset (own PRNG and distributions, no
// std::*_distribution, so standard library versions do not matter; prices are rounded to .99 so
// libm rounding differences cannot show). New items carry a "released" attribute (ISO 8601 UTC)
// and have no events before it; every item has a "language" attribute ("en" / "zh"). Reports
// progress in generated users; returns ErrorCode::Cancelled when stopped through `stop` or the
// observer.
Expected<Dataset> generateShop(const ShopParams &params, Observer &observer, StopToken stop = {});

nlohmann::json toJson(const ShopParams &params);
// Missing keys keep their defaults; wrong types or out-of-range values are InvalidArgument with
// Location::field set to the key.
Expected<ShopParams> shopParamsFromJson(const nlohmann::json &json);
// Checks ranges; the same check generateShop() performs.
Status validate(const ShopParams &params);

} // namespace recforge
