#ifndef LEADLAG_CPREFETCH_H
#define LEADLAG_CPREFETCH_H

/// Asks the processor to bring the memory at `address` into its caches, to be written, without
/// waiting for it: a loop that will look up many places of a large table, each a miss of the
/// caches on its own, asks for them all first, and they arrive together.
static inline void leadlag_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
