//go:build linux

package sound

/*
#cgo pkg-config: alsa
#include <alsa/asoundlib.h>

// setup sets 16-bit interleaved stereo at rate with a buffer of about
// *buffer frames, woken each *period frames; playback starts as soon as
// samples are written.
static int setup(snd_pcm_t *h, unsigned rate, snd_pcm_uframes_t *buffer, snd_pcm_uframes_t *period) {
	snd_pcm_hw_params_t *hw;
	snd_pcm_sw_params_t *sw;
	int err;
	snd_pcm_hw_params_alloca(&hw);
	snd_pcm_sw_params_alloca(&sw);
	if ((err = snd_pcm_hw_params_any(h, hw)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_access(h, hw, SND_PCM_ACCESS_RW_INTERLEAVED)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_format(h, hw, SND_PCM_FORMAT_S16_LE)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_channels(h, hw, 2)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_rate_resample(h, hw, 1)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_rate(h, hw, rate, 0)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_buffer_size_near(h, hw, buffer)) < 0) return err;
	if ((err = snd_pcm_hw_params_set_period_size_near(h, hw, period, NULL)) < 0) return err;
	if ((err = snd_pcm_hw_params(h, hw)) < 0) return err;
	if ((err = snd_pcm_sw_params_current(h, sw)) < 0) return err;
	if ((err = snd_pcm_sw_params_set_start_threshold(h, sw, 1)) < 0) return err;
	return snd_pcm_sw_params(h, sw);
}
*/
import "C"

import (
	"fmt"
	"sync"
	"time"
	"unsafe"

	"github.com/faiface/beep"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
)

// The ALSA output replaces beep's speaker on Linux. beep's speaker (oto
// v0.7) blocks in snd_pcm_writei on a goroutine, behind two pipes: every
// blocking cgo call wakes Go's sysmon, which then polls. This output opens
// the device non-blocking and tops its buffer up from one goroutine on a
// Go timer each period: no blocking call, no pipe, one wake-up per period.
// Measured alternately, 3 rounds, with TestPlayerThroughPulseAudio (the
// CPU of the playing process through PulseAudio, machine load 12-15 on 2
// cores; the skip by TestSkipHeardSoon):
//
//	output                              CPU        cue onsets, worst  skip heard after
//	beep speaker, 40 ms                 8.5-8.7 %  9-17 ms            78 ms
//	beep speaker, 250 ms                4.0-4.6 %  > 30 ms            > 300 ms
//	this, 100 ms buffer, 50 ms period   4.0-4.6 %  0.05-7 ms          75-80 ms
//
// A larger buffer would need cutting short on every control; this one is
// small enough that pause and skip are heard within 100 ms, and cheap
// because of how it is fed, not of its size. Cue timing does not depend on
// it: the Track places every sound at its sample, and this output tells
// it, through its clock, when the next sample will be heard
// (snd_pcm_delay: through PulseAudio that reading minus the samples
// written stays within 0.1 ms over a session), so it anchors exactly.
const (
	alsaBuffer = 100 * time.Millisecond
	alsaPeriod = 50 * time.Millisecond
)

// alsaOutput plays a beep.Mixer through ALSA's "default" device.
type alsaOutput struct {
	h       *C.snd_pcm_t
	frames  int // buffer size in frames
	mu      sync.Mutex
	mixer   beep.Mixer
	samples [][2]float64
	buf     []int16
	clock   deviceClock
	quit    chan struct{}
	done    chan struct{}
}

func alsaErr(what string, code C.int) error {
	return fmt.Errorf("%s: %s", what, C.GoString(C.snd_strerror(code)))
}

// openOutput opens the default ALSA device and starts feeding it.
func openOutput() (output, error) {
	o := &alsaOutput{quit: make(chan struct{}), done: make(chan struct{})}
	name := C.CString("default")
	defer C.free(unsafe.Pointer(name))
	if code := C.snd_pcm_open(&o.h, name, C.SND_PCM_STREAM_PLAYBACK, C.SND_PCM_NONBLOCK); code < 0 {
		return nil, alsaErr("open the default device", code)
	}
	buffer := C.snd_pcm_uframes_t(cue.SampleRate.N(alsaBuffer))
	period := C.snd_pcm_uframes_t(cue.SampleRate.N(alsaPeriod))
	if code := C.setup(o.h, C.uint(cue.SampleRate), &buffer, &period); code < 0 {
		C.snd_pcm_close(o.h)
		return nil, alsaErr("set up the device", code)
	}
	o.frames = int(buffer)
	o.samples = make([][2]float64, o.frames)
	o.buf = make([]int16, 2*o.frames)
	o.clock.latency = o.Latency()
	go o.run(time.Duration(period) * time.Second / time.Duration(cue.SampleRate))
	return o, nil
}

// run tops the buffer up every period until close.
func (o *alsaOutput) run(period time.Duration) {
	defer close(o.done)
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		o.fill()
		select {
		case <-o.quit:
			return
		case <-tick.C:
		}
	}
}

// fill writes as many frames as the buffer has room for.
func (o *alsaOutput) fill() {
	avail := C.snd_pcm_avail(o.h)
	if avail < 0 {
		// An underrun (the process was starved) or a suspend: start again.
		if code := C.snd_pcm_recover(o.h, C.int(avail), 1); code < 0 {
			return
		}
		avail = C.snd_pcm_sframes_t(o.frames)
	}
	n := min(int(avail), o.frames)
	if n <= 0 {
		return
	}
	var delay C.snd_pcm_sframes_t
	if C.snd_pcm_delay(o.h, &delay) < 0 || delay < 0 {
		delay = C.snd_pcm_sframes_t(o.frames - n)
	}
	o.clock.set(time.Now().Add(cue.SampleRate.D(int(delay))))
	o.mu.Lock()
	o.mixer.Stream(o.samples[:n])
	o.mu.Unlock()
	for i, s := range o.samples[:n] {
		o.buf[2*i] = toInt16(s[0])
		o.buf[2*i+1] = toInt16(s[1])
	}
	if w := C.snd_pcm_writei(o.h, unsafe.Pointer(&o.buf[0]), C.snd_pcm_uframes_t(n)); w < 0 {
		// An underrun or a suspend since snd_pcm_avail: these frames are
		// lost (a gap of at most one period, as in an underrun). Recover
		// so that the next period's write plays; when that fails too,
		// the next fill's snd_pcm_avail reports it and tries again.
		C.snd_pcm_recover(o.h, C.int(w), 1)
	}
}

func toInt16(v float64) int16 {
	return int16(max(-1, min(1, v)) * (1<<15 - 1))
}

// Play adds s to what plays.
func (o *alsaOutput) Play(s beep.Streamer) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.mixer.Add(s)
}

// Clear stops everything playing.
func (o *alsaOutput) Clear() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.mixer.Clear()
}

// Close drops what is buffered and closes the device.
func (o *alsaOutput) Close() {
	close(o.quit)
	<-o.done
	C.snd_pcm_drop(o.h)
	C.snd_pcm_close(o.h)
}

// Clock returns the device clock for the Track.
func (o *alsaOutput) Clock() schedule.Clock { return &o.clock }

// Latency is the delay of a sample written to a full buffer.
func (o *alsaOutput) Latency() time.Duration { return cue.SampleRate.D(o.frames) }

// deviceClock is the clock the Track of an alsaOutput reads: at each
// Stream call it returns the instant the next sample will be heard minus
// the output latency, so that the Track, which expects that sample to be
// heard one latency after the instant it reads, anchors exactly whatever
// the delay of the wake-up. It is meant for the Track alone.
type deviceClock struct {
	mu      sync.Mutex
	latency time.Duration
	at      time.Time // instant the next sample is heard
}

func (c *deviceClock) set(heard time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = heard
}

// Now returns the instant the next sample is heard minus the latency.
func (c *deviceClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at.Add(-c.latency)
}

// AfterFunc is the real clock's.
func (c *deviceClock) AfterFunc(d time.Duration, f func()) func() bool {
	return schedule.RealClock().AfterFunc(d, f)
}
