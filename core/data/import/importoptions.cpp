#include "importoptions.h"

namespace recforge {

EventMapping EventMapping::defaults()
{
    // No explicit rules: EventResolver recognises the common spellings itself, so a user rule
    // only has to be written for shop-specific strings.
    EventMapping mapping;
    mapping.keepUnknownAsCustom = true;
    return mapping;
}

int64_t ImportReport::totalRejected() const
{
    int64_t total = 0;
    for (const FileImportReport &file : files)
        total += file.rowsRejected;
    return total;
}

} // namespace recforge
