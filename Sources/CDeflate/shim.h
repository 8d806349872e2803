#ifndef RECON_CDEFLATE_SHIM_H
#define RECON_CDEFLATE_SHIM_H

/* zlib's deflate and crc32, for the workbook's ZIP writer (Sources/ReconFormats/Workbook/ZipWriter.swift).
 * The headers come from Debian's zlib1g-dev, which ZIPFoundation needs on Linux as well. */
#include <zlib.h>

#endif
