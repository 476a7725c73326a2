// Command fontinfo prints what font files say about themselves, from their
// name tables: one "  fonts: NAME, NAME, ..." line with their full names,
// then each distinct copyright notice on a "  copyright: NOTICE" line (the
// further lines of a notice indented under it). scripts/make-notices.sh
// runs it on each group of fonts Fyne embeds that share a licence file.
//
// Usage: go run ./fontinfo FONT...
package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"golang.org/x/image/font/sfnt"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: fontinfo FONT...")
		os.Exit(2)
	}
	var names, copyrights []string
	for _, path := range os.Args[1:] {
		name, copyright, err := describe(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "fontinfo: %v\n", err)
			os.Exit(1)
		}
		names = append(names, name)
		if copyright != "" && !slices.Contains(copyrights, copyright) {
			copyrights = append(copyrights, copyright)
		}
	}
	fmt.Printf("  fonts: %s\n", strings.Join(names, ", "))
	for _, c := range copyrights {
		fmt.Printf("  copyright: %s\n", strings.ReplaceAll(c, "\n", "\n      "))
	}
}

// describe reads the full name and the copyright notice ("" when it has
// none) of the font at path.
func describe(path string) (name, copyright string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", path, err)
	}
	if name, err = f.Name(nil, sfnt.NameIDFull); err != nil {
		return "", "", fmt.Errorf("%s: full name: %w", path, err)
	}
	name = strings.TrimSpace(name)
	copyright, err = f.Name(nil, sfnt.NameIDCopyright)
	if errors.Is(err, sfnt.ErrNotFound) {
		return name, "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("%s: copyright: %w", path, err)
	}
	return name, strings.TrimSpace(copyright), nil
}
