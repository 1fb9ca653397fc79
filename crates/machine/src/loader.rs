//! Loading guest images: ELF64 AArch64 executables (PT_LOAD segments at their physical
//! addresses, entry point from the header) and raw binaries at a chosen address.
//!
//! Every problem is a [`LoadError`] naming the file and what is wrong with it.

use a64sim_cpu::PhysMem;
use goblin::elf::{header, program_header::PT_LOAD, Elf};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why an image cannot be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file cannot be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The image file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{path}: empty file")]
    Empty {
        /// The image file.
        path: PathBuf,
    },
    /// Not an ELF file, and no load address was given for a raw binary.
    #[error("{path}: not an ELF file (give --load-addr to run it as a raw binary)")]
    NotElf {
        /// The image file.
        path: PathBuf,
    },
    /// An ELF file, but not 64-bit.
    #[error("{path}: ELF file is not 64-bit (ELFCLASS32); a64sim runs AArch64 images")]
    NotElf64 {
        /// The image file.
        path: PathBuf,
    },
    /// An ELF64 file for another machine.
    #[error("{path}: ELF machine is {machine} ({name}), not AArch64 (183)")]
    NotAArch64 {
        /// The image file.
        path: PathBuf,
        /// e_machine.
        machine: u16,
        /// Its name.
        name: &'static str,
    },
    /// A big-endian image.
    #[error("{path}: big-endian ELF; a64sim runs little-endian images")]
    BigEndian {
        /// The image file.
        path: PathBuf,
    },
    /// The ELF structure is broken (header, program headers).
    #[error("{path}: malformed ELF: {reason}")]
    Malformed {
        /// The image file.
        path: PathBuf,
        /// What is broken.
        reason: String,
    },
    /// A segment's bytes lie past the end of the file.
    #[error("{path}: truncated: segment at file offset {offset:#x} needs {size:#x} bytes but the file has {file_len:#x}")]
    Truncated {
        /// The image file.
        path: PathBuf,
        /// Segment file offset.
        offset: u64,
        /// Segment file size.
        size: u64,
        /// File length.
        file_len: u64,
    },
    /// A segment does not fit in RAM.
    #[error("{path}: {what} [{start:#x}, {end:#x}) is outside RAM [{ram_start:#x}, {ram_end:#x}) (try a larger -m)")]
    OutsideRam {
        /// The image file.
        path: PathBuf,
        /// "segment" or "raw image".
        what: &'static str,
        /// First address.
        start: u64,
        /// One past the last address.
        end: u64,
        /// RAM start.
        ram_start: u64,
        /// RAM end.
        ram_end: u64,
    },
    /// The entry point is not in any loaded memory.
    #[error("{path}: entry point {entry:#x} is outside RAM [{ram_start:#x}, {ram_end:#x})")]
    EntryOutsideRam {
        /// The image file.
        path: PathBuf,
        /// Entry point.
        entry: u64,
        /// RAM start.
        ram_start: u64,
        /// RAM end.
        ram_end: u64,
    },
}

/// How an image was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// ELF64 AArch64.
    Elf,
    /// Raw bytes at a load address.
    Raw,
}

/// A segment to copy into memory.
#[derive(Clone, Debug)]
pub struct Segment {
    /// Physical address.
    pub addr: u64,
    /// Bytes from the file.
    pub data: Vec<u8>,
    /// Total size in memory (the rest is zero-filled).
    pub mem_size: u64,
}

/// A parsed image, ready to load.
#[derive(Clone, Debug)]
pub struct Image {
    /// Where it came from.
    pub path: PathBuf,
    /// Its format.
    pub format: ImageFormat,
    /// Entry point.
    pub entry: u64,
    /// What to copy where.
    pub segments: Vec<Segment>,
    /// Defined symbols of an ELF image, by name (empty for raw images): host tools find
    /// the data a guest left behind through them (`a64sim bench-traps`).
    pub symbols: Vec<(String, u64)>,
}

impl Image {
    /// The address of the symbol called `name`, if the image defines it.
    pub fn symbol(&self, name: &str) -> Option<u64> {
        self.symbols.iter().find(|s| s.0 == name).map(|s| s.1)
    }

    /// Copies the segments into RAM, checking that everything fits.
    pub fn copy_into(&self, mem: &mut PhysMem) -> Result<(), LoadError> {
        let (ram_start, ram_end) = (mem.base(), mem.base() + mem.size() as u64);
        for s in &self.segments {
            let end = s.addr.saturating_add(s.mem_size);
            if s.addr < ram_start || end > ram_end {
                return Err(LoadError::OutsideRam {
                    path: self.path.clone(),
                    what: if self.format == ImageFormat::Raw {
                        "raw image"
                    } else {
                        "segment"
                    },
                    start: s.addr,
                    end,
                    ram_start,
                    ram_end,
                });
            }
        }
        if !(ram_start..ram_end).contains(&self.entry) {
            return Err(LoadError::EntryOutsideRam {
                path: self.path.clone(),
                entry: self.entry,
                ram_start,
                ram_end,
            });
        }
        for s in &self.segments {
            let mut bytes = s.data.clone();
            bytes.resize(s.mem_size as usize, 0);
            mem.write_bytes(s.addr, &bytes);
        }
        Ok(())
    }
}

/// Reads and parses `path`: an ELF64 AArch64 file, or raw bytes when `raw_load_addr` is
/// given (the entry point is then the load address).
pub fn load_image(path: &Path, raw_load_addr: Option<u64>) -> Result<Image, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_image(path, &bytes, raw_load_addr)
}

/// Parses image bytes (see [`load_image`]).
pub fn parse_image(
    path: &Path,
    bytes: &[u8],
    raw_load_addr: Option<u64>,
) -> Result<Image, LoadError> {
    let path_buf = path.to_path_buf();
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: path_buf });
    }
    if let Some(addr) = raw_load_addr {
        return Ok(Image {
            path: path_buf,
            format: ImageFormat::Raw,
            entry: addr,
            segments: vec![Segment {
                addr,
                data: bytes.to_vec(),
                mem_size: bytes.len() as u64,
            }],
            symbols: Vec::new(),
        });
    }
    if bytes.len() < 4 || &bytes[..4] != header::ELFMAG {
        return Err(LoadError::NotElf { path: path_buf });
    }
    if bytes.len() < header::SIZEOF_IDENT {
        return Err(LoadError::Malformed {
            path: path_buf,
            reason: "file ends inside the ELF identification".into(),
        });
    }
    match bytes[header::EI_CLASS] {
        header::ELFCLASS64 => {}
        header::ELFCLASS32 => return Err(LoadError::NotElf64 { path: path_buf }),
        c => {
            return Err(LoadError::Malformed {
                path: path_buf,
                reason: format!("unknown ELF class {c}"),
            })
        }
    }
    if bytes[header::EI_DATA] == header::ELFDATA2MSB {
        return Err(LoadError::BigEndian { path: path_buf });
    }
    let elf = Elf::parse(bytes).map_err(|e| LoadError::Malformed {
        path: path_buf.clone(),
        reason: e.to_string(),
    })?;
    if elf.header.e_machine != header::EM_AARCH64 {
        return Err(LoadError::NotAArch64 {
            path: path_buf,
            machine: elf.header.e_machine,
            name: header::machine_to_str(elf.header.e_machine),
        });
    }
    let mut segments = Vec::new();
    for ph in elf
        .program_headers
        .iter()
        .filter(|p| p.p_type == PT_LOAD && p.p_memsz > 0)
    {
        let end = ph.p_offset.checked_add(ph.p_filesz);
        if end.is_none_or(|e| e > bytes.len() as u64) {
            return Err(LoadError::Truncated {
                path: path_buf,
                offset: ph.p_offset,
                size: ph.p_filesz,
                file_len: bytes.len() as u64,
            });
        }
        if ph.p_filesz > ph.p_memsz {
            return Err(LoadError::Malformed {
                path: path_buf,
                reason: format!(
                    "segment at {:#x} has p_filesz {:#x} > p_memsz {:#x}",
                    ph.p_paddr, ph.p_filesz, ph.p_memsz
                ),
            });
        }
        let data = bytes[ph.p_offset as usize..(ph.p_offset + ph.p_filesz) as usize].to_vec();
        // QEMU loads ELF segments at their physical addresses.
        segments.push(Segment {
            addr: ph.p_paddr,
            data,
            mem_size: ph.p_memsz,
        });
    }
    if segments.is_empty() {
        return Err(LoadError::Malformed {
            path: path_buf,
            reason: "no loadable (PT_LOAD) segments".into(),
        });
    }
    let symbols = elf
        .syms
        .iter()
        .filter(|s| s.st_shndx != 0 && s.st_name != 0)
        .filter_map(|s| Some((elf.strtab.get_at(s.st_name)?.to_string(), s.st_value)))
        .collect();
    Ok(Image {
        path: path_buf,
        format: ImageFormat::Elf,
        entry: elf.header.e_entry,
        segments,
        symbols,
    })
}
