#ifndef LEADLAG_CPREFETCH_H
#define LEADLAG_CPREFETCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/// Asks the processor to bring the memory at `address` into its caches, to be written, without
/// waiting for it: a loop that will look up many places of a large table, each a miss of the
/// caches on its own, asks for them all first, and they arrive together.
static inline void leadlag_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks the kernel to map the whole pages within `length` bytes at `address` ready to be written
/// (`MADV_POPULATE_WRITE`), without changing what they hold: the zeroed pages a growing array will
/// fault in one by one are then made at once, by whichever thread calls this. A kernel without it
/// (before Linux 5.14) refuses, and the pages are faulted in as usual; so is a range no longer
/// mapped. The result is not reported: the call only ever saves time.
static inline void leadlag_populate_for_write(uintptr_t address, size_t length) {
#ifdef MADV_POPULATE_WRITE
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (address + page - 1) & ~(page - 1);
    uintptr_t end = (address + length) & ~(page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)address;
    (void)length;
#endif
}

#endif
