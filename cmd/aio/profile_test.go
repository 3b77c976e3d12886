package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestStartProfile: AIO_CPUPROFILE's file holds a pprof profile (gzipped protobuf) once the
// run stops, and an empty path profiles nothing.
func TestStartProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	stop := startProfile(path)
	var out bytes.Buffer
	if status := aioMain([]string{"-c", "print(sum(i * i for i in range(100000)))"}, &out, &out); status != 0 {
		t.Fatalf("status %d: %s", status, out.String())
	}
	stop()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Fatalf("profile is not gzipped pprof data: % x", data[:min(len(data), 8)])
	}
	startProfile("")() // no file, nothing to stop
}
