// "Did you mean" for the checker: the shared header-only suggestions (sloth/Suggest.h).
#pragma once

#include "sloth/Suggest.h"

namespace sloth::types {

using sloth::closestName;
using sloth::editDistance;

} // namespace sloth::types
