package journal

import (
	"reflect"
	"testing"
)

// FuzzDecode checks that the fast decoder agrees with encoding/json and
// time.Parse on every line: same verdict, same entry.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"done","move":"bird-dogs","src":"hand"}`,
		`{"v":1,"ts":"2026-11-23T07:00:00Z","day":"2026-11-23","kind":"session_start","session":"s1","routine":"default","moves":["a","b"]}`,
		`{"v":1,"ts":"2026-11-23T07:00:00-05:00","day":"2026-11-23","kind":"position","session":"s1","move":"a","step":0,"set":2}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"pain","session":"s1","when":"before","pain":6}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","kind":"damaged","lines":[3,4],"side":"journal.jsonl.torn-x"}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"level","move":"a","src":"hurt","level":2,"today":true}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"level","move":"a","src":"hand","level":2,"today":false}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"level","move":"a","src":"hand","level":2,"today":truex}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"flag","move":"a","session":"s1","flag":"nerve"}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"note","text":"sore é "x""}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"note","text":"fine today"}`,
		`{"v":1,"ts":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"done","move":"a","src":"timer","session":"s","level":3}`,
		`{"v":1,"ts":"2026-11-23T07:00:00.5+01:00","day":"2026-11-23","kind":"done","move":"a\u00e9"}`,
		`{"v":1,"ts":"2026-02-30T07:00:00+01:00","day":"2026-11-23","kind":"done","move":"a"}`,
		`{"V":1,"TS":"2026-11-23T07:00:00+01:00","day":"2026-11-23","kind":"done","move":"a","pain":null}`,
		` { "v" : 1 , "ts" : "2026-11-23T24:00:00+01:00" , "moves" : [ ] } `,
		`{"v":01}`, `{"v":1.0}`, `{"v":-0}`, `{"v":1}x`, `{}`, `[]`, ``, "\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast, slow event
		errFast := decode(line, &fast, newInterner())
		errSlow := decode(line, &slow, nil)
		if (errFast == nil) != (errSlow == nil) {
			t.Fatalf("%q: fast error %v, encoding/json error %v", line, errFast, errSlow)
		}
		if errFast != nil {
			return
		}
		_, offFast := fast.at.Zone()
		_, offSlow := slow.at.Zone()
		if !fast.at.Equal(slow.at) || offFast != offSlow {
			t.Fatalf("%q: time %v, want %v", line, fast.at, slow.at)
		}
		fast.entry.TS, slow.entry.TS = "", ""
		if !reflect.DeepEqual(fast.entry, slow.entry) || fast.day != slow.day {
			t.Fatalf("%q:\nfast %+v\njson %+v", line, fast.entry, slow.entry)
		}
	})
}
