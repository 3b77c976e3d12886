package parser

import (
	"fmt"
	"strings"
	"testing"
)

// benchProgram returns a realistic program of about n lines: classes, async functions,
// loops, comprehensions, f-strings and try statements, repeated with fresh names.
func benchProgram(n int) string {
	var b strings.Builder
	b.WriteString("import asyncio\nfrom collections import defaultdict\n\n")
	for i := 0; strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, benchTemplate, i)
	}
	return b.String()
}

const benchTemplate = `
class Account%[1]d(Base):
    """An account with a balance."""
    rate: float = 0.05

    def __init__(self, owner, balance=0, *, currency="EUR"):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.currency = currency

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount!r}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    @property
    def summary(self):
        return f"{self.owner}: {self.balance:>10.2f} {self.currency}"


async def fetch%[1]d(session, urls, limit=10):
    sem = asyncio.Semaphore(limit)
    results = {}
    async def one(url):
        async with sem:
            try:
                resp = await session.get(url, timeout=5)
                results[url] = await resp.text()
            except (TimeoutError, ConnectionError) as exc:
                results[url] = None
                print(f"failed {url}: {exc}")
            finally:
                await asyncio.sleep(0)
    await asyncio.gather(*[one(u) for u in urls if u])
    return {k: v for k, v in results.items() if v is not None}


def process%[1]d(items, key=lambda x: x[0]):
    groups = defaultdict(list)
    for index, (name, value) in enumerate(items):
        if value is None or not name:
            continue
        elif value > 100 and name.startswith("big"):
            groups["big"].append(value * 2 ** index %% 7)
        else:
            groups[key((name, value))].append(-value)
    total = sum(len(v) for v in groups.values())
    while total > 0:
        total -= 1
    squares = [x * x for x in range(10) if x %% 2 == 0]
    return sorted(groups, key=lambda g: (len(groups[g]), g)), squares[1:-1:2]
`

func BenchmarkParse10k(b *testing.B) {
	src := []byte(benchProgram(10000))
	lines := strings.Count(string(src), "\n")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("bench.aio", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func TestBenchProgramParses(t *testing.T) {
	if _, err := ParseFile("bench.aio", []byte(benchProgram(200))); err != nil {
		t.Fatal(err)
	}
}
