package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The collector's pacing for the aio process. A tree-walking interpreter allocates many
// short-lived objects, so collecting at 200% growth rather than Go's default 100% saves a
// third of the collector's work for a little peak memory. And while the live heap is small,
// collecting every few megabytes of allocation (Go's minimum heap is 4 MB per 100% of
// GOGC) costs far more than the memory it saves: a loop creating objects with 1 MB live
// collected thirty times a second, with write barriers slowing every pointer store for a
// fifth of the time. So the heap may grow to heapFloor before a collection, whatever the
// live heap; programs whose live heap is over a third of that are paced at 200% as before.
const (
	basePercent = 200
	maxPercent  = 800 // Go's minimum heap is then 4 MB * 8 = heapFloor
	heapFloor   = 32 << 20
)

// tuneGC sets the pacing and re-tunes it after every collection, from a finalizer that
// re-arms itself (the collector runs finalizers once per cycle for unreachable objects).
func tuneGC() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var rearm func(*gcSentinel)
	rearm = func(*gcSentinel) {
		metrics.Read(sample)
		debug.SetGCPercent(gcPercent(sample[0].Value.Uint64()))
		runtime.SetFinalizer(&gcSentinel{}, rearm)
	}
	debug.SetGCPercent(gcPercent(0))
	runtime.SetFinalizer(&gcSentinel{}, rearm)
}

// gcSentinel is garbage from birth; its finalizer marks the end of a collection.
type gcSentinel struct{ _ [16]byte }

// gcPercent is the growth percentage that lets a live heap of live bytes grow to
// max(heapFloor, 3*live) before the next collection.
func gcPercent(live uint64) int {
	if live == 0 {
		return maxPercent
	}
	p := int(max(heapFloor, (1+basePercent/100)*live)/live)*100 - 100
	return min(max(p, basePercent), maxPercent)
}
