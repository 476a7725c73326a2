//go:build windows

package cue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"spineroutine/internal/i18n"
	"time"

	ole "github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

// On Windows the names of one's own moves are spoken by the system's
// speech synthesizer (SAPI 5, through its COM automation objects SpVoice
// and SpFileStream), with a voice of the language (by its Language
// attribute; in English the default voice when none is tagged US
// English), into a WAV file cached like the clips of Festival and
// espeak-ng elsewhere; espeak-ng, when it is on PATH, is the fallback.

// SAPI's constants (sapi.h).
const (
	sapiFormat22kHz16BitMono = 22 // SpeechAudioFormatType SAFT22kHz16BitMono
	sapiCreateForWrite       = 3  // SpeechStreamFileMode SSFMCreateForWrite
	sapiAsync                = 1  // SpeechVoiceSpeakFlags SVSFlagsAsync
)

// errNoVoice is the error when SAPI works but has no voice installed.
var errNoVoice = errors.New("no speech voice is installed in Windows (Settings, Time & language, Speech: add a voice)")

// sapiLanguages are the Windows language ids (LCID, hex) of the voice's
// languages, as SAPI voices list them in their Language attribute.
var sapiLanguages = map[i18n.Lang]string{i18n.English: "409", i18n.German: "407", i18n.Spanish: "c0a", i18n.French: "40c"}

// findSynthesizers returns SAPI's voice of g's language, then espeak-ng
// when it is installed; or an error for the user when there is neither.
func findSynthesizers(g *grammar) ([]synthesizer, error) {
	var out []synthesizer
	lcid := sapiLanguages[g.lang]
	name, sapiErr := sapiVoice(lcid, g.festival != "")
	if sapiErr == nil {
		out = append(out, synthesizer{tag: "sapi " + name, say: func(ctx context.Context, text, file string) error {
			return sapiSay(ctx, lcid, g.festival != "", text, file)
		}})
	}
	if s, ok := espeak(g.espeak); ok {
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the Windows speech synthesizer cannot speak: %w", sapiErr)
	}
	return out, nil
}

// withCOM runs f on a thread of its own with COM initialised (SAPI's
// objects belong to the thread that made them).
func withCOM(f func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := ole.CoInitializeEx(0, ole.COINIT_APARTMENTTHREADED); err != nil {
		var oe *ole.OleError
		if !errors.As(err, &oe) || oe.Code() != 1 { // S_FALSE: initialised already
			return fmt.Errorf("COM: %w", err)
		}
	}
	defer ole.CoUninitialize()
	return f()
}

// dispatch creates the COM object progID and returns its IDispatch.
func dispatch(progID string) (*ole.IDispatch, error) {
	unknown, err := oleutil.CreateObject(progID)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", progID, err)
	}
	defer unknown.Release()
	d, err := unknown.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", progID, err)
	}
	return d, nil
}

// voiceTokens lists SAPI's voices that match args (none: all) and counts
// them; the caller clears the list.
func voiceTokens(voice *ole.IDispatch, args ...any) (*ole.VARIANT, int32, error) {
	tokens, err := oleutil.CallMethod(voice, "GetVoices", args...)
	if err != nil {
		return nil, 0, fmt.Errorf("SAPI voices: %w", err)
	}
	count, err := oleutil.GetProperty(tokens.ToIDispatch(), "Count")
	if err != nil {
		tokens.Clear()
		return nil, 0, fmt.Errorf("SAPI voices: %w", err)
	}
	defer count.Clear()
	n, _ := count.Value().(int32)
	return tokens, n, nil
}

// pickVoice makes the voice of language lcid SpVoice's voice; without one
// it keeps the default voice when orDefault, else it fails.
func pickVoice(voice *ole.IDispatch, lcid string, orDefault bool) error {
	tokens, n, err := voiceTokens(voice, "Language="+lcid, "")
	if err != nil {
		return err
	}
	defer tokens.Clear()
	if n < 1 {
		if orDefault {
			return nil
		}
		return fmt.Errorf("no Windows speech voice speaks the language %s (Settings, Time & language, Speech: add one)", lcid)
	}
	token, err := oleutil.CallMethod(tokens.ToIDispatch(), "Item", 0)
	if err != nil {
		return fmt.Errorf("SAPI voice: %w", err)
	}
	defer token.Clear()
	if _, err := oleutil.PutPropertyRef(voice, "Voice", token.ToIDispatch()); err != nil {
		return fmt.Errorf("SAPI voice: %w", err)
	}
	return nil
}

// sapiVoice returns the description of SAPI's voice of language lcid (or
// its default voice when orDefault and none is), or why SAPI cannot speak
// (errNoVoice when no voice is installed).
func sapiVoice(lcid string, orDefault bool) (name string, err error) {
	err = withCOM(func() error {
		voice, err := dispatch("SAPI.SpVoice")
		if err != nil {
			return err
		}
		defer voice.Release()
		tokens, n, err := voiceTokens(voice)
		if err != nil {
			return err
		}
		defer tokens.Clear()
		if n < 1 {
			return errNoVoice
		}
		if err := pickVoice(voice, lcid, orDefault); err != nil {
			return err
		}
		token, err := oleutil.GetProperty(voice, "Voice")
		if err != nil {
			return fmt.Errorf("SAPI voice: %w", err)
		}
		defer token.Clear()
		desc, err := oleutil.CallMethod(token.ToIDispatch(), "GetDescription")
		if err != nil {
			return fmt.Errorf("SAPI voice: %w", err)
		}
		defer desc.Clear()
		name = desc.ToString()
		return nil
	})
	return name, err
}

// sapiSay speaks text with SAPI's voice of language lcid (see sapiVoice)
// into the WAV file out (22 kHz, 16 bits, mono), within ctx.
func sapiSay(ctx context.Context, lcid string, orDefault bool, text, out string) error {
	return withCOM(func() error {
		voice, err := dispatch("SAPI.SpVoice")
		if err != nil {
			return err
		}
		defer voice.Release()
		if err := pickVoice(voice, lcid, orDefault); err != nil {
			return err
		}
		stream, err := dispatch("SAPI.SpFileStream")
		if err != nil {
			return err
		}
		defer stream.Release()
		format, err := oleutil.GetProperty(stream, "Format")
		if err != nil {
			return fmt.Errorf("SAPI stream format: %w", err)
		}
		defer format.Clear()
		if _, err := oleutil.PutProperty(format.ToIDispatch(), "Type", sapiFormat22kHz16BitMono); err != nil {
			return fmt.Errorf("SAPI stream format: %w", err)
		}
		if _, err := oleutil.PutPropertyRef(stream, "Format", format.ToIDispatch()); err != nil {
			return fmt.Errorf("SAPI stream format: %w", err)
		}
		if _, err := oleutil.CallMethod(stream, "Open", out, sapiCreateForWrite, false); err != nil {
			return fmt.Errorf("SAPI %s: %w", out, err)
		}
		defer oleutil.CallMethod(stream, "Close")
		if _, err := oleutil.PutPropertyRef(voice, "AudioOutputStream", stream); err != nil {
			return fmt.Errorf("SAPI output: %w", err)
		}
		if _, err := oleutil.CallMethod(voice, "Speak", text, sapiAsync); err != nil {
			return fmt.Errorf("SAPI %q: %w", text, err)
		}
		wait := synthWait
		if d, ok := ctx.Deadline(); ok {
			wait = time.Until(d)
		}
		done, err := oleutil.CallMethod(voice, "WaitUntilDone", int32(wait/time.Millisecond))
		if err != nil {
			return fmt.Errorf("SAPI %q: %w", text, err)
		}
		defer done.Clear()
		if ok, _ := done.Value().(bool); !ok {
			return fmt.Errorf("SAPI %q: not spoken within %v", text, wait.Round(time.Second))
		}
		return nil
	})
}
