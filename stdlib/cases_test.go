package stdlib

// Each module's case file, checked line by line against CPython's answers (see
// expr_test.go and testdata/gen.py).

import "testing"

func TestMath(t *testing.T) { runCases(t, "testdata/math.txt", nil, "math") }

func TestJSON(t *testing.T) { runCases(t, "testdata/json.txt", nil, "json", "collections") }

func TestRe(t *testing.T) { runCases(t, "testdata/re.txt", nil, "re") }

func TestTime(t *testing.T) { runCases(t, "testdata/time.txt", nil, "time") }

func TestOS(t *testing.T) { runCases(t, "testdata/os.txt", &Options{Files: true, Env: true}, "os") }

func TestRandom(t *testing.T) { runCases(t, "testdata/random.txt", nil, "random") }

func TestString(t *testing.T) { runCases(t, "testdata/string.txt", nil, "string") }

func TestItertools(t *testing.T) { runCases(t, "testdata/itertools.txt", nil, "itertools") }

func TestFunctools(t *testing.T) { runCases(t, "testdata/functools.txt", nil, "functools") }

func TestCollections(t *testing.T) { runCases(t, "testdata/collections.txt", nil, "collections") }
