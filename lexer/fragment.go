package lexer

import plex "github.com/alecthomas/participle/v2/lexer"

// LexFragment lexes the expression text of an f-string field (FPart.Expr) found at start, as
// CPython 3.11 lexes it: as if inside brackets, so that newlines are whitespace and no
// Newline, Indent or Dedent tokens appear. The tokens carry their real file positions and
// end with EOF.
//
// CPython reports a syntax error in a field against the text "(expr)" rather than the source
// line; errors here carry the real line and column, and the parser may rewrite them.
func LexFragment(filename, src string, start plex.Position) ([]plex.Token, error) {
	s := scanner{filename: filename, src: src, fragment: true}
	s.init(start)
	err := s.run()
	return s.toks, err
}
