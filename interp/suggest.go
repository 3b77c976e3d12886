package interp

import (
	"unicode"

	rt "github.com/aio-lang/aio/runtime"
)

// The "Did you mean" hints of CPython 3.11 (Python/suggestions.c): the candidate at the
// smallest edit distance, where a change of case costs half a substitution.
const (
	moveCost      = 2
	caseCost      = 1
	maxStringSize = 40
)

func substitutionCost(a, b rune) int {
	if a == b {
		return 0
	}
	if unicode.ToLower(a) == unicode.ToLower(b) {
		return caseCost
	}
	return moveCost
}

func levenshtein(a, b []rune, maxCost int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > maxStringSize || len(b) > maxStringSize {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * moveCost
	}
	result := 0
	for bi, code := range b {
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for ai := range a {
			sub := distance + substitutionCost(code, a[ai])
			distance = buf[ai]
			result = min(distance+moveCost, result+moveCost, sub)
			buf[ai] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// suggest picks the closest candidate to name, or "".
func suggest(name string, candidates []string) string {
	best, bestDist := "", int(^uint(0)>>1)
	rn := []rune(name)
	for _, c := range candidates {
		if c == name {
			continue
		}
		rc := []rune(c)
		maxDist := min((len(rn)+len(rc)+3)*moveCost/6, bestDist-1)
		d := levenshtein(rn, rc, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// dictNames lists a namespace's string keys in insertion order.
func dictNames(d *rt.Dict) []string {
	var out []string
	d.Items(func(k, _ rt.Value) bool {
		if s, ok := rt.AsStr(k); ok {
			out = append(out, s)
		}
		return true
	})
	return out
}

// nameSuggestion looks for a NameError hint among the frame's locals, its globals, then the
// builtins, in that order.
func nameSuggestion(fr *frame, name string) string {
	if s := suggest(name, fr.code.varnames); s != "" {
		return s
	}
	if s := suggest(name, dictNames(fr.globals)); s != "" {
		return s
	}
	return suggest(name, dictNames(fr.interp.builtins))
}

// addSuggestion fills in the hint of an AttributeError about to be printed.
func addSuggestion(it *Interp, e *rt.Exception) {
	if e.Suggestion != "" || !e.Matches(rt.AttributeErrorType) || e.Dict == nil {
		return
	}
	obj, ok1 := e.Dict.GetStr("obj")
	nv, ok2 := e.Dict.GetStr("name")
	name, ok3 := rt.AsStr(nv)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	var names []string
	for _, v := range rt.Dir(it.th, obj) {
		if s, ok := rt.AsStr(v); ok {
			names = append(names, s)
		}
	}
	e.Suggestion = suggest(name, names)
}
