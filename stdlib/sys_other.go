//go:build !unix

package stdlib

import "time"

// cpuTime approximates the process's CPU time by its running time where the system offers
// no cheap account of it.
func cpuTime() time.Duration { return time.Since(processStart) }
