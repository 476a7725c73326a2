package daily

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestTrayMenu(t *testing.T) {
	tests := []struct {
		done, total int
		want        []string // item labels; "-" a separator, "(x)" a disabled item
	}{
		{4, 12, []string{"Start today's routine", "(4 of 12 done)", "Show window", "-", "Quit"}},
		{0, 3, []string{"Start today's routine", "(0 of 3 done)", "Show window", "-", "Quit"}},
		{12, 12, []string{"(Today's routine is done)", "(12 of 12 done)", "Show window", "-", "Quit"}},
	}
	for _, tc := range tests {
		m := newTrayMenu("Spine Routine", tc.done, tc.total, trayActions{})
		var got []string
		for _, it := range m.Items {
			switch {
			case it.IsSeparator:
				got = append(got, "-")
			case it.Disabled:
				got = append(got, "("+it.Label+")")
			default:
				got = append(got, it.Label)
			}
		}
		if len(got) != len(tc.want) {
			t.Fatalf("newTrayMenu(%d, %d) = %q, want %q", tc.done, tc.total, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("newTrayMenu(%d, %d) item %d = %q, want %q", tc.done, tc.total, i, got[i], tc.want[i])
			}
		}
		if last := m.Items[len(m.Items)-1]; !last.IsQuit {
			t.Errorf("the last item %q is not the app's Quit (Fyne would add a second one)", last.Label)
		}
	}
}

// TestTrayMenuActions: each item runs its own callback and no other.
func TestTrayMenuActions(t *testing.T) {
	var calls []string
	m := newTrayMenu("Spine Routine", 1, 12, trayActions{
		Start: func() { calls = append(calls, "start") },
		Show:  func() { calls = append(calls, "show") },
		Quit:  func() { calls = append(calls, "quit") },
	})
	for _, it := range m.Items {
		if it.Action != nil && !it.Disabled {
			it.Action()
		}
	}
	if want := []string{"start", "show", "quit"}; len(calls) != 3 || calls[0] != want[0] || calls[1] != want[1] || calls[2] != want[2] {
		t.Errorf("tapping every item called %q, want %q", calls, want)
	}
}

func TestSetTrayWithoutTray(t *testing.T) {
	a := test.NewTempApp(t)
	if setTray(a, newTrayMenu("Spine Routine", 0, 12, trayActions{})) {
		t.Error("SetTray reported a tray on the test driver, which has none")
	}
}
