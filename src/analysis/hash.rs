//! A fast hasher for the small string keys of the stop-word sets and the stem cache.

use std::hash::{BuildHasherDefault, Hasher};

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Hashes each written byte slice in one xxh3 call, chained through the seed.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = self.0.rotate_left(5) ^ u64::from(byte);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `BuildHasher` for [`WordHasher`].
pub type BuildWordHasher = BuildHasherDefault<WordHasher>;
