package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamples runs every examples/*.aio that ends with an "# Output:" block, under the
// virtual clock so that the sleeps in them take no time, and compares what it prints.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, block, ok := strings.Cut(string(src), "\n# Output:\n")
		if !ok {
			continue
		}
		var want strings.Builder
		for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
			want.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ") + "\n")
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			abs, _ := filepath.Abs(file)
			rel, _ := filepath.Rel(filepath.Join("..", ".."), file)
			stdout, stderr, status := runAioIn(t, filepath.Dir(filepath.Dir(abs)), "--virtual-time", rel)
			if status != 0 || stdout != want.String() {
				t.Errorf("status %d\n--- got ---\n%s--- want ---\n%s--- stderr ---\n%s", status, stdout, want.String(), stderr)
			}
		})
	}
}
