// a64sim-requires: timer
// vhe_host_timers.S - vhe_host.S plus the generic-timer registers: CNTHV_CTL_EL2
// with E2H=0, and CNTP_*/CNTV_*_EL0 redirected to CNTHP_*/CNTHV_*_EL2 with the
// *_EL02 aliases reaching the EL0 timers (include/vhe_host_body.inc).
    .equ    WITH_TIMERS, 1
    .include "vhe_host_body.inc"
