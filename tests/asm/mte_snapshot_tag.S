// mte_snapshot_tag.S - tags a page for the tag save/restore round trip: see
// include/mte_snapshot_body.inc.
// a64sim-requires: mte
    .equ    TAG_IT, 1
    .include "mte_snapshot_body.inc"
