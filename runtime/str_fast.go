package runtime

import "unsafe"

// Fast paths for the commonest str method calls. They answer only the easy cases and leave
// the rest to the general str/bytes implementations in str_methods.go.

// sameString reports whether a and b are the very same bytes, not merely equal: a transform
// that returned its argument unchanged.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

// Sides stripped by strip, lstrip and rstrip.
const (
	stripLeft = 1 << iota
	stripRight
)

func stripSides(name string) int {
	switch name {
	case "strip":
		return stripLeft | stripRight
	case "lstrip":
		return stripLeft
	case "rstrip":
		return stripRight
	}
	return 0
}

// stripASCII is s.strip() (or lstrip, rstrip) for a str whose ends are ASCII, the usual
// case; a str with nothing to strip is returned itself, as CPython does. ok is false when a
// non-ASCII character is reached, whose spaceness needs the Unicode tables.
func stripASCII(v Value, sides int) (Value, bool) {
	st, isStr := v.o.(*Str)
	if !isStr {
		return Value{}, false
	}
	s := st.s
	i, j := 0, len(s)
	if sides&stripLeft != 0 {
		for ; i < j && asciiSpace(s[i]); i++ {
		}
	}
	if sides&stripRight != 0 {
		for ; j > i && asciiSpace(s[j-1]); j-- {
		}
	}
	if i < len(s) && s[i] >= 0x80 || j > 0 && s[j-1] >= 0x80 {
		return Value{}, false
	}
	if i == 0 && j == len(s) {
		return v, true
	}
	return NewStr(s[i:j]), true
}

// asciiSpace reports the ASCII characters str.isspace() accepts, including the separators
// \x1c-\x1f.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f
}
