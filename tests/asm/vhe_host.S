// vhe_host.S - VHE register redirection, *_EL12 aliases and a VHE host taking
// EL0 exceptions; the body is include/vhe_host_body.inc (see its header). The
// generic-timer registers are checked by vhe_host_timers.S.
    .include "vhe_host_body.inc"
