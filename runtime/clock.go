package runtime

import (
	"sync/atomic"
	"time"
)

// Clock is a source of time for the event loop and the time module. It has the method set
// of stdlib.Clock, so that one value serves both.
type Clock interface {
	Now() time.Time           // wall-clock time
	Monotonic() time.Duration // time since a fixed point; loop.time() reads it
	Sleep(d time.Duration)    // a blocking sleep (time.sleep)
}

// RealClock is the system clock.
var RealClock Clock = realClock{}

type realClock struct{}

var clockStart = time.Now()

func (realClock) Now() time.Time           { return time.Now() }
func (realClock) Monotonic() time.Duration { return time.Since(clockStart) }
func (realClock) Sleep(d time.Duration)    { time.Sleep(d) }

// VirtualClock is simulated time in the manner of trio's MockClock with an autojump
// threshold of zero: it stands still while code runs, and an event loop that finds every
// task blocked moves it straight to the next timer's deadline instead of waiting. time.sleep
// advances it by the duration. Timers therefore fire in the same order as with the real
// clock (the loop orders equal deadlines by scheduling order), only at once.
//
// It is safe for concurrent use: host goroutines may read it while the loop runs.
type VirtualClock struct {
	epoch time.Time    // wall-clock time at virtual time zero
	now   atomic.Int64 // nanoseconds of virtual time elapsed
}

// NewVirtualClock returns a virtual clock whose wall time starts at the current real time.
func NewVirtualClock() *VirtualClock { return &VirtualClock{epoch: time.Now()} }

// Now returns the virtual wall-clock time.
func (c *VirtualClock) Now() time.Time { return c.epoch.Add(c.Monotonic()) }

// Monotonic returns the virtual time elapsed since the clock was made.
func (c *VirtualClock) Monotonic() time.Duration { return time.Duration(c.now.Load()) }

// Sleep advances the clock by d without blocking.
func (c *VirtualClock) Sleep(d time.Duration) {
	if d > 0 {
		c.now.Add(int64(d))
	}
}

// AdvanceTo moves the clock forward to t; it never moves backwards.
func (c *VirtualClock) AdvanceTo(t time.Duration) {
	for {
		cur := c.now.Load()
		if int64(t) <= cur || c.now.CompareAndSwap(cur, int64(t)) {
			return
		}
	}
}

// jumpClock is a clock the loop may move forward when it would otherwise wait.
type jumpClock interface {
	Clock
	AdvanceTo(t time.Duration)
}
