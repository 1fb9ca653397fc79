// mte_snapshot_check.S - reads back the page tagged by mte_snapshot_tag; alone it sees
// tags 0. See include/mte_snapshot_body.inc.
// a64sim-requires: mte
    .include "mte_snapshot_body.inc"
