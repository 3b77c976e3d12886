package main

// Tab completion, after CPython 3.11's rlcompleter: keywords, the names of __main__ and the
// builtins, and the attributes of a dotted name. Only plain dotted names are looked up; no
// expression is evaluated and no property getter runs.

import (
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/lexer"
	rt "github.com/aio-lang/aio/runtime"
)

// completionTimeout bounds how long Tab waits for the interpreter, which may be busy in a
// background task; the answer is then no completion.
const completionTimeout = 500 * time.Millisecond

// completer is readline's AutoCompleter. Readline calls it on its own goroutine, but the
// names live in the interpreter, which only the main goroutine may touch: so it posts the
// lookup to the event loop, which the main goroutine runs while the prompt is up.
type completer struct {
	it *interp.Interp
	// post runs f on the main goroutine, through the event loop; set before the first read.
	post func(f func(th *rt.Thread)) error
}

// Do returns the completions of the word before the cursor, as the suffixes to insert, and
// the length of the part of the word they share, which readline shows in its list.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	before := string(line[:pos])
	if strings.TrimSpace(before) == "" {
		return [][]rune{[]rune(strings.Repeat(" ", 4-utf8.RuneCountInString(before)%4))}, 0
	}
	word := trailingName(before)
	if word == "" {
		return nil, 0
	}
	var suffixes [][]rune
	for _, m := range c.ask(word) {
		suffixes = append(suffixes, []rune(m[len(word):]))
	}
	return suffixes, utf8.RuneCountInString(word[strings.LastIndexByte(word, '.')+1:])
}

// ask computes the completions of word on the main goroutine.
func (c *completer) ask(word string) []string {
	answer := make(chan []string, 1)
	err := c.post(func(th *rt.Thread) { answer <- c.matches(th, word) })
	if err != nil {
		return nil
	}
	select {
	case m := <-answer:
		return m
	case <-time.After(completionTimeout):
		return nil
	}
}

// trailingName is the dotted name that ends s: "asyncio.ga" in "x = asyncio.ga".
func trailingName(s string) string {
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if r != '.' && r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		start -= size
	}
	return s[start:]
}

// matches lists the completions of a name or dotted name, sorted.
func (c *completer) matches(th *rt.Thread, word string) []string {
	var m []string
	if i := strings.LastIndexByte(word, '.'); i >= 0 {
		m = c.attrMatches(th, word[:i], word[i+1:])
	} else {
		m = c.globalMatches(th, word)
	}
	slices.Sort(m)
	return slices.Compact(m)
}

// globalMatches is rlcompleter's global_matches: keywords, then the names of __main__ and
// the builtins.
func (c *completer) globalMatches(th *rt.Thread, prefix string) []string {
	var m []string
	seen := map[string]bool{"__builtins__": true}
	for _, kw := range slices.Sorted(maps.Keys(lexer.Keywords)) {
		if strings.HasPrefix(kw, prefix) {
			seen[kw] = true
			m = append(m, kw+keywordSuffix(kw))
		}
	}
	for _, ns := range []*rt.Dict{c.it.Globals(), c.it.Builtins()} {
		ns.Items(func(k, v rt.Value) bool {
			if name, ok := rt.AsStr(k); ok && strings.HasPrefix(name, prefix) && !seen[name] {
				seen[name] = true
				m = append(m, name+c.callSuffix(th, v))
			}
			return true
		})
	}
	return m
}

// keywordSuffix is what rlcompleter appends to a completed keyword.
func keywordSuffix(kw string) string {
	switch kw {
	case "try", "finally":
		return ":"
	case "False", "None", "True", "break", "continue", "pass", "else":
		return ""
	}
	return " "
}

// attrMatches is rlcompleter's attr_matches: the attributes of the object a dotted name
// names. Names that begin with _ are left out unless the prefix asks for them or nothing
// else matches, and __names likewise after a single _.
func (c *completer) attrMatches(th *rt.Thread, expr, prefix string) []string {
	obj, ok := c.lookup(th, expr)
	if !ok {
		return nil
	}
	var names []string
	for _, n := range rt.Dir(th, obj) {
		if name, ok := rt.AsStr(n); ok && name != "__builtins__" && strings.HasPrefix(name, prefix) {
			names = append(names, name)
		}
	}
	hide := map[string]string{"": "_", "_": "__"}[prefix]
	for {
		var m []string
		for _, name := range names {
			if hide != "" && strings.HasPrefix(name, hide) {
				continue
			}
			m = append(m, expr+"."+name+c.attrSuffix(th, obj, name))
		}
		if len(m) > 0 || hide == "" {
			return m
		}
		hide = map[string]string{"_": "__"}[hide]
	}
}

// lookup finds the object a dotted name names, in __main__ or the builtins. It gives up on
// a property rather than run its getter.
func (c *completer) lookup(th *rt.Thread, expr string) (rt.Value, bool) {
	parts := strings.Split(expr, ".")
	for _, p := range parts {
		if p == "" || unicode.IsDigit([]rune(p)[0]) || lexer.Keywords[p] {
			return rt.Value{}, false
		}
	}
	v, ok := c.it.Globals().GetStr(parts[0])
	if !ok {
		v, ok = c.it.Builtins().GetStr(parts[0])
	}
	for _, name := range parts[1:] {
		if !ok || isProperty(v, name) {
			return rt.Value{}, false
		}
		var err error
		v, err = rt.GetAttr(th, v, name)
		ok = err == nil
	}
	return v, ok
}

// attrSuffix is "(" for a method or other callable attribute, as rlcompleter adds; a
// property is not called to find out.
func (c *completer) attrSuffix(th *rt.Thread, obj rt.Value, name string) string {
	if isProperty(obj, name) {
		return ""
	}
	v, err := rt.GetAttr(th, obj, name)
	if err != nil {
		return ""
	}
	return c.callSuffix(th, v)
}

func isProperty(obj rt.Value, name string) bool {
	d := obj.Type().Lookup(name)
	return d.IsValid() && d.Type() == rt.PropertyType
}

// callSuffix is "(" if v is callable.
func (c *completer) callSuffix(th *rt.Thread, v rt.Value) string {
	callable, ok := c.it.Builtins().GetStr("callable")
	if !ok {
		return ""
	}
	r, err := rt.Call(th, callable, []rt.Value{v}, nil)
	if b, isBool := r.BoolVal(); err == nil && isBool && b {
		return "("
	}
	return ""
}
