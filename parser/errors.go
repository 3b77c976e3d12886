package parser

import (
	"strings"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// syntaxError is an error found by the parser: CPython's message and the span its carets
// cover. It becomes a *lexer.Error in toError, once the source text is at hand.
type syntaxError struct {
	kind       lexer.ErrorKind
	msg        string
	start, end ast.Pos // end ≤ start means a single caret
	text       string  // the line to show when it is not the source line (f-string fields)
	eof        bool    // found at the end of input: placed by toError
	reach      int32   // the line of the last token the parser looked at
	lexErr     *lexer.Error
	memory     bool // CPython's parser ran out of stack: not a syntax error but errParserStack
}

func (e *syntaxError) Error() string { return e.msg }

// failLexer reports an error from the lexer's helpers for token t: a *lexer.Error is final
// as it stands, anything else is placed at t.
func (p *exprParser) failLexer(err error, t *plex.Token) ast.Expr {
	if le, ok := err.(*lexer.Error); ok {
		return p.fail(&syntaxError{kind: le.Kind, msg: le.Msg, lexErr: le})
	}
	return p.failAt(t, err.Error())
}

// newError reports msg with carets over the span [start, end).
func newError(kind lexer.ErrorKind, msg string, start, end ast.Pos) *syntaxError {
	return &syntaxError{kind: kind, msg: msg, start: start, end: end, reach: start.Line}
}

// errorAt reports msg at token t, with carets under the whole token as CPython draws them.
// Synthetic tokens (Newline, Indent, Dedent, EOF) get a single caret; an error at EOF means
// the input stopped too early, which the REPL must be able to tell apart.
func errorAt(t *plex.Token, kind lexer.ErrorKind, msg string) *syntaxError {
	start := tokPos(t)
	switch t.Type {
	case lexer.EOF:
		if kind == lexer.Syntax || kind == lexer.Indentation {
			kind = lexer.Incomplete
		}
		e := newError(kind, msg, start, start)
		e.eof = true
		return e
	case lexer.Newline:
		return newError(kind, msg, start, start)
	case lexer.Indent, lexer.Dedent:
		// CPython's INDENT and DEDENT tokens have no column: its caret goes where the
		// tokenizer stands, after the indentation, which its 0-based offset then names.
		start.Col--
		return newError(kind, msg, start, start)
	}
	return newError(kind, msg, start, tokEnd(t))
}

// fail records err unless an earlier error is already recorded; it returns nil so that
// parse functions can end with `return p.fail(...)`. An error found with the end of input
// in sight gives way to a lexical error there, as in CPython, whose tokenizer stops first.
func (p *exprParser) fail(err *syntaxError) ast.Expr {
	if p.err == nil {
		err.eof = err.eof || p.tok.Type == lexer.EOF
		err.reach = max(err.reach, int32(p.tok.Pos.Line))
		p.err = err
	}
	return nil
}

// failAt reports a syntax error at token t.
func (p *exprParser) failAt(t *plex.Token, msg string) ast.Expr {
	return p.fail(errorAt(t, lexer.Syntax, msg))
}

// failSpan reports a syntax error over [start, end).
func (p *exprParser) failSpan(start, end ast.Pos, msg string) ast.Expr {
	return p.fail(newError(lexer.Syntax, msg, start, end))
}

// failNode reports a syntax error under node n.
func (p *exprParser) failNode(n ast.Node, msg string) ast.Expr {
	return p.failSpan(n.Pos(), n.End(), msg)
}

// syntaxError reports the generic "invalid syntax" at the current token.
func (p *exprParser) syntaxError() ast.Expr { return p.failAt(p.tok, "invalid syntax") }

// toError turns e into the error callers see, drawing the source line from src. A span that
// runs past its first line is drawn, as CPython draws it, to the end of that line.
func (e *syntaxError) toError(filename, src string) *lexer.Error {
	if e.lexErr != nil {
		if e.lexErr.Text != "" || e.lexErr.Line < 1 {
			return e.lexErr
		}
		le := *e.lexErr
		le.Text = sourceLine(src, le.Line)
		return &le
	}
	if e.eof {
		e.atEnd(src)
	}
	text := e.text
	if text == "" {
		text = sourceLine(src, int(e.start.Line))
	}
	err := &lexer.Error{
		Kind:     e.kind,
		Msg:      e.msg,
		Filename: filename,
		Line:     int(e.start.Line),
		Col:      int(e.start.Col),
		Text:     text,
	}
	switch {
	case e.end.Line > e.start.Line:
		err.EndCol = utf8.RuneCountInString(text) + 1
	case e.end.Line == e.start.Line && e.end.Col > e.start.Col:
		err.EndCol = int(e.end.Col)
	}
	return err
}

// atEnd places an error found at the end of input where CPython does when it runs a file:
// on its last line, without a caret.
func (e *syntaxError) atEnd(src string) {
	line := strings.Count(strings.TrimSuffix(src, "\n"), "\n") + 1
	e.start = ast.Pos{Line: int32(line)}
	e.end = e.start
}

// sourceLine returns line n (1-based) of src without its line ending, or "".
func sourceLine(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(src, "\r")
}
