package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrace checks the shape of the --trace file: Chrome trace-event JSON with a named
// track per task, spans while each task runs and instant events for its life cycle.
func TestTrace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "trace.json")
	script, _ := filepath.Abs("../../examples/05_crawler.aio")
	if _, stderr, status := runAio(t, "--virtual-time", "--trace", out, script); status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var trace struct {
		TraceEvents []struct {
			Name string         `json:"name"`
			Ph   string         `json:"ph"`
			Tid  int            `json:"tid"`
			Args map[string]any `json:"args"`
		} `json:"traceEvents"`
	}
	if err := json.Unmarshal(data, &trace); err != nil {
		t.Fatalf("not trace-event JSON: %v", err)
	}
	tracks := map[int]string{}
	count := map[string]int{}
	for _, e := range trace.TraceEvents {
		count[e.Ph+" "+e.Name]++
		if e.Ph == "M" && e.Name == "thread_name" {
			tracks[e.Tid], _ = e.Args["name"].(string)
		}
	}
	// dispatch() and five worker() tasks, each created, run in spans and done.
	if len(tracks) != 6 || !strings.Contains(tracks[1], "dispatch()") {
		t.Errorf("tracks = %v, want Task-1 dispatch() and five workers", tracks)
	}
	for _, ev := range []string{"i create", "i done"} {
		if count[ev] != 6 {
			t.Errorf("%d %q events, want 6 (all: %v)", count[ev], ev, count)
		}
	}
	spans := count["X step"] + count["B step"]
	if spans < 6 {
		t.Errorf("%d step spans, want one or more per task (all: %v)", spans, count)
	}
}
