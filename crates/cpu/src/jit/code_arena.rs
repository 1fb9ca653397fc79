//! Executable memory for compiled blocks: a few large mappings filled one after another, so
//! that thousands of small blocks cost neither thousands of mappings nor a page each. A
//! chunk is writable only while code is copied in (W^X), and code never moves: a placed
//! block's address stays valid until [`CodeArena::clear`].

use dynasmrt::mmap::ExecutableBuffer;

/// Bytes per mapping.
const CHUNK_BYTES: usize = 1 << 20;
/// Mappings before the arena reports itself full (the caller then clears it).
const MAX_CHUNKS: usize = 64;

/// One mapping and how much of it is used.
#[derive(Debug)]
struct Chunk {
    /// `None` only if the host refused to change its protection (the chunk is then lost).
    buf: Option<ExecutableBuffer>,
    used: usize,
}

/// The executable memory of the block compiler.
#[derive(Debug, Default)]
pub(super) struct CodeArena {
    chunks: Vec<Chunk>,
}

impl CodeArena {
    /// Copies `code` into executable memory and returns its address; `None` when the arena
    /// is full or the host refused memory.
    pub(super) fn place(&mut self, code: &[u8]) -> Option<*const u8> {
        if code.is_empty() || code.len() > CHUNK_BYTES {
            return None;
        }
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.buf.is_some() && align(c.used) + code.len() <= CHUNK_BYTES);
        if !fits {
            if self.chunks.len() >= MAX_CHUNKS {
                return None;
            }
            let buf = ExecutableBuffer::new(CHUNK_BYTES).ok()?;
            self.chunks.push(Chunk {
                buf: Some(buf),
                used: 0,
            });
        }
        let chunk = self.chunks.last_mut()?;
        let mut buf = chunk.buf.take()?.make_mut().ok()?;
        let start = align(chunk.used);
        buf.set_len(start + code.len());
        buf[chunk.used..start].fill(0xcc);
        buf[start..].copy_from_slice(code);
        let exec = buf.make_exec().ok()?;
        let addr = exec.as_ptr().wrapping_add(start);
        chunk.buf = Some(exec);
        chunk.used = start + code.len();
        Some(addr)
    }

    /// Unmaps everything placed so far.
    pub(super) fn clear(&mut self) {
        self.chunks.clear();
    }
}

/// Blocks start on 16-byte boundaries (branch targets the host fetches well).
fn align(offset: usize) -> usize {
    (offset + 15) & !15
}
