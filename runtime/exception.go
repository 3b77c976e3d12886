package runtime

import (
	"fmt"
	"strings"
	"unicode"
)

// Exception is an instance of BaseException or of any class derived from it, user classes
// included. It implements error, so Python exceptions travel up the Go call stack as ordinary
// error values.
type Exception struct {
	class           *Class
	Args            []Value
	Dict            *Dict // attributes set by user code (self.code = …)
	Cause           *Exception
	Context         *Exception
	SuppressContext bool
	Traceback       *Traceback
	// Group holds the member exceptions of an ExceptionGroup.
	Group []*Exception
	// Notes are added by add_note.
	Notes []string
	// Suggestion is the "Did you mean" name shown after the message in tracebacks.
	Suggestion string
	// traced is the activation that last added a traceback entry, so that an exception
	// passing through nested blocks of one frame is recorded once.
	traced uint64
	arg    [1]Value // backs Args when there is one (see SetArgs)
}

// Traceback is one frame of an exception's traceback, outermost first: Next is the frame it
// called. Entries are prepended as the exception unwinds; raising is common in real
// programs, so an entry is three words and shares its code's Site.
type Traceback struct {
	Site *TraceSite
	Line int
	Span *TraceSpan // the failing expression, for CPython 3.11's carets; nil if unknown
	Next *Traceback
}

// TraceSpan locates the expression a traceback entry failed in: 1-based lines and rune
// columns, the end exclusive. For a binary operation A and B are the end of the left
// operand and the start of the right one; for a subscript, the end of the value and of the
// index.
type TraceSpan struct {
	Line, Col, EndLine, EndCol int
	Kind                       SpanKind
	A, B                       int
}

// SpanKind says how CPython marks an expression under a traceback line.
type SpanKind uint8

// The kinds of TraceSpan.
const (
	SpanPlain     SpanKind = iota // ^^^^ under the whole expression
	SpanBinOp                     // ~~^~~ : the operator stands out
	SpanSubscript                 // ~~^^^ : the index stands out
)

// TraceSite names the code a traceback entry is in.
type TraceSite struct {
	File     string
	Function string
}

// Type returns the exception's class.
func (e *Exception) Type() *Class { return e.class }

// Class returns the exception's class.
func (e *Exception) Class() *Class { return e.class }

// Error returns "TypeName: message", the last line CPython prints for it.
func (e *Exception) Error() string {
	msg := e.Message()
	name := QualifiedName(e.class)
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// QualifiedName is the class name as the last traceback line shows it: module-qualified
// unless the class is a builtin or defined in __main__.
func QualifiedName(c *Class) string {
	if c.Module == "builtins" || c.Module == "__main__" || c.Module == "" {
		return c.Qualname
	}
	return c.Module + "." + c.Qualname
}

// Message is str(e) for exceptions whose class does not override __str__.
func (e *Exception) Message() string { return e.message(nil) }

// message is Message with the thread that user __repr__/__str__ of the arguments run on.
func (e *Exception) message(th *Thread) string {
	if e.class.IsSubclass(KeyErrorType) && len(e.Args) == 1 {
		return ReprOrPlaceholder(th, e.Args[0])
	}
	if e.class.IsSubclass(OSErrorType) {
		if s, ok := osErrorMessage(th, e); ok {
			return s
		}
	}
	if e.class.IsSubclass(UnicodeErrorType) {
		if s, ok := unicodeErrorMessage(e); ok {
			return s
		}
	}
	if e.class.IsSubclass(BaseExceptionGroupType) && len(e.Args) > 0 {
		msg, _ := AsStr(e.Args[0])
		n := len(e.Group)
		s := "s"
		if n == 1 {
			s = ""
		}
		return fmt.Sprintf("%s (%d sub-exception%s)", msg, n, s)
	}
	switch len(e.Args) {
	case 0:
		return ""
	case 1:
		if s, ok := AsStr(e.Args[0]); ok {
			return s
		}
		return StrOrPlaceholder(th, e.Args[0])
	}
	return ReprOrPlaceholder(th, Ref(&Tuple{Items: e.Args}))
}

// NewException makes an exception of class cls with the given args.
func NewException(cls *Class, args ...Value) *Exception {
	e := &Exception{class: cls}
	e.SetArgs(args)
	return e
}

// SetArgs sets e.args to a copy of args. Most exceptions have one argument, which is kept
// inside the exception rather than in a slice of its own: raising in a loop is common.
func (e *Exception) SetArgs(args []Value) {
	if len(args) == 1 {
		e.arg[0] = args[0]
		e.Args = e.arg[:1:1]
		return
	}
	e.Args = append([]Value(nil), args...)
}

// Errorf makes an exception of class cls whose single argument is the formatted message.
func Errorf(cls *Class, format string, a ...any) *Exception {
	return NewException(cls, NewStr(fmt.Sprintf(format, a...)))
}

// TypeErrorf makes a TypeError.
func TypeErrorf(format string, a ...any) *Exception { return Errorf(TypeErrorType, format, a...) }

// ValueErrorf makes a ValueError.
func ValueErrorf(format string, a ...any) *Exception { return Errorf(ValueErrorType, format, a...) }

// AttributeErrorf makes an AttributeError.
func AttributeErrorf(format string, a ...any) *Exception {
	return Errorf(AttributeErrorType, format, a...)
}

// IndexErrorf makes an IndexError.
func IndexErrorf(format string, a ...any) *Exception { return Errorf(IndexErrorType, format, a...) }

// KeyError makes a KeyError for key.
func KeyError(key Value) *Exception { return NewException(KeyErrorType, key) }

// StopIterationWith makes StopIteration carrying a return value.
func StopIterationWith(v Value) *Exception {
	if v.IsNone() {
		return NewException(StopIterationType)
	}
	return NewException(StopIterationType, v)
}

// AsException extracts the *Exception from an error, converting foreign Go errors into
// SystemError so that nothing but Python exceptions reaches Python code.
func AsException(err error) *Exception {
	if e, ok := err.(*Exception); ok {
		return e
	}
	return Errorf(SystemErrorType, "%v", err)
}

// Matches reports whether the exception is an instance of cls.
func (e *Exception) Matches(cls *Class) bool { return e.class.IsSubclass(cls) }

// Value returns StopIteration.value (args[0] or None).
func (e *Exception) Value() Value {
	if len(e.Args) > 0 {
		return e.Args[0]
	}
	return None
}

// AddTraceback prepends a frame entry as the exception passes through the activation
// with the given id; a second call for the same activation does nothing.
func (e *Exception) AddTraceback(th *Thread, activation uint64, tb Traceback) {
	if e.traced == activation && activation != 0 {
		return
	}
	e.traced = activation
	t := th.newTraceback()
	*t = tb
	t.Next = e.Traceback
	e.Traceback = t
}

// tracebackSlab is how many traceback entries a thread allocates at once. Programs raise in
// loops, and an exception gathers an entry per frame it leaves: taking entries from a slab
// makes that one allocation per 64 entries instead of one each (an entry still referenced
// keeps its slab alive, 2 KiB at most).
const tracebackSlab = 64

func (th *Thread) newTraceback() *Traceback {
	if len(th.tracebacks) == 0 {
		th.tracebacks = make([]Traceback, tracebackSlab)
	}
	t := &th.tracebacks[0]
	th.tracebacks = th.tracebacks[1:]
	return t
}

// FormatTraceback renders the exception as CPython prints an uncaught one, including chained
// causes and contexts. source returns the text of a line of a file ("" if unknown).
func FormatTraceback(th *Thread, e *Exception, source func(file string, line int) string) string {
	var b strings.Builder
	formatChain(th, &b, e, source, map[*Exception]bool{})
	return b.String()
}

func formatChain(th *Thread, b *strings.Builder, e *Exception, source func(string, int) string, seen map[*Exception]bool) {
	seen[e] = true
	if e.Cause != nil && !seen[e.Cause] {
		formatChain(th, b, e.Cause, source, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	} else if e.Context != nil && !e.SuppressContext && !seen[e.Context] {
		formatChain(th, b, e.Context, source, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	if e.Traceback != nil {
		b.WriteString("Traceback (most recent call last):\n")
		writeEntries(b, e.Traceback, source)
	}
	b.WriteString(ExceptionSummary(th, e))
	b.WriteByte('\n')
	for _, n := range e.Notes {
		b.WriteString(n)
		b.WriteByte('\n')
	}
}

// recursiveCutoff is how many identical consecutive entries a traceback shows before
// summing up the rest, as CPython's traceback module does for deep recursion.
const recursiveCutoff = 3

func writeEntries(b *strings.Builder, tb *Traceback, source func(string, int) string) {
	var last *Traceback
	count := 0
	flush := func() {
		if n := count - recursiveCutoff; n > 0 {
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", n, plural(n))
		}
	}
	for ; tb != nil; tb = tb.Next {
		if last == nil || *last.Site != *tb.Site || last.Line != tb.Line {
			flush()
			last, count = tb, 0
		}
		if count++; count > recursiveCutoff {
			continue
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", tb.Site.File, tb.Line, tb.Site.Function)
		if source != nil {
			line := source(tb.Site.File, tb.Line)
			if text := strings.TrimSpace(line); text != "" {
				fmt.Fprintf(b, "    %s\n", text)
				writeCarets(b, line, tb.Span)
			}
		}
	}
	flush()
}

// writeCarets underlines the failing expression as CPython 3.11's traceback module does:
// only when it is not the whole line, or when it is an operation whose operator or index
// can be picked out.
func writeCarets(b *strings.Builder, line string, sp *TraceSpan) {
	if sp == nil {
		return
	}
	runes := []rune(strings.TrimRight(line, " \t\r\n\f"))
	stripped := []rune(strings.TrimSpace(line))
	lead := len(runes) - len([]rune(strings.TrimLeft(string(runes), " \t\f")))
	start, end := sp.Col-1, lead+len(stripped)
	if sp.EndLine == sp.Line {
		end = sp.EndCol - 1
	}
	if start < lead || end > len(runes) || end <= start {
		return
	}
	left, right, anchored := caretAnchors(runes, sp, start, end)
	if end-start >= len(stripped) && !(anchored && right > left) {
		return
	}
	b.WriteString("    " + strings.Repeat(" ", start-lead))
	if anchored {
		b.WriteString(strings.Repeat("~", left) + strings.Repeat("^", right-left) + strings.Repeat("~", end-start-right))
	} else {
		b.WriteString(strings.Repeat("^", end-start))
	}
	b.WriteByte('\n')
}

// caretAnchors finds the operator of a binary operation or the index of a subscript, as
// offsets into the expression's text.
func caretAnchors(runes []rune, sp *TraceSpan, start, end int) (left, right int, ok bool) {
	if sp.EndLine != sp.Line || sp.A-1 < start || sp.B-1 > end || sp.A > sp.B+1 {
		return 0, 0, false
	}
	switch sp.Kind {
	case SpanBinOp:
		op := runes[sp.A-1 : sp.B-1]
		off := len(op) - len([]rune(strings.TrimLeft(string(op), " \t\f")))
		left = sp.A - 1 - start + off
		right = left + 1
		if off+1 < len(op) && !unicode.IsSpace(op[off+1]) {
			right++
		}
		return left, right, right <= end-start
	case SpanSubscript:
		return sp.A - 1 - start, sp.B - start, sp.B-start <= end-start
	}
	return 0, 0, false
}

// ExceptionSummary is the last line of a traceback: "TypeName: message", with str() of the
// exception computed through a user __str__ if the class defines one.
func ExceptionSummary(th *Thread, e *Exception) string {
	name := QualifiedName(e.class)
	msg, err := exceptionStr(th, e)
	if err != nil {
		return name + ": <exception str() failed>"
	}
	if e.Suggestion != "" {
		msg += ". Did you mean: '" + e.Suggestion + "'?"
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

func exceptionStr(th *Thread, e *Exception) (string, error) {
	if th != nil {
		return ToStr(th, Ref(e))
	}
	return e.Message(), nil
}
