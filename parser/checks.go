package parser

import (
	"strconv"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/lexer"
)

// Fields of these types never match: they stand last in a grammar alternative, and their
// hooks report the error CPython reports when the input offers nothing the alternatives
// before them accept. When the error does not apply they return participle.NextMatch and
// participle goes on as if they were not there. Besides naming the error, they put it at
// the token where CPython does: participle, having backtracked out of an optional group,
// would report the token before.
type (
	invalidHere     interface{ invalidHere() }     // nothing valid here: "invalid syntax"
	noIndentedBlock interface{ noIndentedBlock() } // ':' NEWLINE without INDENT
	noColon         interface{ noColon() }         // a compound statement header without ':'
	noParen         interface{ noParen() }         // def f without '('
	noHandler       interface{ noHandler() }       // try without except or finally
	mixedExcept     interface{ mixedExcept() }     // except and except* in one try
)

func checkOptions() []participle.Option {
	return []participle.Option{
		participle.ParseTypeWith(errorCheck[invalidHere](invalidSyntax)),
		participle.ParseTypeWith(errorCheck[noIndentedBlock](expectedIndent)),
		participle.ParseTypeWith(errorCheck[noColon](expectedColon)),
		participle.ParseTypeWith(errorCheck[noParen](expectedParen)),
		participle.ParseTypeWith(errorCheck[noHandler](expectedHandler)),
		participle.ParseTypeWith(errorCheck[mixedExcept](mixedHandlers)),
	}
}

// errorCheck adapts an error-reporting function to participle.ParseTypeWith.
func errorCheck[T any](report func(lex *plex.PeekingLexer) *syntaxError) func(*plex.PeekingLexer) (T, error) {
	return func(lex *plex.PeekingLexer) (T, error) {
		var zero T
		err := report(lex)
		if err == nil {
			return zero, participle.NextMatch
		}
		stateOf(lex).record(err)
		return zero, err
	}
}

// next returns the next token, or EOF when only dedents stand before it: CPython reports
// errors there at the end of the input.
func next(lex *plex.PeekingLexer) *plex.Token {
	t := lex.Peek()
	if t.Type != lexer.Dedent {
		return t
	}
	cp := lex.MakeCheckpoint()
	defer lex.LoadCheckpoint(cp)
	for lex.Peek().Type == lexer.Dedent {
		lex.Next()
	}
	if end := lex.Peek(); end.Type == lexer.EOF {
		return end
	}
	return t
}

// invalidSyntax reports the generic error, or, at an indent or dedent, CPython's names for
// it.
func invalidSyntax(lex *plex.PeekingLexer) *syntaxError {
	switch lex.Peek().Type {
	case lexer.Indent:
		return errorAt(lex.Peek(), lexer.Indentation, "unexpected indent")
	case lexer.Dedent:
		return errorAt(next(lex), lexer.Indentation, "unexpected unindent")
	}
	return errorAt(next(lex), lexer.Syntax, "invalid syntax")
}

// expectedIndent reports a block header's ':' and NEWLINE followed by no indented block.
// After an INDENT, the block is there but does not parse: that error is participle's.
func expectedIndent(lex *plex.PeekingLexer) *syntaxError {
	if lex.Peek().Type == lexer.Indent {
		return nil
	}
	header := lineStart(lex.Range(0, lex.RawCursor()))
	return errorAt(next(lex), lexer.Indentation, "expected an indented block after "+headerName(header))
}

// lineStart returns the tokens of the last logical line of toks, which ends before
// its last token.
func lineStart(toks []plex.Token) []plex.Token {
	h := len(toks) - 1
	for h > 0 && !startsLine(toks[h-1].Type) {
		h--
	}
	return toks[h:]
}

// startsLine reports whether the token after one of type t starts a logical line.
func startsLine(t plex.TokenType) bool {
	return t == lexer.Newline || t == lexer.Indent || t == lexer.Dedent
}

// headerKeyword returns the keyword that starts a compound statement's header line.
func headerKeyword(line []plex.Token) string {
	if line[0].Value == "async" && len(line) > 1 {
		return line[1].Value
	}
	return line[0].Value
}

// headerName describes the compound statement of a header line in CPython's words:
// "'if' statement on line 3", "function definition on line 1".
func headerName(line []plex.Token) string {
	what := "'" + headerKeyword(line) + "' statement"
	switch headerKeyword(line) {
	case "def":
		what = "function definition"
	case "class":
		what = "class definition"
	case "except":
		if line[1].Value == "*" {
			what = "'except*' statement"
		}
	}
	return what + " on line " + strconv.Itoa(line[0].Pos.Line)
}

// expectedColon reports a compound statement header not followed by ':'. CPython's
// grammar insists on the ':' of def, try, else and finally (its "forced" tokens); for the
// others it only names the ':' when the line ends where it should have been.
func expectedColon(lex *plex.PeekingLexer) *syntaxError {
	t := next(lex)
	if t.Value == ":" && t.Type == lexer.Op {
		return nil
	}
	switch headerKeyword(lineStart(lex.Range(0, lex.RawCursor()+1))) {
	case "def", "try", "else", "finally":
		return errorAt(t, lexer.Syntax, "expected ':'")
	}
	if t.Type == lexer.Newline {
		return errorAt(t, lexer.Syntax, "expected ':'")
	}
	return errorAt(t, lexer.Syntax, "invalid syntax")
}

// expectedParen reports a def whose name is not followed by '('.
func expectedParen(lex *plex.PeekingLexer) *syntaxError {
	return errorAt(next(lex), lexer.Syntax, "expected '('")
}

// expectedHandler reports a try block followed by neither except nor finally.
func expectedHandler(lex *plex.PeekingLexer) *syntaxError {
	t := next(lex)
	if t.Type == lexer.Keyword && (t.Value == "except" || t.Value == "finally") {
		return nil
	}
	return errorAt(t, lexer.Syntax, "expected 'except' or 'finally' block")
}

// mixedHandlers reports an except clause of the other kind (except or except*) than the
// one before it in the same try statement. The clauses of a try start lines at the column
// of its keyword; the search goes back along those lines to the try.
func mixedHandlers(lex *plex.PeekingLexer) *syntaxError {
	toks := lex.Range(0, lex.RawCursor())
	kw := &toks[len(toks)-1] // this clause's except
	star := lex.Peek().Value == "*"
	for i := len(toks) - 2; i > 0; i-- {
		t := &toks[i]
		if startsLine(t.Type) || !startsLine(toks[i-1].Type) || t.Pos.Column != kw.Pos.Column {
			continue
		}
		if t.Value != "except" || t.Type != lexer.Keyword {
			return nil
		}
		if (toks[i+1].Value == "*") == star {
			return nil
		}
		end := tokEnd(kw)
		if star {
			end = tokEnd(lex.Peek())
		}
		return newError(lexer.Syntax, "cannot have both 'except' and 'except*' on the same 'try'", tokPos(kw), end)
	}
	return nil
}
