// Only the declaration in include/LibFuzzer.h is needed; SwiftPM wants one source file in a C target.
#include "LibFuzzer.h"
