//! The table walk: one level loop shared by stage 1 and stage 2 (ARCH.md §3.6, §3.7,
//! §3.11; Arm ARM AArch64.S1Walk / AArch64.S2Walk).
//!
//! [`walk`] starts at the (aligned) table base and the start level, reads one descriptor
//! per level through a caller-supplied `desc_pa` hook (identity for stage 2 and for stage 1
//! without stage 2; a stage-2 translation of the descriptor's IPA otherwise, which is where
//! S1PTW faults come from), and stops at a block or page. It reports Translation faults for
//! invalid descriptors, Address size faults for table or output addresses beyond the output
//! size, and External aborts on descriptor reads, each at the level of the descriptor. It
//! accumulates the hierarchical table attributes (APTable, XNTable/UXNTable, PXNTable).
//! Access flag, permissions and attributes are the callers' job (`translate.rs`,
//! `stage2.rs`). The loop runs at most four times and never panics on any descriptor value.

use crate::descriptor::{DescKind, Descriptor};
use crate::fault::{Fault, FaultKind, Stage};
use crate::granule::{low_mask, Granule};
use crate::memory::DescriptorMemory;

/// What the level loop needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WalkParams {
    /// Granule.
    pub granule: Granule,
    /// First level.
    pub start_level: u8,
    /// Input address bits (64 − TxSZ).
    pub ia_bits: u8,
    /// TTBR/VTTBR base address.
    pub base: u64,
    /// Output address bits (PS/IPS).
    pub oa_bits: u8,
    /// Stage 1 or 2 (for fault records).
    pub stage: Stage,
    /// Big-endian descriptors.
    pub big_endian: bool,
    /// Accumulate APTable/XNTable/PXNTable (stage 1 without HPD).
    pub hierarchical: bool,
    /// WnR for faults of this walk.
    pub write: bool,
}

/// The leaf a walk found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Leaf {
    /// The descriptor as read (host order).
    pub desc: Descriptor,
    /// Its level.
    pub level: u8,
    /// Physical address of the descriptor.
    pub desc_pa: u64,
    /// Address of the descriptor in the walk's own address space (IPA for a stage-1 walk
    /// under stage 2).
    pub desc_addr: u64,
    /// log2 of the block/page size.
    pub shift: u8,
    /// Accumulated APTable.
    pub ap_table: u8,
    /// Accumulated PXNTable.
    pub pxn_table: bool,
    /// Accumulated XNTable / UXNTable.
    pub xn_table: bool,
}

impl Leaf {
    /// Output address of `addr` through this leaf.
    pub(crate) const fn output(&self, addr: u64) -> u64 {
        self.desc.output_address(self.shift) | (addr & low_mask(self.shift as u32))
    }
}

impl WalkParams {
    /// A fault of this walk at `level`; stage-2 faults carry the input address as IPA.
    pub(crate) const fn fault(&self, kind: FaultKind, level: u8, addr: u64) -> Fault {
        match self.stage {
            Stage::One => Fault::stage1(kind, level, self.write),
            Stage::Two => Fault::stage2(kind, level, addr, self.write),
        }
    }

    /// Index bits at `level`: the start level resolves what is left of the input address
    /// (possibly more than a stride with stage-2 concatenation), others a full stride.
    const fn index_bits(&self, level: u8) -> u32 {
        let shift = self.granule.level_shift(level);
        if level == self.start_level {
            if self.ia_bits > shift {
                (self.ia_bits - shift) as u32
            } else {
                0
            }
        } else {
            self.granule.stride() as u32
        }
    }

    /// The start table's base, aligned down to the first table's size (the low BADDR
    /// bits are treated as zero, as the Arm ARM pseudocode does).
    pub(crate) const fn aligned_base(&self) -> u64 {
        let bytes_log2 = self.index_bits(self.start_level) + 3;
        let align = if bytes_log2 < 6 { 6 } else { bytes_log2 };
        self.base & !low_mask(align)
    }
}

/// Swaps a descriptor between memory order and host order when walks are big-endian.
pub(crate) const fn to_host(raw: u64, big_endian: bool) -> u64 {
    if big_endian {
        raw.swap_bytes()
    } else {
        raw
    }
}

/// Walks the tables for `addr`. `desc_pa(mem, addr_of_descriptor, level)` maps each
/// descriptor address to a PA (stage-2 translation for stage-1 walks under stage 2).
pub(crate) fn walk<M, F>(
    mem: &mut M,
    p: &WalkParams,
    addr: u64,
    mut desc_pa: F,
) -> Result<Leaf, Fault>
where
    M: DescriptorMemory,
    F: FnMut(&mut M, u64, u8) -> Result<u64, Fault>,
{
    let mut table = p.aligned_base();
    // ARCH.md §2.5/§3.5: a TTBR/VTTBR base beyond PS is an Address size fault, level 0.
    if table >> p.oa_bits != 0 {
        return Err(p.fault(FaultKind::AddressSize, 0, addr));
    }
    let (mut ap_table, mut pxn_table, mut xn_table) = (0u8, false, false);
    let mut level = p.start_level;
    while level <= 3 {
        let shift = p.granule.level_shift(level);
        let index = (addr >> shift) & low_mask(p.index_bits(level));
        let desc_addr = table | (index << 3);
        let pa = desc_pa(mem, desc_addr, level)?;
        let raw = mem
            .read_desc(pa)
            .map_err(|_| p.fault(FaultKind::SyncExternal { on_walk: true }, level, addr))?;
        let desc = Descriptor(to_host(raw, p.big_endian));
        match desc.kind(level, p.granule) {
            DescKind::Invalid => return Err(p.fault(FaultKind::Translation, level, addr)),
            DescKind::Table => {
                let next = desc.table_address(p.granule);
                // ARCH.md §3.7: a next-level table address beyond PS is an Address size
                // fault at the level of the table descriptor.
                if next >> p.oa_bits != 0 {
                    return Err(p.fault(FaultKind::AddressSize, level, addr));
                }
                if p.hierarchical {
                    ap_table |= desc.ap_table();
                    pxn_table |= desc.pxn_table();
                    xn_table |= desc.xn_table();
                }
                table = next;
                level += 1;
            }
            DescKind::Block | DescKind::Page => {
                if desc.output_address(shift) >> p.oa_bits != 0 {
                    return Err(p.fault(FaultKind::AddressSize, level, addr));
                }
                return Ok(Leaf {
                    desc,
                    level,
                    desc_pa: pa,
                    desc_addr,
                    shift,
                    ap_table,
                    pxn_table,
                    xn_table,
                });
            }
        }
    }
    // Unreachable in practice: level 3 yields a page or an invalid descriptor.
    Err(p.fault(FaultKind::Translation, 3, addr))
}
