//! Physical memory and the platform interface the PE is generic over.
//!
//! RAM is one contiguous block (QEMU `virt` puts it at 0x4000_0000). Every access that is
//! not to RAM goes to [`Platform::mmio_read`]/[`Platform::mmio_write`] on the slow path.
//! RAM also tracks which 4 KiB pages hold decoded code, so that a store to such a page can
//! invalidate the blocks decoded from it (self-modifying code).

/// Size of a code-tracking page.
pub const CODE_PAGE_SHIFT: u32 = 12;

/// The RAM of the machine.
#[derive(Debug)]
pub struct PhysMem {
    base: u64,
    data: Vec<u8>,
    /// One byte per 4 KiB page: non-zero when blocks were decoded from the page.
    code_pages: Vec<u8>,
    /// Physical page addresses of code pages written since the block cache last looked.
    dirty_code: Vec<u64>,
    /// The allocation tags of this RAM (MTE); RAM is the only tag-capable memory.
    pub tags: a64sim_tags::TagStore,
}

impl PhysMem {
    /// Zero-filled RAM of `size` bytes at physical address `base`.
    pub fn new(base: u64, size: usize) -> Self {
        let pages = size.div_ceil(1 << CODE_PAGE_SHIFT);
        PhysMem {
            base,
            data: vec![0; size],
            code_pages: vec![0; pages],
            dirty_code: Vec::new(),
            tags: a64sim_tags::TagStore::new(base, size as u64),
        }
    }

    /// First physical address of RAM.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Size of RAM in bytes.
    pub fn size(&self) -> usize {
        self.data.len()
    }

    /// Offset into RAM of `[pa, pa + len)`, when all of it is RAM.
    #[inline(always)]
    pub fn offset(&self, pa: u64, len: usize) -> Option<usize> {
        let off = pa.wrapping_sub(self.base);
        let end = off.checked_add(len as u64)?;
        if end <= self.data.len() as u64 {
            Some(off as usize)
        } else {
            None
        }
    }

    /// Reads `len <= 8` bytes little-endian at a RAM offset obtained from [`Self::offset`].
    #[inline(always)]
    pub fn read_at(&self, off: usize, len: usize) -> u64 {
        let mut b = [0u8; 8];
        b[..len].copy_from_slice(&self.data[off..off + len]);
        u64::from_le_bytes(b)
    }

    /// Writes the low `len <= 8` bytes of `v` little-endian at a RAM offset. Returns whether
    /// the write hit a page holding decoded code (then queued for invalidation: the caller
    /// must end the current block).
    #[inline(always)]
    pub fn write_at(&mut self, off: usize, len: usize, v: u64) -> bool {
        self.data[off..off + len].copy_from_slice(&v.to_le_bytes()[..len]);
        let (first, last) = (off >> CODE_PAGE_SHIFT, (off + len - 1) >> CODE_PAGE_SHIFT);
        if self.code_pages[first] | self.code_pages[last] != 0 {
            self.note_code_write(off);
            self.note_code_write(off + len - 1);
            true
        } else {
            false
        }
    }

    /// Reads an instruction word (little-endian) at a RAM offset.
    #[inline(always)]
    pub fn read_u32_at(&self, off: usize) -> u32 {
        u32::from_le_bytes([
            self.data[off],
            self.data[off + 1],
            self.data[off + 2],
            self.data[off + 3],
        ])
    }

    /// Copies bytes out of RAM; `false` when any of `[pa, pa + buf.len())` is not RAM.
    pub fn read_bytes(&self, pa: u64, buf: &mut [u8]) -> bool {
        match self.offset(pa, buf.len()) {
            Some(off) => {
                buf.copy_from_slice(&self.data[off..off + buf.len()]);
                true
            }
            None => false,
        }
    }

    /// Copies bytes into RAM (loaders, semihosting reads); `false` when not all of it is RAM.
    /// Pages holding decoded code are queued for invalidation like a guest store.
    pub fn write_bytes(&mut self, pa: u64, bytes: &[u8]) -> bool {
        match self.offset(pa, bytes.len()) {
            Some(off) => {
                self.data[off..off + bytes.len()].copy_from_slice(bytes);
                if !bytes.is_empty() {
                    let (first, last) = (
                        off >> CODE_PAGE_SHIFT,
                        (off + bytes.len() - 1) >> CODE_PAGE_SHIFT,
                    );
                    for page in first..=last {
                        self.note_code_write(page << CODE_PAGE_SHIFT);
                    }
                }
                true
            }
            None => false,
        }
    }

    /// After a write at RAM offset `off` hit a code page: queue the page's blocks for
    /// invalidation and clear its mark (blocks decoded again will set it again).
    pub fn note_code_write(&mut self, off: usize) {
        let page = off >> CODE_PAGE_SHIFT;
        if self.code_pages[page] != 0 {
            self.code_pages[page] = 0;
            self.dirty_code
                .push(self.base + ((page as u64) << CODE_PAGE_SHIFT));
        }
    }

    /// Physical addresses of code pages written since the last call.
    pub fn take_dirty_code(&mut self) -> Vec<u64> {
        std::mem::take(&mut self.dirty_code)
    }

    /// Whether any code page was written since the last [`Self::take_dirty_code`].
    #[inline(always)]
    pub fn has_dirty_code(&self) -> bool {
        !self.dirty_code.is_empty()
    }

    /// RAM as plain addresses (see [`RawRam`]).
    pub fn raw(&mut self) -> RawRam {
        RawRam {
            data: self.data.as_mut_ptr(),
            size: self.data.len() as u64,
            base: self.base,
            code_pages: self.code_pages.as_ptr(),
            tags: self.tags.raw_directory(),
        }
    }

    /// Marks the page holding RAM offset `off` as holding decoded code.
    pub fn mark_code(&mut self, off: usize) {
        self.code_pages[off >> CODE_PAGE_SHIFT] = 1;
    }
}

/// RAM as plain addresses, for generated code (`jit`) that accesses it itself: `data` is
/// `size` bytes for physical addresses `base..`, `code_pages` one byte per 4 KiB page
/// (non-zero: holds decoded code, stores must take the slow path), `tags` the tag store's
/// page directory. Taken from `&mut PhysMem`; valid until RAM is next used otherwise.
#[derive(Clone, Copy, Debug)]
pub struct RawRam {
    /// First byte of RAM.
    pub data: *mut u8,
    /// Bytes of RAM.
    pub size: u64,
    /// Physical address of `data[0]`.
    pub base: u64,
    /// The code-page marks.
    pub code_pages: *const u8,
    /// The allocation tags.
    pub tags: a64sim_tags::RawTagDirectory,
}

/// The result of a semihosting call (Arm semihosting v2, `HLT #0xF000` in A64).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemihostingCall {
    /// The call completed: its result goes to X0.
    Return(u64),
    /// SYS_EXIT / SYS_EXIT_EXTENDED: the guest asked to end the run with this status.
    Exit(i32),
}

/// What the PE needs from the machine around it.
pub trait Platform {
    /// A read of `size` bytes from a non-RAM physical address; `None` when nothing is there.
    fn mmio_read(&mut self, pa: u64, size: usize) -> Option<u64>;
    /// A write of `size` bytes to a non-RAM physical address; `false` when nothing is there.
    fn mmio_write(&mut self, pa: u64, size: usize, value: u64) -> bool;
    /// A semihosting call with operation `op` (W0) and parameter `param` (X1). Pointers are
    /// virtual addresses of the caller, read and written through `mem`.
    fn semihosting(&mut self, op: u32, param: u64, mem: &mut dyn GuestMemory) -> SemihostingCall;
}

/// Guest memory as the guest sees it at its current Exception level (translated when the
/// MMU is on), for semihosting and debuggers. Accesses that fault return `false`.
pub trait GuestMemory {
    /// Copies `buf.len()` bytes from virtual address `va`.
    fn read_virt(&mut self, va: u64, buf: &mut [u8]) -> bool;
    /// Copies `bytes` to virtual address `va`.
    fn write_virt(&mut self, va: u64, bytes: &[u8]) -> bool;
}

/// With no translation, virtual addresses are physical.
impl GuestMemory for PhysMem {
    fn read_virt(&mut self, va: u64, buf: &mut [u8]) -> bool {
        self.read_bytes(va, buf)
    }
    fn write_virt(&mut self, va: u64, bytes: &[u8]) -> bool {
        self.write_bytes(va, bytes)
    }
}
