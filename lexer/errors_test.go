package lexer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ok marks sources that scan without error.
const ok ErrorKind = 255

// errorTests are sources the scanner rejects, with the error CPython 3.11 gives for them.
var errorTests = []struct {
	src  string
	kind ErrorKind
	msg  string
}{
	// indentation
	{"x = 1\n  y = 2\n", ok, ""},
	{"if x:\n    y\n  z\n", Indentation, "unindent does not match any outer indentation level"},
	{"if x:\n    y\n  z", Indentation, "unindent does not match any outer indentation level"},
	{"if x:\n\ty\n        z\n", Tab, "inconsistent use of tabs and spaces in indentation"},
	{"if x:\n        y\n\tz\n", Tab, "inconsistent use of tabs and spaces in indentation"},
	{"if x:\n    \ty\n", ok, ""},
	{"if x:\n  \\\n    y\n", ok, ""},
	// brackets
	{"(]\n", Syntax, "closing parenthesis ']' does not match opening parenthesis '('"},
	{"x = (1,\n2]\n", Syntax, "closing parenthesis ']' does not match opening parenthesis '(' on line 1"},
	{"x = {1: [2)}\n", Syntax, "closing parenthesis ')' does not match opening parenthesis '['"},
	{")\n", Syntax, "unmatched ')'"},
	{"x = 1\n]\n", Syntax, "unmatched ']'"},
	{"(\n", Incomplete, "'(' was never closed"},
	{"x = [1,\n  (2,\n", Incomplete, "'(' was never closed"},
	{"foo(a, {\n\n", Incomplete, "'{' was never closed"},
	{"x = é + (1\n", Incomplete, "'(' was never closed"},
	{"# coding: utf-8\nx = é + (1\n", Incomplete, "'(' was never closed"},
	{"#!/usr/bin/env aio\n# -*- coding=utf-8 -*-\nx = é + (1\n", Incomplete, "'(' was never closed"},
	{"x = 1\n# coding: utf-8\nx = é + (1\n", Incomplete, "'(' was never closed"},
	{"x = " + strings.Repeat("(", 200) + "\n", Incomplete, "'(' was never closed"},
	{"x = " + strings.Repeat("[", 201) + "\n", Syntax, "too many nested parentheses"},
	{nestedBlocks(99), ok, ""},
	{nestedBlocks(100), Indentation, "too many levels of indentation"},
	// continuation
	{"x = \\ y\n", Syntax, "unexpected character after line continuation character"},
	{"x = 1 + \\", Incomplete, "unexpected EOF while parsing"},
	{"x = 1 + \\\n", Incomplete, "unexpected EOF while parsing"},
	{"if x:\n    y = 1 + \\\n", Incomplete, "unexpected EOF while parsing"},
	{"x = [\\a]\n", Syntax, "unexpected character after line continuation character"},
	{"é = \\ y\n", Syntax, "unexpected character after line continuation character"},
	{"x = 1 + \\\n  2 \\ 3\n", Syntax, "unexpected character after line continuation character"},
	{"x = 1 + \\\n  \\ 2\n", Syntax, "unexpected character after line continuation character"},
	{"x = 1\n  \\\n  \\ 2\n", Syntax, "unexpected character after line continuation character"},
	{"s = '''a\nb''' \\ 1\n", Syntax, "unexpected character after line continuation character"},
	{"s = 'a\\\nbé' \\ 1\n", Syntax, "unexpected character after line continuation character"},
	{"s = (1,\n  2) \\ 1\n", Syntax, "unexpected character after line continuation character"},
	{"x = (1 + \\\n", Incomplete, "'(' was never closed"},
	{"x = [1,\n  2 + \\", Incomplete, "'[' was never closed"},
	// strings
	{"x = 'abc\n", Syntax, "unterminated string literal (detected at line 1)"},
	{"x = 'abc", Syntax, "unterminated string literal (detected at line 1)"},
	{"x = rb'abc\n", Syntax, "unterminated string literal (detected at line 1)"},
	{"x = \"abc\\\ndef\n", Syntax, "unterminated string literal (detected at line 2)"},
	{"x = 'abc\\\n", Incomplete, "unterminated string literal (detected at line 1)"},
	{"x = 'abc\\\ndef\\\n", Incomplete, "unterminated string literal (detected at line 2)"},
	{"x = 'abc\\", Incomplete, "unterminated string literal (detected at line 1)"},
	{"x = '''abc\\", Incomplete, "unterminated triple-quoted string literal (detected at line 1)"},
	{"x = 'abc\\\\", Syntax, "unterminated string literal (detected at line 1)"},
	{"x = '''abc\n", Incomplete, "unterminated triple-quoted string literal (detected at line 1)"},
	{"x = 1\ny = \"\"\"abc\ndef\n\n", Incomplete, "unterminated triple-quoted string literal (detected at line 4)"},
	{"x = f'''abc\ndef", Incomplete, "unterminated triple-quoted string literal (detected at line 2)"},
	{"x = 'é\n", Syntax, "unterminated string literal (detected at line 1)"},
	{"s = \"abc\rdef\"\n", Syntax, "unterminated string literal (detected at line 1)"},
	// numbers
	{"x = 0xg\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0x\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0x_\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0x1__2\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0x1g\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0o9\n", Syntax, "invalid digit '9' in octal literal"},
	{"x = 0o17\n", ok, ""},
	{"x = 0o18\n", Syntax, "invalid digit '8' in octal literal"},
	{"x = 0o\n", Syntax, "invalid octal literal"},
	{"x = 0b12\n", Syntax, "invalid digit '2' in binary literal"},
	{"x = 0b\n", Syntax, "invalid binary literal"},
	{"x = 0b1x\n", Syntax, "invalid binary literal"},
	{"x = 012\n", Syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
	{"x = 00_12\n", Syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
	{"é = 0012\n", Syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
	{"x = 0_\n", Syntax, "invalid decimal literal"},
	{"x = 1__0\n", Syntax, "invalid decimal literal"},
	{"x = 1_\n", Syntax, "invalid decimal literal"},
	{"x = 1e\n", Syntax, "invalid decimal literal"},
	{"x = 1e+\n", Syntax, "invalid decimal literal"},
	{"x = 1.5_\n", Syntax, "invalid decimal literal"},
	{"x = 1abc\n", Syntax, "invalid decimal literal"},
	{"x = 1.5abc\n", Syntax, "invalid decimal literal"},
	{"x = 1.5ex\n", Syntax, "invalid decimal literal"},
	{"x = 1jx\n", Syntax, "invalid imaginary literal"},
	{"x = 0x1fz\n", Syntax, "invalid hexadecimal literal"},
	{"x = 0o7z\n", Syntax, "invalid octal literal"},
	{"x = 0b1z\n", Syntax, "invalid binary literal"},
	{"x = 09z\n", Syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
	{"x = 0z\n", Syntax, "invalid decimal literal"},
	{"x = 1_000.000_1e1_0j\n", ok, ""},
	// characters
	{"a € b\n", Syntax, "invalid character '€' (U+20AC)"},
	{"a = b€c\n", Syntax, "invalid character '€' (U+20AC)"},
	{"x = (1,\n\x01)\n", Syntax, "invalid non-printable character U+0001"},
	{"x = y\u00a0\n", Syntax, "invalid non-printable character U+00A0"},
	{"x = 1\x7f\n", Syntax, "invalid non-printable character U+007F"},
	{"x = 1\v\n", Syntax, "invalid non-printable character U+000B"},
	{"x = 😀\n", Syntax, "invalid character '😀' (U+1F600)"},
	{"x = 1\n\x00y\n", Syntax, "source code cannot contain null bytes"},
	{"x = = 1\ny = 'a\x00'\n", Syntax, "source code cannot contain null bytes"},
	{"x = 1 \x00 + 2\n", Syntax, "source code cannot contain null bytes"},
	{"x = 1\ny = 'a\xffb'\n", Syntax, "Non-UTF-8 code starting with '\\xff' in file FILE on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
	{"x = (1\n\xc3", Syntax, "Non-UTF-8 code starting with '\\xc3' in file FILE on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"},
	// carets on indented lines and lines with wide characters
	{"def f():\n\tx = 0xg\n", Syntax, "invalid hexadecimal literal"},
	{"if x:\n    y = 'abc\n", Syntax, "unterminated string literal (detected at line 2)"},
	{"x = '中文' + 0xg\n", Syntax, "invalid hexadecimal literal"},
	{"if x:\n    s = \"\"\"\n  abc\n", Incomplete, "unterminated triple-quoted string literal (detected at line 3)"},
	{"if x:\n  y\n\tz\n", Tab, "inconsistent use of tabs and spaces in indentation"},
	{"if x:\n  \ty\n  z\n", Indentation, "unindent does not match any outer indentation level"},
	{"if x:\n  \\ y\n", Syntax, "unexpected character after line continuation character"},
	{"print('x'))\n", Syntax, "unmatched ')'"},
	{"a·b = ℕ\n", ok, ""},
	{"x = 1\u2028\n", Syntax, "invalid non-printable character U+2028"},
	{"\u0301x = 1\n", Syntax, "invalid character '\u0301' (U+0301)"},
	{"x = 1\n\f\n  \f\n", ok, ""},
	{"x = 1é\n", ok, ""}, // the parser reports 1é as invalid syntax
	{"x = 1€\n", Syntax, "invalid character '€' (U+20AC)"},
	{"x = 1\r\ny = (\r\n", Incomplete, "'(' was never closed"},
	{"if x:\r    y\r  z\r", Indentation, "unindent does not match any outer indentation level"},
}

// TestErrors checks each error's kind and message and, when python3 is installed, that the
// error prints exactly as python3 prints it for the same file.
func TestErrors(t *testing.T) {
	python := pythonPath()
	dir := t.TempDir()
	for _, tt := range errorTests {
		path := filepath.Join(dir, "x.aio")
		_, err := Tokenize(path, tt.src, nil)
		var e *Error
		switch {
		case tt.kind == ok:
			if err != nil {
				t.Errorf("%q: unexpected error %v", tt.src, err)
			}
		case !errors.As(err, &e):
			t.Errorf("%q: got %v, want error %q", tt.src, err, tt.msg)
			continue
		case e.Kind != tt.kind || e.Msg != strings.ReplaceAll(tt.msg, "FILE", path):
			t.Errorf("%q: got kind %d %q, want kind %d %q", tt.src, e.Kind, e.Msg, tt.kind, tt.msg)
		}
		if python == "" || err == nil {
			continue
		}
		if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command(python, "-S", path).CombinedOutput()
		if want := strings.TrimRight(string(out), "\n"); err.Error() != want {
			t.Errorf("%q prints\n%s\nwant (python3)\n%s", tt.src, err, want)
		}
	}
}

// pythonPath returns the python3 interpreter's own path (not a slow pyenv shim), or "".
func pythonPath() string {
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// nestedBlocks returns n nested if statements, each indented one more space.
func nestedBlocks(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	return b.String() + strings.Repeat(" ", n) + "pass\n"
}
