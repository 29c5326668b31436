// The prefetch hint is a static inline function in the header, inlined where Swift calls it:
// this file only makes the target a C library SwiftPM builds.
#include "CPrefetch.h"
