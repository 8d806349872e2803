// mimalloc (libmimalloc-dev): linked into the recon executable, it serves every malloc and free
// of the process in place of glibc's (see Sources/recon/MemoryTuning.swift).
#include <mimalloc.h>
