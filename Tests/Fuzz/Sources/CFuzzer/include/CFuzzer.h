// libFuzzer's driver, called from each target's main: SwiftPM renames an executable's `main` (so
// that tests could import it), which keeps libFuzzer's own `main` out of the link.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
