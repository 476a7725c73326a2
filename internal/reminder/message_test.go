package reminder

import "testing"

// TestMessageCountsMoves: "1 move is waiting", not "1 moves are".
func TestMessageCountsMoves(t *testing.T) {
	for n, want := range map[int]string{
		1:  "Nothing done yet today: 1 move is waiting. Even that helps.",
		12: "Nothing done yet today: 12 moves are waiting. Even a few help.",
	} {
		if _, got := Message(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
