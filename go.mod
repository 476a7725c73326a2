module spineroutine

go 1.24

require (
	fyne.io/fyne/v2 v2.8.1 // indirect
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/faiface/beep v1.1.0 // indirect
)
