//! Arm semihosting (the "Semihosting for AArch32 and AArch64" specification, v2):
//! the guest executes `HLT #0xF000` with the operation in W0 and a parameter in X1.
//!
//! a64sim implements the console and exit calls that bare-metal test programs use. Other
//! operations return -1 (the specification's error value) so a guest can carry on.

use crate::bus::Console;
use a64sim_cpu::memory::GuestMemory;
use a64sim_cpu::SemihostingCall;

/// SYS_WRITEC: write the byte X1 points at.
pub const SYS_WRITEC: u32 = 0x03;
/// SYS_WRITE0: write the NUL-terminated string X1 points at.
pub const SYS_WRITE0: u32 = 0x04;
/// SYS_WRITE: X1 points at {handle, buffer, length}; returns the bytes not written.
pub const SYS_WRITE: u32 = 0x05;
/// SYS_ERRNO: the last error number.
pub const SYS_ERRNO: u32 = 0x13;
/// SYS_EXIT: X1 points at {reason, subcode} (AArch64).
pub const SYS_EXIT: u32 = 0x18;
/// SYS_EXIT_EXTENDED: same parameter block as SYS_EXIT in AArch64.
pub const SYS_EXIT_EXTENDED: u32 = 0x20;
/// ADP_Stopped_ApplicationExit: the reason code for a normal exit with a status.
pub const ADP_STOPPED_APPLICATION_EXIT: u64 = 0x20026;

/// Longest string SYS_WRITE0 reads before giving up (a guard against a missing NUL).
const MAX_STRING: usize = 1 << 20;
/// Longest buffer SYS_WRITE copies in one call.
const MAX_WRITE: u64 = 1 << 26;
/// The specification's error return, -1.
const ERROR: u64 = u64::MAX;

fn read_u64(mem: &mut dyn GuestMemory, va: u64) -> Option<u64> {
    let mut b = [0u8; 8];
    mem.read_virt(va, &mut b).then(|| u64::from_le_bytes(b))
}

/// Performs semihosting operation `op` with parameter `param`.
pub fn call(op: u32, param: u64, mem: &mut dyn GuestMemory, console: &Console) -> SemihostingCall {
    match op {
        SYS_WRITEC => {
            let mut b = [0u8; 1];
            if mem.read_virt(param, &mut b) {
                console.write(&b);
            }
            SemihostingCall::Return(param)
        }
        SYS_WRITE0 => {
            let mut out = Vec::new();
            let mut b = [0u8; 1];
            while out.len() < MAX_STRING
                && mem.read_virt(param.wrapping_add(out.len() as u64), &mut b)
                && b[0] != 0
            {
                out.push(b[0]);
            }
            console.write(&out);
            SemihostingCall::Return(param)
        }
        SYS_WRITE => {
            let (Some(_handle), Some(buf), Some(len)) = (
                read_u64(mem, param),
                read_u64(mem, param.wrapping_add(8)),
                read_u64(mem, param.wrapping_add(16)),
            ) else {
                return SemihostingCall::Return(ERROR);
            };
            let n = len.min(MAX_WRITE);
            let mut out = vec![0u8; n as usize];
            if !mem.read_virt(buf, &mut out) {
                return SemihostingCall::Return(len);
            }
            console.write(&out);
            SemihostingCall::Return(len - n)
        }
        SYS_ERRNO => SemihostingCall::Return(0),
        SYS_EXIT | SYS_EXIT_EXTENDED => {
            let reason = read_u64(mem, param).unwrap_or(0);
            let subcode = read_u64(mem, param.wrapping_add(8)).unwrap_or(0);
            // QEMU: ApplicationExit exits with the subcode; any other reason is a failure.
            let status = if reason == ADP_STOPPED_APPLICATION_EXIT {
                subcode as i32
            } else {
                1
            };
            console.flush();
            SemihostingCall::Exit(status)
        }
        _ => SemihostingCall::Return(ERROR),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::RAM_BASE;
    use a64sim_cpu::PhysMem;

    fn setup() -> (PhysMem, Console, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
        let (console, buf) = Console::capture();
        (PhysMem::new(RAM_BASE, 1 << 16), console, buf)
    }

    #[test]
    fn write0_prints_up_to_the_nul() {
        let (mut mem, console, buf) = setup();
        mem.write_bytes(RAM_BASE + 0x100, b"hello\0world");
        assert_eq!(
            call(SYS_WRITE0, RAM_BASE + 0x100, &mut mem, &console),
            SemihostingCall::Return(RAM_BASE + 0x100)
        );
        assert_eq!(&*buf.lock().unwrap(), b"hello");
    }

    #[test]
    fn write_returns_bytes_not_written() {
        let (mut mem, console, buf) = setup();
        mem.write_bytes(RAM_BASE + 0x200, b"abc");
        let block = [1u64, RAM_BASE + 0x200, 3];
        let bytes: Vec<u8> = block.iter().flat_map(|w| w.to_le_bytes()).collect();
        mem.write_bytes(RAM_BASE, &bytes);
        assert_eq!(
            call(SYS_WRITE, RAM_BASE, &mut mem, &console),
            SemihostingCall::Return(0)
        );
        assert_eq!(&*buf.lock().unwrap(), b"abc");
    }

    #[test]
    fn exit_with_application_exit_passes_the_status() {
        let (mut mem, console, _) = setup();
        let bytes: Vec<u8> = [ADP_STOPPED_APPLICATION_EXIT, 7]
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect();
        mem.write_bytes(RAM_BASE, &bytes);
        assert_eq!(
            call(SYS_EXIT, RAM_BASE, &mut mem, &console),
            SemihostingCall::Exit(7)
        );
    }

    #[test]
    fn exit_with_another_reason_fails_and_bad_pointers_do_not_panic() {
        let (mut mem, console, _) = setup();
        assert_eq!(
            call(SYS_EXIT, 0x10, &mut mem, &console),
            SemihostingCall::Exit(1)
        );
        assert_eq!(
            call(SYS_WRITE0, u64::MAX - 2, &mut mem, &console),
            SemihostingCall::Return(u64::MAX - 2)
        );
        // A parameter block at the top of the address space: its fields wrap around
        // (guest address arithmetic), they do not overflow the host's.
        assert_eq!(
            call(SYS_WRITE, u64::MAX - 3, &mut mem, &console),
            SemihostingCall::Return(ERROR)
        );
        assert_eq!(
            call(SYS_EXIT, u64::MAX - 3, &mut mem, &console),
            SemihostingCall::Exit(1)
        );
        assert_eq!(
            call(0x99, 0, &mut mem, &console),
            SemihostingCall::Return(ERROR)
        );
    }
}
