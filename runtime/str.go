package runtime

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Str is a Python str. Its text is held as UTF-8; indexing is by code point, so the rune
// count is cached, and an ASCII-only string (the common case) indexes by byte.
type Str struct {
	s     string
	h     int64   // cached hash, 0 when not yet computed
	runes int32   // cached rune count, -1 when not yet computed
	buf   *strBuf // the growable buffer s is a prefix of, for s + t (see Concat)
}

// strBuf backs strings built by repeated concatenation. Strings are views of a prefix of b;
// bytes are only ever appended past every view, never changed, so the views stay immutable.
type strBuf struct{ b []byte }

// Concat returns a + b. When a is the longest view of its buffer, b is appended to the buffer
// in place, so a loop of `acc += piece` takes linear time without reference counting (CPython
// gets the same from resizing a string it holds the only reference to).
func Concat(a, b *Str) Value {
	n := len(a.s) + len(b.s)
	runes := int32(-1)
	if a.runes >= 0 && b.runes >= 0 {
		runes = a.runes + b.runes
	}
	if a.buf != nil && len(a.buf.b) == len(a.s) {
		a.buf.b = append(a.buf.b, b.s...)
		return Ref(&Str{s: unsafe.String(&a.buf.b[0], n), runes: runes, buf: a.buf})
	}
	if n < 256 {
		st, buf := newStrSized(n)
		copy(buf[copy(buf, a.s):], b.s)
		st.runes = runes
		return Ref(st)
	}
	buf := &strBuf{b: make([]byte, 0, 2*n)}
	buf.b = append(append(buf.b, a.s...), b.s...)
	return Ref(&Str{s: unsafe.String(&buf.b[0], n), runes: runes, buf: buf})
}

// Strings of up to inlineMax bytes share one allocation with their header: most strings a
// program makes are that short, and one object instead of two halves the allocator's and the
// collector's work for them. The sizes fill Go's 48-, 64- and 96-byte size classes.
type (
	str8 struct {
		Str
		b [8]byte
	}
	str24 struct {
		Str
		b [24]byte
	}
	str56 struct {
		Str
		b [56]byte
	}
)

const inlineMax = 56

// newStrSized returns a str of n bytes and those bytes, for the caller to fill before the
// str is shared.
func newStrSized(n int) (*Str, []byte) {
	var st *Str
	var b []byte
	switch {
	case n == 0:
		return &Str{runes: -1}, nil
	case n <= 8:
		p := new(str8)
		st, b = &p.Str, p.b[:n]
	case n <= 24:
		p := new(str24)
		st, b = &p.Str, p.b[:n]
	case n <= inlineMax:
		p := new(str56)
		st, b = &p.Str, p.b[:n]
	default:
		st, b = new(Str), make([]byte, n)
	}
	st.s, st.runes = unsafe.String(&b[0], n), -1
	return st, b
}

// NewStrBytes returns a str holding a copy of b.
func NewStrBytes(b []byte) Value {
	st, buf := newStrSized(len(b))
	copy(buf, b)
	return Ref(st)
}

// IntStr returns str(i) for a small int, in a single allocation.
func IntStr(i int64) Value {
	var tmp [20]byte
	v := NewStrBytes(strconv.AppendInt(tmp[:0], i, 10))
	st := v.o.(*Str)
	st.runes = int32(len(st.s))
	return v
}

// Type returns `str`.
func (s *Str) Type() *Class { return StrType }

// NewStr returns a str value.
func NewStr(s string) Value { return Ref(&Str{s: s, runes: -1}) }

// NewStrs returns str values for many strings at once, with their headers in one
// allocation: split() of a large text makes one object instead of one per piece.
func NewStrs(ss []string) []Value {
	objs := make([]Str, len(ss))
	out := make([]Value, len(ss))
	for i, s := range ss {
		objs[i] = Str{s: s, runes: -1}
		out[i] = Ref(&objs[i])
	}
	return out
}

// SplitStr is s.split(sep) for a non-empty sep, producing the str values directly: one
// allocation for the headers and one for the values, however many pieces. The pieces of an
// ASCII string (ascii set) know their length in characters from the start.
func SplitStr(s, sep string, ascii bool) []Value {
	n := strings.Count(s, sep) + 1
	objs := make([]Str, n)
	out := make([]Value, n)
	piece := func(i int, p string) {
		objs[i] = Str{s: p, runes: -1}
		if ascii {
			objs[i].runes = int32(len(p))
		}
		out[i] = Ref(&objs[i])
	}
	for i := 0; i < n-1; i++ {
		j := strings.Index(s, sep)
		piece(i, s[:j])
		s = s[j+len(sep):]
	}
	piece(n-1, s)
	return out
}

// MakeStr returns a *Str.
func MakeStr(s string) *Str { return &Str{s: s, runes: -1} }

// String returns the Go string.
func (s *Str) String() string { return s.s }

// Len returns the length in code points.
func (s *Str) Len() int {
	if s.runes < 0 {
		s.runes = int32(utf8.RuneCountInString(s.s))
	}
	return int(s.runes)
}

// IsASCII reports whether every code point is below 128, so that byte and rune indices agree.
func (s *Str) IsASCII() bool { return s.Len() == len(s.s) }

// AsStr returns v's Go string if v is a str.
func AsStr(v Value) (string, bool) {
	if s, ok := v.o.(*Str); ok {
		return s.s, true
	}
	return "", false
}

// QuoteStr returns Python's repr of a str: single quotes unless the text contains a single
// quote and no double quote; non-printable characters escaped.
func QuoteStr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case r >= 0x80 && !isPrintable(r):
			writeEscapedRune(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func writeEscapedRune(b *strings.Builder, r rune) {
	const digits = "0123456789abcdef"
	switch {
	case r < 0x100:
		b.WriteString(`\x`)
		b.WriteString(hex2(byte(r)))
	case r < 0x10000:
		b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			b.WriteByte(digits[(r>>sh)&15])
		}
	default:
		b.WriteString(`\U`)
		for sh := 28; sh >= 0; sh -= 4 {
			b.WriteByte(digits[(r>>sh)&15])
		}
	}
}
