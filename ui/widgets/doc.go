// Package widgets holds the leaf widgets of Spine Routine's window: the
// giant countdown, the thin progress bar, the calendar heat map, the pain
// chart and the buttons and boxes that pass the session keys on.
//
// Each follows Fyne's own split: a widget is exported state plus OnX
// callbacks, its canvas objects live in an unexported renderer made by
// CreateRenderer, and no widget knows its parent. Nothing here imports the
// rest of the ui package.
package widgets
