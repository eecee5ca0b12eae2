//! Fresh randomness from the operating system: session ids, display-order seeds, salts.
//! The engine never calls this; seeds come into it as arguments.

use rand::TryRng;
use rand::rngs::SysRng;
use std::time::{SystemTime, UNIX_EPOCH};

/// Fills `bytes` with random bytes; should the system source fail, with a mix of the clock and
/// the process id (good enough for ids and seeds, which need to differ, not to be secret).
pub fn fill(bytes: &mut [u8]) {
    if SysRng.try_fill_bytes(bytes).is_ok() {
        return;
    }
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut state = nanos ^ (u128::from(std::process::id()) << 64);
    for b in bytes.iter_mut() {
        // SplitMix-style scrambling of the fallback state.
        state = state
            .wrapping_mul(0x2545_F491_4F6C_DD1D_9E37_79B9_7F4A_7C15)
            .wrapping_add(1);
        *b = (state >> 120) as u8;
    }
}

/// A random 64-bit number.
pub fn u64() -> u64 {
    let mut b = [0u8; 8];
    fill(&mut b);
    u64::from_le_bytes(b)
}

/// A random 32-bit number.
pub fn u32() -> u32 {
    let mut b = [0u8; 4];
    fill(&mut b);
    u32::from_le_bytes(b)
}
