package parser

// The REPL reads a statement a line at a time and must decide after each line whether to run
// the input, ask for more ("... ") or report an error. CPython's REPL (code.InteractiveConsole,
// and `python -m asyncio`, whose top-level await Aio's REPL shares) asks
// codeop.compile_command(src, "<stdin>", "single"), which compiles the input twice:
//
//   - src itself, in single mode with no dedent implied at the end: if that compiles, the
//     input is complete;
//   - otherwise src+"\n": if that compiles, or fails only because the input ended too early
//     ("incomplete input"), more is needed; any other error makes the input invalid.
//
// Single mode differs from a file's parse in two ways. The input must be one statement (a
// line of ;-separated simple statements counts as one). And a compound statement is complete
// only once a further NEWLINE token follows it, and, if its last line is indented, a dedent
// to column 0: that is the blank-line rule, by which `def f():` / `    return 1` waits for an
// empty line. Classify and ParseInteractive reproduce those rules over the lexer's tokens and
// ParseFile, whose errors of Kind lexer.Incomplete are CPython's "incomplete input".

import (
	"errors"
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// Status is the REPL's verdict on the input read so far.
type Status int

const (
	// Complete input is a statement to run (or nothing but blanks and comments).
	Complete Status = iota
	// Incomplete input needs more lines.
	Incomplete
	// Invalid input has a syntax error that no further line can repair.
	Invalid
)

func (s Status) String() string {
	switch s {
	case Complete:
		return "Complete"
	case Incomplete:
		return "Incomplete"
	}
	return "Invalid"
}

// Classify tells whether the REPL input src (its lines joined by "\n", without a final
// newline unless the last line read was empty) is complete, incomplete or invalid, exactly
// as CPython 3.11's codeop.compile_command(src, "<stdin>", "single") with top-level await
// allowed: a code object, None or an exception. The scope errors of the interpreter's
// resolver (a nonlocal with no binding, say) are not syntax errors here: the REPL reports
// them when it compiles the complete input.
func Classify(src string) Status {
	if blank(src) {
		return Complete
	}
	if _, err := ParseInteractive("<stdin>", src); err == nil && ended(src) {
		return Complete
	}
	if _, err := ParseInteractive("<stdin>", src+"\n"); err == nil || incomplete(err) && !failsInBrackets(src) {
		return Incomplete
	}
	return Invalid
}

// failsInBrackets reports whether input that ends inside brackets already has a syntax
// error before its end, as `foo(a b` does: the file-mode parse reports only the unclosed
// bracket, but CPython's interactive parser stops at the error and calls the input invalid.
// Closing the brackets and parsing again shows where the first error lies.
func failsInBrackets(src string) bool {
	toks, lexErr := lexer.Tokenize("<stdin>", src, nil)
	var e *lexer.Error
	if errors.As(lexErr, &e) && e.Msg != "" && !strings.Contains(e.Msg, "was never closed") {
		return false // the input is incomplete inside a token (a string), not between tokens
	}
	var open []byte
	var last *plex.Token
	for i, t := range toks {
		if t.Type != lexer.Newline && t.Type != lexer.Dedent && t.Type != lexer.EOF {
			last = &toks[i]
		}
		if t.Type != lexer.Op || len(t.Value) != 1 {
			continue
		}
		switch c := t.Value[0]; c {
		case '(', '[', '{':
			open = append(open, c)
		case ')', ']', '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if len(open) == 0 {
		return false
	}
	closers := make([]byte, 0, len(open))
	for i := len(open) - 1; i >= 0; i-- {
		closers = append(closers, map[byte]byte{'(': ')', '[': ']', '{': '}'}[open[i]])
	}
	_, err := ParseFile("<stdin>", []byte(src+string(closers)+"\n"))
	if !errors.As(err, &e) || e.Kind == lexer.Incomplete || last == nil || e.Col < 1 {
		return false
	}
	// An error at the last token may be the parser asking for what the user has yet to type.
	return e.Line < last.Pos.Line || e.Line == last.Pos.Line && e.Col < last.Pos.Column
}

// incomplete reports whether err is CPython's "incomplete input": a parse that failed only
// because the input ended.
func incomplete(err error) bool {
	var e *lexer.Error
	return errors.As(err, &e) && e.Kind == lexer.Incomplete
}

// blank reports whether src holds only blank lines and comments, which codeop treats as
// `pass`.
func blank(src string) bool {
	for _, line := range strings.Split(src, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			return false
		}
	}
	return true
}

// ParseInteractive parses and checks REPL input as CPython's compile(src, filename, "single")
// does with top-level await allowed: like ParseFile followed by CheckTopLevelAwait, except
// that the input must be a single statement. The error, if any, is a *lexer.Error, or a
// *LimitError for input nested too deeply.
func ParseInteractive(filename, src string) (*ast.Module, error) {
	toks, _ := lexer.Tokenize(filename, src, nil)
	if err := secondStatement(filename, src, toks); err != nil {
		return nil, err
	}
	m, err := ParseFile(filename, []byte(src))
	if err != nil {
		return nil, err
	}
	if err := CheckTopLevelAwait(m, []byte(src)); err != nil {
		return nil, err
	}
	return m, nil
}

// secondStatement reports the error single mode gives for input that goes on after its first
// statement, if the first statement parses. After a simple statement, CPython's parser has
// consumed the line and scans the raw text that is left: anything but blanks and comments is
// "multiple statements", reported at the line's end. After a compound statement, the parser
// wants the NEWLINE that ends the statement and finds the next statement instead.
func secondStatement(filename, src string, toks []plex.Token) error {
	first, end := firstStatement(toks)
	if end == nil {
		return nil
	}
	cut, msg := end.Pos.Offset, "invalid syntax"
	if !compound(first) {
		cut, msg = end.Pos.Offset+len(end.Value), "multiple statements found while compiling a single statement"
		if blank(src[cut:]) {
			return nil
		}
	}
	_, err := ParseFile(filename, []byte(src[:cut]))
	switch {
	case err == nil:
		return errorAt(end, lexer.Syntax, msg).toError(filename, src)
	case incomplete(err):
		return nil // the first statement runs on past the cut: the whole input's parse tells
	}
	return err
}

// firstStatement returns the first token of the input and the token that ends its first
// statement, if the tokens reach it: the Newline token after a simple statement, the first
// token of the next top-level statement after a compound one. Logical lines at the top level
// that carry on a statement (else, elif, except, finally, and whatever follows a decorator)
// do not start one.
func firstStatement(toks []plex.Token) (first, end *plex.Token) {
	depth := 0 // indentation level
	lineStart, decorator := true, false
	for i := range toks {
		t := &toks[i]
		switch t.Type {
		case lexer.Indent:
			depth++
			continue
		case lexer.Dedent:
			depth--
			continue
		case lexer.EOF:
			return first, nil
		case lexer.Newline:
			if !compound(first) {
				return first, t
			}
			lineStart = true
			continue
		}
		if !lineStart {
			continue
		}
		lineStart = false
		switch {
		case first == nil:
			first = t
		case depth == 0 && !decorator && !clause(t):
			return first, t
		}
		decorator = depth == 0 && t.Type == lexer.Op && t.Value == "@"
	}
	return first, nil
}

// compound reports whether t starts a compound statement.
func compound(t *plex.Token) bool {
	switch {
	case t == nil:
		return false
	case t.Type == lexer.Op:
		return t.Value == "@"
	case t.Type == lexer.Keyword:
		switch t.Value {
		case "if", "while", "for", "try", "with", "def", "class", "async":
			return true
		}
	}
	return false
}

// clause reports whether t starts a clause that continues a compound statement.
func clause(t *plex.Token) bool {
	switch t.Value {
	case "else", "elif", "except", "finally":
		return t.Type == lexer.Keyword
	}
	return false
}

// ended reports whether the statement in src, which parses, is over in single mode. A simple
// statement is; a compound one needs its last line ended by a newline, and then, if that
// line is indented, an empty last line (a dedent to column 0), else an empty or comment-only
// one.
func ended(src string) bool {
	toks, _ := lexer.Tokenize("", src, nil)
	first, _ := firstStatement(toks)
	if !compound(first) {
		return true
	}
	last, dedents := lastToken(toks)
	if !strings.Contains(src[last.Pos.Offset+len(last.Value):], "\n") {
		return false
	}
	tail := src[strings.LastIndexByte(src, '\n')+1:]
	return tail == "" || dedents == 0 && strings.HasPrefix(strings.TrimLeft(tail, " \t\f"), "#")
}

// lastToken returns the last token of src's statements, and the number of Dedent tokens
// that close the blocks open at the end.
func lastToken(toks []plex.Token) (last plex.Token, dedents int) {
	for _, t := range toks {
		switch t.Type {
		case lexer.Dedent:
			dedents++
		case lexer.Newline, lexer.Indent, lexer.EOF:
		default:
			last, dedents = t, 0
		}
	}
	return last, dedents
}
