package runtime

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
)

// Tracer records a task timeline in Chrome's trace-event format, which Perfetto and
// chrome://tracing display: one track per task, a span for each step the task runs, and
// instant events where it is created, starts awaiting something, is cancelled and finishes.
// Times are the loop clock's, so a trace made under the virtual clock shows simulated time.
type Tracer struct {
	events []traceEvent
	tracks map[*Task]int32 // the track of each pending task
	ntrack int32
	start  float64 // the step in progress: its start time
}

type traceEvent struct {
	name  string
	phase byte // 'X' span, 'i' instant, 'M' track name
	ts    float64
	dur   float64
	track int32
	arg   string // the event's detail, shown as args.detail
}

func newTracer() *Tracer { return &Tracer{tracks: map[*Task]int32{}} }

func traceTime(l *Loop) float64 { return float64(l.clock.Monotonic().Nanoseconds()) / 1e3 }

func (tr *Tracer) created(l *Loop, t *Task) {
	tr.ntrack++
	track := tr.ntrack
	tr.tracks[t] = track
	label := t.Name()
	if n, ok := t.coro.(interface{ CoroName() string }); ok {
		label += " " + n.CoroName() + "()"
	} else if ci, ok := t.coro.(CoroutineInfo); ok {
		q, _, _, _ := ci.CoroLocation()
		label += " " + q + "()"
	}
	tr.events = append(tr.events, traceEvent{name: "thread_name", phase: 'M', track: track, arg: label})
	by := "the loop"
	if cur := l.current; cur != nil {
		by = cur.Name()
	}
	tr.events = append(tr.events, traceEvent{name: "create", phase: 'i', ts: traceTime(l), track: track, arg: "created by " + by})
}

func (tr *Tracer) stepStart(l *Loop, t *Task) { tr.start = traceTime(l) }

func (tr *Tracer) stepEnd(l *Loop, t *Task) {
	now := traceTime(l)
	tr.events = append(tr.events, traceEvent{name: "step", phase: 'X', ts: tr.start, dur: now - tr.start, track: tr.tracks[t]})
}

func (tr *Tracer) instant(l *Loop, t *Task, name string, on Value) {
	var arg string
	if on.IsValid() {
		arg = on.Type().Name
		if w, ok := on.o.(*Task); ok {
			arg += " " + w.Name()
		}
	}
	tr.events = append(tr.events, traceEvent{name: name, phase: 'i', ts: traceTime(l), track: tr.tracks[t], arg: arg})
}

func (tr *Tracer) finished(l *Loop, t *Task) {
	var arg string
	switch {
	case t.state == futureCancelled:
		arg = "cancelled"
	case t.exc != nil:
		arg = "exception " + t.exc.Error()
	default:
		arg = "result " + ReprLimited(nil, t.result)
	}
	tr.events = append(tr.events, traceEvent{name: "done", phase: 'i', ts: traceTime(l), track: tr.tracks[t], arg: arg})
	delete(tr.tracks, t)
}

// write writes the trace as JSON.
func (tr *Tracer) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"displayTimeUnit":"ms","traceEvents":[`)
	for i, e := range tr.events {
		if i > 0 {
			bw.WriteString(",\n")
		}
		bw.WriteString(`{"name":`)
		writeJSONString(bw, e.name)
		bw.WriteString(`,"ph":"` + string(e.phase) + `","pid":1,"tid":` + strconv.Itoa(int(e.track)))
		switch e.phase {
		case 'M':
			bw.WriteString(`,"args":{"name":`)
			writeJSONString(bw, e.arg)
			bw.WriteString(`}}`)
			continue
		case 'X':
			bw.WriteString(`,"dur":` + strconv.FormatFloat(e.dur, 'f', 3, 64))
		case 'i':
			bw.WriteString(`,"s":"t"`)
		}
		bw.WriteString(`,"ts":` + strconv.FormatFloat(e.ts, 'f', 3, 64))
		if e.arg != "" {
			bw.WriteString(`,"args":{"detail":`)
			writeJSONString(bw, e.arg)
			bw.WriteString(`}`)
		}
		bw.WriteString(`}`)
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func writeJSONString(w *bufio.Writer, s string) {
	b, _ := json.Marshal(s)
	w.Write(b)
}
