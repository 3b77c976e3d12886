package stdlib

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/aio-lang/aio/runtime"
)

// Clock is the time module's source of time, the event loop's type: a host that runs
// scripts in virtual time supplies one whose Sleep advances the clock instead of blocking.
type Clock = runtime.Clock

// processStart is when the process began, for the CPU-time fallback.
var processStart = time.Now()

var structTimeType = newStructSeqType("time", "struct_time",
	[]string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"}, 9)

// clockFunc picks the clock a call reads.
type clockFunc func(th *runtime.Thread) Clock

// newTime builds time. Its clock is the one in Options, else the running event loop's (so
// that time.monotonic() is loop.time(), as in CPython), else the system clock.
func newTime(opts *Options) *runtime.Module {
	clock := func(th *runtime.Thread) Clock {
		if opts.Clock != nil {
			return opts.Clock
		}
		if l := th.Async.RunningLoop(); l != nil {
			return l.Clock()
		}
		return runtime.RealClock
	}
	seconds := func(f func(th *runtime.Thread) time.Duration) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Float(f(th).Seconds()), runtime.UnpackArgs("time", args, kw)
		}
	}
	nanos := func(f func(th *runtime.Thread) time.Duration) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Int(f(th).Nanoseconds()), runtime.UnpackArgs("time_ns", args, kw)
		}
	}
	sinceEpoch := func(th *runtime.Thread) time.Duration { return time.Duration(clock(th).Now().UnixNano()) }
	monotonic := func(th *runtime.Thread) time.Duration { return clock(th).Monotonic() }
	cpu := func(*runtime.Thread) time.Duration { return cpuTime() }
	m := newModule("time", map[string]fn{
		"time":            seconds(sinceEpoch),
		"time_ns":         nanos(sinceEpoch),
		"monotonic":       seconds(monotonic),
		"monotonic_ns":    nanos(monotonic),
		"perf_counter":    seconds(monotonic),
		"perf_counter_ns": nanos(monotonic),
		"process_time":    seconds(cpu),
		"process_time_ns": nanos(cpu),
		"thread_time":     seconds(cpu),
		"sleep":           timeSleep(clock),
		"gmtime":          timeConvert("gmtime", clock, true),
		"localtime":       timeConvert("localtime", clock, false),
		"mktime":          timeMktime,
		"strftime":        timeStrftime(clock),
		"strptime":        timeStrptime,
		"asctime":         timeAsctime(clock),
		"ctime":           timeCtime(clock),
	})
	// The zone names and offsets, from the local zone in January and July.
	jan, janOff := time.Date(2000, 1, 1, 0, 0, 0, 0, time.Local).Zone()
	jul, julOff := time.Date(2000, 7, 1, 0, 0, 0, 0, time.Local).Zone()
	std, dst, stdOff, dstOff := jan, jul, janOff, julOff
	if julOff < janOff { // southern hemisphere: standard time is in July
		std, dst, stdOff, dstOff = jul, jan, julOff, janOff
	}
	d := m.Dict
	d.SetStr("timezone", runtime.Int(int64(-stdOff)))
	d.SetStr("altzone", runtime.Int(int64(-dstOff)))
	d.SetStr("daylight", runtime.Int(map[bool]int64{false: 0, true: 1}[stdOff != dstOff]))
	d.SetStr("tzname", runtime.NewTuple([]runtime.Value{str(std), str(dst)}))
	d.SetStr("struct_time", runtime.Ref(structTimeType.cls))
	return m
}

// timeSleep blocks the thread; on the real clock it wakes every few milliseconds to notice
// an interrupt (Ctrl-C, a cancelled context), which then surfaces as the exception.
func timeSleep(clock clockFunc) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs("sleep", args, kw, "secs", &v); err != nil {
			return runtime.Value{}, err
		}
		secs, err := timeArg(th, v)
		if err != nil {
			return runtime.Value{}, err
		}
		if secs < 0 {
			return runtime.Value{}, runtime.ValueErrorf("sleep length must be non-negative")
		}
		d := time.Duration(secs * 1e9)
		if c := clock(th); c != runtime.RealClock {
			c.Sleep(d)
			return runtime.None, nil
		}
		const slice = 20 * time.Millisecond
		deadline := time.Now().Add(d)
		for {
			if exc := th.Pending(); exc != nil {
				return runtime.Value{}, exc
			}
			left := time.Until(deadline)
			if left <= 0 {
				return runtime.None, nil
			}
			time.Sleep(min(left, slice))
		}
	}
}

// timeArg converts a number of seconds: an int or a float, not NaN.
func timeArg(th *runtime.Thread, v runtime.Value) (float64, error) {
	f, ok := v.FloatVal()
	if !ok {
		if runtime.IsInt(v) {
			if _, small := runtime.AsInt64(v); !small {
				return 0, runtime.Errorf(runtime.OverflowErrorType, "timestamp too large to convert to C _PyTime_t")
			}
		}
		i, err := toIndex(th, v)
		return float64(i), err
	}
	if math.IsNaN(f) {
		return 0, runtime.ValueErrorf("Invalid value NaN (not a number)")
	}
	return f, nil
}

// epochArg reads the optional seconds argument of gmtime, localtime and ctime: the current
// time when absent or None, else floored to whole seconds.
func epochArg(th *runtime.Thread, clock clockFunc, name string, args []runtime.Value, kw []runtime.Kwarg) (int64, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs(name, args, kw, "secs?", &v); err != nil {
		return 0, err
	}
	if !v.IsValid() || v.IsNone() {
		return clock(th).Now().Unix(), nil
	}
	secs, err := timeArg(th, v)
	if err != nil {
		return 0, err
	}
	secs = math.Floor(secs)
	if secs < -(1<<62) || secs > 1<<62 || math.Abs(secs/31556952) > 1<<31 {
		return 0, runtime.Errorf(runtime.OverflowErrorType, "timestamp out of range for platform time_t")
	}
	return int64(secs), nil
}

// structTime makes a struct_time for t; gmt names the zone as glibc's gmtime does.
func structTime(t time.Time, gmt bool) runtime.Value {
	zone, off := t.Zone()
	if gmt {
		zone = "GMT"
	}
	i := func(n int) runtime.Value { return runtime.Int(int64(n)) }
	isdst := 0
	if t.IsDST() {
		isdst = 1
	}
	return structTimeType.make(i(t.Year()), i(int(t.Month())), i(t.Day()), i(t.Hour()), i(t.Minute()),
		i(t.Second()), i((int(t.Weekday())+6)%7), i(t.YearDay()), i(isdst), str(zone), i(off))
}

func timeConvert(name string, clock clockFunc, gmt bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		secs, err := epochArg(th, clock, name, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		loc := time.Local
		if gmt {
			loc = time.UTC
		}
		return structTime(time.Unix(secs, 0).In(loc), gmt), nil
	}
}

// tm is a broken-down time as C's struct tm holds it.
type tm struct {
	year, mon, mday, hour, min, sec, wday, yday, isdst int
	zone                                               string
	gmtoff                                             int
}

// tmArg reads a struct_time or 9-tuple, with CPython's checks on the fields.
func tmArg(th *runtime.Thread, fname string, v runtime.Value) (tm, error) {
	var items []runtime.Value
	var t tm
	switch o := v.Object().(type) {
	case *structSeq:
		items = o.items
		if len(items) > 9 {
			t.zone, _ = runtime.AsStr(items[9])
			off, _ := runtime.AsInt64(items[10])
			t.gmtoff = int(off)
		}
		items = items[:9]
	case *runtime.Tuple:
		items = o.Items
		_, t.gmtoff = time.Unix(0, 0).In(time.Local).Zone()
		t.zone, _ = time.Unix(0, 0).In(time.Local).Zone()
	default:
		return t, runtime.TypeErrorf("Tuple or struct_time argument required")
	}
	if len(items) != 9 {
		return t, runtime.TypeErrorf("%s(): illegal time tuple argument", fname)
	}
	fields := []*int{&t.year, &t.mon, &t.mday, &t.hour, &t.min, &t.sec, &t.wday, &t.yday, &t.isdst}
	for i, it := range items {
		n, err := toIndex(th, it)
		if err != nil {
			return t, err
		}
		*fields[i] = int(n)
	}
	// Zero month, day and year-day mean their first, as CPython's checktm normalises them.
	if t.mon == 0 {
		t.mon = 1
	}
	if t.mday == 0 {
		t.mday = 1
	}
	if t.yday == 0 {
		t.yday = 1
	}
	checks := []struct {
		ok  bool
		msg string
	}{
		{t.mon >= 1 && t.mon <= 12, "month out of range"},
		{t.mday >= 1 && t.mday <= 31, "day of month out of range"},
		{t.hour >= 0 && t.hour <= 23, "hour out of range"},
		{t.min >= 0 && t.min <= 59, "minute out of range"},
		{t.sec >= 0 && t.sec <= 61, "seconds out of range"},
		{t.wday >= 0, "day of week out of range"},
		{t.yday >= 1 && t.yday <= 366, "day of year out of range"},
	}
	for _, c := range checks {
		if !c.ok {
			return t, runtime.ValueErrorf("%s", c.msg)
		}
	}
	t.wday = (t.wday + 1) % 7 // C counts from Sunday, Python from Monday
	if t.isdst < -1 {
		t.isdst = -1
	} else if t.isdst > 1 {
		t.isdst = 1
	}
	return t, nil
}

// tmArgOrNow reads an optional time tuple, defaulting to the local time now.
func tmArgOrNow(th *runtime.Thread, clock clockFunc, fname string, v runtime.Value) (tm, error) {
	if !v.IsValid() {
		v = structTime(clock(th).Now().In(time.Local), false)
	}
	return tmArg(th, fname, v)
}

func timeMktime(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("mktime", args, kw, "t", &v); err != nil {
		return runtime.Value{}, err
	}
	t, err := tmArg(th, "mktime", v)
	if err != nil {
		return runtime.Value{}, err
	}
	d := time.Date(t.year, time.Month(t.mon), t.mday, t.hour, t.min, t.sec, 0, time.Local)
	return runtime.Float(float64(d.Unix())), nil
}

func timeStrftime(clock clockFunc) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var format string
		var v runtime.Value
		if err := runtime.UnpackArgs("strftime", args, kw, "format", &format, "t?", &v); err != nil {
			return runtime.Value{}, err
		}
		t, err := tmArgOrNow(th, clock, "strftime", v)
		if err != nil {
			return runtime.Value{}, err
		}
		return str(strftime(format, t)), nil
	}
}

func timeAsctime(clock clockFunc) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs("asctime", args, kw, "t?", &v); err != nil {
			return runtime.Value{}, err
		}
		t, err := tmArgOrNow(th, clock, "asctime", v)
		if err != nil {
			return runtime.Value{}, err
		}
		return str(asctime(t)), nil
	}
}

func timeCtime(clock clockFunc) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		secs, err := epochArg(th, clock, "ctime", args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		v := structTime(time.Unix(secs, 0).In(time.Local), false)
		t, err := tmArg(th, "ctime", v)
		if err != nil {
			return runtime.Value{}, err
		}
		return str(asctime(t)), nil
	}
}

// asctime formats as C's asctime, without the newline: "Thu Jan  1 00:00:00 1970".
func asctime(t tm) string {
	return fmt.Sprintf("%s %s%3d %02d:%02d:%02d %d", weekdays[t.wday][:3], months[t.mon-1][:3], t.mday, t.hour, t.min, t.sec, t.year)
}

var (
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// strftime formats t as glibc's strftime does in the C locale, including its flags
// (- _ 0 ^ #) and field widths; an unknown directive is copied as it is.
func strftime(format string, t tm) string {
	var b strings.Builder
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' || i+1 >= len(rs) {
			b.WriteRune(rs[i])
			continue
		}
		start := i
		i++
		pad, upper := rune(0), false
		for i < len(rs) && strings.ContainsRune("-_0^#", rs[i]) {
			switch rs[i] {
			case '^':
				upper = true
			case '#':
			default:
				pad = rs[i]
			}
			i++
		}
		width := 0
		for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
			width = width*10 + int(rs[i]-'0')
			i++
		}
		if i >= len(rs) {
			b.WriteString(string(rs[start:]))
			break
		}
		s, numeric, ok := strftimeField(rs[i], t)
		if !ok {
			b.WriteString(string(rs[start : i+1]))
			continue
		}
		b.WriteString(padField(s, numeric, pad, width, upper))
	}
	return b.String()
}

// padField applies a directive's flags: numbers are zero- or space-padded (or not at all
// with '-'), text is space-padded to the width.
func padField(s string, numeric bool, pad rune, width int, upper bool) string {
	if upper {
		s = strings.ToUpper(s)
	}
	if numeric {
		digits := strings.TrimLeft(s, " 0")
		if digits == "" || s[0] == '-' {
			digits = strings.TrimLeft(s, " ")
			if digits == "" {
				digits = "0"
			}
		}
		if strings.Trim(s, " 0") == "" {
			digits = "0"
		}
		switch pad {
		case '-':
			return digits
		case '_':
			return leftPad(digits, max(width, len(s)), ' ')
		case '0':
			return leftPad(digits, max(width, len(s)), '0')
		}
		if width > len(s) {
			fill := '0' // %e, %k and %l pad with spaces, the others with zeros
			if s[0] == ' ' {
				fill = ' '
			}
			return leftPad(digits, width, fill)
		}
		return s
	}
	if pad == '0' {
		return leftPad(s, width, '0')
	}
	return leftPad(s, width, ' ')
}

func leftPad(s string, width int, c rune) string {
	if n := width - len([]rune(s)); n > 0 {
		return strings.Repeat(string(c), n) + s
	}
	return s
}

// strftimeField formats one directive; numeric tells whether padding flags apply as to
// numbers.
func strftimeField(c rune, t tm) (s string, numeric, ok bool) {
	two := func(n int) string { return fmt.Sprintf("%02d", n) }
	hour12 := t.hour % 12
	if hour12 == 0 {
		hour12 = 12
	}
	ampm := "AM"
	if t.hour >= 12 {
		ampm = "PM"
	}
	date := time.Date(t.year, time.Month(t.mon), t.mday, t.hour, t.min, t.sec, 0, time.UTC)
	isoYear, isoWeek := date.ISOWeek()
	yday := t.yday - 1
	switch c {
	case 'a':
		return weekdays[t.wday][:3], false, true
	case 'A':
		return weekdays[t.wday], false, true
	case 'b', 'h':
		return months[t.mon-1][:3], false, true
	case 'B':
		return months[t.mon-1], false, true
	case 'c':
		return fmt.Sprintf("%s %s %2d %02d:%02d:%02d %d", weekdays[t.wday][:3], months[t.mon-1][:3], t.mday, t.hour, t.min, t.sec, t.year), false, true
	case 'C':
		return two(t.year / 100), true, true
	case 'd':
		return two(t.mday), true, true
	case 'D', 'x':
		return fmt.Sprintf("%02d/%02d/%02d", t.mon, t.mday, ((t.year%100)+100)%100), false, true
	case 'e':
		return fmt.Sprintf("%2d", t.mday), true, true
	case 'F':
		return fmt.Sprintf("%d-%02d-%02d", t.year, t.mon, t.mday), false, true
	case 'g':
		return two(((isoYear % 100) + 100) % 100), true, true
	case 'G':
		return strconv.Itoa(isoYear), true, true
	case 'H':
		return two(t.hour), true, true
	case 'I':
		return two(hour12), true, true
	case 'j':
		return fmt.Sprintf("%03d", t.yday), true, true
	case 'k':
		return fmt.Sprintf("%2d", t.hour), true, true
	case 'l':
		return fmt.Sprintf("%2d", hour12), true, true
	case 'm':
		return two(t.mon), true, true
	case 'M':
		return two(t.min), true, true
	case 'n':
		return "\n", false, true
	case 'p':
		return ampm, false, true
	case 'P':
		return strings.ToLower(ampm), false, true
	case 'r':
		return fmt.Sprintf("%02d:%02d:%02d %s", hour12, t.min, t.sec, ampm), false, true
	case 'R':
		return fmt.Sprintf("%02d:%02d", t.hour, t.min), false, true
	case 's':
		return strconv.FormatInt(date.Unix()-int64(t.gmtoff), 10), true, true
	case 'S':
		return two(t.sec), true, true
	case 't':
		return "\t", false, true
	case 'T', 'X':
		return fmt.Sprintf("%02d:%02d:%02d", t.hour, t.min, t.sec), false, true
	case 'u':
		return strconv.Itoa((t.wday+6)%7 + 1), true, true
	case 'U':
		return two((yday + 7 - t.wday) / 7), true, true
	case 'V':
		return two(isoWeek), true, true
	case 'w':
		return strconv.Itoa(t.wday), true, true
	case 'W':
		return two((yday + 7 - (t.wday+6)%7) / 7), true, true
	case 'y':
		return two(((t.year % 100) + 100) % 100), true, true
	case 'Y':
		return strconv.Itoa(t.year), true, true
	case 'z':
		off := t.gmtoff
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60), false, true
	case 'Z':
		return t.zone, false, true
	case '%':
		return "%", false, true
	}
	return "", false, false
}

// timeStrptime parses a time string with the common directives, as Python's _strptime
// does: whitespace in the format matches any run of whitespace, names match regardless of
// case, and the result has tm_isdst -1.
func timeStrptime(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var s, format string
	format = "%a %b %d %H:%M:%S %Y"
	if err := runtime.UnpackArgs("strptime", args, kw, "string", &s, "format?", &format); err != nil {
		return runtime.Value{}, err
	}
	p := &strptimeParser{src: []rune(s), year: 1900, mon: 1, mday: 1, hour12: -1, wday: -1, yday: -1}
	mismatch := func() error {
		return runtime.ValueErrorf("time data %s does not match format %s", runtime.QuoteStr(s), runtime.QuoteStr(format))
	}
	fr := []rune(format)
	for i := 0; i < len(fr); i++ {
		c := fr[i]
		switch {
		case unicode.IsSpace(c):
			for i+1 < len(fr) && unicode.IsSpace(fr[i+1]) {
				i++
			}
			if !p.spaces() {
				return runtime.Value{}, mismatch()
			}
		case c == '%' && i+1 < len(fr):
			i++
			ok, err := p.directive(fr[i])
			if err != nil {
				return runtime.Value{}, err
			}
			if !ok {
				return runtime.Value{}, mismatch()
			}
		default:
			if p.i >= len(p.src) || p.src[p.i] != c {
				return runtime.Value{}, mismatch()
			}
			p.i++
		}
	}
	if p.i < len(p.src) {
		return runtime.Value{}, runtime.ValueErrorf("unconverted data remains: %s", string(p.src[p.i:]))
	}
	return p.result(), nil
}

// strptimeParser holds the fields parsed so far.
type strptimeParser struct {
	src                              []rune
	i                                int
	year, mon, mday, hour, min, sec  int
	hour12, ampm, wday, yday, gmtoff int
	hasOff                           bool
}

// spaces matches one or more whitespace characters.
func (p *strptimeParser) spaces() bool {
	start := p.i
	for p.i < len(p.src) && unicode.IsSpace(p.src[p.i]) {
		p.i++
	}
	return p.i > start
}

// num matches 1 to n digits.
func (p *strptimeParser) num(n int) (int, bool) {
	start := p.i
	v := 0
	for p.i < len(p.src) && p.i-start < n && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		v = v*10 + int(p.src[p.i]-'0')
		p.i++
	}
	return v, p.i > start
}

// name matches one of names (or its three-letter abbreviation), regardless of case.
func (p *strptimeParser) name(names []string) (int, bool) {
	rest := strings.ToLower(string(p.src[p.i:]))
	for _, full := range []bool{true, false} {
		for k, n := range names {
			n = strings.ToLower(n)
			if !full {
				n = n[:3]
			}
			if strings.HasPrefix(rest, n) {
				p.i += len([]rune(n))
				return k, true
			}
		}
	}
	return 0, false
}

func (p *strptimeParser) directive(c rune) (bool, error) {
	var ok bool
	switch c {
	case 'Y':
		p.year, ok = p.num(4)
	case 'y':
		var y int
		if y, ok = p.num(2); ok {
			p.year = 1900 + y
			if y < 69 {
				p.year = 2000 + y
			}
		}
	case 'm':
		p.mon, ok = p.num(2)
		ok = ok && p.mon >= 1 && p.mon <= 12
	case 'd':
		p.mday, ok = p.num(2)
		ok = ok && p.mday >= 1 && p.mday <= 31
	case 'H':
		p.hour, ok = p.num(2)
		ok = ok && p.hour <= 23
	case 'I':
		p.hour12, ok = p.num(2)
		ok = ok && p.hour12 >= 1 && p.hour12 <= 12
	case 'M':
		p.min, ok = p.num(2)
		ok = ok && p.min <= 59
	case 'S':
		p.sec, ok = p.num(2)
		ok = ok && p.sec <= 61
	case 'f':
		_, ok = p.num(6)
	case 'j':
		p.yday, ok = p.num(3)
		ok = ok && p.yday >= 1 && p.yday <= 366
	case 'b', 'B', 'h':
		var k int
		k, ok = p.name(months)
		p.mon = k + 1
	case 'a', 'A':
		var k int
		k, ok = p.name(weekdays)
		p.wday = (k + 6) % 7
	case 'p':
		var k int
		k, ok = p.name([]string{"am", "pm"})
		p.ampm = k + 1
	case 'z':
		ok = p.offset()
	case '%':
		ok = p.i < len(p.src) && p.src[p.i] == '%'
		p.i++
	default:
		return false, runtime.ValueErrorf("'%c' is a bad directive in format '%%%c'", c, c)
	}
	return ok, nil
}

// offset matches a UTC offset such as +0100, -05:30 or Z.
func (p *strptimeParser) offset() bool {
	if p.i < len(p.src) && p.src[p.i] == 'Z' {
		p.i++
		p.hasOff = true
		return true
	}
	if p.i >= len(p.src) || (p.src[p.i] != '+' && p.src[p.i] != '-') {
		return false
	}
	sign := 1
	if p.src[p.i] == '-' {
		sign = -1
	}
	p.i++
	h, ok := p.num(2)
	if !ok {
		return false
	}
	if p.i < len(p.src) && p.src[p.i] == ':' {
		p.i++
	}
	m, ok := p.num(2)
	p.gmtoff, p.hasOff = sign*(h*3600+m*60), true
	return ok
}

// result assembles the struct_time, deriving the weekday and day of the year.
func (p *strptimeParser) result() runtime.Value {
	hour := p.hour
	if p.hour12 >= 0 {
		hour = p.hour12 % 12
		if p.ampm == 2 {
			hour += 12
		}
	}
	date := time.Date(p.year, time.Month(p.mon), p.mday, 0, 0, 0, 0, time.UTC)
	if p.yday >= 1 && p.mon == 1 && p.mday == 1 {
		date = time.Date(p.year, 1, p.yday, 0, 0, 0, 0, time.UTC)
	}
	i := func(n int) runtime.Value { return runtime.Int(int64(n)) }
	zone, off := runtime.None, runtime.None
	if p.hasOff {
		off = i(p.gmtoff)
	}
	return structTimeType.make(i(date.Year()), i(int(date.Month())), i(date.Day()), i(hour), i(p.min), i(p.sec),
		i((int(date.Weekday())+6)%7), i(date.YearDay()), i(-1), zone, off)
}
