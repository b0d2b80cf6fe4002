#ifndef FIELDWORK_LIBFUZZER_H
#define FIELDWORK_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main (LLVM 11 and later), linked in
/// by `-sanitize=fuzzer`. SwiftPM names an executable's main `<Target>_main` and makes `main` an
/// alias of it, so libFuzzer's own main cannot be used; each fuzz target's `<Target>_main`
/// calls this instead. Referenced only in builds with `-DFUZZING`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
