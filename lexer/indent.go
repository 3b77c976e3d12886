package lexer

// indentation measures the indentation of a new physical line and, unless the line is blank
// or inside brackets, emits the Indent or Dedent tokens it implies, exactly as CPython's
// tok_get does.
//
// The width is measured twice: with tabs advancing to the next multiple of 8 (col) and with
// a tab counting as one column (altcol). If the two measures order the new line differently
// relative to the enclosing level, the meaning depends on the tab size: a TabError.
func (s *scanner) indentation() error {
	col, altcol, contCol := 0, 0, 0
	for {
		switch s.peek() {
		case ' ':
			col++
			altcol++
		case '\t':
			col = (col/tabSize + 1) * tabSize
			altcol++
		case '\f': // form feed resets the count, for Emacs users
			col, altcol = 0, 0
		case '\\':
			// Indentation cannot be split over lines: the first backslash fixes it.
			// Like CPython, column 0 doubles as "no backslash seen".
			if contCol == 0 {
				contCol = col
			}
			if err := s.continuation(); err != nil {
				return err
			}
			s.bufOff = s.lineOff // CPython reads the next line between tokens
			continue
		default:
			return s.endIndentation(col, altcol, contCol)
		}
		s.off++
	}
}

func (s *scanner) endIndentation(col, altcol, contCol int) error {
	c := s.peek()
	s.blank = c == '#' || c == '\n' || c == '\r' || c == eof
	if s.blank || len(s.parens) > 0 {
		return nil
	}
	if contCol != 0 {
		col, altcol = contCol, contCol
	}
	return s.setIndent(col, altcol)
}

// setIndent compares the line's indentation with the stack and emits Indent or Dedents.
func (s *scanner) setIndent(col, altcol int) error {
	i := s.indent
	switch {
	case col == s.indents[i]:
		if altcol != s.altIndents[i] {
			return s.tabError()
		}
	case col > s.indents[i]:
		if i+1 >= maxIndent {
			return s.lineError(Indentation, "too many levels of indentation")
		}
		if altcol <= s.altIndents[i] {
			return s.tabError()
		}
		s.indent++
		s.indents[s.indent], s.altIndents[s.indent] = col, altcol
		s.emit(Indent, s.off, s.off)
	default:
		for i > 0 && col < s.indents[i] {
			i--
		}
		if col != s.indents[i] {
			e := s.errorAt(Indentation, "unindent does not match any outer indentation level", s.lineEnd())
			e.Col++ // CPython counts the newline too
			e.EndCol = 0
			return e
		}
		if altcol != s.altIndents[i] {
			return s.tabError()
		}
		for ; s.indent > i; s.indent-- {
			s.emit(Dedent, s.off, s.off)
		}
	}
	return nil
}

func (s *scanner) tabError() error {
	return s.lineError(Tab, "inconsistent use of tabs and spaces in indentation")
}
