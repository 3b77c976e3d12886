//go:build unix

package stdlib

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, for time.process_time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
