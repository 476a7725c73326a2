//go:build !linux

package sound

import (
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/speaker"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
)

// speakerBuffer is beep's speaker buffer where the ALSA output is not
// available (see alsa.go): 40 ms keeps every control heard within 150 ms.
const speakerBuffer = 40 * time.Millisecond

// speakerOutput is beep's speaker: one global output per process (oto).
type speakerOutput struct{}

// openOutput initialises beep's speaker.
func openOutput() (output, error) {
	if err := speaker.Init(cue.SampleRate, cue.SampleRate.N(speakerBuffer)); err != nil {
		return nil, err
	}
	return speakerOutput{}, nil
}

func (speakerOutput) Play(s beep.Streamer) { speaker.Play(s) }

func (speakerOutput) Clear() { speaker.Clear() }

func (speakerOutput) Close() {
	speaker.Clear()
	speaker.Close()
}

func (speakerOutput) Clock() schedule.Clock { return schedule.RealClock() }

// Latency: beep's buffer and oto's (the same size) and the driver's,
// measured through PulseAudio as 1.25 buffers.
func (speakerOutput) Latency() time.Duration { return speakerBuffer * 5 / 4 }
