//! Tag save/restore round trip (the MTE issue, item 6): a guest tags a page, the page is
//! saved with its tags, restored into a fresh machine, and a second guest program sees
//! the same tags and data. Without the restore it sees tags 0, so no tag loss can pass.

use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use a64sim_tests::workspace_root;

/// The page the two programs share (`tests/asm/include/mte_snapshot_body.inc`).
const PAGE: u64 = 0x4800_0000;

/// Loads `name` into `m`, runs it to a clean exit, returns its output.
fn run(m: &mut Machine, out: &std::sync::Arc<std::sync::Mutex<Vec<u8>>>, name: &str) -> String {
    let elf = workspace_root().join(format!("tests/images/{name}.elf"));
    let image = load_image(&elf, None).unwrap();
    m.load(&image).unwrap();
    let r = m.run(10_000_000);
    assert_eq!(r.reason, a64sim_cpu::StopReason::Exit(0), "{name}");
    String::from_utf8(std::mem::take(&mut *out.lock().unwrap())).unwrap()
}

fn machine() -> (Machine, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
    let (console, out) = Console::capture();
    (Machine::new(&MachineConfig::default(), console), out)
}

#[test]
fn a_tagged_page_survives_save_and_restore_into_a_fresh_machine() {
    let (mut a, out_a) = machine();
    let tagged = run(&mut a, &out_a, "mte_snapshot_tag");
    assert!(
        tagged.contains("tag_of_last_granule=0c00000080000000"),
        "{tagged}"
    );
    let saved = a.snapshot_range(PAGE, 4096).unwrap();
    assert_eq!(saved.tags[255], 0xc);

    // The check program alone sees nothing (as under QEMU).
    let (mut fresh, out_fresh) = machine();
    let alone = run(&mut fresh, &out_fresh, "mte_snapshot_check");
    assert!(alone.contains("tag_digest=0000000000000000"), "{alone}");

    let (mut b, out_b) = machine();
    let elf = workspace_root().join("tests/images/mte_snapshot_check.elf");
    b.load(&load_image(&elf, None).unwrap()).unwrap();
    b.restore_range(&saved).unwrap();
    let r = b.run(10_000_000);
    assert_eq!(r.reason, a64sim_cpu::StopReason::Exit(0));
    let restored = String::from_utf8(out_b.lock().unwrap().clone()).unwrap();
    assert_eq!(
        restored, tagged,
        "the restored guest must see the same tags and data"
    );
}
