#ifndef RECON_CIGZIP_SHIM_H
#define RECON_CIGZIP_SHIM_H

/* ISA-L's igzip (streaming deflate) and its CRC-32, for the workbook's ZIP writer
 * (Sources/ReconFormats/Workbook/Deflater.swift). The headers come from Debian's libisal-dev. */
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

/* What Swift cannot import: a size given as a macro expression, and a state deep in the stream. */
static inline uint32_t recon_igzip_level1_buffer_size(void) { return ISAL_DEF_LVL1_DEFAULT; }
static inline int recon_igzip_ended(const struct isal_zstream *stream) {
    return stream->internal_state.state == ZSTATE_END;
}

#endif
