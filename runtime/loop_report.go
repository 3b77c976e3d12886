package runtime

import (
	"sort"
	"strings"
)

// Error reports: an exception escaping a loop callback, and a failed future whose exception
// nobody retrieved, go to the loop's exception handler, as in CPython. The default handler
// prints what CPython's logs: the message, the other context entries, the traceback.

// ReportItem is one entry of an exception-handler context.
type ReportItem struct {
	Key string
	Val Value
}

// callbackFailed reports an exception that escaped the loop callback e.
func (l *Loop) callbackFailed(th *Thread, e readyEntry, exc *Exception) {
	h, ok := e.cb.(*Handle)
	if !ok {
		h = &Handle{loop: l}
		if p, isPy := e.cb.(*pyCallback); isPy {
			h.fn, h.args = p.fn, []Value{e.arg}
		} else {
			h.cb, h.arg = e.cb, e.arg
		}
	}
	l.CallExceptionHandler(th, []ReportItem{
		{"message", NewStr("Exception in callback " + h.describe(th))},
		{"exception", Ref(exc)},
		{"handle", Ref(h)},
	})
}

// noteUnhandled remembers a future that failed, to report it at close if nobody retrieves
// its exception. The list is compacted as it grows so that a long-running loop does not keep
// every failed future alive.
func (l *Loop) noteUnhandled(f *Future) {
	if len(l.unhandled) >= 64 && len(l.unhandled) == cap(l.unhandled) {
		kept := l.unhandled[:0]
		for _, u := range l.unhandled {
			if u.logTB {
				kept = append(kept, u)
			}
		}
		clear(l.unhandled[len(kept):])
		l.unhandled = kept
	}
	l.unhandled = append(l.unhandled, f)
}

// reportUnretrieved reports the failed futures whose exception was never retrieved.
// SystemExit is left out: it ends the program, which says enough.
func (l *Loop) reportUnretrieved(th *Thread) {
	pending := l.unhandled
	l.unhandled = nil
	for _, f := range pending {
		if !f.logTB || f.exc.Matches(SystemExitType) {
			continue
		}
		f.logTB = false
		what := "Future"
		if _, ok := f.outer().(*Task); ok {
			what = "Task"
		}
		l.CallExceptionHandler(th, []ReportItem{
			{"message", NewStr(what + " exception was never retrieved")},
			{"exception", Ref(f.exc)},
			{"future", Ref(f.outer())},
		})
	}
}

// CallExceptionHandler is loop.call_exception_handler: it calls the handler set with
// set_exception_handler with a context dict, or the default handler.
func (l *Loop) CallExceptionHandler(th *Thread, ctx []ReportItem) {
	if !l.handler.IsValid() || l.handler.IsNone() {
		l.defaultExceptionHandler(th, ctx)
		return
	}
	d := contextDict(ctx)
	if _, err := Call(th, l.handler, []Value{Ref(l), Ref(d)}, nil); err != nil {
		l.defaultExceptionHandler(th, []ReportItem{
			{"message", NewStr("Unhandled error in exception handler")},
			{"exception", Ref(AsException(err))},
			{"context", Ref(d)},
		})
	}
}

func contextDict(ctx []ReportItem) *Dict {
	d := NewDict()
	for _, it := range ctx {
		d.SetStr(it.Key, it.Val)
	}
	return d
}

func contextItems(d *Dict) []ReportItem {
	var ctx []ReportItem
	d.Items(func(k, v Value) bool {
		if s, ok := AsStr(k); ok {
			ctx = append(ctx, ReportItem{s, v})
		}
		return true
	})
	return ctx
}

// defaultExceptionHandler prints the report on the thread's stderr as CPython's logger
// does.
func (l *Loop) defaultExceptionHandler(th *Thread, ctx []ReportItem) {
	var msg string
	var exc *Exception
	var rest []ReportItem
	for _, it := range ctx {
		switch it.Key {
		case "message":
			msg, _ = AsStr(it.Val)
		case "exception":
			exc, _ = it.Val.o.(*Exception)
		default:
			rest = append(rest, it)
		}
	}
	if msg == "" {
		msg = "Unhandled exception in event loop"
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Key < rest[j].Key })
	var b strings.Builder
	b.WriteString(msg)
	b.WriteByte('\n')
	for _, it := range rest {
		b.WriteString(it.Key + ": " + ReprOrPlaceholder(th, it.Val) + "\n")
	}
	if exc != nil {
		b.WriteString(formatException(th, exc))
	}
	if th.Stderr != nil {
		_, _ = th.Stderr.Write([]byte(b.String()))
	}
}

// formatException renders an exception with its traceback, through the host's formatter
// (which can show source lines) when there is one.
func formatException(th *Thread, exc *Exception) string {
	if f, ok := th.Host.(interface{ FormatException(*Exception) string }); ok {
		return f.FormatException(exc)
	}
	return FormatTraceback(th, exc, nil)
}
