package kb

import (
	"context"
	"runtime"
	"testing"
)

// BenchmarkLoad measures loading the embedded knowledge base and the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var k *KB
	for b.Loop() {
		var err error
		if k, err = Load(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
	b.ReportMetric(float64(k.Len()), "entries")
}
