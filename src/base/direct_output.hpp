// base/direct_output.hpp — an output file written around the page cache.
//
// A long list's decisions or allocation are gigabytes that aturan writes once and does not
// read back. Written through the page cache, every byte first takes a fresh page of memory
// (on a VM whose host reclaims idle guest memory, that costs about 1 ms per MB: more than
// deciding the rows), and the pages crowd out what the machine had cached. Written with
// O_DIRECT, the bytes go from two reused, aligned blocks straight to the disk, one written
// on a thread of its own while the other fills.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace aturan::internal {

// Bytes gathered before each direct write: a multiple of every disk's block size.
inline constexpr size_t kDirectOutputBlock = size_t{4} << 20;

// Opens `path` for writing (created, or truncated) as an unbuffered stdio stream whose whole
// blocks of kDirectOutputBlock bytes are written with O_DIRECT as they fill, and whose last
// partial block is written through the page cache when the stream is closed (so an output
// smaller than a block never goes around it). Where the file system refuses O_DIRECT (e.g.
// tmpfs), every byte goes through the page cache instead; the bytes are the same either way.
// Null with errno set when the file cannot be opened. fclose returns EOF, with errno set,
// when the last write failed.
std::FILE* OpenDirectOutput(const std::string& path);

}  // namespace aturan::internal
