package stdlib

import (
	"strings"
	"unicode"

	"github.com/aio-lang/aio/runtime"
)

// newString builds the string module: its constants, capwords and Template.
func newString(*Options) *runtime.Module {
	m := newModule("string", map[string]fn{"capwords": stringCapwords})
	const (
		lower = "abcdefghijklmnopqrstuvwxyz"
		upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
		space = " \t\n\r\x0b\x0c"
	)
	for name, v := range map[string]string{
		"ascii_lowercase": lower, "ascii_uppercase": upper, "ascii_letters": lower + upper,
		"digits": "0123456789", "hexdigits": "0123456789abcdefABCDEF", "octdigits": "01234567",
		"punctuation": punct, "whitespace": space, "printable": "0123456789" + lower + upper + punct + space,
	} {
		m.Dict.SetStr(name, str(v))
	}
	m.Dict.SetStr("Template", runtime.Ref(templateType))
	return m
}

// stringCapwords is capwords(s, sep=None): split, capitalize each word, join.
func stringCapwords(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s string
	var sepV runtime.Value
	if err := runtime.UnpackArgs("capwords", args, kw, "s", &s, "sep?", &sepV); err != nil {
		return runtime.Value{}, err
	}
	var words []string
	join := " "
	if sep, ok := runtime.AsStr(sepV); ok {
		words, join = strings.Split(s, sep), sep
	} else {
		words = strings.FieldsFunc(s, isPySpace)
	}
	for i, w := range words {
		words[i] = capitalize(w)
	}
	return str(strings.Join(words, join)), nil
}

// isPySpace is str.isspace for one character: Unicode white space and the separators
// \x1c-\x1f.
func isPySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// capitalize is str.capitalize: the first character in title case, the rest lower case.
func capitalize(w string) string {
	for i, r := range w {
		if i == 0 {
			return string(unicode.ToTitle(r)) + strings.ToLower(w[len(string(r)):])
		}
	}
	return w
}

// templateType is string.Template, whose substitute and safe_substitute replace $name,
// ${name} and $$.
var templateType = newPyClass("string", "Template", runtime.ObjectType, map[string]method{
	"__init__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var t runtime.Value
		if err := runtime.UnpackArgs("Template", args, kw, "template", &t); err != nil {
			return runtime.Value{}, err
		}
		return runtime.None, runtime.SetAttr(th, self, "template", t)
	},
	"substitute":      templateMethod(false),
	"safe_substitute": templateMethod(true),
})

func templateMethod(safe bool) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) > 1 {
			return runtime.Value{}, runtime.TypeErrorf("Too many positional arguments")
		}
		tv, err := runtime.GetAttr(th, self, "template")
		if err != nil {
			return runtime.Value{}, err
		}
		tmpl, ok := runtime.AsStr(tv)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("template must be a str")
		}
		lookup := func(name string) (runtime.Value, bool, error) {
			for _, k := range kw {
				if k.Name == name {
					return k.Value, true, nil
				}
			}
			if len(args) == 1 {
				v, err := runtime.GetItem(th, args[0], str(name))
				if err == nil {
					return v, true, nil
				}
				if !runtime.AsException(err).Matches(runtime.KeyErrorType) {
					return runtime.Value{}, false, err
				}
			}
			return runtime.Value{}, false, nil
		}
		out, err := substitute(th, tmpl, safe, lookup)
		return str(out), err
	}
}

// substitute expands a template; a missing name is a KeyError unless safe, which keeps the
// placeholder.
func substitute(th *runtime.Thread, tmpl string, safe bool, lookup func(string) (runtime.Value, bool, error)) (string, error) {
	isStart := func(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	isPart := func(c byte) bool { return isStart(c) || c >= '0' && c <= '9' }
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c != '$' {
			b.WriteByte(c)
			i++
			continue
		}
		j, name := i+1, ""
		switch {
		case j < len(tmpl) && tmpl[j] == '$':
			b.WriteByte('$')
			i += 2
			continue
		case j < len(tmpl) && tmpl[j] == '{':
			k := j + 1
			for k < len(tmpl) && isPart(tmpl[k]) {
				k++
			}
			if k < len(tmpl) && tmpl[k] == '}' && k > j+1 && isStart(tmpl[j+1]) {
				name, j = tmpl[j+1:k], k+1
			}
		case j < len(tmpl) && isStart(tmpl[j]):
			k := j
			for k < len(tmpl) && isPart(tmpl[k]) {
				k++
			}
			name, j = tmpl[j:k], k
		}
		if name == "" {
			if safe {
				b.WriteByte('$')
				i++
				continue
			}
			line := strings.Count(tmpl[:i], "\n") + 1
			col := i - strings.LastIndexByte(tmpl[:i], '\n')
			return "", runtime.ValueErrorf("Invalid placeholder in string: line %d, col %d", line, col)
		}
		v, ok, err := lookup(name)
		if err != nil {
			return "", err
		}
		if !ok {
			if !safe {
				return "", runtime.KeyError(str(name))
			}
			b.WriteString(tmpl[i:j])
			i = j
			continue
		}
		s, err := runtime.ToStr(th, v)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = j
	}
	return b.String(), nil
}
