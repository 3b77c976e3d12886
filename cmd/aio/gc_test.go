package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 800},       // nothing live yet: the 32 MB floor
		{1 << 20, 800}, // small heaps: Go's minimum heap (4 MB * 8) is the floor
		{8 << 20, 300}, // 8 MB may grow to 32 MB
		{11 << 20, 200},
		{1 << 30, 200}, // large heaps: 200%, as before
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// TestTuneGCRearms checks that the pacing is set again after each collection.
func TestTuneGCRearms(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tuneGC()
	gogc := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	for i := 0; i < 3; i++ {
		debug.SetGCPercent(100)
		runtime.GC()
		deadline := time.Now().Add(5 * time.Second)
		for metrics.Read(gogc); gogc[0].Value.Uint64() != maxPercent; metrics.Read(gogc) {
			if time.Now().After(deadline) {
				t.Fatalf("collection %d: GC percent stayed %d, want %d", i, gogc[0].Value.Uint64(), maxPercent)
			}
			time.Sleep(time.Millisecond)
		}
	}
}
