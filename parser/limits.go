package parser

// LimitError is what CPython raises instead of a SyntaxError for a program nested too deeply
// to parse or compile: MemoryError when its parser's stack overflows (see maxParserLevel),
// RecursionError when a compiler pass's does (see maxCompileDepth). Neither has a position;
// CPython prints only the exception's last line.
type LimitError struct {
	Type string // the exception's class: "MemoryError" or "RecursionError"
	Msg  string // its message; "" for MemoryError
}

// Error is the line CPython prints: "MemoryError", or "RecursionError: maximum recursion
// depth exceeded during compilation".
func (e *LimitError) Error() string {
	if e.Msg == "" {
		return e.Type
	}
	return e.Type + ": " + e.Msg
}
