#pragma once
// The C++ standard streams, set up when main wants them instead of before main (the why, and
// what it asks of code linked into sloth: StandardStreamsOnDemand.cpp).

namespace sloth::cli {

// From now on a std::ios_base::Init constructs the standard streams (main's first statement).
void enableStandardStreams();

// Enables the standard streams and constructs them now (before CLI11 may print with them).
void startStandardStreams();

} // namespace sloth::cli
