package stdlib

import (
	"strings"
	"time"

	"github.com/dlclark/regexp2"

	"github.com/aio-lang/aio/runtime"
)

// A pattern that backtracks catastrophically, as `(a*)*b` does on a run of a's, can make one
// match run for hours, and regexp2 offers no way to stop a match from outside but its
// MatchTimeout. So findBraked runs the match under a time limit, matchSlice at first and
// doubling each time the match runs out of it (regexp2 then gives up and the match starts
// over): between attempts a pending interrupt (Ctrl-C, a cancelled context) is delivered, as
// CPython's matcher checks for signals as it goes, and under a step budget (MaxSteps) the
// time spent counts as stepsPerMilli loop iterations a millisecond, so a budgeted run ends
// soon after its budget instead of running on inside the matcher. A match needing time T
// costs at most about 2T, and an interrupt waits at most about as long as the match has run
// already (plus regexp2's clock period, 100ms).
const (
	matchSlice    = 100 * time.Millisecond
	stepsPerMilli = 10000 // about what the interpreter runs of Python code in a millisecond
)

// findBraked is re.FindRunesMatchStartingAt(runes, pos) with the thread's brakes on.
func findBraked(th *runtime.Thread, re *regexp2.Regexp, runes []rune, pos int) (*regexp2.Match, error) {
	slice := matchSlice
	for {
		// The Regexp belongs to this interpreter's re module and its thread is the only one
		// to use it, so the limit can be set on it for this match.
		re.MatchTimeout = slice
		m, err := re.FindRunesMatchStartingAt(runes, pos)
		if err == nil {
			return m, nil
		}
		if !strings.HasPrefix(err.Error(), "match timeout") {
			return nil, runtime.Errorf(runtime.RuntimeErrorType, "%v", err)
		}
		if err := th.Charge(uint64(slice/time.Millisecond) * stepsPerMilli); err != nil {
			return nil, err
		}
		slice *= 2
	}
}
